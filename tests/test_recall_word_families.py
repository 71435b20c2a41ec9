"""Junk told by its words, on whole drafts: the families of the recall round (disclosures,
press-wire notes, form and widget messages, newsletter, consent, comment-form and paywall
lines), each in several pack languages, between two paragraphs of prose.

Each rule's own examples test it line by line; these read a draft as the linter does, in
its language, so that a pack's rule that specialises a core one, or a family that another
rule already reports, shows up here: one finding on the line, from the family's rule.
"""

from __future__ import annotations

import pytest
from chrome_drafts import PROSE, findings

from newslint import lint_text
from newslint.engine import Options


def ad_findings(chrome: str, language: str) -> list[tuple[int, str]]:
    """(line, rule) of every ad-text finding on a draft: two paragraphs of prose around the line."""
    text = f"{PROSE[language]}\n\n{chrome}\n\n{PROSE[language]}\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("ad-text",), language=language))
    return [(f.line, f.rule) for f in result.findings]


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        (
            "en",
            "When you purchase through links on our site, we may earn an affiliate commission. Here’s how it works.",
            "ad-text/affiliate-disclosure",
        ),
        (
            "en",
            "eWEEK content and product recommendations are editorially independent. We may make money when you "
            "click on links to our partners. Learn More.",
            "ad-text/affiliate-disclosure",
        ),
        ("de", "Dieser Artikel enthält Affiliate-Links.", "ad-text/affiliate-disclosure"),
        ("fr", "Cet article contient des liens affiliés.", "ad-text/affiliate-disclosure"),
        ("es", "Este artículo contiene enlaces de afiliados.", "ad-text/affiliate-disclosure"),
        ("pt", "Podemos receber uma comissão pelas compras feitas através dos links.", "ad-text/affiliate-disclosure"),
        ("id", "Artikel ini berisi tautan afiliasi.", "ad-text/affiliate-disclosure"),
        ("ms", "Artikel ini mengandungi pautan afiliat.", "ad-text/affiliate-disclosure"),
        ("en", "Created for and commissioned by IBM.", "ad-text/sponsor-disclosure"),
        ("es", "Contenido patrocinado por Acme", "ad-text/sponsor-disclosure"),
        ("en", "Advertisement will run for seconds. Continue to site »", "ad-text/interstitial-ad"),
        ("de", "Werbung überspringen", "ad-text/interstitial-ad"),
        ("en", "How relevant is this ad to you?", "ad-text/ad-feedback"),
        ("fr", "Liens sponsorisés", "ad-text/recommendation-label"),
        ("ms", "Kandungan Berbayar", "ad-text/recommendation-label"),
    ],
)
def test_a_disclosure_or_ad_widget_is_reported_once(language: str, chrome: str, rule: str) -> None:
    assert ad_findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        ("de", "Original-Content von: TravelTrex GmbH, übermittelt durch news aktuell", "markup/press-wire-note"),
        ("de", "Über dieses Thema berichtete tagesschau24 am 01. März 2022 um 09:00 Uhr.", "markup/press-wire-note"),
        (
            "en",
            "View source version on businesswire.com: https://www.businesswire.com/news/home/1/en/",
            "markup/press-wire-note",
        ),
        (
            "es",
            "Vea la versión original en businesswire.com: https://www.businesswire.com/news/home/1/es/",
            "markup/press-wire-note",
        ),
        ("en", "There was a problem. Please refresh the page and try again.", "markup/form-message"),
        ("fr", "Une erreur s'est produite. Veuillez réessayer.", "markup/form-message"),
        ("id", "Terjadi kesalahan. Silakan coba lagi.", "markup/form-message"),
        ("en", "Hi, what are you looking for?", "markup/search-prompt"),
        ("es", "¿Qué estás buscando?", "markup/search-prompt"),
        ("en", "Click 'OK' then 'Allow' to enable notifications", "markup/push-prompt"),
        ("pt", "Ative as notificações", "markup/push-prompt"),
        ("en", "This article is more than 1 year old", "markup/article-age"),
        ("fr", "Cet article date de plus d'un an", "markup/article-age"),
        ("en", "Powered by WordPress VIP", "markup/site-credit"),
        ("fr", "Fièrement propulsé par WordPress", "markup/site-credit"),
        ("en", "See photos from this story:", "markup/gallery-link"),
        ("de", "Bild 3 von 12", "markup/gallery-link"),
        ("en", "Go VIP - One Month for Only $1", "markup/subscription-offer"),
        ("pt", "Assine por apenas R$ 1,90", "markup/subscription-offer"),
        ("en", "Topics: Australia", "markup/tag-line"),
        ("es", "Archivado en:", "markup/tag-line"),
        ("en", "Allow Twitter content?", "markup/embed-consent"),
        ("de", "Empfohlener redaktioneller Inhalt", "markup/embed-consent"),
        ("en", "Shares fell 3%, the exchange said, opens new tab on Monday.", "markup/link-hint"),
        ("fr", "06/11/18 | ROUTE DU RHUM", "markup/teaser-stamp"),
        ("es", "En Xataka | Qué son los coches de kilómetro 0", "markup/related-link"),
        ("fr", "Notre dossier sur Free et les Freebox One/Delta :", "markup/related-link"),
    ],
)
def test_a_new_word_family_is_reported_once(language: str, chrome: str, rule: str) -> None:
    assert findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        (
            "en",
            "Roula Khalaf, Editor of the FT, selects her favourite stories in this weekly newsletter.",
            "markup/newsletter-prompt",
        ),
        ("en", "Click here to get the free daily TechFlash Silicon Valley newsletter", "markup/newsletter-prompt"),
        ("pt", "Quero receber a newsletter O Antagonista gratuitamente", "markup/newsletter-prompt"),
        (
            "en",
            "By clicking Sign Up you confirm you have read and agree to our Terms of Use.",
            "markup/newsletter-prompt",
        ),
        (
            "en",
            "We and our partners: (163) process personal data such as IP Address, Unique ID, browsing data for: "
            "Store and/or access information on a device",
            "markup/consent-dialog",
        ),
        (
            "en",
            "Some partners do not ask for your consent to process your data, instead, they rely on their "
            "legitimate business interest.",
            "markup/consent-dialog",
        ),
        (
            "de",
            "Einige Partner bitten nicht um Ihre Einwilligung zur Verarbeitung Ihrer Daten.",
            "markup/consent-dialog",
        ),
        (
            "es",
            "EL ESPAÑOL utiliza cookies. Al seguir navegando entendemos que acepta nuestra política de cookies.",
            "markup/site-notice",
        ),
        (
            "en",
            "By clicking “Accept All Cookies”, you agree to the storing of cookies on your device.",
            "markup/site-notice",
        ),
        ("en", "Reason for reporting:", "markup/comment-section"),
        ("es", "Correo electrónico *", "markup/comment-section"),
        ("fr", "Votre adresse e-mail ne sera pas publiée.", "markup/comment-section"),
        ("en", "Log In/Connect with:", "markup/login-prompt"),
        ("pt", "Caro assinante:", "markup/paywall-prompt"),
        ("es", "Suscríbete y lee sin límites", "markup/paywall-prompt"),
        ("en", "Advertise with TechnologyAdvice on eWeek and our other IT-focused platforms.", "markup/outlet-promo"),
        ("id", "Ikuti berita terkini dari Kompas.com di Google News", "markup/outlet-promo"),
        ("en", "Please use Chrome, Safari, Firefox, or Edge to view this site.", "markup/site-terms-notice"),
        ("en", "Our Standards: The Thomson Reuters Trust Principles.", "markup/site-terms-notice"),
        ("en", "Fast Company & Inc © 2016 Mansueto Ventures, LLC", "markup/copyright-notice"),
        ("de", "Video 01.03.2022 - 17:59 Uhr", "markup/video-teaser"),
        ("pt", "Siga o canal do g1 no WhatsApp", "markup/follow-prompt"),
        ("ms", "Klik di sini untuk terus membaca", "markup/click-here-line"),
        ("pt", "Clique para salvar o link", "markup/control-label"),
    ],
)
def test_a_widened_family_reports_its_new_variant_once(language: str, chrome: str, rule: str) -> None:
    assert findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, prose",
    [
        ("en", "The site may earn a commission when readers buy through its links, the regulator said."),
        ("de", "Der Makler erhält eine Provision von drei Prozent, sagte die Verbraucherzentrale."),
        ("en", "Sponsored by the city, the festival drew 20,000 people."),
        ("en", "Something went wrong, the pilot told the tower, and the plane turned back."),
        ("en", "What are you looking for in a new car? Most buyers named safety first."),
        ("en", "Users can enable notifications in the settings menu, the company said."),
        ("en", "About 40 percent of the web is powered by WordPress, the company says."),
        ("en", "Tickets for the match cost only $12, the club said."),
        ("en", "I want to receive my pension on time, the retiree told the minister."),
        ("en", "We and our partners process personal data only to run the clinic, the doctors told patients."),
        ("de", "Einige Partner verweigern ihre Zustimmung zum Haushalt, sagte der Kanzler."),
        ("en", "Your email address will not be published in the report, the regulator promised."),
        ("en", "Market data provided by the exchange showed a sharp fall."),
        ("en", "This story was produced in partnership with The Marshall Project."),
        ("es", "En España | La inflación sube. El Gobierno culpa a la energía."),
    ],
)
def test_prose_that_uses_a_familys_words_is_left_alone(language: str, prose: str) -> None:
    text = f"{PROSE[language]}\n\n{prose}\n\n{PROSE[language]}\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup", "ad-text"), language=language))
    assert [(f.line, f.rule) for f in result.findings] == []


def test_a_plain_text_drafts_iso_date_line_is_left_alone() -> None:
    """A plain-text draft may print its date as a timestamp under the title: metadata, not chrome."""
    text = f"Council approves the budget\n\n2018-10-09T09:40:04+01:00\n\n{PROSE['en']}\n\n{PROSE['en']}\n"
    assert findings_of(text) == []


def findings_of(text: str) -> list[tuple[int, str]]:
    result = lint_text(text, path="draft.txt", options=Options(select=("markup", "ad-text"), language="en"))
    return [(f.line, f.rule) for f in result.findings]


def test_a_record_labels_fact_box_is_not_a_tag_line() -> None:
    """A review's fact box names the record label ("Label:"), which is no tag box."""
    assert findings("Label:", "en") == []

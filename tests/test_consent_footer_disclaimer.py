"""A consent manager's settings panel, a site's footer or account menu, a comment section's
disclaimer and a paywall's greeting, on whole drafts in every pack language: each is reported
by its family's rule, and an article's own lines about cookies, contacts or comments are not.
"""

from __future__ import annotations

import pytest
from chrome_drafts import PROSE, findings

from newslint import lint_text
from newslint.engine import Options

ARTICLE = {
    "en": "The council approved the budget on Tuesday after a debate that lasted for most of the afternoon session.\n\n"
    "The mayor said the new plan would fund three schools and a clinic in the northern district.",
    "de": "Der Stadtrat hat den Haushalt am Dienstag nach einer langen Debatte mit knapper Mehrheit beschlossen.\n\n"
    "Der Bürgermeister sagte, der Plan finanziere drei Schulen und eine Klinik im Norden der Stadt.",
    "fr": "Le conseil municipal a adopté le budget mardi soir, après un débat qui a duré presque tout l'après-midi.\n\n"
    "Le maire a déclaré que le plan financerait trois écoles et un dispensaire dans le nord de la ville.",
    "es": "El pleno aprobó el presupuesto el martes después de un debate que duró casi toda la tarde de la sesión.\n\n"
    "El alcalde dijo que el plan financiará tres escuelas y un centro de salud en el distrito norte.",
    "pt": "A câmara aprovou o orçamento na terça-feira depois de um debate que durou quase toda a tarde da sessão.\n\n"
    "O prefeito disse que o plano vai financiar três escolas e uma clínica na zona norte da cidade.",
    "id": "Dewan kota menyetujui anggaran pada Selasa setelah perdebatan yang berlangsung hampir sepanjang sore.\n\n"
    "Wali kota mengatakan rencana itu akan membiayai tiga sekolah dan sebuah klinik di wilayah utara.",
    "ms": "Majlis bandaraya meluluskan bajet pada Selasa selepas perbahasan yang berlangsung hampir sepanjang "
    "petang.\n\n"
    "Datuk Bandar berkata rancangan itu akan membiayai tiga sekolah dan sebuah klinik di kawasan utara.",
}


def rules_by_line(text: str, language: str) -> dict[int, set[str]]:
    result = lint_text(text, path="draft.txt", options=Options(select=("markup",), language=language))
    out: dict[int, set[str]] = {}
    for finding in result.findings:
        out.setdefault(finding.line, set()).add(finding.rule)
    return out


@pytest.mark.parametrize(
    "language, chrome",
    [
        ("en", "These cookies are necessary for the website to function and cannot be switched off in our systems."),
        ("en", "These cookies enable the website to provide enhanced functionality and personalisation."),
        ("en", "Strictly Necessary Cookies"),
        ("en", "Always Active"),
        ("en", "Use precise geolocation data. Actively scan device characteristics for identification."),
        ("de", "Diese Cookies sind für die Funktion unserer Website erforderlich und können nicht deaktiviert werden."),
        ("de", "Alle akzeptieren"),
        ("fr", "Ces cookies sont nécessaires au fonctionnement du site et ne peuvent pas être désactivés."),
        ("fr", "Tout accepter"),
        ("es", "Estas cookies son necesarias para que nuestro sitio web funcione."),
        ("es", "Cookies de rendimiento"),
        ("pt", "Estes cookies são necessários para que o nosso site funcione."),
        ("pt", "Aceitar todos"),
        ("id", "Cookie ini diperlukan agar situs web kami dapat berfungsi."),
        ("ms", "Jika anda tidak membenarkan kuki ini, sesetengah bahagian laman web kami tidak berfungsi."),
    ],
)
def test_a_consent_panel_line_is_reported(language: str, chrome: str) -> None:
    assert (3, "markup/consent-category") in findings(chrome, language)


@pytest.mark.parametrize(
    "language, prose",
    [
        ("en", "These cookies let advertisers follow a person from one site to the next, the researchers found."),
        ("en", "Performance cookies were the focus of the regulator's report on Tuesday."),
        ("en", "Always active in the community, she founded the food bank in 1998."),
        ("de", "Diese Cookies verfolgen Nutzer über viele Seiten hinweg, sagte die Datenschützerin."),
        ("fr", "Ces cookies publicitaires suivent les internautes d'un site à l'autre, selon l'étude."),
        ("pt", "Aceitar todos os pedidos seria impossível, disse o prefeito aos vereadores."),
    ],
)
def test_an_article_sentence_about_cookies_is_prose(language: str, prose: str) -> None:
    assert findings(prose, language) == []


FOOTERS = {
    "en": "Subscribe to The Courier\n\nRenew\n\nGive a gift\n\nCustomer Service",
    "de": "Impressum\n\nDatenschutz\n\nMediadaten\n\nAGB",
    "fr": "Mentions légales\n\nNous contacter\n\nPlan du site",
    "es": "Aviso legal\n\nContacto\n\nPolítica de privacidad",
    "pt": "Expediente\n\nFale conosco\n\nAnuncie\n\nTermos de uso",
    "id": "Redaksi\n\nPedoman Media Siber\n\nKebijakan Privasi",
    "ms": "Hubungi Kami\n\nPenafian\n\nTerma Penggunaan",
}


@pytest.mark.parametrize("language", sorted(FOOTERS))
def test_a_footer_menu_after_the_article_is_reported_line_by_line(language: str) -> None:
    menu = FOOTERS[language]
    text = f"{ARTICLE[language]}\n\n{menu}\n"
    found = rules_by_line(text, language)
    first = 5
    for k in range(menu.count("\n\n") + 1):
        assert "markup/footer-menu" in found.get(first + 2 * k, set()), (k, found)


def test_one_contact_line_or_a_sentence_about_contacts_is_no_menu() -> None:
    text = (
        f"{ARTICLE['en']}\n\nContact us\n\n{PROSE['en']}\n\nContact us for details.\n\n"
        "Read our privacy policy.\n\nHelp is on the way, the mayor said.\n"
    )
    assert not any("markup/footer-menu" in rules for rules in rules_by_line(text, "en").values())


DISCLAIMERS = {
    "en": "Comments do not represent the views of this site and are the sole responsibility of their authors.",
    "de": "Die Kommentare geben nicht die Meinung der Redaktion wieder.",
    "fr": "Les commentaires n'engagent que leurs auteurs.",
    "es": "Los comentarios son responsabilidad exclusiva de sus autores.",
    # the section's house rules after the disclaimer: a notice of 41 words
    "pt": (
        "Os comentários não representam a opinião do site; a responsabilidade é do autor da mensagem. "
        "Em respeito a todos os leitores, não são publicados comentários que contenham palavras ou "
        "conteúdos grosseiros, difamatórios ou que infrinjam as leis."
    ),
    "id": "Komentar yang tampil sepenuhnya menjadi tanggung jawab pengirim.",
    "ms": "Segala komen adalah tanggungjawab pembaca.",
}
POSTS = {
    "en": "This is long overdue, the northern district has waited for years.\n\nWho pays for it? Not the mayor.",
    "de": "Endlich passiert etwas im Norden der Stadt.\n\nUnd wer zahlt das am Ende? Wir natürlich.",
    "fr": "Il était temps, le quartier nord attend depuis dix ans.\n\nEt qui paie ? Nous, comme toujours.",
    "es": "Ya era hora, el barrio norte lleva años esperando.\n\n¿Y quién paga? Nosotros, como siempre.",
    "pt": "Já era hora, a zona norte espera há anos.\n\nE quem paga a conta? Nós, como sempre.",
    "id": "Akhirnya ada klinik juga di utara, sudah lama kami menunggu.\n\nSiapa yang bayar? Kita lagi.",
    "ms": "Akhirnya ada klinik di utara, sudah lama kami tunggu.\n\nSiapa yang bayar? Kita juga.",
}


@pytest.mark.parametrize("language", sorted(DISCLAIMERS))
def test_a_comment_disclaimer_opens_the_thread_after_it(language: str) -> None:
    text = f"{ARTICLE[language]}\n\n{DISCLAIMERS[language]}\n\n{POSTS[language]}\n"
    found = rules_by_line(text, language)
    for line in (5, 7, 9):
        assert "markup/comment-thread" in found.get(line, set()), (line, found)
    assert not found.get(1) and not found.get(3)


def test_a_sentence_that_reports_comments_is_no_disclaimer() -> None:
    text = (
        f"{ARTICLE['en']}\n\nThe comments do not reflect the views of the whole council, the mayor said.\n\n"
        f"{PROSE['en']}\n"
    )
    assert not any("markup/comment-thread" in rules for rules in rules_by_line(text, "en").values())


@pytest.mark.parametrize(
    "language, chrome",
    [
        ("pt", "Caro assinante: Deseja continuar a leitura? Faça login."),
        ("en", "Dear subscriber, do you want to keep reading? Log in with your account."),
        ("de", "Weiterlesen mit SZ Plus"),
        ("fr", "Lire la suite avec votre abonnement"),
    ],
)
def test_a_paywall_greeting_is_reported(language: str, chrome: str) -> None:
    assert (3, "markup/paywall-prompt") in findings(chrome, language)


def test_a_letter_to_readers_is_no_paywall() -> None:
    text = f"{PROSE['pt']}\n\nCaro leitor, a prefeitura não respondeu às perguntas enviadas.\n\n{PROSE['pt']}\n"
    result = lint_text(text, path="draft.txt", options=Options(select=("markup",), language="pt"))
    assert [f.rule for f in result.findings] == []


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        ("en", "Use of this site constitutes acceptance of our user agreement.", "markup/site-terms-notice"),
        ("en", "This page is best viewed in an up-to-date web browser.", "markup/site-terms-notice"),
        ("de", "Bitte aktivieren Sie JavaScript, um diesen Inhalt zu sehen.", "markup/site-terms-notice"),
        ("fr", "Cours différés de 15 minutes.", "markup/site-terms-notice"),
        ("pt", "O uso deste site implica a aceitação dos termos de uso.", "markup/site-terms-notice"),
        ("id", "Aktifkan JavaScript untuk melihat konten ini.", "markup/site-terms-notice"),
        ("en", "You may place this material on your blog by copying the link.", "markup/embed-prompt"),
        ("es", "Enviar esta noticia por correo", "markup/embed-prompt"),
        ("de", "Redakteur (m/w/d) Beispiel Verlag GmbH, Hamburg", "markup/job-listing"),
        ("fr", "Développeur web (H/F) Exemple SAS, Lyon", "markup/job-listing"),
        ("en", "If you liked this article, be sure to recommend it.", "markup/share-request"),
        ("ms", "Jika anda suka artikel ini, kongsikan bersama rakan.", "markup/share-request"),
        ("es", "Siguiente artículo", "markup/widget-line"),
        ("pt", "Próximo artigo", "markup/widget-line"),
        ("id", "Artikel sebelumnya", "markup/widget-line"),
        ("ms", "Artikel seterusnya", "markup/widget-line"),
        ("en", "Most Sent »", "markup/widget-line"),
    ],
)
def test_a_site_notice_or_prompt_is_reported(language: str, chrome: str, rule: str) -> None:
    assert (3, rule) in findings(chrome, language)


@pytest.mark.parametrize(
    "language, prose",
    [
        ("en", "Use of this site by children is banned under the new law, the minister said."),
        ("en", "Most viewed the decision as a failure, a poll found."),
        ("de", "Die Firma sucht einen Softwareentwickler (m/w/d) für ihr Werk in Obersulm."),
        ("en", "Readers who liked this article shared it widely, the editor said."),
        ("es", "Siguiente noticia que dio el gobierno fue la subida de impuestos."),
    ],
)
def test_an_article_sentence_like_a_notice_is_prose(language: str, prose: str) -> None:
    assert findings(prose, language) == []

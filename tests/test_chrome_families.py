"""The phrase and pattern chrome families of rules/core/chrome.yaml, on whole drafts.

Each rule's own examples test it line by line; these tests read a draft as the
linter does, in the language it is detected or declared in, so that they see what
one line cannot: which rule reports a line when a pack's phrase list knows it too,
and that an article's own prose around the chrome is left alone.
"""

from __future__ import annotations

from collections import Counter

import pytest
from chrome_drafts import PROSE, findings

from newslint import lint_text
from newslint.engine import Options


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        ("id", "© 2008 - 2015 PT. Kompas Cyber Media. All Rights Reserved.", "markup/copyright-notice"),
        ("fr", "tous droits réservés sur les contenus du site", "markup/copyright-notice"),
        ("de", "Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter!", "markup/newsletter-prompt"),
        ("fr", "J'accepte de recevoir la newsletter quotidienne du Figaro.fr", "markup/newsletter-prompt"),
        ("de", "Adblocker deaktiviert?", "markup/site-notice"),
        ("de", "Impressum Datenschutzerklärung", "markup/site-notice"),
        (
            "fr",
            "Nous utilisons les témoins de navigation (cookies) afin d’améliorer nos services.",
            "markup/site-notice",
        ),
        ("fr", "Déjà 310000 abonnés !", "markup/outlet-promo"),
        ("fr", "Découvrez Libé sur votre iPhone", "markup/outlet-promo"),
        ("en", "Add your name to millions demanding that Congress take action. IMPEACH NOW!", "markup/outlet-promo"),
        ("fr", "Vous pouvez lire Le Monde sur un seul appareil à la fois", "markup/device-limit"),
        ("es", "Date de alta: es fácil, gratis y podrás:", "markup/paywall-prompt"),
        ("fr", "Mot de passe oublié ?", "markup/paywall-prompt"),
        ("es", "Enviar mensaje a PepeChan", "markup/comment-section"),
        ("en", "196 SHARES Facebook Twitter", "markup/share-widget"),
        ("en", "7k SHARES SHARE THIS STORY", "markup/share-widget"),
        ("en", "Story highlights Bush will deliver his first lecture on Thursday", "markup/summary-label"),
        ("en", "Source:http://www.breitbart.com", "markup/source-link"),
        ("en", "Popular Video This young singer was shocked when the star invited her.", "markup/video-teaser"),
        ("id", "Your Browser didnt support iframe", "markup/embed-fallback"),
        ("fr", "Temps de Lecture 4 min.", "markup/view-counter"),
        ("fr", "Ses derniers articles", "markup/widget-line"),
        ("en", "Follow us on Twitter", "markup/outlet-promo"),
        ("ms", "Follow us on Facebook", "markup/outlet-promo"),
        ("de", "Folgen Sie uns auf Instagram", "markup/outlet-promo"),
    ],
)
def test_a_chrome_line_is_reported_once_by_its_family(language: str, chrome: str, rule: str) -> None:
    assert findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, chrome",
    [
        ("en", "Sign up for our newsletter"),
        ("fr", "Inscrivez-vous à la newsletter"),
        ("es", "Suscríbete a nuestra newsletter"),
        ("en", "Follow us"),
        ("ms", "Ikuti kami di"),
        ("id", "Bagikan artikel ini"),
        ("id", "Share article"),
        ("id", "Ikuti Whatsapp Channel Republika"),
    ],
)
def test_a_line_of_a_packs_phrase_list_gets_no_second_finding(language: str, chrome: str) -> None:
    """The families leave bare sign-up, follow and share labels to the pack's phrase lists."""
    reported = findings(chrome, language)
    assert reported, "the pack's phrase list reports the line"
    assert max(Counter(line for line, _ in reported).values()) == 1, reported


@pytest.mark.parametrize(
    "language, prose",
    [
        ("en", "Copyright law changed in 2019, when parliament passed the reform."),
        ("en", "Stay informed about the symptoms and see a doctor if they persist, the ministry said."),
        ("de", "Werbeblocker werden von einem Drittel der Nutzer verwendet, ergab die Studie."),
        ("en", "The hackers read her messages on another device, police said."),
        ("fr", "La boutique du quartier a fermé ses portes en 2019."),
        ("en", "To comment on the plan, residents must be registered voters in the district, the council said."),
        ("en", "Source: Reuters"),
        ("id", "Kompas.com melaporkan bahwa jalan tol itu diresmikan pada Senin."),
    ],
)
def test_prose_that_resembles_a_family_is_left_alone(language: str, prose: str) -> None:
    assert findings(prose, language) == []


@pytest.mark.parametrize(
    "language, chrome, rule",
    [
        (
            "id",
            "Sidang dipimpin hakim Arif dan Sumartanto.Baca JugaWarga Bandung Terkena Virus",
            "markup/inline-read-also",
        ),
        (
            "id",
            "Film itu tayang pekan depan. Baca artikel menarik lainnya:Devano Beberkan Tantangan",
            "markup/inline-read-also",
        ),
        (
            "id",
            "Simak update terbaru hanya di KapanLagi, karena kalau bukan sekarang, kapan lagi?",
            "markup/site-promo",
        ),
        ("id", "Baca kisah inspiratif kandidat polisi teladan di sini", "markup/click-here-line"),
        (
            "id",
            'ini kan ibarat main bola," lanjut Pras. (eva/fca) badan komunikasi pemerintah pco prabowo subianto',
            "markup/glued-tag-list",
        ),
        ("ms", "Dapatkan maklumat lanjut di Pusat Maklumat dan Arkib Media Mulia Sdn Bhd.", "markup/archive-promo"),
        ("ms", "Antara peristiwa lain yang menarik", "markup/widget-line"),
        ("en", "Prices rose again in May. READ MORE: Inflation Hits a Ten-Year High", "markup/inline-read-also"),
        ("fr", "Les prix ont encore augmenté en mai. Lire aussi : La BCE relève ses taux", "markup/inline-read-also"),
        ("es", "Los precios subieron en mayo. Lee también: El BCE sube los tipos", "markup/inline-read-also"),
        ("pt", "Os preços subiram em maio. Leia também: BC eleva os juros", "markup/inline-read-also"),
        ("de", "Die Preise stiegen im Mai. Mehr zum Thema: EZB erhöht die Zinsen", "markup/inline-read-also"),
        ("ms", "Harga naik lagi pada Mei. Baca juga: Bank Negara naikkan kadar", "markup/inline-read-also"),
        ("en", "Prices rose again in May.Join our WhatsApp channel for the latest news.", "markup/follow-prompt"),
        ("es", "Vea todos los blogs", "markup/widget-line"),
    ],
)
def test_a_glued_or_inline_widget_is_reported_once(language: str, chrome: str, rule: str) -> None:
    assert findings(chrome, language) == [(3, rule)]


@pytest.mark.parametrize(
    "language, prose",
    [
        ("id", "Warga dapat menemukan informasi terbaru di situs BMKG, kata petugas kepada wartawan."),
        ("id", "Mereka sudah lama tinggal di sini dan tidak mau pindah ke tempat lain, kata warga."),
        ("id", "Harga cabai naik (kg/hari) menurut data dinas pertanian pada pekan lalu."),
        ("ms", "Orang ramai boleh mendapatkan maklumat lanjut di laman web rasmi jabatan itu, katanya."),
        ("en", "He urged voters to read more. Related questions were left for the next meeting."),
        ("fr", "Il a conseillé de lire aussi : les conditions générales, selon l'association."),
        ("en", "Police said he had joined a Telegram channel used by the group to plan the attack."),
        ("es", "Ver más allá de la política es necesario, dijo el alcalde a los vecinos."),
    ],
)
def test_prose_like_the_new_families_is_left_alone(language: str, prose: str) -> None:
    assert findings(prose, language) == []


@pytest.mark.parametrize(
    "language, label, headline",
    [
        ("fr", "Lire aussi :", "Le maire défend la fermeture de deux bibliothèques"),
        ("es", "Lee también:", "El alcalde defiende el cierre de dos bibliotecas"),
        ("pt", "Leia também:", "Prefeito defende fechamento de duas bibliotecas"),
        ("de", "Mehr zum Thema:", "Bürgermeister verteidigt Schließung zweier Bibliotheken"),
        ("ms", "Baca juga:", "Datuk Bandar pertahan rancangan tutup dua perpustakaan"),
    ],
)
def test_a_read_also_label_takes_its_headline_with_it_in_every_pack(language: str, label: str, headline: str) -> None:
    assert findings(f"{label}\n\n{headline}", language) == [(3, "markup/widget-line"), (5, "markup/widget-line")]


@pytest.mark.parametrize(
    "language, chrome",
    [
        ("en", "FOR ENTIRE ARTICLE CLICK LINK"),
        ("fr", "Cliquez ici pour lire la suite"),
        ("es", "Haz clic aquí para ver el vídeo"),
        ("pt", "Clique aqui para ler a matéria completa"),
        ("de", "Klicken Sie hier, um den ganzen Artikel zu lesen"),
        ("id", "Tonton videonya di sini."),
    ],
)
def test_a_link_prompt_whose_link_is_gone_is_reported_once(language: str, chrome: str) -> None:
    assert findings(chrome, language) == [(3, "markup/click-here-line")]


@pytest.mark.parametrize(
    "language, chrome",
    [
        ("en", "Your Vote Matters! Vote Now!"),
        ("fr", "Participez au sondage"),
        ("de", "Jetzt abstimmen!"),
        ("id", "Ikuti polling"),
    ],
)
def test_a_poll_widgets_call_is_reported_once(language: str, chrome: str) -> None:
    assert findings(chrome, language) == [(3, "markup/poll-prompt")]


def test_a_quoted_call_to_vote_is_prose() -> None:
    assert findings("“Vote now,” the senator urged the crowd outside the hall on Monday.", "en") == []


TEASERS = {
    "en": ["Floods cut the coast road for a second day.", "A new bridge opens after a decade of delays."],
    "de": ["Hochwasser sperrt die Küstenstraße am zweiten Tag.", "Neue Brücke öffnet nach zehn Jahren Verzug."],
    "fr": ["Les inondations coupent la route côtière.", "Un nouveau pont ouvre après dix ans de retard."],
    "es": ["Las inundaciones cortan la carretera costera.", "Un nuevo puente abre tras diez años de retraso."],
    "pt": ["Enchentes cortam a estrada do litoral.", "Nova ponte abre depois de dez anos de atraso."],
    "id": ["Banjir memutus jalan pesisir hari kedua.", "Jembatan baru dibuka setelah tertunda sepuluh tahun."],
    "ms": ["Banjir memutuskan jalan pantai hari kedua.", "Jambatan baharu dibuka selepas tertangguh sedekad."],
}


@pytest.mark.parametrize(
    "language, header, rule",
    [
        ("en", ">> Related Stories <<", "markup/related-tail"),
        ("en", "MORE FROM THE COURIER", "markup/related-tail"),
        ("en", "3 Comments", "markup/comment-thread"),
        ("de", "MEHR ZUM THEMA", "markup/related-tail"),
        ("de", "Kommentare (2)", "markup/comment-thread"),
        ("fr", "À LIRE AUSSI :", "markup/related-tail"),
        ("fr", "12 commentaires", "markup/comment-thread"),
        ("es", "Lo más leído", "markup/related-tail"),
        ("es", "Deja un comentario", "markup/comment-thread"),
        ("pt", "– Mais lidas –", "markup/related-tail"),
        ("pt", "Deixe um comentário", "markup/comment-thread"),
        ("id", "Berita Terkait »", "markup/related-tail"),
        ("id", "[ Komentar (12) ]", "markup/comment-thread"),
        ("ms", "Paling Popular", "markup/related-tail"),
        ("ms", "Tinggalkan Komen", "markup/comment-thread"),
    ],
)
def test_a_tail_header_in_every_pack_language_opens_the_pages_tail(language: str, header: str, rule: str) -> None:
    paragraph = f"{PROSE[language]} {PROSE[language]}"  # a paragraph of the article's length
    text = f"{paragraph}\n\n{paragraph}\n\n{header}\n\n" + "\n\n".join(TEASERS[language]) + "\n"
    result = lint_text(text, path="draft.txt", options=Options(select=(rule,), language=language))
    assert [f.line for f in result.findings] == [5, 7, 9]

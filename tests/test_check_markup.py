"""markup: leftovers of HTML, templates and page chrome, through the kind's modes and
the shipped rules; and the text that only looks like them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule


def mode_rule(mode: str) -> Rule:
    return build_rule(
        Path("t.yaml"),
        "t",
        {"id": f"markup/{mode}", "check": "markup", "severity": "error", "message": "{match}", "with": {"mode": mode}},
    )


def matches(mode: str, text: str) -> list[str]:
    doc = read_string(text, "draft.md")[0]
    result = lint_document(doc, RuleSet((mode_rule(mode),)), Options(language="xx"))
    return [f.message for f in result.findings]


@pytest.mark.parametrize(
    "mode, text, expected",
    [
        ("tag", '<div class="entry-content">', ['<div class="entry-content">']),
        ("tag", "Harga naik <strong>lagi</strong> minggu ini.", ["<strong>", "</strong>"]),
        ("tag", "Martín <strong> Schapiro es abogado.", ["<strong>"]),
        ("tag", "Read the report<br/>here.", ["<br/>"]),
        ("tag", 'See <img src="a.jpg" alt="x"> here.', ['<img src="a.jpg" alt="x">']),
        ("entity", "he pressed his team &nbsp; to more", ["&nbsp;"]),
        ("entity", "Presiden&#8217;s visit and &#x2019;", ["&#8217;", "&#x2019;"]),
        (
            "shortcode",
            '[caption id="attachment_12" align="alignnone"] A photo [/caption]',
            ['[caption id="attachment_12" align="alignnone"]', "[/caption]"],
        ),
        ("template", "Reported by {{ author_name }} on %%POST_DATE%%", ["{{ author_name }}", "%%POST_DATE%%"]),
    ],
)
def test_leftovers_are_found(mode: str, text: str, expected: list[str]) -> None:
    assert matches(mode, text) == expected


@pytest.mark.parametrize(
    "mode, text",
    [
        ("tag", "The score was 3<5 at half time."),
        ("tag", "I <3 this city, she wrote."),
        ("tag", "It's because <The Palace: Tale of Jang Noksu> opened the festival."),
        ("tag", "This could be “image” if the request is from an <img>tag in the document."),
        ("entity", "AT&T and Procter & Gamble reported earnings; R&D rose."),
        ("entity", "The &foo; thing is not a character reference."),
        ("shortcode", "He said [the minister] would resign. [Updated at 10:00]"),
        ("shortcode", "Five Days Until the Internet Giveaway [Video] and [AUDIO]"),
        ("template", "The budget {was} cut, he wrote; costs rose 100% in 2023."),
    ],
)
def test_look_alikes_are_left_alone(mode: str, text: str) -> None:
    assert matches(mode, text) == []


def test_embedded_code_found_by_the_reader() -> None:
    text = "Intro paragraph.\n\n<script>googletag.cmd.push(function() {});</script>\n\nMore text."
    assert matches("embed", text) == ["<script>"]


ARTICLE = "Pengunjung Ancol bisa masuk gratis pada 10 hingga 20 Juni 2025 untuk merayakan HUT."


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            f"{ARTICLE}\n\n(kny/imk)\n\nancol\n\ntaman impian jaya ancol\n\nhut jakarta 2025",
            ["ancol", "taman impian jaya ancol", "hut jakarta 2025"],
        ),
        (f"{ARTICLE}\n\nancol\n\nancol gratis\n\nHoegeng Awards 2025", ["ancol", "ancol gratis"]),
        (f"{ARTICLE}\n\n(kny/imk)\n\nancol", []),  # one line is not a list
        (
            "You will need:\n\nflour\n\nsugar\n\nTwo eggs, beaten, go in next, with a pinch of salt.",
            [],
        ),  # lower-case lines inside the article
        (f"{ARTICLE}\n\n关注点多与所学专业相关\n\n两会成为了解国情的窗口", []),  # headings without case
    ],
)
def test_tag_lists(text: str, expected: list[str]) -> None:
    assert matches("tag-list", text) == expected


def shipped(text: str, language: str, prefix: str = "markup") -> list[tuple[int, str]]:
    result = lint_text(text, path="draft.md", options=Options(select=(prefix,), language=language))
    return [(f.line, f.rule) for f in result.findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Baca juga:\n\nHarga Tiket Jakarta Fair 2025 dan Cara Belinya, Simak di Sini",
            [(1, "markup/widget-line"), (3, "markup/widget-line")],
        ),
        ("Baca JugaWarga Bandung Terkena Virus Hanta Usai Digigit Tikus", [(1, "markup/widget-line")]),
        ("Simak berita selengkapnya di halaman berikutnya.", [(1, "markup/page-break")]),
        ("Lantas, bagaimana nasib dana haji? Klik halaman selanjutnya>>>", [(1, "markup/page-break")]),
        ("Gajah itu dipindahkan ke Suaka Margasatwa.Ikuti Whatsapp Channel Republika", [(1, "markup/follow-prompt")]),
        ("[Gambas:Video 20detik]", [(1, "markup/embed-marker")]),
        ("Artikel ini telah tayang di detikSport . Baca selengkapnya di sini .", [(1, "markup/syndication-footer")]),
    ],
)
def test_indonesian_page_chrome(text: str, expected: list[tuple[int, str]]) -> None:
    assert shipped(text, "id") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Baca juga undang-undang itu dengan teliti sebelum menandatangani kontrak kerja baru.", []),
        # the label alone is chrome; the prose after it is not its headline
        ("Baca juga:\n\nPemerintah menaikkan harga bahan bakar minyak mulai pekan depan.", [(1, "markup/widget-line")]),
        ("Selanjutnya, petugas memeriksa kendaraan yang melintas di jalan tol.", []),
        ("Polisi menelusuri grup WhatsApp yang dipakai para pelaku untuk berkoordinasi.", []),
        (
            "Rincian anggaran itu dimuat di halaman berikutnya dari dokumen yang diserahkan ke DPR, "
            "kata juru bicara kementerian kepada wartawan di gedung parlemen pada Senin sore setelah "
            "rapat kerja yang berlangsung selama lima jam.",
            [],
        ),
    ],
)
def test_indonesian_prose_that_looks_like_chrome(text: str, expected: list[tuple[int, str]]) -> None:
    assert shipped(text, "id") == expected


@pytest.mark.parametrize("language", ["en", "ko", "xx"])
def test_english_chrome_is_found_in_every_language(language: str) -> None:
    assert shipped("Share this:", language) == [(1, "markup/widget-line")]
    assert shipped("Top officials met on Monday to discuss the budget.", language) == []


def found_in(mode: str, text: str, path: str) -> list[str]:
    """Messages of a mode's findings on every document read from ``text`` as ``path``."""
    messages = []
    for doc in read_string(text, path):
        result = lint_document(doc, RuleSet((mode_rule(mode),)), Options(language="xx"))
        messages += [f.message for f in result.findings]
    return messages


@pytest.mark.parametrize(
    "mode, text, path",
    [
        # inline code in Markdown (and in text drafts written with backticks)
        ("tag", 'Wrap the caption in `<figcaption>` and the image in `<figure class="wide">`.', "a.md"),
        ("tag", "Wrap the caption in `<figcaption>` inside the figure.", "a.txt"),
        ("entity", "Write ``&nbsp;`` for a space that does not break.", "a.md"),
        ("template", "Jinja prints a value with `{{ name }}` in the page.", "a.md"),
        ("shortcode", 'WordPress shows a gallery where you type `[gallery ids="1,2"]`.', "a.md"),
        # fenced and indented code blocks
        ("tag", 'Intro.\n\n```html\n<div class="box"><p>Hi</p></div>\n```\n\nMore.', "a.md"),
        ("tag", 'Intro.\n\n    <div class="box"><p>Hi</p></div>\n\nMore.', "a.md"),
        # escaped markup shown on purpose
        ("entity", "Use the &lt;div&gt; element, closed with &lt;/div&gt;.", "a.md"),
        ("tag", '<p>Use the <code>&lt;div class="box"&gt;</code> wrapper.</p>', "a.html"),
        ("tag", '<p>A sample:</p><pre>&lt;ul&gt;\n  &lt;li class="x"&gt;One&lt;/li&gt;\n&lt;/ul&gt;</pre>', "a.html"),
        ("tag", "<p>Use the &lt;div&gt; element for blocks.</p>", "a.html"),
        # prose discussing a tag
        ("tag", "Search engines read the <title> element first.", "a.md"),
        ("tag", "Mesin pencari membaca tag <title> lebih dulu.", "a.txt"),
        ("tag", "Mettez le titre dans la balise <h1> de la page.", "a.txt"),
        ("tag", "The page closes with “</html>” after the footer.", "a.txt"),
        # ad and recommendation slots are ad code (the ad-text rules report them)
        ("tag", '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>', "a.txt"),
        ("tag", '<div class="OUTBRAIN" data-widget-id="AR_1"></div>', "a.txt"),
    ],
)
def test_code_and_markup_shown_on_purpose_are_not_leftovers(mode: str, text: str, path: str) -> None:
    assert found_in(mode, text, path) == []


def test_a_pasted_html_sample_is_one_finding() -> None:
    sample = "Intro paragraph.\n\n<ul>\n<li>One</li>\n<li>Two</li>\n<li>Three</li>\n</ul>"
    assert found_in("tag", sample, "a.txt") == ["<ul> ... (8 in this paragraph)"]


def test_double_escaped_markup_in_html_is_a_leftover() -> None:
    html = '<p>&lt;p class="lead"&gt;The council met on Thursday.&lt;/p&gt;</p>'
    assert found_in("tag", html, "a.html") == ['<p class="lead">', "</p>"]


def test_adjacent_tags_are_one_run() -> None:
    assert found_in("tag", 'Text here.\n\n<div class="entry"><p>\n\nMore.', "a.txt") == ['<div class="entry"><p>']


def test_a_tag_in_prose_is_still_a_leftover() -> None:
    assert found_in("tag", "Harga <strong>naik</strong> lagi dan <em>turun</em>.", "a.txt") == [
        "<strong> ... (4 in this paragraph)"
    ]
    assert found_in("tag", "The <title> of the page was wrong.", "a.txt") == ["<title>"]


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title>
<item><title>Post</title><dc:creator>ed</dc:creator><wp:post_type>post</wp:post_type>
<wp:post_id>7</wp:post_id><wp:post_date_gmt>2024-09-12 10:00:00</wp:post_date_gmt>
<content:encoded><![CDATA[<p>The council met on Thursday.</p>
<p>[gallery ids="1,2,3"]</p>
<p>[caption id="attachment_9" align="alignnone"]<img src="a.jpg"> The hall[/caption]</p>
<p>[vc_row]Old page builder[/vc_row]</p>]]></content:encoded></item>
</channel></rss>"""


def test_core_shortcodes_of_a_cms_export_are_cms_markup() -> None:
    assert found_in("shortcode", WXR, "site.xml") == ["[vc_row]", "[/vc_row]"]
    # the same shortcodes typed into a draft would print as they are
    assert found_in("shortcode", '[gallery ids="1,2,3"]\n\nThe council met.', "a.md") == ['[gallery ids="1,2,3"]']


WXR_SHORTCODE_BLOCK = WXR.replace(
    "<p>The council met on Thursday.</p>",
    '<p>The council met on Thursday.</p>\n<!-- wp:shortcode -->\n[contact-form-7 id="1234" title="Contact"]\n'
    '<!-- /wp:shortcode -->\n<p>[contact-form-7 id="99"]</p>',
)


def test_a_shortcode_in_the_block_editors_shortcode_block_is_cms_markup() -> None:
    # placed on purpose in a Shortcode block; the same plugin shortcode outside one, and a
    # page builder's leftovers, are still reported
    assert found_in("shortcode", WXR_SHORTCODE_BLOCK, "site.xml") == [
        '[contact-form-7 id="99"]',
        "[vc_row]",
        "[/vc_row]",
    ]


def test_a_paragraph_finding_offers_no_fix_that_would_delete_its_prose() -> None:
    text = "Harga <strong>naik</strong> lagi dan <em>turun</em> minggu ini."
    found = lint_text(text, path="a.txt", options=Options(select=("markup/html-tag",))).findings
    assert [(f.snippet, f.fix) for f in found] == [("<strong>naik</strong> lagi dan <em>turun</em>", None)]
    single = lint_text(
        "Harga naik <strong>lagi</strong>.", path="a.txt", options=Options(select=("markup/html-tag",))
    ).findings
    assert all(f.fix is not None for f in single)

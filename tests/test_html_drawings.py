"""Words an HTML page draws apart from its text (an inline SVG's labels, a displayed formula) are
read as a block of their own: junk drawn that way is reported, and it is not glued to the words of
the paragraph beside it."""

from __future__ import annotations

from newslint.api import lint_article
from newslint.readers import html as html_reader

HEAD = "<p>By Jane Smith, 12 September 2024</p><p>The council approved the budget on Tuesday.</p>"
LATER = "<p>Spending rises by four percent, the finance committee said on Wednesday.</p>"


def test_html_drawing_with_words_is_read_apart_from_the_paragraph() -> None:
    # Junk drawn as SVG labels is read as its own block, not glued to the words around it.
    source = HEAD + '<div><svg viewBox="0 0 9 9"><text>Advertisement</text></svg>Related news</div>' + LATER
    texts = [b.text for b in html_reader.read(source, "a.html").blocks]
    assert "Advertisement" in texts and "Related news" in texts
    # An icon without words, and a formula inside a sentence, stay part of the paragraph.
    inline = '<p>Tap the <svg><path d="M0 0"/></svg> icon, sales rose <math><mn>4</mn></math> percent.</p>'
    assert [b.text for b in html_reader.read(inline, "a.html").blocks] == ["Tap the icon, sales rose 4 percent."]


def test_ad_label_drawn_as_an_svg_label_is_reported() -> None:
    label = '<svg><text x="0" y="9">Advertisement</text></svg>'
    drawn = lint_article(body=HEAD + LATER.replace("</p>", label + "</p>"), language="en")
    assert not drawn.publishable
    assert "ad-text/ad-label" in {f.rule for f in drawn.findings}
    assert "ad-text/ad-label" not in {f.rule for f in lint_article(body=HEAD + LATER, language="en").findings}

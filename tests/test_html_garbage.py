"""Reading HTML leaves no reference cycles behind: the parser and the tree are freed as soon as
the reader is done with them, not by a later run of the cycle collector (which, in a
publish-check worker, paused one check in 25)."""

from __future__ import annotations

import gc

import pytest

from newslint.readers import html as html_reader

PAGES = [
    # a plain article
    "<html><head><title>Budget</title><meta name='author' content='Jane Smith'></head>"
    "<body><h1>Budget</h1><p>The council approved the budget.</p><p>Members voted 31 to 9.</p></body></html>",
    # mis-nested formatting (the adoption agency clones elements), text moved out of a table,
    # a <pre> whose first newline is dropped, a comment, a doctype
    "<!DOCTYPE html><p>One <b>two <i>three</b> four</i> five</p>"
    "<table><tr>moved text<td>cell</td></tr></table><pre>\ncode line</pre><!-- a note --><p>End.</p>",
    # optional end tags left out, an unclosed comment swallowing the rest
    "<p>First paragraph<p>Second paragraph<ul><li>one<li>two</ul><!-- never closed <p>hidden",
]


@pytest.mark.parametrize("page", PAGES)
def test_reading_html_leaves_nothing_for_the_cycle_collector(page: str) -> None:
    html_reader.read(page, "warm.html")  # imports and caches on first use are not the read's garbage
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        document = html_reader.read(page, "page.html")
        found = gc.collect()
    finally:
        if enabled:
            gc.enable()
    assert document.blocks or document.notices  # it read the page
    assert found == 0, f"{found} objects in reference cycles were left behind"


def test_the_tree_is_read_the_same_after_it_is_taken_apart() -> None:
    page = PAGES[1]
    first = html_reader.read(page, "a.html")
    second = html_reader.read(page, "a.html")
    assert first == second
    assert [b.text for b in first.blocks] == ["One two three four five", "moved text", "cell", "code line", "End."]

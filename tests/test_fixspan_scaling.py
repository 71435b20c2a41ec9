"""Fix spans cost a bounded amount of work per finding, whatever the size of the draft.

Work is counted (calls into the offset map), never timed: a body of thousands of junk
lines, each one a finding, used to cost a full walk over every line per finding.
"""

from __future__ import annotations

import pytest

from newslint import lint_article
from newslint.document import Block


def _offset_calls(monkeypatch: pytest.MonkeyPatch, body: str, body_format: str) -> tuple[int, int]:
    calls = 0
    original = Block.source_offset

    def counting(self: Block, index: int) -> int:
        nonlocal calls
        calls += 1
        return original(self, index)

    monkeypatch.setattr(Block, "source_offset", counting)
    result = lint_article(body=body, body_format=body_format, title="t", byline="Jane Smith", published_at="2024-09-12")
    monkeypatch.undo()
    return calls, len(result.findings)


@pytest.mark.parametrize(
    ("line", "body_format"),
    [
        ("Share this\n", "text"),  # one block of many lines
        ("Share this\n\n", "text"),  # many blocks
        ("<p>Advertisement</p>\n", "html"),
        ("mgid.com, 713808, DIRECT, d4c29acad76ce94f\n", "text"),
    ],
)
def test_fix_span_work_grows_linearly(monkeypatch: pytest.MonkeyPatch, line: str, body_format: str) -> None:
    # (sizes under the engine's limit of findings listed per rule and file)
    small_calls, small_found = _offset_calls(monkeypatch, line * 45, body_format)
    big_calls, big_found = _offset_calls(monkeypatch, line * 180, body_format)
    assert big_found >= 4 * small_found > 0  # every junk line is still a finding
    # four times the lines, about four times the work (quadratic would be sixteen)
    assert big_calls <= 5 * small_calls


def test_fixes_of_junk_lines_still_delete_whole_lines() -> None:
    body = "A real paragraph of the story that stays.\n\n" + "Share this\n" * 50
    result = lint_article(body=body, body_format="text", title="t", byline="Jane Smith", published_at="2024-09-12")
    fixes = [f.fix for f in result.findings if f.rule == "markup/widget-line"]
    assert len(fixes) == 50 and all(fixes)
    for fix in fixes:
        assert fix is not None and body[fix.start : fix.end] == "Share this\n"


@pytest.mark.parametrize(
    ("line", "body_format"),
    [
        ("Share this\r\n", "text"),  # CRLF: one anchor per line
        ("Share this<br>\r\n", "html"),  # one HTML block, an anchor per tag and line
    ],
)
def test_many_anchor_blocks_grow_linearly(monkeypatch: pytest.MonkeyPatch, line: str, body_format: str) -> None:
    # (sizes under the engine's limit of findings listed per rule and file)
    small_calls, small_found = _offset_calls(monkeypatch, line * 45, body_format)
    big_calls, big_found = _offset_calls(monkeypatch, line * 180, body_format)
    assert big_found >= 4 * small_found > 0
    assert big_calls <= 5 * small_calls


def test_source_offset_looks_at_a_logarithmic_number_of_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import document

    block = Block("x" * 20_000, tuple((2 * i, 3 * i) for i in range(10_000)))
    looked = 0
    original = document._text_index

    def counting(anchor: tuple[int, int]) -> int:
        nonlocal looked
        looked += 1
        return original(anchor)

    monkeypatch.setattr(document, "_text_index", counting)
    assert block.source_offset(5001) == 3 * 2500 + 1
    assert block.source_offset(0) == 0 and block.source_offset(20_000) == 3 * 9_999 + 2
    assert looked <= 3 * 16  # a bisection, not a pass over 10,000 anchors

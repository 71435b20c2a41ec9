"""Inputs that slipped past the gate, crashed it or hung it: each is now a clear finding.

The slow cases ran for minutes before their fix; they run the real CLI in a child
process with a time bound (see tests/test_hostile_input.py), so a regression fails
instead of hanging the test run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.api import lint_article
from newslint.report.text import one_line
from tests.test_hostile_input import json_rules, run_cli

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


@pytest.mark.parametrize(
    ("body", "body_format"),
    [
        (INVISIBLE * 50, "text"),
        ("<p>&#8203;&#8203;</p><p>\u200b</p>", "html"),
        ("\u200b\n\n\u2060\u200b\n", "markdown"),
    ],
)
def test_an_article_of_only_invisible_characters_is_not_publishable(body: str, body_format: str) -> None:
    result = lint_article(body=body, body_format=body_format, title="Council meets", byline="By Ann Lee")
    assert not result.publishable
    assert "input/empty" in [f.rule for f in result.findings]


def test_a_draft_file_of_only_invisible_characters_is_reported_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(INVISIBLE * 20 + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path / "blank.txt"))
    assert "input/empty" in next(iter(json_rules(result).values()))


def test_an_article_with_text_among_invisible_characters_is_read() -> None:
    result = lint_article(body="<p>\u200bThe council met on Monday.\u200b</p>", title="Council meets")
    assert "input/empty" not in [f.rule for f in result.findings]


def test_a_json_number_past_pythons_digit_limit_is_a_parse_error_not_a_crash(tmp_path: Path) -> None:
    good = {"title": "Council meets", "body": "<p>The council met on Monday.</p>"}
    lines = [json.dumps(good), '{"title": "x", "body": "y", "views": ' + "9" * 5000 + "}", json.dumps(good)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "one.json").write_text('{"body": "z", "n": ' + "7" * 5000 + "}", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path / "feed.jsonl"), str(tmp_path / "one.json"))
    assert result.returncode == 1, result.stderr
    rules = json_rules(result)
    assert "input/parse-error" in rules[str(tmp_path / "one.json")]
    assert "internal-error" not in str(rules)
    assert sum(1 for path in rules if "feed.jsonl#" in path) == 2  # the two good lines are linted


def test_a_tag_with_too_many_attributes_is_refused_not_parsed(tmp_path: Path) -> None:
    attributes = " ".join(f"a{i}=x" for i in range(20_000))
    (tmp_path / "page.html").write_text(f"<p {attributes}>The council met.</p>", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path / "page.html"))
    assert result.returncode == 1
    assert "input/too-large" in next(iter(json_rules(result).values()))


def test_a_page_of_bare_angle_brackets_counts_them_as_markup(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>" + "<" * 300_000, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path / "page.html"))
    assert result.returncode == 1
    assert "input/too-large" in next(iter(json_rules(result).values()))


def test_lone_carriage_returns_count_as_lines(tmp_path: Path) -> None:
    (tmp_path / "mac.txt").write_bytes(b"a\r\r" * 120_000)
    result = run_cli("check", "--format", "json", str(tmp_path / "mac.txt"))
    assert result.returncode == 1
    assert "input/too-large" in next(iter(json_rules(result).values()))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("evil\n::warning file=x::forged", "evil\\n::warning file=x::forged"),
        ("a\x1b[31mred", "a\\x1b[31mred"),
        ("x\u202eevil", "x\\u202eevil"),
        ("plain name.md", "plain name.md"),
    ],
)
def test_a_finding_line_shows_control_characters_escaped(raw: str, shown: str) -> None:
    assert one_line(raw) == shown


def test_a_file_name_with_a_newline_cannot_forge_a_finding_line(tmp_path: Path) -> None:
    (tmp_path / "evil\n::warning file=x::forged.txt").write_text("Top\n\nThe council met.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path))
    assert not any(line.startswith("::warning") for line in result.stdout.splitlines()), result.stdout


def test_a_draft_of_many_entities_is_read_in_linear_time(tmp_path: Path) -> None:
    # 500,000 '&amp;' on one line ran for minutes: each entity read its whole line and block again
    (tmp_path / "entities.md").write_text("# Title\n\n" + "&amp;" * 500_000 + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path / "entities.md"))
    assert "markup/html-entity" in next(iter(json_rules(result).values()))

"""An article that shows a reader nothing is never publishable, whatever door it comes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import api
from newslint.cli import main

META = {"title": "Council opens a park", "byline": "Jane Doe", "published_at": "2024-05-02"}
TEXT = "<p>The city council opened a new park on Monday, its first in a decade.</p>"


def rules(result: api.ArticleResult) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in result.findings]


@pytest.mark.parametrize(
    ("body", "body_format"),
    [
        ("<p> </p>", "html"),
        ("<p></p><div>\n</div>", "html"),
        ("<!-- the story goes here -->", "html"),
        ("<script>var story = 1;</script>", "html"),
        ('<img src="photo.jpg" alt="">', "html"),
        ("---\ntitle: A title\n---\n", "markdown"),
        ("---\ntitle: A title\n---\n\n\n", "markdown"),
    ],
)
def test_a_body_with_no_text_is_an_error_not_a_publishable_article(body: str, body_format: str) -> None:
    result = api.lint_article(body=body, body_format=body_format, **META)
    assert result.publishable is False
    assert rules(result) == [("input/empty", "error")]
    assert "not publishable" in result.findings[0].message


def test_a_body_with_text_is_still_publishable() -> None:
    result = api.lint_article(body=TEXT, body_format="html", **META)
    assert result.publishable is True
    assert result.findings == ()


def test_a_body_of_an_embed_alone_keeps_the_embed_findings_and_no_empty_error() -> None:
    body = '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
    result = api.lint_article(body=body, body_format="html", **META)
    assert ("input/empty", "error") not in rules(result)


def test_a_hidden_body_is_reported_as_hidden_not_as_empty() -> None:
    body = "<!-- a note\n\n<p>The city council opened a new park on Monday, its first in a decade.</p>"
    result = api.lint_article(body=body, body_format="html", **META)
    assert [rule for rule, _ in rules(result)] == ["input/hidden-text"]


@pytest.mark.parametrize("body", ["", "   ", "<p>\n</p>"])
def test_a_cms_file_whose_article_has_an_empty_body_fails_the_check(tmp_path: Path, runner, body: str) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({**META, "body": body}), "utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", "--include", "*.json", str(path)])
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    [entry] = json.loads(result.output)["files"]
    assert [(f["rule"], f["severity"]) for f in entry["findings"]] == [("input/empty", "error")]


def test_a_markdown_draft_of_front_matter_alone_is_empty(tmp_path: Path, runner) -> None:
    path = tmp_path / "draft.md"
    path.write_text("---\ntitle: A title\nauthor: Jane Doe\n---\n\n", "utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(path)])
    [entry] = json.loads(result.output)["files"]
    # As an empty file is: a warning (a placeholder in a folder of drafts), never "no findings".
    assert [(f["rule"], f["severity"]) for f in entry["findings"]] == [("input/empty", "warning")]
    assert "front matter but no article text" in entry["findings"][0]["message"]
    path.write_text("---\ntitle: A title\nauthor: Jane Doe\n---\n\nThe council met on Monday.\n", "utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--jobs", "1", str(path)])
    [entry] = json.loads(result.output)["files"]
    assert "input/empty" not in [f["rule"] for f in entry["findings"]]

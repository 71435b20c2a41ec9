"""Property tests over hostile drafts: every reader and ``lint_article`` never raise, every
position they give lies inside the input, and the same input gives the same findings.

A few hundred cases per reader run here; ``benchmarks/fuzz.py`` runs ten thousand and more.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import any_draft, check_document, check_findings, deterministic, line_count, raw_bytes

from newslint import default_rules, lint_article
from newslint.engine import Options, lint_document
from newslint.errors import ArticleError
from newslint.readers import cms, html, markdown, read_bytes, text, wxr

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
READERS: dict[str, Any] = {"text": text.read, "markdown": markdown.read, "html": html.read}
COLLECTIONS: dict[str, Any] = {"json": cms.read_json, "jsonl": cms.read_jsonl, "wxr": wxr.read}
OPTIONS = Options(language="en")


def lint_all(docs: list[Any]) -> list[Any]:
    findings = []
    for doc in docs:
        check_document(doc)
        result = lint_document(doc, default_rules(), OPTIONS)
        check_findings(result.findings, doc.source)
        findings.extend(result.findings)
    return findings


@FUZZ
@given(source=any_draft, reader=st.sampled_from(sorted(READERS)))
def test_readers_and_lint_keep_every_position_inside_the_input(source: str, reader: str) -> None:
    def run() -> list[Any]:
        doc = READERS[reader](source, "draft")
        assert len(doc.source) == len(source)
        assert line_count(doc.source) == line_count(source)
        return lint_all([doc])

    deterministic(run)


@FUZZ
@given(source=any_draft, reader=st.sampled_from(sorted(COLLECTIONS)))
def test_cms_readers_never_raise(source: str, reader: str) -> None:
    deterministic(lambda: lint_all(COLLECTIONS[reader](source, "export")))


@FUZZ
@given(data=raw_bytes, name=st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml"]))
def test_bytes_of_any_kind_read_under_the_bad_input_policy(data: bytes, name: str) -> None:
    deterministic(lambda: lint_all(read_bytes(data, name)))


@FUZZ
@given(
    body=any_draft,
    body_format=st.sampled_from(["html", "markdown", "text"]),
    title=st.one_of(st.none(), any_draft),
    byline=st.one_of(st.none(), st.text(max_size=20)),
)
def test_lint_article_never_raises_and_positions_lie_in_the_body(
    body: str, body_format: str, title: Any, byline: Any
) -> None:
    if not body.strip():  # an empty body is refused as a bad argument, never linted
        with pytest.raises(ArticleError, match="empty"):
            lint_article(body=body, body_format=body_format, title=title, byline=byline, language="en")
        return

    def run() -> Any:
        result = lint_article(body=body, body_format=body_format, title=title, byline=byline, language="en")
        check_findings(result.findings, body.replace("\r\n", "\n").replace("\r", "\n"))
        return result.findings

    deterministic(run)

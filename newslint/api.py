"""The publish check as a function: one article in, a publish/hold verdict out.

::

    from newslint import lint_article

    result = lint_article(title="Budget passes", body="<p>...</p>", byline="Jane Smith",
                          published_at="2024-09-12T08:00:00Z")
    if not result.publishable:
        for finding in result.findings:
            print(finding.line, finding.rule, finding.message)

Positions in findings are lines and columns of ``body`` as submitted. Rules
load once per process; pass ``rules`` to use another RuleSet. An article has
``options.timeout`` seconds (``Options(timeout=...)``, 60 by default, 0: no limit):
one that runs past it is an ``input/timeout`` error, so not publishable, and the
call returns at the budget whatever the article does, from any thread.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newslint.document import Document, Notice
from newslint.engine import Options, lint_document, severity_at_least, timed_out
from newslint.errors import ArticleError
from newslint.finding import SEVERITIES, WORST_FIRST, FileResult, Finding
from newslint.readers import source
from newslint.readers.cms import Article, article_document
from newslint.readers.cms import body_format as parse_body_format
from newslint.readers.fields import check_fields
from newslint.rules import RuleSet

DEFAULT_PATH = "<article>"


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """The verdict on one article: publishable when no finding is at or above ``fail_on``."""

    publishable: bool
    findings: tuple[Finding, ...]
    language: str | None
    fail_on: str = "error"

    def summary(self) -> dict[str, Any]:
        """Counts by severity and the fail level the verdict used."""
        counts = Counter(f.severity for f in self.findings)
        return {
            "findings": len(self.findings),
            "fail_on": self.fail_on,
            "by_severity": {s: counts.get(s, 0) for s in WORST_FIRST},
        }

    def to_json(self) -> dict[str, Any]:
        """The publish-check wire format, as ``POST /v1/check`` answers."""
        return {
            "publishable": self.publishable,
            "language": self.language,
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary(),
        }


def lint_article(
    *,
    body: str,
    title: str | None = None,
    body_format: str = "html",
    byline: str | None = None,
    published_at: str | dt.date | None = None,
    language: str | None = None,
    fail_on: str = "error",
    options: Options | None = None,
    rules: RuleSet | None = None,
    path: str = DEFAULT_PATH,
) -> ArticleResult:
    """Lint one CMS article; raises ArticleError (a ValueError) naming a bad argument: one
    that is not a string, an empty body, an unknown body format, a ``published_at`` that is
    not a date or a ``language`` that is not a language code (as the service answers 400).
    An article that runs past ``options.timeout`` seconds is one ``input/timeout`` error."""
    if fail_on not in SEVERITIES:
        raise ArticleError("fail_on", f"'fail_on' must be error, warning or info, not {fail_on!r}")
    article = check_fields(
        make_article(
            body=body, title=title, body_format=body_format, byline=byline, published_at=published_at, language=language
        )
    )
    return lint(article, fail_on=fail_on, options=options, rules=rules, path=path)


def make_article(
    *,
    body: Any,
    title: Any = None,
    body_format: Any = "html",
    byline: Any = None,
    published_at: Any = None,
    language: Any = None,
) -> Article:
    """Check the argument types once, here, so a wrong one names itself."""
    if isinstance(published_at, (dt.date, dt.datetime)):
        published_at = published_at.isoformat()
    values = {
        "body": body,
        "title": title,
        "body_format": body_format,
        "byline": byline,
        "published_at": published_at,
        "language": language,
    }
    for name, value in values.items():
        if not isinstance(value, str) and (value is not None or name in ("body", "body_format")):
            raise ArticleError(name, f"'{name}' must be a string, not {type(value).__name__}")
    if not body.strip():
        raise ArticleError("body", "'body' is empty: an article without text is not publishable")
    return Article(
        body=body,
        body_format=parse_body_format(body_format),
        title=title or None,
        byline=(byline or "").strip() or None,
        published_at=published_at or None,
        language=language or None,
    )


def lint(
    article: Article,
    *,
    fail_on: str = "error",
    options: Options | None = None,
    rules: RuleSet | None = None,
    path: str = DEFAULT_PATH,
) -> ArticleResult:
    """Lint an already-validated Article (the server's path: JSON in, Article, verdict)
    within ``options.timeout`` seconds: an article past it is one ``input/timeout`` error,
    so it is never publishable unchecked (see ``newslint.budget``)."""
    from newslint import default_rules  # the package imports this module: import lazily
    from newslint.budget import run_within

    options = options or Options()
    ruleset = rules or default_rules()
    result = run_within(
        lambda name: lint_document(article_doc(article, name, options), ruleset, options),
        path,
        options.timeout,
        lambda name: timed_out_article(name, options.timeout),
    )
    blocking = any(severity_at_least(f, fail_on) for f in result.findings)
    return ArticleResult(not blocking, result.findings, result.language, fail_on)


def timed_out_article(path: str, seconds: float, what: str = "article") -> FileResult:
    """The one finding of an article (or a draft) whose lint ran past the caller's budget."""
    return timed_out(path, seconds, what=what, knob="Options.timeout", others=None)


def article_doc(article: Article, path: str, options: Options) -> Document:
    """The article as a Document; a body the bad-input policy refuses is a finding, not an exception."""
    screened = source.screen(article.body, options.max_bytes, "article body")
    if screened.text is None:
        return _unread(article, path, *screened.notices)
    return article_document(article, path, screened.notices)


def _unread(article: Article, path: str, *notices: Notice) -> Document:
    return Document(path=path, source="", format=article.body_format, blocks=(), notices=notices)

"""newslint: catch scraper, CMS and ad-widget junk in news articles before publication.

The public API::

    from newslint import lint_text, lint_paths, load_rules

    result = lint_text(open("draft.md").read(), path="draft.md")
    for finding in result.findings:
        print(finding.line, finding.rule, finding.message)
"""

from __future__ import annotations

import functools

# Not typing.TYPE_CHECKING: the command imports this package before it pauses the cyclic
# collector, and typing is better imported after that (type checkers read this name alike).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from newslint.api import ArticleResult, lint_article
    from newslint.document import Block, Document
    from newslint.engine import Options
    from newslint.finding import FileResult, Finding, Fix
    from newslint.rules import Rule, RuleSet, load_rules

__version__ = "0.13.0"
__all__ = [
    "ArticleResult",
    "Block",
    "Document",
    "FileResult",
    "Finding",
    "Fix",
    "Options",
    "Rule",
    "RuleSet",
    "default_rules",
    "lint_article",
    "lint_paths",
    "lint_text",
    "load_rules",
    "__version__",
]
# The public names and the modules they live in, imported when first asked for: the
# command line imports this package for its version and should not pay for the API.
_LAZY = {
    "ArticleResult": "newslint.api",
    "lint_article": "newslint.api",
    "Block": "newslint.document",
    "Document": "newslint.document",
    "Options": "newslint.engine",
    "FileResult": "newslint.finding",
    "Finding": "newslint.finding",
    "Fix": "newslint.finding",
    "Rule": "newslint.rules",
    "RuleSet": "newslint.rules",
    "load_rules": "newslint.rules",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The shipped rule packs, loaded once per process."""
    from newslint.rules import load_rules

    return load_rules()


def lint_text(
    text: str,
    path: str = "<text>",
    fmt: str | None = None,
    rules: RuleSet | None = None,
    options: Options | None = None,
) -> FileResult:
    """Lint a draft given as a string; the format follows ``path``'s extension unless ``fmt``.

    A CMS export holds many articles: the result then carries every article's
    findings, each finding's ``path`` naming its article (``feed.json#item-2``),
    and ``language`` is set only when all the articles share one. A draft that runs
    past ``options.timeout`` seconds is one ``input/timeout`` error.
    """
    from newslint.budget import run_within
    from newslint.engine import Options, lint_document, timed_out
    from newslint.finding import FileResult
    from newslint.readers import read_string

    ruleset, options = rules or default_rules(), options or Options()
    results = run_within(
        lambda name: [lint_document(doc, ruleset, options) for doc in read_string(text, name, fmt)],
        path,
        options.timeout,
        lambda name: [timed_out(name, options.timeout, what="draft", knob="Options.timeout", others=None)],
    )
    if len(results) == 1:
        return results[0]
    languages = {r.language for r in results}
    return FileResult(
        path, languages.pop() if len(languages) == 1 else None, tuple(f for r in results for f in r.findings)
    )


def lint_paths(
    paths: Iterable[str], rules: RuleSet | None = None, options: Options | None = None
) -> Iterator[FileResult]:
    """Lint files (not folders: expand those with ``newslint.files.collect``)."""
    from newslint.engine import Options
    from newslint.engine import lint_paths as lint_engine_paths

    return lint_engine_paths(paths, rules or default_rules(), options or Options())

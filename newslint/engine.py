"""Run the selected rules over documents: read, detect language, check, report.

One document's crash never ends a run: it becomes an ``internal-error``
finding for that file. Directory runs spread files over worker processes that
each load the rules once.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import fnmatch
import gc
import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newslint import language as lang_detect
from newslint import suppression
from newslint.checks import KINDS
from newslint.checks.base import CheckTimeout, Context, Hit
from newslint.document import Document
from newslint.finding import SEVERITY_RANK, FileResult, Finding
from newslint.fixspan import fix_for
from newslint.readers import read_bytes, source
from newslint.rules import Rule, RuleSet

INTERNAL_ERROR = "internal-error"
RULE_TIMEOUT = "newslint/rule-timeout"


@dataclass(frozen=True, slots=True)
class Options:
    """What a run was asked to do, after config files and flags are merged."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None
    allowed_languages: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    max_bytes: int = source.MAX_BYTES
    jobs: int = 1
    format: str | None = None
    # (absolute fnmatch pattern, rule ids/prefixes) pairs from the config's per-path-ignores
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def for_path(self, path: str) -> Options:
        """These options with the per-path ignores matching ``path`` added to ``ignore``."""
        if not self.per_path_ignores or path == "-":
            return self
        full = os.path.abspath(path).replace("\\", "/")
        extra = tuple(dict.fromkeys(rule for pattern, rules in self.per_path_ignores
                                    if fnmatch.fnmatchcase(full, pattern) for rule in rules
                                    if rule not in self.ignore))
        return dataclasses.replace(self, ignore=self.ignore + extra) if extra else self

    def selects(self, rule_id: str) -> bool:
        """Longest matching prefix of --select and --ignore decides (ties go to select)."""
        chosen = _longest_prefix(rule_id, self.select) if self.select else 0
        if self.select and chosen < 0:
            return False
        return chosen >= _longest_prefix(rule_id, self.ignore)


def _longest_prefix(rule_id: str, prefixes: Iterable[str]) -> int:
    best = -1
    for prefix in prefixes:
        p = prefix.rstrip("/")
        if rule_id == p or rule_id.startswith(p + "/") or p in ("all", "ALL"):
            best = max(best, len(p))
    return best


class _Template(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def active_rules(rules: Iterable[Rule], language: str | None, options: Options) -> list[Rule]:
    """Rules for a document's language: a language pack's rule replaces the core rule of its id."""
    chosen = [r for r in rules if options.selects(r.id)]
    specific = {r.id for r in chosen if r.languages is not None}
    return [r for r in chosen if r.languages is not None or r.id not in specific]


def needs_language(ruleset: RuleSet, options: Options) -> bool:
    """Whether any selected rule depends on the language (else detection is skipped)."""
    return ruleset.memo(
        ("needs-language", options.select, options.ignore),
        lambda: any(options.selects(r.id) and (r.languages is not None or r.check == "language")
                    for r in ruleset))


def _rules_for(ruleset: RuleSet, language: str | None, options: Options) -> list[Rule]:
    """active_rules, worked out once per language and selection rather than per document."""
    return ruleset.memo(
        ("active", language, options.select, options.ignore),
        lambda: active_rules(ruleset.for_language(language), language, options))


def resolve_language(doc: Document, options: Options, needed: bool = True) -> str | None:
    """Language from --language, then the document's metadata, then detection if a rule needs it."""
    if options.language:
        return options.language
    if doc.language:
        return doc.language
    if not doc.blocks or not needed:
        return None
    lang, _ = lang_detect.detect(doc.prose)
    return lang


def lint_document(doc: Document, ruleset: RuleSet, options: Options) -> FileResult:
    """Every finding for one document, sorted by position."""
    with lang_detect.document_scope():
        return _lint_document(doc, ruleset, options)


def _lint_document(doc: Document, ruleset: RuleSet, options: Options) -> FileResult:
    findings = [_notice_finding(doc, n) for n in doc.notices if options.selects(n.rule)]
    language = resolve_language(doc, options, needs_language(ruleset, options))
    ctx = Context(language, lang_detect.detect, options.allowed_languages)
    rules = _rules_for(ruleset, language, options)
    for rule in rules:
        try:
            findings.extend(_finding(doc, rule, hit, options) for hit in KINDS[rule.check].check(doc, rule, ctx))
        except CheckTimeout as e:
            findings.append(_document_finding(doc, RULE_TIMEOUT, "error",
                                              f"rule {rule.id} ({rule.source}) stopped: {e}; "
                                              "simplify its regex"))
    if doc.comments:  # inline suppression directives live in HTML comments
        ran = {r.id for r in rules} | {f.rule for f in findings}
        findings = suppression.filter_findings(doc, findings, (r.id for r in ruleset), ran,
                                               options.selects)
    findings.sort(key=lambda f: f.sort_key)
    return FileResult(doc.path, language, tuple(findings))


def _finding(doc: Document, rule: Rule, hit: Hit, options: Options) -> Finding:
    data = _Template(hit.data)
    severity = options.severity.get(rule.id, rule.severity)
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    snippet = doc.source[hit.start : hit.end] if hit.end > hit.start else ""
    if "match" not in data:
        data["match"] = snippet
    return Finding(
        rule=rule.id, category=rule.category, severity=severity,
        message=rule.message.format_map(data), path=doc.path,
        line=line, column=column, end_line=end_line, end_column=end_column,
        snippet=_shorten(snippet), fix=fix_for(doc, rule, hit),
    )


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notice_finding(doc: Document, notice: Any) -> Finding:
    line, column = doc.position(notice.start)
    end_line, end_column = doc.position(notice.end)
    return Finding(notice.rule, notice.rule.split("/")[0], notice.severity, notice.message,
                   doc.path, line, column, end_line, end_column, "")


def _document_finding(doc: Document | str, rule: str, severity: str, message: str) -> Finding:
    path = doc if isinstance(doc, str) else doc.path
    return Finding(rule, rule.split("/")[0], severity, message, path, 1, 1, 1, 1, "")


def internal_error(path: str, error: BaseException) -> FileResult:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
    message = (f"newslint crashed on this file ({type(error).__name__}: {error}{at}); "
               "the other files were linted; please report this with the file")
    return FileResult(path, None, (_document_finding(path, INTERNAL_ERROR, "error", message),))


def lint_file(path: str, ruleset: RuleSet, options: Options) -> list[FileResult]:
    """Read one file (``-`` is standard input) and lint every document in it."""
    options = options.for_path(path)
    try:
        data = source.read_file(path, options.max_bytes)  # regular files only, bounded
    except OSError as e:
        reason = e.strerror or str(e)
        return [FileResult(path, None, (_document_finding(path, "input/unreadable", "error",
                                                          f"cannot read file: {reason}"),))]
    try:
        docs = read_bytes(data, "<stdin>" if path == "-" else path, options.format, options.max_bytes)
        return [lint_document(doc, ruleset, options) for doc in docs]
    except Exception as e:  # one file's crash must not end the run
        return [internal_error(path, e)]


_worker_state: dict[str, Any] = {}
# A worker allocates and frees many small objects per draft, nearly all freed
# by reference counting; the cyclic collector need not run every 700 of them.
_WORKER_GC = (10_000, 10, 10)


def _init_worker(ruleset: RuleSet, options: Options) -> None:
    gc.set_threshold(*_WORKER_GC)
    _worker_state["ruleset"] = ruleset
    _worker_state["options"] = options


def _lint_in_worker(path: str) -> list[FileResult]:
    return lint_file(path, _worker_state["ruleset"], _worker_state["options"])


def lint_paths(paths: Iterable[str], ruleset: RuleSet, options: Options,
               progress: Callable[[int], None] | None = None) -> Iterator[FileResult]:
    """Lint files in order, in parallel when ``options.jobs > 1``; results stream as they finish."""
    paths = list(paths)
    jobs = max(1, min(options.jobs, len(paths)))
    if jobs == 1 or "-" in paths:
        for path in paths:
            yield from lint_file(path, ruleset, options)
            if progress:
                progress(1)
        return
    fork = sys.platform.startswith("linux")
    if fork:
        _warm(ruleset, options)
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(ruleset, options)
    ) as pool:
        chunk = max(1, min(32, len(paths) // (jobs * 8) or 1))
        for results in pool.map(_lint_in_worker, paths, chunksize=chunk):
            yield from results
            if progress:
                progress(1)


def _warm(ruleset: RuleSet, options: Options) -> None:
    """Compile the rules and load language profiles once, before forking, so workers inherit them."""
    for rule in ruleset:
        if options.selects(rule.id):
            _ = rule.compiled
    if needs_language(ruleset, options) and not options.language:
        lang_detect.warm()
    # What is loaded now lives as long as the run: keep the collector from
    # walking it again and again, and keep the forked workers' copies shared.
    gc.freeze()


def severity_at_least(finding: Finding, level: str) -> bool:
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[level]

"""Run the selected rules over documents: read, detect language, check, report.

One document's crash never ends a run: it becomes an ``internal-error``
finding for that file. Directory runs spread files over worker processes that
each load the rules once.
"""

from __future__ import annotations

import dataclasses
import errno
import fnmatch
import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newslint import invisible, regexcache
from newslint import language as lang_detect
from newslint.budget import DEFAULT_TIMEOUT
from newslint.checks import KINDS
from newslint.checks import blocks as blocks_check
from newslint.checks import pattern as pattern_check
from newslint.checks.base import Context, Hit
from newslint.document import Document, Notice
from newslint.errors import CheckTimeout
from newslint.facts import Facts, LiteralIndex
from newslint.finding import FileResult, Finding, without_repeats
from newslint.finding import severity_at_least as severity_rank_at_least
from newslint.fixspan import fix_for
from newslint.lexicon import shipped_lexicon
from newslint.readers import read_bytes, source
from newslint.rules import Rule, RuleSet
from newslint.selection import INTERNAL_ERROR, Selection, Source

RULE_TIMEOUT = "newslint/rule-timeout"
# Findings of one rule listed for one file; more are summed up in one finding. A scraped
# page's longest comment thread seen has 495 lines, while a flood of lines ("Top" a
# million times) would otherwise cost minutes and gigabytes to report.
MAX_FINDINGS_PER_RULE = 1_000
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Options:
    """What a run was asked to do, after config files and flags are merged.

    ``select``/``ignore`` are explicit choices (command-line flags, API callers);
    ``config_select``/``config_ignore`` come from a config file and lose to an
    explicit choice of the same prefix (see ``newslint.selection``).
    """

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
    config_select: tuple[str, ...] = ()
    config_ignore: tuple[str, ...] = ()
    path_ignore: tuple[str, ...] = ()  # the per-path ignores that apply to this path
    # seconds one document (a file, an article, an audit's record) may take; 0: no budget
    timeout: float = DEFAULT_TIMEOUT

    def for_path(self, path: str) -> Options:
        """These options with the per-path ignores matching ``path`` in ``path_ignore``."""
        if not self.per_path_ignores or path == "-":
            return self
        full = os.path.abspath(path).replace("\\", "/")
        extra = tuple(
            dict.fromkeys(
                rule for pattern, rules in self.per_path_ignores if fnmatch.fnmatchcase(full, pattern) for rule in rules
            )
        )
        return dataclasses.replace(self, path_ignore=extra) if extra else self

    @property
    def selection(self) -> Selection:
        """Every select and ignore prefix of this run, with where it came from."""
        return _selection(self.select, self.ignore, self.config_select, self.config_ignore, self.path_ignore)

    def selects(self, rule_id: str) -> bool:
        """Whether ``rule_id`` runs (longest prefix wins; see ``newslint.selection``)."""
        return self.selection.selects(rule_id)


@functools.lru_cache(maxsize=256)
def _selection(
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_select: tuple[str, ...],
    config_ignore: tuple[str, ...],
    path_ignore: tuple[str, ...],
) -> Selection:
    return (
        Selection.of(select, ignore, Source.FLAG)
        .merged(Selection.of((), path_ignore, Source.PATH))
        .merged(Selection.of(config_select, config_ignore, Source.CONFIG))
    )


class _Template(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def active_rules(rules: Iterable[Rule], language: str | None, options: Options) -> list[Rule]:
    """Rules for a document's language: a language pack's rule replaces the core rule of its id."""
    chosen = [r for r in rules if options.selects(r.id)]
    specific = {r.id for r in chosen if r.languages is not None}
    active = [r for r in chosen if r.languages is not None or r.id not in specific]
    # a kind that reads the other rules' findings runs after them (the sort keeps the order)
    return sorted(active, key=_reads_findings)


def _reads_findings(rule: Rule) -> bool:
    return bool(getattr(KINDS[rule.check], "READS_FINDINGS", False))


# --- what the engine works out once per rule set ----------------------------------------------
# Kept here, by the rule set's identity, not in the rule set (records hold no caches): the
# rule sets of the last few runs or services, each with what was worked out from it.

MEMO_SIZE = 256  # selections remembered per rule set (a service may see many)
RULE_SETS_KEPT = 8
# A rule set builds its finder of `requires` strings for this many documents.
LITERAL_INDEX_AFTER = 16
# ... or for the first document of this many characters.
LITERAL_INDEX_CHARS = 1 << 18


@dataclass(slots=True)
class _Derived:
    """What the engine works out once per rule set: the finder of strings and memos."""

    ruleset: RuleSet
    index: LiteralIndex | None = None
    asked: int = 0
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)


_derived: dict[int, _Derived] = {}


def _derived_from(ruleset: RuleSet) -> _Derived:
    derived = _derived.get(id(ruleset))
    if derived is None or derived.ruleset is not ruleset:
        if len(_derived) >= RULE_SETS_KEPT:
            _derived.clear()
        derived = _derived[id(ruleset)] = _Derived(ruleset)
    return derived


# The check kinds whose rules' ``requires`` strings the finder looks for (a blocks rule's
# vocabulary run reads only the lines of the blocks that hold one).
INDEXED_KINDS = frozenset({"pattern", "blocks"})


def literal_index(ruleset: RuleSet, build: bool = False) -> LiteralIndex | None:
    """The ``requires`` strings of the pattern and blocks rules, and the strings the pattern
    rules' regexes and the blocks rules' notices need (``pattern.needs``, ``blocks.needs``),
    found in one pass (``facts.LiteralIndex``):
    built when asked (``build``, by a run of many files) or for the LITERAL_INDEX_AFTER-th
    document linted with these rules (a service); None until then (the strings are then
    searched for one at a time, which a few documents repay better than the build)."""
    derived = _derived_from(ruleset)
    if derived.index is None:
        derived.asked += 1
        if build or derived.asked >= LITERAL_INDEX_AFTER:
            required = (
                word.casefold()
                for r in ruleset
                if r.check in INDEXED_KINDS
                for word in (r.params.get("requires") or ())
            )
            needed = (word for r in ruleset for word in (pattern_check.needs(r) or blocks_check.needs(r) or ()))
            derived.index = LiteralIndex(itertools.chain(required, needed))
            from newslint import needed as needed_strings

            needed_strings.save()  # (what the regexes need, kept for the next run)
    return derived.index


def _remembered(ruleset: RuleSet, key: tuple[Any, ...], options: Options, compute: Callable[..., T], *args: Any) -> T:
    """``compute(*args, options)``, worked out once per rule set for ``key`` and the
    options' selection (all that these computations read of the options)."""
    memo = _derived_from(ruleset).memo
    full = (*key, options.select, options.ignore, options.config_select, options.config_ignore, options.path_ignore)
    if full not in memo:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[full] = compute(*args, options)
    return memo[full]


def needs_language(ruleset: RuleSet, options: Options) -> bool:
    """Whether any selected rule depends on the language (else detection is skipped)."""
    return any(options.selects(r.id) and (r.languages is not None or r.check == "language") for r in ruleset)


def resolve_language(doc: Document, options: Options, needed: bool = True, facts: Facts | None = None) -> str | None:
    """Language from --language, then the document's metadata, then detection if a rule needs it."""
    if options.language:
        return options.language
    if doc.language:
        return doc.language
    if not doc.blocks or not needed:
        return None
    facts = facts or Facts(doc, shipped_lexicon())
    lang, _ = lang_detect.detect(facts.prose_head(lang_detect.SAMPLE_CHARS), facts.words)
    return lang


def document_context(doc: Document, ruleset: RuleSet, options: Options) -> Context:
    """The per-document context the checks run in: its language and its facts."""
    # A long draft repays the one-pass finder of the `requires` strings at once, and then
    # need not keep its folded prose (see ``Facts._indexed_blocks``).
    facts = Facts(doc, ruleset.lexicon, literal_index(ruleset, build=doc.size >= LITERAL_INDEX_CHARS))
    language = resolve_language(doc, options, _remembered(ruleset, ("needs",), options, needs_language, ruleset), facts)

    def detect(text: str) -> tuple[str, float]:
        return lang_detect.detect(text, facts.words)

    detected = language is not None and not options.language and not doc.language
    return Context(language, facts, detect, ruleset.lexicon, options.allowed_languages, detected)


def lint_document(doc: Document, ruleset: RuleSet, options: Options) -> FileResult:
    """Every finding for one document, sorted by position."""
    findings = [_notice_finding(doc, n) for n in doc.notices if options.selects(n.rule)]
    ctx = dataclasses.replace(document_context(doc, ruleset, options), found=findings)
    language = ctx.language
    rules = _remembered(ruleset, ("rules", language), options, active_rules, ruleset.for_language(language), language)
    long = doc.size >= LONG_DRAFT_CHARS
    if long:
        rules = _remembered(ruleset, ("long", language), options, long_draft_order, rules)
    done = _remembered(ruleset, ("done", language, long), options, kinds_done, rules)
    for rule, finished in zip(rules, done, strict=True):
        mark = regexcache.built_mark()
        listed = 0
        more: Hit | None = None
        unlisted = 0
        try:
            for hit in KINDS[rule.check].check(doc, rule, ctx):
                if listed < MAX_FINDINGS_PER_RULE:
                    findings.append(_finding(doc, rule, hit, options))
                    listed += 1
                else:
                    more = more or hit
                    unlisted += 1
        except CheckTimeout as e:
            findings.append(
                _document_finding(
                    doc, RULE_TIMEOUT, "error", f"rule {rule.id} ({rule.source}) stopped: {e}; simplify its regex"
                )
            )
        if more is not None:
            findings.append(_unlisted(doc, rule, more, unlisted, options))
        if long:  # (see LONG_DRAFT_CHARS)
            rule.forget_compiled()
            regexcache.forget_built_since(mark)
        if finished is not None:
            ctx.facts.release(finished)
            if long and finished == _LANGUAGE_KIND:
                lang_detect.let_go()
    if doc.comments:  # inline suppression directives live in HTML comments
        from newslint import suppression

        ran = {r.id for r in rules} | {f.rule for f in findings}
        findings = suppression.filter_findings(doc, findings, (r.id for r in ruleset), ran, options.selects)
    if invisible.hides(doc):  # junk a reader sees that invisible characters hid from the rules
        findings.extend(invisible.unmasked(doc, findings, lambda reread: lint_document(reread, ruleset, options)))
    findings.sort(key=lambda f: f.sort_key)
    return FileResult(doc.path, language, tuple(without_repeats(findings)))


def kinds_done(rules: list[Rule], options: Options) -> tuple[str | None, ...]:
    """For each rule, the module of its check kind when no later rule has that kind, else
    None: what the kind's functions worked out for a document's checks (``Facts.shared``)
    is then let go. A 5 MB draft's lines with their shapes (2 MB), kept for the
    line-based checks, were still held when the language checks loaded their profiles."""
    last = {rule.check: k for k, rule in enumerate(rules)}
    return tuple(_module_of(rule.check) if last[rule.check] == k else None for k, rule in enumerate(rules))


def _module_of(kind: str) -> str:
    return str(getattr(KINDS[kind], "__name__", ""))


# A draft of this many characters runs the check kinds of LONG_DRAFT_FIRST first, lets go
# of the language profiles its lint loaded once the language checks are done, and of each
# rule's compiled parameters once the rule has run: the rules' regexes, compiled one rule
# after another and all held to the end, took 5.8 MB of a 5 MB draft's peak (the next run
# builds them again from their kept opcodes, in milliseconds; see ``newslint.regexcache``).
LONG_DRAFT_CHARS = 1 << 20
# The duplicate check's temporaries are the largest of any check kind's (8 MB on a 5 MB
# draft of near copies), and the language checks load langdetect's profiles (4 MB when a
# paragraph asks the Latin tier). Run while little else is held, before the pattern rules
# compile their regexes, their peaks do not stack on what lives to the end of the lint,
# and the memory they free is what those regexes then take: a 5 MB draft peaked at its
# last rule, where all of it was held at once (see the README's memory rounds).
LONG_DRAFT_FIRST = ("duplicate", "language")
_LANGUAGE_KIND = _module_of("language")


def long_draft_order(rules: list[Rule], options: Options) -> list[Rule]:
    """``rules`` in the order a long draft runs them: the kinds of LONG_DRAFT_FIRST first,
    in that order, then the others as they come (findings are sorted by position and rule,
    so the order changes nothing in them)."""
    first = [rule for kind in LONG_DRAFT_FIRST for rule in rules if rule.check == kind]
    return first + [rule for rule in rules if rule.check not in LONG_DRAFT_FIRST]


def _finding(doc: Document, rule: Rule, hit: Hit, options: Options) -> Finding:
    data = _Template(hit.data)
    severity = options.severity.get(rule.id, rule.severity)
    line, column = doc.position(hit.start)
    end_line, end_column = doc.position(hit.end)
    snippet = doc.text_at(hit.start, hit.end) if hit.end > hit.start else ""
    if "match" not in data:
        data["match"] = snippet
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity,
        message=rule.message.format_map(data),
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        snippet=_shorten(snippet),
        fix=fix_for(doc, rule, hit),
    )


def _unlisted(doc: Document, rule: Rule, first: Hit, count: int, options: Options) -> Finding:
    """One finding, at the first of them, for the findings of a rule past the listing limit."""
    line, column = doc.position(first.start)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=options.severity.get(rule.id, rule.severity),
        message=(
            f"{count:,} more findings of this rule in this file from here on, not listed one by one "
            f"(at most {MAX_FINDINGS_PER_RULE} are listed); fix these and run again"
        ),
        path=doc.path,
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        snippet="",
    )


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notice_finding(doc: Document, notice: Notice) -> Finding:
    line, column = doc.position(notice.start)
    end_line, end_column = doc.position(notice.end)
    return Finding(
        notice.rule,
        notice.rule.split("/")[0],
        notice.severity,
        notice.message,
        doc.path,
        line,
        column,
        end_line,
        end_column,
        "",
    )


def _document_finding(doc: Document | str, rule: str, severity: str, message: str) -> Finding:
    path = doc if isinstance(doc, str) else doc.path
    return Finding(rule, rule.split("/")[0], severity, message, path, 1, 1, 1, 1, "")


def internal_error(path: str, error: BaseException) -> FileResult:
    import traceback  # (and textwrap): only when a file crashed

    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    at = f" at {os.path.basename(where.filename)}:{where.lineno}" if where else ""
    message = (
        f"newslint crashed on this file ({type(error).__name__}: {error}{at}); "
        "the other files were linted; please report this with the file"
    )
    return FileResult(path, None, (_document_finding(path, INTERNAL_ERROR, "error", message),))


def timed_out(
    path: str, seconds: float, what: str = "file", knob: str = "--timeout", others: str | None = "files"
) -> FileResult:
    """The one finding of a file whose lint ran past the run's budget: an error, so the
    run does not pass with a file it has not fully read (what it was, the knob that sets
    the budget and what else was linted word its message: ``budget.timeout_message``)."""
    from newslint.budget import TIMEOUT_RULE, timeout_message

    name = display_name(path)
    message = timeout_message(seconds, what, knob, others)
    return FileResult(name, None, (_document_finding(name, TIMEOUT_RULE, "error", message),))


def worker_lost(path: str, why: str) -> FileResult:
    """The finding of a file whose worker process died while it linted it."""
    return internal_error(path, RuntimeError(f"not linted: {why}"))


def lint_file(path: str, ruleset: RuleSet, options: Options) -> list[FileResult]:
    """Read one file (``-`` is standard input) and lint every document in it."""
    options = options.for_path(path)
    docs = _read_documents(path, options)  # the file's bytes are let go once decoded
    if isinstance(docs, FileResult):
        return [docs]
    return _lint_documents(docs, path, ruleset, options)


def _read_documents(path: str, options: Options) -> list[Document] | FileResult:
    data = read_input(path, options)
    if isinstance(data, FileResult):
        return data
    try:
        return read_bytes(data, display_name(path), options.format, options.max_bytes)
    except Exception as e:  # one file's crash must not end the run
        return internal_error(path, e)


def read_input(path: str, options: Options) -> bytes | FileResult:
    """The bytes of a file (``-`` is standard input), or a finding that it cannot be read."""
    try:
        data = source.read_file(path, options.max_bytes)  # regular files only, bounded
    except OSError as e:
        return FileResult(path, None, (_document_finding(path, "input/unreadable", "error", _unreadable(path, e)),))
    if not isinstance(data, bytes):  # not a regular file, or over the size limit: not read
        name = display_name(path)
        return FileResult(name, None, (_document_finding(name, data.rule, data.severity, data.message),))
    return data


def _unreadable(path: str, error: OSError) -> str:
    """Why a listed path could not be read, in words that say what happened to it."""
    reason = error.strerror or str(error)
    try:
        if os.path.isdir(path):  # a folder the search could not list
            return f"cannot search this folder for drafts: {reason}; the drafts in it were not linted"
        if error.errno == errno.ENOENT and not os.path.lexists(path):
            return f"cannot read file: {reason} (it was removed after newslint listed it)"
    except OSError:
        pass
    return f"cannot read file: {reason}"


def lint_bytes(data: bytes, path: str, ruleset: RuleSet, options: Options) -> list[FileResult]:
    """Lint every document in a file's bytes; a crash becomes an internal-error finding."""
    try:
        docs = read_bytes(data, display_name(path), options.format, options.max_bytes)
    except Exception as e:  # one file's crash must not end the run
        return [internal_error(path, e)]
    return _lint_documents(docs, path, ruleset, options)


def _lint_documents(docs: list[Document], path: str, ruleset: RuleSet, options: Options) -> list[FileResult]:
    try:
        return [lint_document(doc, ruleset, options) for doc in docs]
    except Exception as e:  # one file's crash must not end the run
        return [internal_error(path, e)]


def display_name(path: str) -> str:
    """The name documents and findings carry for ``path``."""
    return "<stdin>" if path == "-" else path


def lint_paths(
    paths: Iterable[str],
    ruleset: RuleSet,
    options: Options,
    progress: Callable[[int], None] | None = None,
    own_process: bool = False,
) -> Iterator[FileResult]:
    """Lint files in order, in parallel when ``options.jobs > 1`` (0: as many workers as the
    input's size repays); results stream as they finish. Each file has ``options.timeout``
    seconds (``own_process``: the caller is a newslint command, see ``budget.run_within``)."""
    from newslint.budget import Lost
    from newslint.workers import map_paths

    task = functools.partial(lint_file, ruleset=ruleset, options=options)
    lost: Lost[list[FileResult]] = Lost(
        timed_out=lambda path: [timed_out(path, options.timeout)], crashed=lambda path, why: [worker_lost(path, why)]
    )
    for results in map_paths(
        task,
        list(paths),
        options.jobs,
        warm=functools.partial(warm, ruleset, options),
        progress=progress,
        timeout=options.timeout,
        lost=lost,
        own_process=own_process,
    ):
        yield from results


# A run of this many files meets, in each worker, a draft that only the second tier of
# language profiles places (about one in thirty of the benchmark's drafts): that tier
# then loads once, before the fork, instead of once in every worker.
SECOND_TIER_FILES = 200


def warm(ruleset: RuleSet, options: Options, files: int = 0) -> None:
    """Before forking, compile what every worker needs and load the first tier of language
    profiles once, so that the workers inherit them. In a run of SECOND_TIER_FILES files
    or more every worker meets drafts in the pack languages and some that need the second
    tier of profiles: all the selected rules compile and that tier loads here, once. In a
    smaller run the rules of one language compile in the workers that meet a document in
    it, and the second tier loads in a worker that needs it. A run of LITERAL_INDEX_AFTER
    files or more builds the finder of the patterns' ``requires`` strings here, and the
    Markdown parser (50 ms a worker)."""
    large = files >= SECOND_TIER_FILES
    for rule in ruleset if large else ruleset.for_language(None):
        if options.selects(rule.id):
            rule.compiled_in_full()
    if needs_language(ruleset, options) and not options.language:
        lang_detect.warm(second_tier=large)
    if files >= LITERAL_INDEX_AFTER:
        literal_index(ruleset, build=True)
        from newslint.readers import markdown

        markdown.warm()
    # What is loaded now lives as long as the run: keep the collector from
    # walking it again and again, and keep the forked workers' copies shared.
    gc.freeze()


def severity_at_least(finding: Finding, level: str) -> bool:
    """Whether ``finding`` is at ``level`` or worse."""
    return severity_rank_at_least(finding.severity, level)

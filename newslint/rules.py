"""Load YAML rule packs, validate them and compile them into Rule records.

Shipped packs live in the top-level ``rules/`` folder, installed as the package
``newslint.packs``. Each pack is a folder of YAML files; a folder may also hold
its language's ``lexicon.yaml`` (see ``newslint.lexicon``), which is data, not
rules. A rule id may appear in several packs when their ``languages`` do not
overlap: that is how one public id (``truncation/paragraph-end``) carries each
language's vocabulary. Every rule is compiled here, so a bad one stops the
load with its file and line, never a run; a rule file validated by an earlier
run comes from the cache (``newslint.rulecache``) and its rules compile when a
document first needs them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from newslint import rulecache, rx
from newslint.checks import KINDS
from newslint.errors import RuleError
from newslint.finding import SEVERITY_RANK
from newslint.lexicon import LEXICON_FILE, Lexicon, keep_shipped, lexicon_files, load_lexicon, shipped_lexicon

T = TypeVar("T")
_NOT_COMPILED = object()  # a cached rule's parameters, until a document needs them


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled rule: what its file says, and its kind's compiled parameters."""

    id: str
    check: str
    severity: str
    message: str
    pack: str
    source: str
    description: str = ""
    languages: frozenset[str] | None = None
    scope: str = "line"
    params: Mapping[str, Any] = field(default_factory=dict)
    fix: str | None = None
    replacement: str = ""
    examples_flag: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    # The kind's compiled parameters; a rule loaded from the cache compiles them on first use.
    lazy_compiled: object = field(default=None, compare=False, repr=False)

    @property
    def compiled(self) -> object:
        """The kind's compiled parameters (compiled now if the rule came from the cache)."""
        value = self.lazy_compiled
        if value is _NOT_COMPILED:
            # Validated when the cache entry was written: compiling cannot fail differently now,
            # and a kind may leave what it builds to first use (``compile_checked``).
            kind = KINDS[self.check]
            value = getattr(kind, "compile_checked", kind.compile)(self.params, self.scope)
            object.__setattr__(self, "lazy_compiled", value)
        return value

    def compiled_in_full(self) -> object:
        """The compiled parameters with what they build on first use built now (before
        worker processes fork, so that they share it)."""
        value = self.compiled
        build = getattr(value, "build", None)
        if build is not None:
            build()
        return value

    def forget_compiled(self) -> None:
        """Let go of the compiled parameters, compiled again when next needed (a rule built
        without them, in a test, keeps its None)."""
        if self.lazy_compiled is not None:
            object.__setattr__(self, "lazy_compiled", _NOT_COMPILED)

    def compiled_as(self, kind: type[T]) -> T:
        """The compiled parameters, as the type the rule's kind compiles them to."""
        value = self.lazy_compiled
        if value is _NOT_COMPILED:
            value = self.compiled
        if not isinstance(value, kind):
            raise TypeError(f"rule {self.id}: compiled parameters are {type(value).__name__}, not {kind.__name__}")
        return value

    @property
    def category(self) -> str:
        return self.id.split("/", 1)[0]

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or (language is not None and language in self.languages)

    def with_severity(self, severity: str) -> Rule:
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__}
        fields["severity"] = severity
        return Rule(**fields)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """All loaded rules and the language data loaded with them."""

    rules: tuple[Rule, ...]
    lexicon: Lexicon = field(default_factory=shipped_lexicon, compare=False, repr=False)
    # The rules that apply to each language some rule names (None: any-language rules only).
    by_language: Mapping[str | None, tuple[Rule, ...]] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        languages = {lang for r in self.rules for lang in (r.languages or ())}
        index = {lang: tuple(r for r in self.rules if r.applies_to(lang)) for lang in (None, *languages)}
        object.__setattr__(self, "by_language", MappingProxyType(index))

    def for_language(self, language: str | None) -> tuple[Rule, ...]:
        """The rules that apply to documents in ``language``."""
        return self.by_language.get(language, self.by_language[None])

    @property
    def languages(self) -> frozenset[str]:
        """Every language some pack has rules for."""
        return frozenset(lang for r in self.rules for lang in (r.languages or ()))

    def needs_language(self) -> bool:
        return any(r.languages is not None or r.check == "language" for r in self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


@functools.lru_cache(maxsize=1)
def packs_root() -> Path:
    """The folder of shipped packs: the installed ``newslint.packs``, or ``rules/`` in a checkout."""
    try:
        # (find_spec, not importlib.resources: that module costs more to import than this run)
        from importlib.util import find_spec

        spec = find_spec("newslint.packs")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("newslint.packs")
        return Path(next(iter(spec.submodule_search_locations)))
    except ModuleNotFoundError:
        # Running from a source tree (python -m pytest in a checkout with a regular install):
        # the source package has no ``packs``; the packs are the checkout's rules/ folder.
        return Path(__file__).resolve().parent.parent / "rules"


def shipped_packs() -> list[str]:
    """Names of the shipped packs (folders with rule files), ``core`` first."""
    root = packs_root()
    names = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")) and rule_files(p))
    return sorted(names, key=lambda n: (n != "core", n))


def shipped_pack_dirs(packs: Iterable[str] | None = None) -> list[tuple[str, Path]]:
    root = packs_root()
    available = shipped_packs()
    wanted = available if packs is None else list(packs)
    unknown = [p for p in wanted if p not in available]
    if unknown:
        raise RuleError(f"unknown rule pack(s): {', '.join(unknown)}; shipped: {', '.join(available)}")
    return [(name, root / name) for name in wanted]


def rule_files(directory: Path) -> list[Path]:
    """YAML rule files of a pack folder (or of a folder of packs), in a stable order."""
    if directory.is_file():
        return [] if directory.name == LEXICON_FILE else [directory]
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule folder not found")
    return sorted(
        p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.name != LEXICON_FILE and p.is_file()
    )


def load_rules(
    extra_dirs: Iterable[str | Path] = (),
    packs: Iterable[str] | None = None,
    validate_shipped: bool = False,
) -> RuleSet:
    """Load shipped packs (all, or those named) plus user rule folders, and the language data
    of all shipped packs plus that of the user folders."""
    # A load whose files did not change since an earlier run comes whole from the cache.
    extra = [Path(d) for d in extra_dirs]
    packs = None if packs is None else list(packs)
    key = rulecache.snapshot_key([packs_root(), *extra], [repr(packs), str(validate_shipped)])
    snapshot = rulecache.read_snapshot(key)
    if snapshot is not None:
        records, lexicon_data = snapshot
        rules = tuple(Rule(**rulecache.from_record(r), lazy_compiled=_NOT_COMPILED) for r in records)
        lexicon = rulecache.lexicon_from_data(lexicon_data)
        if not extra:  # the shipped packs' lexicon, as the checks that use it alone will ask
            keep_shipped(lexicon)
        return RuleSet(rules, lexicon)
    ruleset = _load_rules(extra, packs, validate_shipped)
    rulecache.write_snapshot(
        key,
        [rulecache.to_record({f: getattr(r, f) for f in r.__dataclass_fields__}) for r in ruleset],
        rulecache.lexicon_to_data(ruleset.lexicon),
    )
    return ruleset


def _load_rules(extra_dirs: list[Path], packs: list[str] | None, validate_shipped: bool) -> RuleSet:
    rules: list[Rule] = []
    for _, directory in shipped_pack_dirs(packs):
        for path in rule_files(directory):
            rules.extend(load_rule_file(path, validate=validate_shipped))
    lexicon = shipped_lexicon()
    for extra in extra_dirs:
        for path in rule_files(extra):
            rules.extend(load_rule_file(path, validate=True))
        if lexicon_files(extra):
            lexicon = lexicon.merged(load_lexicon(lexicon_files(extra)))
    check_unique(rules)
    return RuleSet(tuple(_with_core_patterns(rules)), lexicon)


def _with_core_patterns(rules: list[Rule]) -> list[Rule]:
    """A language's ``required`` rule adds its patterns to those of the any-language rule of
    its id instead of replacing them: the core's patterns read header lines in any language
    ("Maria Souza | 2021-11-01", "By Maria Souza", "20/05/2025 18:04"), and a draft in German
    or Malay carries them as often as one in a language with no pack."""
    general = {r.id: r for r in rules if r.languages is None and r.check == "required"}
    merged = []
    for rule in rules:
        base = general.get(rule.id)
        if rule.languages is None or base is None or rule.check != "required":
            merged.append(rule)
            continue
        if rule.params.get("field") != base.params.get("field"):
            merged.append(rule)
            continue
        own = list(rule.params.get("patterns", ()))
        params = {**rule.params, "patterns": own + [p for p in base.params.get("patterns", ()) if p not in own]}
        merged.append(replace(rule, params=MappingProxyType(params), lazy_compiled=_NOT_COMPILED))
    return merged


def load_rule_file(path: Path, validate: bool = True) -> list[Rule]:
    """Parse, validate and compile one rule file; or take its validated rules from the cache
    (see ``newslint.rulecache``), to compile when a document needs them."""
    try:
        content = path.read_bytes()
        key = rulecache.file_key(path, content)
        text = content.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read rule file: {e}") from e
    records = rulecache.read(key)
    if records is not None:
        return [Rule(**rulecache.from_record(r), lazy_compiled=_NOT_COMPILED) for r in records]
    # A cache entry must hold validated rules: validate whenever one can be written.
    rules = parse_rule_file(path, text, validate or rulecache.writable())
    rulecache.write(key, [rulecache.to_record({f: getattr(r, f) for f in r.__dataclass_fields__}) for r in rules])
    return rules


def parse_rule_file(path: Path, text: str, validate: bool) -> list[Rule]:
    """Parse, validate (against the schema if ``validate``) and compile one rule file's text."""
    # Imported here: a run whose rules come from the cache needs no YAML (importing it is
    # about a tenth of a one-file run).
    import yaml

    from newslint.yamlsource import load_yaml, yaml_error_line

    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RuleError(
            f"{path}:{yaml_error_line(e)}: YAML syntax error: {problem}; "
            "fix the YAML (quote strings containing ':' or '#', check indentation)"
        ) from e
    if validate:
        from newslint.schema import validate_rule_file

        validate_rule_file(path, data)
    elif not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path}:1: a rule file needs 'pack' and a list of 'rules'")
    rules = [build_rule(path, data["pack"], raw) for raw in data["rules"] if raw.get("enabled", True)]
    check_unique(rules)
    return rules


def build_rule(path: Path, pack: str, raw: Mapping[str, Any]) -> Rule:
    """Check and compile one rule of a parsed rule file; RuleError names file, line and id."""
    where = f"{path}:{getattr(raw, 'line', 1)}"
    about = f"{where}: rule {raw.get('id')}"
    kind = KINDS.get(raw["check"])
    if kind is None:
        raise RuleError(f"{about}: unknown check kind {raw['check']!r}; known kinds: {', '.join(sorted(KINDS))}")
    if raw["severity"] not in SEVERITY_RANK:
        raise RuleError(f"{about}: severity must be error, warning or info")
    scope = raw.get("scope", kind.SCOPES[0])
    if scope not in kind.SCOPES:
        raise RuleError(
            f"{about}: scope {scope!r} is not supported by the {kind.KIND} check; it supports: {', '.join(kind.SCOPES)}"
        )
    check_template(raw["message"], about)
    params = MappingProxyType(dict(raw.get("with") or {}))
    examples = raw.get("examples") or {}
    try:
        compiled = kind.compile(params, scope)
    except (ValueError, TypeError, KeyError, AttributeError, rx.error) as e:
        raise RuleError(f"{about}: bad parameter: {e}") from e
    examples_flag = tuple(examples.get("flag", ()))
    examples_pass = tuple(examples.get("pass", ()))
    check_empty_matches(compiled, examples_flag + examples_pass, about)
    fix = raw.get("fix")
    languages = raw.get("languages")
    return Rule(
        id=raw["id"],
        check=raw["check"],
        severity=raw["severity"],
        message=raw["message"],
        pack=pack,
        source=where,
        description=raw.get("description", ""),
        languages=frozenset(languages) if languages else None,
        scope=scope,
        params=params,
        fix="replace" if isinstance(fix, dict) else fix,
        replacement=fix["replace"] if isinstance(fix, dict) else "",
        examples_flag=examples_flag,
        examples_pass=examples_pass,
        lazy_compiled=compiled,
    )


def check_template(message: str, about: str) -> None:
    """A message may name its values (``{match}``), nothing more: no positions (``{0}``),
    no attributes or indexes (``{match.__class__}``), no unbalanced braces."""
    import string

    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as e:
        raise RuleError(f"{about}: bad message template: {e}; write a literal brace as '{{{{' or '}}}}'") from e
    for name, spec in fields:
        if not name.isidentifier() or "{" in (spec or ""):
            raise RuleError(
                f"{about}: message field {{{name}}} is not allowed; use a plain name "
                "such as {match} (no positions, attributes or indexes)"
            )


# Strings a regex is tried on at load to see whether it can match nothing at all,
# besides the rule's own examples: empty, letters, digits, space, punctuation, lines.
_PROBES = ("", " ", "a", "A", "1", ".", "ab cd", "Ab. Cd!", "a\nb", "\n\n", "x, 1, DIRECT", "- * •")


def check_empty_matches(compiled: object, examples: tuple[str, ...], about: str) -> None:
    """Refuse a regex that matches the empty string: it would flag nothing, or everything."""
    for name, pattern in _regexes(compiled):
        for probe in _PROBES + examples:
            try:
                found = next((m for m in pattern.finditer(probe, timeout=1.0) if m.end() == m.start()), None)
            except TimeoutError:
                continue  # a slow regex is stopped at run time, with its own finding
            if found is not None:
                shown = probe if len(probe) < 60 else probe[:57] + "..."
                raise RuleError(
                    f"{about}: {name} {pattern.pattern!r} can match the empty string "
                    f"(at {found.start()} of {shown!r}); make it match at least one character"
                )


def _regexes(compiled: object) -> Iterator[tuple[str, rx.Pattern[str]]]:
    """The regexes a rule's compiled parameters hold that a user wrote."""
    for name in ("pattern", "unless", "patterns"):
        value = getattr(compiled, name, None)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, rx.Pattern):
                yield "regex" if name == "pattern" else name, item


def check_unique(rules: list[Rule]) -> None:
    """An id is defined once per pack. Across packs the same id is allowed for disjoint
    languages, or to specialise an any-language rule."""
    seen: dict[str, list[Rule]] = {}
    for rule in rules:
        for other in seen.get(rule.id, ()):
            both_any = rule.languages is None and other.languages is None
            if (
                rule.pack == other.pack
                or both_any
                or (rule.languages and other.languages and rule.languages & other.languages)
            ):
                raise RuleError(
                    f"{rule.source}: duplicate rule id {rule.id} (also defined at {other.source}); "
                    "rename one, or give them languages that do not overlap in different packs"
                )
        seen.setdefault(rule.id, []).append(rule)

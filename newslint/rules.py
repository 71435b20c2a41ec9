"""Load YAML rule packs, validate them and build compiled Rule objects.

Shipped packs live in the top-level ``rules/`` folder, installed as the package
``newslint.packs``. Each pack is a folder of YAML files. A rule id may appear in
several packs when their ``languages`` do not overlap: that is how one public id
(``truncation/paragraph-end``) carries each language's vocabulary.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from newslint.checks import KINDS
from newslint.errors import RuleError
from newslint.finding import SEVERITY_RANK
from newslint.yamlsource import LineDict, load_yaml, yaml_error_line


@dataclass(frozen=True, slots=True)
class Rule:
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
    compiler: Callable[[], Any] | None = field(default=None, compare=False, repr=False)
    _cache: list[Any] = field(default_factory=list, compare=False, repr=False)

    @property
    def compiled(self) -> Any:
        """The kind's compiled parameters, built on first use: a run compiles only the rules
        of the languages it meets (user rules are compiled at load, to report errors early)."""
        if not self._cache:
            self._cache.append(self.compiler() if self.compiler is not None else None)
        return self._cache[0]

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
    """All loaded rules, with per-language selections cached."""

    rules: tuple[Rule, ...]
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def for_language(self, language: str | None) -> tuple[Rule, ...]:
        return self.memo(("language", language),
                         lambda: tuple(r for r in self.rules if r.applies_to(language)))

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A value derived from the rules alone, computed once per key (per process)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

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
def rule_schema() -> dict[str, Any]:
    text = resources.files("newslint.schema").joinpath("rule.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.lru_cache(maxsize=1)
def packs_root() -> Path:
    """The folder of shipped packs: the installed ``newslint.packs``, or ``rules/`` in a checkout."""
    try:
        return Path(str(resources.files("newslint.packs")))
    except ModuleNotFoundError:
        # Running from a source tree (python -m pytest in a checkout with a regular install):
        # the source package has no ``packs``; the packs are the checkout's rules/ folder.
        return Path(__file__).resolve().parent.parent / "rules"


def shipped_packs() -> list[str]:
    """Names of the shipped packs, ``core`` first."""
    root = packs_root()
    names = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
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
    """YAML files of a pack folder (or of a folder of packs), in a stable order."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule folder not found")
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(
    extra_dirs: Iterable[str | Path] = (),
    packs: Iterable[str] | None = None,
    validate_shipped: bool = False,
) -> RuleSet:
    """Load shipped packs (all, or those named) plus user rule folders."""
    rules: list[Rule] = []
    for _, directory in shipped_pack_dirs(packs):
        for path in rule_files(directory):
            rules.extend(load_rule_file(path, validate=validate_shipped))
    for extra in extra_dirs:
        for path in rule_files(Path(extra)):
            rules.extend(load_rule_file(path, validate=True))
    check_unique(rules)
    return RuleSet(tuple(rules))


def load_rule_file(path: Path, validate: bool = True) -> list[Rule]:
    """Parse, validate and compile one rule file."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read rule file: {e}") from e
    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise RuleError(
            f"{path}:{yaml_error_line(e)}: YAML syntax error: {problem}; "
            "fix the YAML (quote strings containing ':' or '#', check indentation)"
        ) from e
    if validate:
        validate_data(path, data)
    elif not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path}:1: a rule file needs 'pack' and a list of 'rules'")
    return [build_rule(path, data["pack"], raw, eager=validate) for raw in data["rules"]
            if raw.get("enabled", True)]


def validate_data(path: Path, data: Any) -> None:
    import jsonschema  # imported here: only user rule files pay for it

    validator = jsonschema.Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = _most_specific(errors)
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    line = _line_of(data, list(error.absolute_path))
    rule_id = _rule_id_at(data, list(error.absolute_path))
    about = f" rule {rule_id}:" if rule_id else ""
    raise RuleError(f"{path}:{line}:{about} at '{where}': {_explain(error)}")


def _most_specific(errors: list[Any]) -> Any:
    best = errors[0]
    for error in errors:
        for sub in error.context or ():
            if len(sub.absolute_path) > len(best.absolute_path):
                best = sub
        if len(error.absolute_path) > len(best.absolute_path):
            best = error
    return best


def _explain(error: Any) -> str:
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "additionalProperties":
        return f"{error.message}; remove it or check its spelling"
    return str(error.message)


def _line_of(data: Any, path: list[Any]) -> int:
    line = getattr(data, "line", 1)
    node = data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line
    return line


def _rule_id_at(data: Any, path: list[Any]) -> str | None:
    if len(path) >= 2 and path[0] == "rules" and isinstance(data, dict):
        try:
            rule = data["rules"][path[1]]
        except (IndexError, TypeError, KeyError):
            return None
        return rule.get("id") if isinstance(rule, dict) else None
    return None


def build_rule(path: Path, pack: str, raw: Mapping[str, Any], eager: bool = True) -> Rule:
    line = getattr(raw, "line", 1)
    where = f"{path}:{line}"
    kind = KINDS.get(raw["check"])
    if kind is None:
        raise RuleError(f"{where}: rule {raw['id']}: unknown check kind {raw['check']!r}; "
                        f"known kinds: {', '.join(sorted(KINDS))}")
    if raw["severity"] not in SEVERITY_RANK:
        raise RuleError(f"{where}: rule {raw['id']}: severity must be error, warning or info")
    params = MappingProxyType(dict(raw.get("with") or {}))
    compiler = functools.partial(_compile, kind.compile, dict(params), raw.get("scope", kind.DEFAULT_SCOPE),
                                 f"{where}: rule {raw['id']}")
    fix = raw.get("fix")
    examples = raw.get("examples") or {}
    languages = raw.get("languages")
    rule = Rule(
        id=raw["id"],
        check=raw["check"],
        severity=raw["severity"],
        message=raw["message"],
        pack=pack,
        source=where,
        description=raw.get("description", ""),
        languages=frozenset(languages) if languages else None,
        scope=raw.get("scope", kind.DEFAULT_SCOPE),
        params=params,
        fix="replace" if isinstance(fix, dict) else fix,
        replacement=fix["replace"] if isinstance(fix, dict) else "",
        examples_flag=tuple(examples.get("flag", ())),
        examples_pass=tuple(examples.get("pass", ())),
        compiler=compiler,
    )
    if eager:
        _ = rule.compiled
    return rule


def _compile(compile_kind: Callable[..., Any], params: dict[str, Any], scope: str, where: str) -> Any:
    try:
        return compile_kind(MappingProxyType(params), scope)
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        raise RuleError(f"{where}: bad parameter: {e}") from e


def check_unique(rules: list[Rule]) -> None:
    """The same id twice is allowed for disjoint languages, or to specialise an any-language rule."""
    seen: dict[str, list[Rule]] = {}
    for rule in rules:
        for other in seen.get(rule.id, ()):
            both_any = rule.languages is None and other.languages is None
            if both_any or (rule.languages and other.languages and rule.languages & other.languages):
                raise RuleError(
                    f"{rule.source}: duplicate rule id {rule.id} (also defined at {other.source}); "
                    "rename one, or give them languages that do not overlap"
                )
        seen.setdefault(rule.id, []).append(rule)

"""Find, validate and merge configuration: a config file first, then command-line flags.

newslint looks for ``newslint.yaml``, ``.newslint.yaml`` or a ``[tool.newslint]``
table in ``pyproject.toml``, from the linted path upward to the filesystem root;
the first one found wins. Flags given on the command line replace the file's
value of the same key (black's rule: explicit flags always win).

Validating a file against the config schema needs ``jsonschema``, whose import
costs as much as the rest of a one-file run, and reading it needs ``yaml``. A
file that passed is noted in the user cache folder (see ``newslint.rulecache``):
its path, its whole text and the values read from it, under an entry named by
the path and newslint's code (which holds the schema). A later run whose file
has exactly that text takes the values from the note, without parsing or the
schema check; the checks that depend on the disk (rule folders that must exist,
pack names) run every time, and a file that failed is never noted.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newslint.budget import DEFAULT_TIMEOUT
from newslint.errors import ConfigError
from newslint.readers import DEFAULT_PATTERNS

CONFIG_FILES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")


def _no_severities() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Config:
    """The effective configuration: one file's values, possibly replaced by flags."""

    source: Path | None = None
    languages: tuple[str, ...] = ()
    packs: tuple[str, ...] | None = None
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=_no_severities)
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "error"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = DEFAULT_TIMEOUT  # seconds one document may take: check, audit, learn (0: no limit)
    # where each key was set: "file:line" for the file's keys, "--flag" for flags given
    origins: Mapping[str, str] = field(default_factory=_no_severities)

    @property
    def root(self) -> Path:
        """The folder that relative paths in the file are relative to."""
        return self.source.parent if self.source else Path.cwd()

    def with_flags(self, flags: Mapping[str, Any]) -> Config:
        """This config with the keys given on the command line replaced (None means not given)."""
        given = {name: value for name, value in flags.items() if value is not None}
        unknown = set(given) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ValueError(f"not config fields: {', '.join(sorted(unknown))}")
        origins = {**self.origins, **{name: _flag(name) for name in given}}
        return dataclasses.replace(self, **given, origins=MappingProxyType(origins))

    def from_flag(self, name: str) -> bool:
        """Whether the value of ``name`` was given on the command line."""
        return self.origins.get(name, "").startswith("--")

    def path_ignores(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """``per-path-ignores`` as absolute fnmatch patterns, for the engine's Options."""
        return tuple(
            (pattern, rules) for glob, rules in self.per_path_ignores for pattern in path_patterns(self.root, glob)
        )

    def to_dict(self) -> dict[str, Any]:
        """The effective values under their file key names (for ``newslint config``)."""
        return {
            "languages": list(self.languages),
            "packs": list(self.packs) if self.packs is not None else "all",
            "rules": list(self.rules),
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": dict(self.severity),
            "per-path-ignores": {glob: list(rules) for glob, rules in self.per_path_ignores},
            "fail-on": self.fail_on,
            "include": list(self.include or DEFAULT_PATTERNS),
            "exclude": list(self.exclude),
            "timeout": self.timeout,
        }


_FLAGS = {"languages": "--allow-language", "rules": "--rules", "fail_on": "--fail-on"}


def _flag(name: str) -> str:
    return _FLAGS.get(name, "--" + name.replace("_", "-"))


def path_patterns(root: Path, glob: str) -> tuple[str, ...]:
    """Absolute fnmatch patterns for a glob relative to ``root``.

    A glob without a slash matches a file name in any folder (as flake8's
    per-file-ignores do); ``**/`` also matches no folder at all.
    """
    glob = glob.replace("\\", "/").removeprefix("./")
    base = os.path.abspath(root).replace("\\", "/").rstrip("/")
    globs = {glob} if "/" in glob else {glob, "*/" + glob}
    for g in list(globs):
        if "**/" in g:
            globs.add(g.replace("**/", ""))
    return tuple(sorted(f"{base}/{g}" for g in globs))


# ---- finding the file ----------------------------------------------------------------


def start_folder(paths: Iterable[str]) -> Path:
    """The deepest folder holding every linted path (standard input counts as the cwd)."""
    folders = []
    for raw in paths:
        path = Path.cwd() if raw == "-" else Path(os.path.abspath(raw))
        folders.append(str(path if _looks(path.is_dir) else path.parent))
    return Path(os.path.commonpath(folders)) if folders else Path.cwd()


def _looks(test: Callable[[], bool]) -> bool:
    """``test()``, False when the path cannot be looked at (no permission on a folder above
    it): the search goes on, and reading the draft later reports why it cannot be read."""
    try:
        return test()
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The first config file from ``start`` upward (a pyproject.toml only with [tool.newslint])."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if _looks(candidate.is_file) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    # Parse only pyproject files that mention us: a broken unrelated one must not stop a run.
    return "newslint" in text and "newslint" in _read_toml(path, text).get("tool", {})


def load_config(paths: Sequence[str] = (), explicit: str | os.PathLike[str] | None = None) -> Config:
    """The config for linting ``paths``: the ``explicit`` file, or the first one found upward."""
    if explicit is not None:
        path = Path(explicit)
        if not _looks(path.is_file):
            raise ConfigError(f"{path}: config file not found")
    else:
        found = find_config(start_folder(paths or ["."]))
        if found is None:
            return Config()
        path = found
    return parse_config(path.resolve())


# ---- reading and validating -------------------------------------------------------------


def parse_config(path: Path) -> Config:
    """Read, validate and build the Config of one file."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config file: {e}") from e
    noted = _noted(path, text)
    if noted is not None:
        _check_values(path, text, noted)
        return _build(path, text, noted)
    if path.suffix == ".toml":
        tool = _read_toml(path, text).get("tool", {})
        if not isinstance(tool, dict) or "newslint" not in tool:
            raise ConfigError(f"{path}: no [tool.newslint] table")
        data = tool["newslint"]
    else:
        data = _read_yaml(path, text)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys to values")
    validate_config(path, text, data)
    _note(path, text, data)
    return _build(path, text, data)


def _note_file(path: Path) -> Path | None:
    """Where a validated config file ``path`` is noted; None when the cache is off."""
    from newslint import rulecache

    folder = rulecache.cache_dir()
    if folder is None:
        return None
    name = rulecache.digest(os.fsencode(path) + b"\n" + rulecache.code_fingerprint().encode())
    return folder / "configs" / f"{name}.marshal"


def _noted(path: Path, text: str) -> dict[str, Any] | None:
    """The values of ``path`` as noted when this newslint validated exactly this text; None
    when it did not."""
    import marshal

    note = _note_file(path)
    if note is None:
        return None
    try:
        noted = marshal.loads(note.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(noted, tuple) or len(noted) != 3 or noted[:2] != (os.fsencode(path), text):
        return None
    return noted[2] if isinstance(noted[2], dict) else None


def _note(path: Path, text: str, data: Mapping[str, Any]) -> None:
    """Note a validated file's text and values (not when marshal cannot hold them: a date)."""
    import marshal

    from newslint import rulecache

    note = _note_file(path)
    if note is None:
        return
    values = _plain(data)
    try:
        entry = marshal.dumps((os.fsencode(path), text, values))
    except ValueError:
        return
    if marshal.loads(entry)[2] == values:
        rulecache.write_atomic(note, entry)


def _plain(value: Any) -> Any:
    """YAML's or TOML's values with plain dicts and lists (marshal takes no subclasses)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read_yaml(path: Path, text: str) -> Any:
    import yaml

    from newslint.yamlsource import load_yaml, yaml_error_line

    try:
        data = load_yaml(text)
    except yaml.YAMLError as e:
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise ConfigError(f"{path}:{yaml_error_line(e)}: YAML syntax error: {problem}") from e
    return {} if data is None else data


def _read_toml(path: Path, text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: TOML syntax error: {e}") from e


@functools.lru_cache(maxsize=1)
def config_schema() -> dict[str, Any]:
    import json
    from importlib import resources

    text = resources.files("newslint.schema").joinpath("config.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_config(path: Path, text: str, data: Mapping[str, Any]) -> None:
    """Raise ConfigError naming the file, line and key of the first problem."""
    known = list(config_schema()["properties"])
    for key in data:
        if key not in known:
            import difflib

            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            raise ConfigError(f"{_where(path, text, key)}: unknown key '{key}'{hint}")
    import jsonschema  # imported here: runs without a config file do not pay for it

    validator = jsonschema.Draft202012Validator(config_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        error = _deepest(errors)
        parts = [str(p) for p in error.absolute_path]
        key = ".".join(parts) if parts else "(top level)"
        raise ConfigError(f"{_where(path, text, parts[0] if parts else None)}: key '{key}': {_explain(error)}")
    _check_values(path, text, data)


def _deepest(errors: list[Any]) -> Any:
    candidates = [sub for e in errors for sub in (e.context or ())] + errors
    return max(candidates, key=lambda e: len(e.absolute_path))


def _explain(error: Any) -> str:
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "pattern" and isinstance(error.instance, str):
        return f"{error.instance!r} is not a valid value here"
    if error.validator == "propertyNames":
        return f"{error.instance!r} is not a rule id (category/name or a category)"
    return str(error.message)


def _check_values(path: Path, text: str, data: Mapping[str, Any]) -> None:
    """Checks a schema cannot express: pack names and rule folders that must exist."""
    if "packs" in data:
        from newslint.rules import shipped_packs

        available = shipped_packs()
        for pack in data["packs"]:
            if pack not in available:
                raise ConfigError(
                    f"{_where(path, text, 'packs')}: key 'packs': unknown pack "
                    f"{pack!r}; shipped packs: {', '.join(available)}"
                )
    for index, folder in enumerate(data.get("rules", ())):
        if not (path.parent / folder).exists():
            raise ConfigError(
                f"{_where(path, text, 'rules')}: key 'rules.{index}': {folder!r} not found (relative to {path.parent})"
            )


def _where(path: Path, text: str, key: Any) -> str:
    """``file:line`` of a top-level key (YAML), or ``file [tool.newslint]`` (TOML)."""
    if path.suffix == ".toml":
        return f"{path} [tool.newslint]"
    if key is not None:
        match = re.search(rf"^[\"']?{re.escape(str(key))}[\"']?\s*:", text, re.M)
        if match:
            return f"{path}:{text.count(chr(10), 0, match.start()) + 1}"
    return str(path)


def _build(path: Path, text: str, data: Mapping[str, Any]) -> Config:
    folder = path.parent
    origins = {key.replace("-", "_"): _where(path, text, key) for key in data}
    packs = data.get("packs")
    return Config(
        source=path,
        languages=tuple(data.get("languages", ())),
        packs=tuple(packs) if packs is not None else None,
        rules=tuple(str((folder / r).resolve()) for r in data.get("rules", ())),
        select=tuple(data.get("select", ())),
        ignore=tuple(data.get("ignore", ())),
        severity=MappingProxyType(dict(data.get("severity", {}))),
        per_path_ignores=tuple((glob, tuple(rules)) for glob, rules in data.get("per-path-ignores", {}).items()),
        fail_on=data.get("fail-on", "error"),
        include=tuple(data.get("include", ())),
        exclude=tuple(data.get("exclude", ())),
        timeout=float(data.get("timeout", DEFAULT_TIMEOUT)),
        origins=MappingProxyType(origins),
    )


def describe(config: Config) -> str:
    """The effective config as YAML, headed by where it came from."""
    import yaml

    origin = f"# from {config.source}" if config.source else "# no config file found: defaults"
    body = yaml.safe_dump(config.to_dict(), sort_keys=False, allow_unicode=True, default_flow_style=False)
    return f"{origin}\n{body}"

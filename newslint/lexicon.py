"""Language data: the words detection and checks use, read from the packs.

Each language has a file ``lexicon.yaml`` in its own folder under ``rules/``
(``rules/id/lexicon.yaml``; ``rules/core/lexicon.yaml`` holds what belongs to no
one language). Adding a language is adding such a file; a user folder given
with ``--rules`` may add one too. A lexicon file is not a rule file::

    language: "id"              # null in core
    function_words: yang dan di ke ...
    abbreviations: jl hj drs    # a full stop after these does not end a sentence
    markers:                    # evidence for this language against a near one
      against: ms
      words: {2: bahwa karena ..., 1: memiliki ...}
      pairs: [[rumah, sakit, 2]]
      patterns: [['\\(\\s*\\d{1,2}/\\d{1,2}\\s*\\)', 2]]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newslint import rx
from newslint.errors import RuleError

LEXICON_FILE = "lexicon.yaml"


@dataclass(frozen=True, slots=True)
class Markers:
    """Words, word pairs and patterns that speak for ``language`` against ``against``."""

    language: str
    against: str
    words: Mapping[str, float] = field(default_factory=dict)
    pairs: Mapping[tuple[str, str], float] = field(default_factory=dict)
    patterns: tuple[tuple[rx.Pattern[str], float], ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """Every loaded language's data, merged (compared and hashed by identity: loaded once)."""

    function_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    abbreviations: frozenset[str] = frozenset()
    markers: tuple[Markers, ...] = ()

    def markers_for(self, language: str, against: str) -> Markers | None:
        return next((m for m in self.markers if m.language == language and m.against == against), None)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon with ``other``'s data added (a user pack's language, or more words)."""
        words = {lang: set(found) for lang, found in self.function_words.items()}
        for lang, found in other.function_words.items():
            words.setdefault(lang, set()).update(found)
        return Lexicon(
            MappingProxyType({lang: frozenset(w) for lang, w in words.items()}),
            self.abbreviations | other.abbreviations,
            self.markers + other.markers,
        )


def lexicon_files(directory: Path) -> list[Path]:
    """The lexicon files in a folder of packs, a pack folder or a named file, in a stable order."""
    if directory.is_file():
        return [directory] if directory.name == LEXICON_FILE else []
    if not directory.is_dir():
        return []
    return sorted(directory.rglob(LEXICON_FILE))


def load_lexicon(paths: Iterable[Path]) -> Lexicon:
    """Read and merge lexicon files; a bad one is a RuleError naming file and line."""
    lexicon = Lexicon()
    for path in paths:
        lexicon = lexicon.merged(_read(path))
    return lexicon


@functools.lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicons of the shipped packs, read once per process (or taken from the rule
    cache's snapshot of a load of the shipped packs: see ``newslint.rulecache``)."""
    if _KEPT:
        return _KEPT[0]
    from newslint.rules import packs_root

    return load_lexicon(lexicon_files(packs_root()))


# The shipped lexicon as a load of the shipped packs found it in the rule cache.
_KEPT: list[Lexicon] = []


def keep_shipped(lexicon: Lexicon) -> None:
    """Use ``lexicon``, read from the rule cache by a load that checked the shipped packs'
    files, as the shipped lexicon, unless this process has one already."""
    if not _KEPT:
        _KEPT.append(lexicon)


def _read(path: Path) -> Lexicon:
    import yaml  # here: a run whose lexicon comes from the rule cache needs no YAML

    from newslint.yamlsource import safe_load, yaml_error_line

    try:
        data = safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(f"{path}: cannot read lexicon file: {e}") from e
    except yaml.YAMLError as e:
        raise RuleError(f"{path}:{yaml_error_line(e)}: YAML syntax error in lexicon file") from e
    if not isinstance(data, dict) or "language" not in data:
        raise RuleError(f"{path}:1: a lexicon file needs 'language' (a code, or null for any language)")
    unknown = set(data) - {"language", "function_words", "abbreviations", "markers"}
    if unknown:
        raise RuleError(f"{path}:1: unknown key(s) in lexicon file: {', '.join(sorted(map(str, unknown)))}")
    language = data["language"]
    if language is not None and not (isinstance(language, str) and rx.fullmatch(r"[a-z]{2,3}", language)):
        raise RuleError(f"{path}:1: 'language' must be a language code such as \"id\" (quote it: no is false)")
    words = _words(path, data, "function_words")
    if words and language is None:
        raise RuleError(f"{path}:1: function words need a language")
    function_words = MappingProxyType({language: frozenset(words)} if words and language else {})
    markers = (_markers(path, language, data["markers"]),) if data.get("markers") else ()
    return Lexicon(function_words, frozenset(_words(path, data, "abbreviations")), markers)


def _words(path: Path, data: Mapping[str, object], key: str) -> list[str]:
    value = data.get(key) or ""
    if isinstance(value, list):
        value = " ".join(map(str, value))
    if not isinstance(value, str):
        raise RuleError(f"{path}: '{key}' must be words separated by spaces, or a list")
    return value.casefold().split()


def _markers(path: Path, language: object, raw: object) -> Markers:
    where = f"{path}: 'markers'"
    if not isinstance(language, str) or not isinstance(raw, dict) or not isinstance(raw.get("against"), str):
        raise RuleError(f"{where} needs a language and 'against' (the near language they tell it from)")
    try:
        words: dict[str, float] = {}
        for weight, listed in sorted((raw.get("words") or {}).items(), key=lambda kv: -float(kv[0])):
            words.update(dict.fromkeys(_words(path, {"w": listed}, "w"), float(weight)))
        pairs = {(str(a).casefold(), str(b).casefold()): float(w) for a, b, w in raw.get("pairs") or ()}
        patterns = tuple((rx.compile(source), float(w)) for source, w in raw.get("patterns") or ())
    except (TypeError, ValueError, AttributeError, rx.error) as e:
        raise RuleError(
            f"{where}: {e}; words are {{weight: 'word word'}}, pairs [first, second, weight], patterns [regex, weight]"
        ) from e
    return Markers(language, raw["against"], MappingProxyType(words), MappingProxyType(pairs), patterns)

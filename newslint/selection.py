"""Which rules run: one meaning of a rule-id prefix for every place that names rules.

``--select``/``--ignore``, the config file's ``select:``/``ignore:``, its
``per-path-ignores`` and the inline ``<!-- newslint: disable=... -->``
directives all name rules the same way:

- a full id (``ad-text/ad-label``) names that rule;
- a category or any leading part of an id up to a ``/`` (``ad-text``,
  ``ad-text/``) names every rule under it; ``ad`` does not name ``ad-text``;
- ``all`` (any case) names every rule, and is weaker than any category.

Deciding whether a rule runs follows flake8's decision engine: the longest
prefix that names the rule wins, whether it was selected or ignored. With no
``select`` at all every rule is selected by default, more weakly than ``all``.
When a select and an ignore prefix are equally long, the stronger source wins:
a command-line flag beats a per-path ignore, which beats the config file's
lists; from the same source, select wins (``--select markup --ignore markup``
runs the markup rules).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ALL = "all"
# Findings that no rule file declares: reader notices (input/...), suppression
# directives' own findings and the engine's (newslint/rule-timeout).
BUILTIN_CATEGORIES = ("input", "suppression", "newslint")
INTERNAL_ERROR = "internal-error"


class Source(enum.IntEnum):
    """Where a select or ignore prefix came from; at equal length the higher one wins."""

    DEFAULT = 0
    CONFIG = 1
    PATH = 2
    FLAG = 3


def normalise(prefix: str) -> str:
    """The prefix as matched: no trailing slash, ``all`` in lower case."""
    p = prefix.strip().rstrip("/")
    return ALL if p.casefold() == ALL else p


def names(prefix: str, rule_id: str) -> bool:
    """Whether ``prefix`` (normalised) names ``rule_id``."""
    return prefix == ALL or rule_id == prefix or rule_id.startswith(prefix + "/")


def names_any(rule_id: str, prefixes: Iterable[str]) -> bool:
    """Whether any of ``prefixes`` names ``rule_id``."""
    return any(names(normalise(p), rule_id) for p in prefixes)


def _weight(prefix: str) -> int:
    """How specific a prefix is: ``all`` is the least specific one that is written."""
    return 0 if prefix == ALL else len(prefix)


@dataclass(frozen=True, slots=True)
class Choice:
    """One prefix of a select or ignore list, and where it came from."""

    prefix: str
    source: Source

    def rank(self, rule_id: str) -> tuple[int, int] | None:
        """(specificity, source) when this prefix names ``rule_id``, else None."""
        return (_weight(self.prefix), self.source) if names(self.prefix, rule_id) else None


def choices(prefixes: Iterable[str], source: Source) -> tuple[Choice, ...]:
    return tuple(dict.fromkeys(Choice(normalise(p), source) for p in prefixes if p.strip()))


_IMPLICIT = (-1, Source.DEFAULT)


@dataclass(frozen=True, slots=True)
class Selection:
    """The select and ignore prefixes of one run (and one path); decides rule by rule."""

    select: tuple[Choice, ...] = ()
    ignore: tuple[Choice, ...] = ()

    @classmethod
    def of(cls, select: Iterable[str] = (), ignore: Iterable[str] = (), source: Source = Source.FLAG) -> Selection:
        return cls(choices(select, source), choices(ignore, source))

    def merged(self, other: Selection) -> Selection:
        """Both selections' prefixes together (each keeps its source)."""
        return Selection(
            tuple(dict.fromkeys(self.select + other.select)), tuple(dict.fromkeys(self.ignore + other.ignore))
        )

    def selects(self, rule_id: str) -> bool:
        """Whether ``rule_id`` runs: the longest prefix naming it decides (see the module doc)."""
        return _decide(self, rule_id)


@functools.lru_cache(maxsize=4096)
def _decide(selection: Selection, rule_id: str) -> bool:
    selected = _best(selection.select, rule_id) if selection.select else _IMPLICIT
    if selected is None:
        return False
    ignored = _best(selection.ignore, rule_id)
    return ignored is None or selected >= ignored


def _best(prefixes: Sequence[Choice], rule_id: str) -> tuple[int, int] | None:
    ranks = [r for r in (c.rank(rule_id) for c in prefixes) if r is not None]
    return max(ranks, default=None)


# ---- checking that every prefix names something --------------------------------------------


def known_prefix(prefix: str, rule_ids: Iterable[str]) -> bool:
    """Whether ``prefix`` names a loaded rule, a built-in finding category, or all rules."""
    p = normalise(prefix)
    if p in (ALL, INTERNAL_ERROR) or p.split("/")[0] in BUILTIN_CATEGORIES:
        return True
    return any(names(p, rule_id) for rule_id in rule_ids)


def unknown_prefix_message(prefix: str, rule_ids: Iterable[str]) -> str:
    """``unknown rule id or category 'x'; did you mean 'y'?`` for a prefix that names nothing."""
    import difflib  # only for a message about a typo

    ids = sorted(set(rule_ids))
    candidates = sorted({*ids, *(i.split("/")[0] for i in ids), *BUILTIN_CATEGORIES, ALL})
    close = difflib.get_close_matches(normalise(prefix), candidates, n=1, cutoff=0.6)
    if not close:  # a typo in the part after the category: compare within the category
        category = normalise(prefix).split("/")[0]
        close = difflib.get_close_matches(
            normalise(prefix), [i for i in ids if i.startswith(category + "/")], n=1, cutoff=0.5
        )
    hint = f"; did you mean '{close[0]}'?" if close else "; `newslint rules` lists the rule ids"
    return f"unknown rule id or category '{prefix}'{hint}"


def first_unknown(prefixes: Iterable[str], rule_ids: Iterable[str]) -> str | None:
    """The first of ``prefixes`` that names nothing, or None."""
    ids = tuple(rule_ids)
    return next((p for p in prefixes if not known_prefix(p, ids)), None)

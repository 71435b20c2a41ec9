"""Strings a regex cannot match without: read from the regex itself, for a prefilter.

``needed(source, ignorecase)`` parses a rule's regex and gives a few case-folded strings
of which every match holds at least one (``buy\\s*now|add\\s+to\\s+cart`` needs "buy" or
"cart"), or None when it cannot tell. The engine's one-pass finder of strings
(``facts.LiteralIndex``) then places them in a draft with the rules' ``requires``, and
a ``pattern`` rule searches only the blocks that hold one: a prefilter that every rule,
a later one too, gets from its own regex, with no list to keep by hand.

The regex is read with the standard library's parser (``re._parser``), which reads the
``regex`` module's syntax where the two agree; a regex it does not read alike, or at
all (``regex``'s fuzzy matching, POSIX classes, a version flag), gives None. Unicode
properties (``\\p{Lu}``) are read as any character. Case ignored, a letter stands
for the folds of every character ``regex`` matches with it: "I" for "i" and "ı".
"""

from __future__ import annotations

import functools
import importlib
import marshal
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# the standard library's own parser of regexes, and its names for what it reads
try:
    P: Any = importlib.import_module("re._parser")
    C: Any = importlib.import_module("re._constants")
except ImportError:  # Python 3.10
    P = importlib.import_module("sre_parse")
    C = importlib.import_module("sre_constants")
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)  # (Python 3.11 and later, as possessive repeats)
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op is not None)

# The most strings a run of a sequence may grow to as its parts multiply them, and the
# most a set of alternatives may gather.
MAX_STRINGS = 64
MAX_ALTERNATIVES = 512
# A needed set whose shortest string is shorter than this sifts nothing ("a", "#").
MIN_CHARS = 3
# Case ignored, a character matches the characters whose folds are its fold, but for
# these, which ``regex`` also matches with a character of another fold ("i" matches "İ",
# whose fold is "i" and a combining dot): each stands for its own fold or one of these.
# Checked one by one against every code point up to Latin Extended-B
# (tests/test_needed.py); a character beyond it, case ignored, is taken as unknown.
_FOLD_SAFE_MAX = 0x24F
_FOLD_ALSO = {
    "i": ("i\u0307",),
    "I": ("ı",),
    "ı": ("i",),
    "İ": ("i",),
    "ß": (chr(0x1DF95).casefold(),),
    "ƛ": (chr(0xA7DC).casefold(),),
}
# Syntax the standard parser reads differently from ``regex``, or that ``regex`` alone has
# (verbose, ``regex`` reads "{1, 3}" as a repeat, the standard parser as text).
_OTHER_SYNTAX = re.compile(
    r"\[:|\{[edis]|\{[^}]*\s[^}]*\}|\(\?[a-zA-Z-]*[Vfwr][a-zA-Z-]*[:)]|\\[GKLmMXRhN]|\(\?\||\(\?\("
)
_PROPERTY = re.compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])")

_Info = tuple[frozenset[str] | None, frozenset[str] | None]  # (every string matched, or None; needed)


def needed(source: str, ignorecase: bool = False) -> tuple[str, ...] | None:
    """Case-folded strings of which every match of ``source`` holds one (sorted), or None.

    Answers are kept in the user cache folder (``save``): reading the 50 shipped pattern
    rules' regexes took 90 ms, a few drafts' lint, at each run of many drafts."""
    return _answer(source, ignorecase)[0]


def line_start(source: str, ignorecase: bool = False) -> bool:
    """Whether every match of ``source`` starts where the text or one of its lines starts:
    each of its alternatives opens with "^" or "\\A", after lookarounds and "\\b" at most.
    In a text of one line such a regex can match at the text's start only, where one
    match attempt answers what a search tries at every character (a lookbehind the
    regex opens with is tried at each of them). False when it cannot tell: a syntax
    the standard parser reads differently, or the WORD flag, whose lines end at more
    characters than a line feed. Kept in the cache folder with ``needed``'s answer."""
    return _answer(source, ignorecase)[1]


Answer = tuple[tuple[str, ...] | None, bool]  # (needed, line_start)


def _answer(source: str, ignorecase: bool) -> Answer:
    kept = _kept()
    key = (source, ignorecase)
    answer = kept.get(key)
    if answer is None:
        answer = _worked_out(source, ignorecase)
        if len(kept) >= KEPT_MAX:
            kept.clear()
        kept[key] = answer  # (a service's threads may ask at once: each works out the same answer)
        _changed.append(key)
    return answer


KEPT_MAX = 4096
_answers: dict[tuple[str, bool], Answer] | None = None
_changed: list[tuple[str, bool]] = []


def _kept_path() -> Path | None:
    from newslint.rulecache import cache_dir, digest

    folder = cache_dir()
    if folder is None:
        return None
    try:
        stat = os.stat(__file__)
    except OSError:
        return None
    # this module's code (a change may change the answers) and Python's parser
    stamp = f"{__file__} {stat.st_size} {stat.st_mtime_ns} {sys.version}".encode()
    return folder / "needed" / f"{digest(stamp)}.marshal"


def _kept() -> dict[tuple[str, bool], Answer]:
    global _answers
    if _answers is None:
        _answers = {}
        path = _kept_path()
        try:
            data = marshal.loads(path.read_bytes()) if path is not None else None
        except (OSError, ValueError, EOFError, TypeError):
            data = None
        if isinstance(data, dict) and all(_valid(key, value) for key, value in data.items()):
            _answers.update(data)
    return _answers


def _valid(key: object, value: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], str)
        and isinstance(key[1], bool)
        and isinstance(value, tuple)
        and len(value) == 2
        and (value[0] is None or (isinstance(value[0], tuple) and all(isinstance(s, str) for s in value[0])))
        and isinstance(value[1], bool)
    )


def save() -> None:
    """Keep the answers worked out in this process in the cache folder (quietly nothing
    when it cannot be written)."""
    if not _changed or _answers is None:
        return
    path = _kept_path()
    _changed.clear()
    if path is not None:
        from newslint.rulecache import write_atomic

        write_atomic(path, marshal.dumps(_answers))


@functools.lru_cache(maxsize=1024)
def _worked_out(source: str, ignorecase: bool) -> Answer:
    if _OTHER_SYNTAX.search(source):
        return None, False
    try:
        tree = P.parse(_PROPERTY.sub(r"\\w", source), re.IGNORECASE if ignorecase else 0)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None, False
    fold = bool(tree.state.flags & re.IGNORECASE)
    try:
        _, need = _sequence(list(tree), fold)
        starts = _starts_line(list(tree)) is True
    except RecursionError:
        return None, False
    if need is None or min(map(len, need)) < MIN_CHARS:
        return None, starts
    return tuple(sorted(need)), starts


_LINE_STARTS = (C.AT_BEGINNING, C.AT_BEGINNING_LINE, C.AT_BEGINNING_STRING)


def _starts_line(items: list[tuple[Any, Any]]) -> bool | None:
    """Whether a match of the sequence starts where the text or a line starts (True), may
    start elsewhere (False), or None when the sequence has no width (what follows it tells)."""
    for op, av in items:
        if op is C.AT:
            if av in _LINE_STARTS:
                return True
            continue  # "\\b", "$"...: no width
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue  # a lookaround: no width
        if op is C.SUBPATTERN or (op is _ATOMIC and op is not None):
            inner = _starts_line(list(av[3] if op is C.SUBPATTERN else av))
            if inner is None:
                continue
            return inner
        if op is C.BRANCH:
            return all(_starts_line(list(branch)) is True for branch in av[1])
        return False  # a character, a repeat, a back-reference...
    return None


def _char(code: int, fold: bool) -> frozenset[str] | None:
    char = chr(code)
    if not fold:
        return frozenset((char.casefold(),))
    if code > _FOLD_SAFE_MAX:
        return None
    return frozenset((char.casefold(), *_FOLD_ALSO.get(char, ())))


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _best(sets: Iterable[frozenset[str]]) -> frozenset[str] | None:
    """The most selective set: the one whose shortest string is longest, then the smallest."""
    usable = [s for s in sets if s and "" not in s]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s))) if usable else None


def _sequence(items: list[tuple[Any, Any]], fold: bool) -> _Info:
    """A sequence: the strings of its adjacent known parts multiplied out, and the best of
    those runs and of what its other parts need."""
    found: list[frozenset[str]] = []
    run: frozenset[str] = frozenset(("",))
    broken = False
    for op, av in items:
        exact, need = _item(op, av, fold)
        if exact is not None:
            joined = _product(run, exact)
            if joined is None:
                found.append(run)
                broken, joined = True, exact
            run = joined
            continue
        found.append(run)
        if need is not None:
            found.append(need)
        run, broken = frozenset(("",)), True
    found.append(run)
    return (None if broken else run), _best(found)


def _item(op: Any, av: Any, fold: bool) -> _Info:
    if op is C.LITERAL:
        return _char(av, fold), None
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                got = _char(value, fold)
            elif kind is C.RANGE and value[1] - value[0] < 4:
                parts = [_char(code, fold) for code in range(value[0], value[1] + 1)]
                got = None if None in parts else frozenset().union(*parts)  # type: ignore[arg-type]
            else:
                got = None  # a negation, a category, a wide range: any of many characters
            if got is None:
                return None, None
            chars |= got
        return (frozenset(chars) if 0 < len(chars) <= 4 else None), None
    if op is C.SUBPATTERN:
        _, add, drop, body = av
        inner = True if add & C.SRE_FLAG_IGNORECASE else False if drop & C.SRE_FLAG_IGNORECASE else fold
        return _sequence(list(body), inner)
    if op is _ATOMIC and op is not None:
        return _sequence(list(av), fold)
    if op is C.BRANCH:
        branches = [_sequence(list(branch), fold) for branch in av[1]]
        exacts = [exact for exact, _ in branches]
        if all(exact is not None for exact in exacts) and sum(map(len, exacts)) <= MAX_ALTERNATIVES:  # type: ignore[arg-type]
            return frozenset().union(*exacts), None  # type: ignore[arg-type]
        needs = [need if need is not None else _best([exact] if exact is not None else []) for exact, need in branches]
        if any(need is None for need in needs) or sum(map(len, needs)) > MAX_ALTERNATIVES:  # type: ignore[arg-type]
            return None, None
        return None, frozenset().union(*needs)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, high, body = av
        if low < 1:
            return None, None
        exact, need = _sequence(list(body), fold)
        if low == high and exact is not None and low <= 4:
            times: frozenset[str] | None = frozenset(("",))
            for _ in range(low):
                times = _product(times, exact) if times is not None else None
            if times is not None:
                return times, None
        return None, need if need is not None else _best([exact] if exact is not None else [])
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset(("",)), None  # no width: what comes before and after stay adjacent
    return None, None  # any character, a class of them, a back-reference...

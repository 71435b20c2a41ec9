"""Word work on paragraphs: letter runs, function-word counts per language, and
the Malay/Indonesian marker score, from a lexicon (see ``newslint.lexicon``).

A ``WordWork`` remembers what it worked out for one document; the engine
keeps one per document in its facts, so detection and checks share it.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newslint import rx
from newslint.lexicon import Lexicon, shipped_lexicon

_CLITICS = ("nya", "lah", "kah", "pun")
# Runs of letters. The standard library's engine finds them faster than regex's
# \p{L}+; its class also takes number characters such as "½", left out here.
_LETTER_RUN = re.compile(r"[^\W\d_\u00B2\u00B3\u00B9\u00BC-\u00BE\u2150-\u218F]+")
# The same runs in ASCII text, where the letters are A-Z and a-z: a plain class is scanned
# about twice as fast as the negated one.
_ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Words:
    """How many words of a text start in lower case (names and headline caps
    are not counted), and how many of those are each profiled language's
    function words (``counts``, by language).

    The counts are held in the order of ``languages`` (one shared tuple), as
    bytes when each is under 256 (a paragraph's are), else as a tuple: a
    document keeps one of these per paragraph, and a dict each cost more than
    the paragraph's own text, a tuple of fifteen ints 160 bytes. ``letters`` is
    the text's letter count, remembered with its words (0 when not worked out).
    """

    lower: int
    languages: tuple[str, ...]
    hits: bytes | tuple[int, ...]
    letters: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return dict(zip(self.languages, self.hits, strict=True))

    def ratios(self) -> dict[str, float]:
        """For each profiled language, the share of the lower-case words that are its function words."""
        # (divided in C: a paragraph's ratios are asked for by detection and by several checks)
        return dict(
            zip(self.languages, map(operator.truediv, self.hits, itertools.repeat(self.lower or 1)), strict=True)
        )


@dataclass(frozen=True, slots=True, eq=False)
class _Tables:
    """What detection looks words up in, built once per lexicon."""

    languages: tuple[str, ...]
    # function word -> the languages it belongs to: one look-up per word, not one per language
    index: dict[str, tuple[str, ...]]
    # Malay (positive) against Indonesian (negative); every word also with a clitic
    weights: dict[str, float]
    pairs: dict[tuple[str, str], float]
    pair_starts: frozenset[str]
    patterns: tuple[tuple[rx.Pattern[str], float], ...]
    zero: bytes  # no function word of any language, shared


@functools.lru_cache(maxsize=8)
def _tables(lexicon: Lexicon) -> _Tables:
    index: dict[str, list[str]] = {}
    for lang, words in lexicon.function_words.items():
        for word in words:
            index.setdefault(word, []).append(lang)
    malay = lexicon.markers_for("ms", "id")
    indonesian = lexicon.markers_for("id", "ms")
    weights: dict[str, float] = {}
    pairs: dict[tuple[str, str], float] = {}
    patterns: list[tuple[rx.Pattern[str], float]] = []
    for markers, sign in ((indonesian, -1.0), (malay, 1.0)):  # Malay's own words win a tie
        if markers is not None:
            weights.update({w: sign * v for w, v in markers.words.items()})
            pairs.update({p: sign * v for p, v in markers.pairs.items()})
            patterns.extend((pattern, sign * v) for pattern, v in markers.patterns)
    # Every weighted word also with a clitic ("bagiannya", "kerajaanlah"); the bare word wins.
    with_clitics = {**{w + c: v for w, v in weights.items() for c in _CLITICS}, **weights}
    return _Tables(
        tuple(lexicon.function_words),
        {w: tuple(langs) for w, langs in index.items()},
        with_clitics,
        pairs,
        frozenset(first for first, _ in pairs),
        tuple(patterns),
        bytes(len(lexicon.function_words)),
    )


class WordWork:
    """Word work on paragraphs, each done at most once for one document.

    The article's detection and the mixed-paragraph check read the same
    paragraphs: the engine keeps one of these per document, in its facts.
    Without one, nothing is remembered.

    What is remembered are the answers (a paragraph's ``Words``, letter count and
    Malay score), not the letter runs they are worked out from: the runs of every
    paragraph, kept as strings, took nine times a 5 MB article's size. The runs of
    a paragraph are found once for its words and its letter count together.
    A paragraph's answers are a row of flat arrays, found by its text, and made a
    ``Words`` when asked: a record for each of a 5 MB draft's 19,000 distinct
    paragraphs, with its counts and letter count as objects, held 2.5 MB to the end
    of its lint.
    """

    def __init__(self, lexicon: Lexicon | None = None, keep_records: bool = False) -> None:
        self.lexicon = lexicon if lexicon is not None else shipped_lexicon()
        self._tables = _tables(self.lexicon)
        self._rows: dict[str, int] = {}  # a paragraph's text -> its row in the arrays below
        self._lower = array("I")
        self._letters = array("I")
        self._hits = bytearray()  # the counts of each row, one byte a language
        self._wide: dict[int, tuple[int, ...]] = {}  # the counts of a row with one over 255
        self._malay: dict[str, float] = {}
        # with ``keep_records``, each row's ``Words`` as made: a draft's paragraphs are asked
        # for by detection and by several checks, and making a ``Words`` again cost more than
        # finding the row (the engine keeps them for a draft, not for a long one: see above)
        self._made: dict[int, Words] | None = {} if keep_records else None

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages with function words, in the lexicon's order."""
        return self._tables.languages

    def letter_runs(self, text: str) -> list[str]:
        """The runs of letters of ``text`` (not remembered: see the class docstring)."""
        return (_ASCII_LETTER_RUN if _ascii_letters_only(text) else _LETTER_RUN).findall(text)

    def letter_count(self, text: str) -> int:
        """How many letters ``text`` has."""
        row = self._rows.get(text)
        if row is not None:  # remembered: read from its row, without making its ``Words``
            return self._letters[row]
        return self._paragraph_words(text).letters  # its runs give the count too

    def words(self, text: str) -> Words:
        """``Words`` of a text, worked out per paragraph (blank-line separated)."""
        parts = text.split("\n\n")
        if len(parts) == 1:
            return self._paragraph_words(text)
        lower = letters = 0
        hits = [0] * len(self._tables.languages)
        for part in parts:
            words = self._paragraph_words(part)
            lower += words.lower
            letters += words.letters
            hits = list(map(operator.add, hits, words.hits))
        return Words(lower, self._tables.languages, tuple(hits), letters)

    def _paragraph_words(self, text: str) -> Words:
        row = self._rows.get(text)
        if row is None:
            runs = self.letter_runs(text)
            # Function words are listed in lower case, so counting them over every run
            # counts only lower-case words; the first letters are tested in C.
            found = Words(
                sum(map(str.islower, map(_first, runs))),
                self._tables.languages,
                self._counts(runs),
                sum(map(len, runs)),
            )
            self._remember(text, found)
            return found
        made = self._made.get(row) if self._made is not None else None
        if made is not None:
            return made
        width = len(self._tables.languages)
        hits = self._wide.get(row) or bytes(self._hits[row * width : (row + 1) * width])
        return Words(self._lower[row], self._tables.languages, hits, self._letters[row])

    def _remember(self, text: str, found: Words) -> None:
        row = self._rows[text] = len(self._lower)
        if self._made is not None:
            self._made[row] = found
        self._lower.append(found.lower)
        self._letters.append(found.letters)
        if isinstance(found.hits, bytes):
            self._hits += found.hits
        else:
            self._wide[row] = found.hits
            self._hits += self._tables.zero

    def _counts(self, words: Sequence[str]) -> bytes | tuple[int, ...]:
        """How many of ``words`` are each language's function words, in the order of the
        languages (as bytes when each count fits in one)."""
        tables = self._tables
        counts = dict.fromkeys(tables.languages, 0)
        # Each word's languages (None for most words), counted in C: then one addition for
        # each set of languages the paragraph's function words belong to, not one per word.
        found = Counter(map(tables.index.get, words))
        found.pop(None, None)
        for langs, n in found.items():
            for lang in langs or ():  # (None, popped above)
                counts[lang] += n
        if not any(counts.values()):
            return tables.zero
        values = tuple(counts.values())
        return bytes(values) if max(values) < 256 else values

    def malay_score(self, text: str) -> float:
        """Evidence for Malay (positive) against Indonesian (negative), from differing words."""
        score = self._malay.get(text)
        if score is None:
            score = self._malay[text] = self._malay_score(text)
        return score

    def _malay_score(self, text: str) -> float:
        tables = self._tables
        joined = " ".join(self.letter_runs(text))
        words = (joined.lower() if joined.isascii() else joined.casefold()).split()
        # Each distinct word counts once: a topic word repeated through a story
        # ("kerajaan" in a piece on old kingdoms) must not outvote the grammar.
        unique = set(words)
        # (each sum over the same set, in its order, as a generator over it would take it: in C)
        score = sum(map(tables.weights.__getitem__, unique & tables.weights.keys()))
        if unique & tables.pair_starts:
            score += sum(map(tables.pairs.__getitem__, tables.pairs.keys() & set(zip(words, words[1:], strict=False))))
        return score + sum(weight for pattern, weight in tables.patterns if pattern.search(text))


_first = operator.itemgetter(0)

# A word character outside ASCII: a text without one (English with curly quotes and
# dashes, most of it) has the same letter runs as its ASCII letters make.
_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")


def _ascii_letters_only(text: str) -> bool:
    """Whether every word character of ``text`` is ASCII, so that its letter runs are the
    runs of A-Z and a-z: its other characters (quotes, dashes, no-break spaces) are not
    word characters, and end a run of letters in both classes alike."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None


def words_of(text: str, work: WordWork | None = None) -> Words:
    """``Words`` of a text (see ``WordWork.words``)."""
    return (work or WordWork()).words(text)


def letter_count(text: str, work: WordWork | None = None) -> int:
    """How many letters ``text`` has."""
    return (work or WordWork()).letter_count(text)


def malay_score(text: str, work: WordWork | None = None) -> float:
    """Evidence for Malay (positive) against Indonesian (negative), from differing words."""
    return (work or WordWork()).malay_score(text)

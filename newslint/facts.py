"""What the checks share about one document, worked out at most once.

The engine makes one ``Facts`` per document it lints and hands it to every
check in the ``Context``: the prose, its case-folded form, the normalised
lines that phrase lists are compared with, the paragraphs' word work
(function words, letters, Malay/Indonesian markers), and work a check kind
shares between its own rules (``shared``). Each is computed on first use and
dropped with the document.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cached_property
from typing import Any, TypeVar, overload

from newslint.checks.base import LABEL_MAX_CHARS, LONG_LINE, normalize_line
from newslint.document import Block, Document
from newslint.lexicon import Lexicon
from newslint.words import WordWork

T = TypeVar("T")
Line = tuple[int, Block, int, str, str]  # block index, block, text index, line, normalised line


class Facts:
    """Shared, lazily computed facts about one document (see the module docstring)."""

    def __init__(self, doc: Document, lexicon: Lexicon, literals: LiteralIndex | None = None) -> None:
        self.doc = doc
        # (a draft's paragraphs' ``Words`` kept as made; a long one's made when asked)
        self.words = WordWork(lexicon, keep_records=doc.size <= REMEMBER_MAX)
        self._shared: dict[Callable[[Document], object], object] = {}
        self._once: dict[Hashable, object] = {}
        self._with_literal: dict[str, AbstractSet[int]] = {}
        self._literals = literals
        self._indexed: dict[str, AbstractSet[int]] | None = None
        self._prose: str | None = None

    @property
    def prose(self) -> str:
        """All block texts joined by blank lines (for language detection and quick rejects).

        A long draft whose source is just that (plain text in paragraphs one blank line
        apart, the common case) gives its source itself, not a copy: then the prose may
        end with the source's closing line feeds. Detection reads the first 5,000
        characters; the quick rejects' searches see a line feed as the end of a line, as
        they see the line feeds between blocks (see ``_source_is_prose``). A document
        that does not hold its source (``Document.joined``) joins it at each call:
        checks read such prose with ``prose_has`` and ``prose_head``."""
        if self.doc.is_joined:
            return self.doc.source
        if self._prose is None:
            joined = _source_is_prose(self.doc)
            self._prose = self.doc.source if joined else "\n\n".join(b.text for b in self.doc.blocks)
        return self._prose

    def prose_has(self, found: Callable[[str], object]) -> bool:
        """Whether ``found(prose)`` is true: a quick reject's one search of all the prose.
        Of a joined document (``Document.joined``), each block is searched in turn: the
        quick rejects ask whether a check can find anything in a block, and a match
        across the blank line between two blocks is in neither."""
        if self.doc.is_joined:
            return any(map(found, (b.text for b in self.doc.blocks)))
        return bool(found(self.prose))

    def prose_head(self, size: int) -> str:
        """``prose[:size]``, without joining all the prose of a joined document."""
        if not self.doc.is_joined:
            return self.prose[:size]
        parts, total = [], 0
        for block in self.doc.blocks:
            parts.append(block.text)
            total += len(block.text) + 2
            if total >= size:
                return "\n\n".join(parts)[:size]
        return ("\n\n".join(parts) + self.doc.source_tail)[:size]

    @property
    def folded_blocks(self) -> tuple[str, ...]:
        """Each block's text case-folded (worked out again at each call: ``blocks_with``
        keeps only the compact form, ``_folded``)."""
        return tuple(fold_in_pieces(b.text) for b in self.doc.blocks)

    @property
    def folded_prose(self) -> str:
        """``prose`` case-folded (case folding maps each character on its own, so this is
        the folded blocks joined by blank lines); worked out again at each call."""
        return self._folded[0].decode("utf-8", "surrogatepass")

    @cached_property
    def _folded(self) -> tuple[bytearray, array[int]]:
        """``folded_prose`` in UTF-8, and the byte offset where each block starts in it (and,
        last, its length plus two). A string holds every character in the width of its
        widest: one emoji made a 5 MB article's folded prose 19 MB, as a str; and the
        folded blocks were a second copy. Substrings match in UTF-8 as in the text."""
        folded = bytearray()
        starts = array("q")
        for block in self.doc.blocks:
            if starts:
                folded += b"\n\n"
            starts.append(len(folded))
            folded += fold_in_pieces(block.text).encode("utf-8", "surrogatepass")
        starts.append(len(folded) + 2)
        return folded, starts

    def blocks_with(self, literal: str) -> AbstractSet[int]:
        """The indices of the blocks whose case-folded text contains ``literal`` (given
        case-folded): one search of the folded prose, then only of the blocks it is in.
        Worked out once per literal, for every rule that names it."""
        found = self._with_literal.get(literal)
        if found is None:
            index = self._literals
            indexed = self._indexed_blocks(index) if index is not None and literal in index.literals else None
            found = self._blocks_with(literal) if indexed is None else indexed.get(literal, _NO_BLOCKS)
            self._with_literal[literal] = found
        return found

    def blocks_with_any(self, literals: Iterable[str]) -> AbstractSet[int]:
        """The indices of the blocks that contain at least one of ``literals`` (``blocks_with``)."""
        index = self._literals
        if index is not None and isinstance(literals, (tuple, frozenset)) and index.covers(literals):
            # all in the index: only the few of them the document has need a look
            indexed = self._indexed_blocks(index)
            if indexed is not None:
                present = indexed.keys() & literals
                if len(present) <= 1:  # (most rules in most drafts: no generator, no union)
                    return indexed[present.pop()] if present else _NO_BLOCKS
                return frozenset().union(*map(indexed.__getitem__, present))
        return frozenset().union(*map(self.blocks_with, literals))

    @property
    def finds_strings(self) -> bool:
        """Whether the one-pass finder of strings (``LiteralIndex``) serves this document."""
        return self._literals is not None

    def indexed_blocks_with_any(self, literals: tuple[str, ...]) -> AbstractSet[int] | None:
        """``blocks_with_any(literals)`` when the finder of strings holds them all (a few
        look-ups), else None: for a prefilter that pays only when it costs next to nothing."""
        index = self._literals
        if index is None or not index.covers(literals):
            return None
        indexed = self._indexed_blocks(index)
        if indexed is None:
            return None
        present = indexed.keys() & literals
        if len(present) <= 1:
            return indexed[present.pop()] if present else _NO_BLOCKS
        return frozenset().union(*map(indexed.__getitem__, present))

    def _indexed_blocks(self, index: LiteralIndex) -> dict[str, AbstractSet[int]] | None:
        """The blocks of every string of the index the document has, found in one pass
        when a check first asks for one; None if the pass gave up (the strings are then
        searched for one at a time)."""
        if self._indexed is None:
            if self.doc.size > REMEMBER_MAX:
                # a long draft: its blocks folded one at a time, the folded prose never whole
                # (5 MB more at the peak of a 5 MB draft, and as much again while it grew)
                self._indexed = index.blocks_of(map(_folded_utf8, self.doc.blocks))
                return self._indexed
            self._indexed = index.blocks_with(*self._folded)
            if self._indexed is None:
                self._literals = None
                return None
            # Every string of the index is placed now: the folded prose (a 5 MB draft's
            # is 5 MB) is let go, and worked out again only for a string the index
            # does not hold (none longer than LITERAL_MAX characters, as shipped).
            self.__dict__.pop("_folded", None)
        return self._indexed

    def _blocks_with(self, literal: str) -> frozenset[int]:
        return blocks_containing(*self._folded, literal.encode("utf-8", "surrogatepass"))

    @cached_property
    def lines(self) -> Lines:
        """The non-blank lines of prose with their normalised text (``normalize_line``);
        a line longer than a label is prose, whose normal form no phrase equals."""
        return Lines(self.doc.blocks)

    @cached_property
    def line_set(self) -> frozenset[str]:
        """The normalised lines as a set, for quick rejects."""
        return self.lines.normals()

    def shared(self, compute: Callable[[Document], T]) -> T:
        """``compute(doc)``, worked out once for this document: work that several rules of
        one kind need (the sentence breaks both truncation modes read)."""
        if compute not in self._shared:
            self._shared[compute] = compute(self.doc)
        return self._shared[compute]  # type: ignore[return-value]

    def release(self, module: str) -> None:
        """Let go of what ``shared`` worked out with the functions of ``module`` (or of a
        module inside it): the engine calls this once the last rule of a check kind has run.
        (Asked again, it is worked out again.)"""
        inside = module + "."
        for compute in [c for c in self._shared if c.__module__ == module or c.__module__.startswith(inside)]:
            del self._shared[compute]

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once for this document and ``key``: work that several
        rules with the same parameters share (the key must name everything ``compute``
        reads besides the document, e.g. the compiled rule)."""
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]  # type: ignore[return-value]


class Lines(Sequence[Line]):
    """The non-blank lines of a document's blocks, as ``Line`` tuples made when read.

    Held as two arrays (each line's block and where it starts in the block's text) and
    the normal form of each short line (None for a long one): a list of the tuples took
    220 bytes a line, 4 MB for a 5 MB article."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self._blocks = blocks
        self._block = array("I")
        self._start = array("I")
        self._normal: list[str | None] = []
        known: dict[str, str] = {}  # one string for each normal form (pages repeat their labels)
        for b, block in enumerate(blocks):
            for t, line in block.lines():
                if line.strip():
                    self._block.append(b)
                    self._start.append(t)
                    normal = normalize_line(line) if len(line) <= LABEL_MAX_CHARS else None
                    self._normal.append(None if normal is None else known.setdefault(normal, normal))

    def __len__(self) -> int:
        return len(self._block)

    @overload
    def __getitem__(self, k: int) -> Line: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[Line]: ...
    def __getitem__(self, k: int | slice) -> Line | Sequence[Line]:
        if isinstance(k, slice):
            return [self[n] for n in range(*k.indices(len(self)))]
        b, t = self._block[k], self._start[k]
        block = self._blocks[b]
        text = block.text
        end = text.find("\n", t)
        line = text[t:] if end == -1 and t == 0 else text[t : len(text) if end == -1 else end]
        normal = self._normal[k]
        return (b, block, t, line, LONG_LINE if normal is None else normal)

    def __iter__(self) -> Iterator[Line]:
        return map(self.__getitem__, range(len(self)))

    def normals(self) -> frozenset[str]:
        """Every line's normal form (``LONG_LINE`` for the long ones)."""
        return frozenset(LONG_LINE if normal is None else normal for normal in self._normal)


# Shorter sources are joined as always: a copy costs little, and the whole prose is then
# also what detection samples.
SHARED_PROSE_MIN = 1 << 16


def _source_is_prose(doc: Document) -> bool:
    """``doc.source`` is its blocks' texts joined by blank lines, then at most a few line
    feeds: each block holds its source verbatim, the first from the source's start,
    the next two characters after each. A 5 MB draft's prose was one more copy of it
    (four bytes a character with one emoji in it)."""
    if doc.is_joined:
        return True
    source, at = doc.source, 0
    if len(source) < SHARED_PROSE_MIN or not doc.blocks:
        return False
    for n, block in enumerate(doc.blocks):
        if n and not source.startswith("\n\n", at):
            return False
        at += 2 if n else 0
        if len(block.anchors) != 1 or block.start != at or not source.startswith(block.text, at):
            return False
        at += len(block.text)
    tail = len(source) - at
    return tail <= 4 and source.endswith("\n" * tail)


def blocks_containing(prose: bytes | bytearray, starts: Sequence[int], wanted: bytes) -> frozenset[int]:
    """The indices of the blocks of ``prose`` (case-folded blocks in UTF-8 joined by blank
    lines; block i spans ``starts[i]`` to ``starts[i + 1] - 2``, the last entry being the
    length plus two) that contain ``wanted``; one found across the blank line between two
    blocks is in neither. One search, then a search from the next block on after each find."""
    at = prose.find(wanted)
    if at < 0:
        return _NO_BLOCKS
    if not wanted:
        return frozenset(range(len(starts) - 1))
    found = set()
    last = len(starts) - 2  # the index of the last block
    while at >= 0:
        i = bisect.bisect_right(starts, at) - 1
        if at + len(wanted) <= starts[i + 1] - 2:
            found.add(i)  # inside block i: look on from the next block
            if i >= last:
                break
            at = prose.find(wanted, starts[i + 1])
        else:  # across the blank line between two blocks: in neither
            at = prose.find(wanted, at + 1)
    return frozenset(found)


_NO_BLOCKS: frozenset[int] = frozenset()
LITERAL_MAX = 64
# A string whose longest part without white space is shorter than this is searched for in
# every document ("/", "a-"): too many words hold so short a part to sift with it.
KEY_MIN = 3
# The words whose strings the index remembers, past which it starts afresh; and the longest
# document whose words it remembers (a long document's words are mostly its own).
WORDS_KEPT = 100_000
# The collections of strings whose cover ``LiteralIndex.covers`` remembers (rules' ``requires``).
COVERS_KEPT = 1024
REMEMBER_MAX = 1 << 18


class LiteralIndex:
    """Many strings (the ``requires`` strings of a rule set's patterns), found in a
    document's folded prose without a search for each.

    A word here is a run of bytes without ASCII white space ("(dable(", "sini,"). A string
    without white space is in a block exactly when one of the block's words holds it; a
    string with white space in it ("scroll to continue") only where a word holds its
    longest part ("continue"), its key. The index remembers, for each word it has met, the
    strings and keys inside it (found by a trie of them all, ``_trie``, searched from each
    byte of the word): a document's words are mostly words earlier documents had. So a
    document costs a split of each block into its words and a look-up of the new ones; a
    string with white space is then searched for in the blocks that hold its key only,
    and only the strings whose every part is too short to sift with (``KEY_MIN``) in all
    the prose (``blocks_containing``).
    Building the index costs tens of milliseconds (the trie's regex compiles): the engine
    builds it for runs and services that lint many documents with one rule set.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        # "" needs no search; a long string would nest the trie's regex too deep: those two
        # are searched for on their own
        words = sorted({word for word in literals if 0 < len(word) <= LITERAL_MAX})
        self.literals = frozenset(words)
        # a part a word may hold -> the strings it stands for: itself (no white space in
        # it) or those it is the key of, with their UTF-8 to search for
        self._parts: dict[bytes, tuple[str | None, tuple[tuple[str, bytes], ...]]] = {}
        keyed: dict[bytes, list[tuple[str, bytes]]] = {}
        whole: dict[bytes, str] = {}
        always: list[tuple[str, bytes]] = []
        for word in words:
            encoded = _utf8(word)
            pieces = encoded.split()
            key = max(pieces, key=len, default=b"")
            if len(key) < KEY_MIN:
                always.append((word, encoded))
            elif len(pieces) == 1 and key == encoded:
                whole[encoded] = word
            else:
                keyed.setdefault(key, []).append((word, encoded))
        self._always = tuple(always)
        # ... grouped by their first byte, looked for first where two or more share it: the
        # 26 letters from "à" to "þ" all open with the byte 0xC3, which most drafts lack
        leads: dict[bytes, list[tuple[str, bytes]]] = {}
        for pair in always:
            leads.setdefault(pair[1][:1], []).append(pair)
        self._always_by_lead = tuple((lead if len(group) > 1 else b"", tuple(group)) for lead, group in leads.items())
        self._parts = {part: (whole.get(part), tuple(keyed.get(part, ()))) for part in whole.keys() | keyed.keys()}
        parts = sorted(self._parts)
        self._pattern = re.compile(_trie([p.decode("latin-1") for p in parts]).encode("latin-1")) if parts else None
        # each part: the parts that are its prefixes (itself included), for the trie's longest match
        self._prefixes = {p: tuple(p[:k] for k in range(1, len(p) + 1) if p[:k] in self._parts) for p in parts}
        # the words met so far, and for those that hold any: the strings without white space
        # they hold, and the strings whose keys they hold (replaced, never cleared in place:
        # a service's threads may be reading them)
        self._seen: set[bytes] = set()
        # (the collection itself is kept with its answer: its id is not reused while it lives)
        self._covers: dict[int, tuple[tuple[str, ...] | frozenset[str], bool]] = {}
        self._held: dict[bytes, tuple[tuple[str, ...], tuple[tuple[str, bytes], ...]]] = {}

    def covers(self, literals: tuple[str, ...] | frozenset[str]) -> bool:
        """Whether every string of ``literals`` is in the index: worked out once for each
        collection (a rule's ``requires``, asked for every document), remembered by identity."""
        known = self._covers.get(id(literals))
        if known is None or known[0] is not literals:
            if len(self._covers) >= COVERS_KEPT:
                self._covers = {}
            known = self._covers[id(literals)] = (literals, self.literals.issuperset(literals))
        return known[1]

    def blocks_with(self, prose: bytes | bytearray, starts: Sequence[int]) -> dict[str, AbstractSet[int]] | None:
        """For each string of the index in ``prose`` (case-folded blocks in UTF-8, joined by
        blank lines; block i spans ``starts[i]`` to ``starts[i + 1] - 2``, the last entry
        being the length plus two), the indices of the blocks that contain it (one found
        across the blank line between two blocks is in neither)."""
        seen, held = self._seen, self._held
        if len(prose) > REMEMBER_MAX:  # a long document's own words: for this document only
            seen, held = set(), {}
        found: dict[str, set[int]] = {}
        keyed: dict[tuple[str, bytes], set[int]] = {}  # strings with white space: where their keys are
        for i in range(len(starts) - 1):
            start, end = starts[i], starts[i + 1] - 2
            words = set(bytes(prose[start:end]).split()) if end - start <= WORDS_PIECE else _words_of(prose, start, end)
            new = words - seen
            if new:
                if len(seen) + len(new) > WORDS_KEPT and seen is self._seen:
                    seen, held = self._seen, self._held = set(), {}
                    new = words
                for word in new:
                    inside = self._inside(word)
                    if inside[0] or inside[1]:
                        held[word] = inside
                seen |= new
            for word in words & held.keys():
                strings, pairs = held[word]
                for string in strings:
                    found.setdefault(string, set()).add(i)
                for pair in pairs:
                    keyed.setdefault(pair, set()).add(i)
        for (string, encoded), candidates in keyed.items():
            for i in candidates:
                if prose.find(encoded, starts[i], starts[i + 1] - 2) >= 0:
                    found.setdefault(string, set()).add(i)
        answer = _frozen(found)
        for lead, group in self._always_by_lead:
            if lead not in prose:  # (b"" is in any)
                continue
            for string, encoded in group:
                where = blocks_containing(prose, starts, encoded)
                if where:
                    answer[string] = where
        return answer

    def blocks_of(self, blocks: Iterable[bytes]) -> dict[str, AbstractSet[int]]:
        """``blocks_with`` of a long document given block by block (each case-folded, in
        UTF-8), remembering its words for this document only: the same answer without the
        folded prose whole. Each string's blocks are gathered in order into an array
        (``BlockIndices``): sets of them took 60 bytes a block, 2 MB of a 5 MB draft."""
        seen: set[bytes] = set()
        held: dict[bytes, tuple[tuple[str, ...], tuple[tuple[str, bytes], ...]]] = {}
        found: dict[str, array[int]] = {}
        always = self._always

        def add(string: str, i: int) -> None:
            got = found.get(string)
            if got is None:
                found[string] = array("I", (i,))
            elif got[-1] != i:  # (the blocks come in order: only the last can be this one)
                got.append(i)

        for i, text in enumerate(blocks):
            words = set(text.split()) if len(text) <= WORDS_PIECE else _words_of(text, 0, len(text))
            new = words - seen
            if new:
                for word in new:
                    inside = self._inside(word)
                    if inside[0] or inside[1]:
                        held[word] = inside
                seen |= new
            keyed: set[tuple[str, bytes]] = set()  # strings with white space whose keys the block has
            for word in words & held.keys():
                strings, pairs = held[word]
                for string in strings:
                    add(string, i)
                keyed.update(pairs)
            for string, encoded in keyed:
                if encoded in text:
                    add(string, i)
            for string, encoded in always:
                if encoded in text:
                    add(string, i)
        return {string: BlockIndices(found[string]) for string in found}

    def _inside(self, word: bytes) -> tuple[tuple[str, ...], tuple[tuple[str, bytes], ...]]:
        """The strings without white space that ``word`` holds, and the strings whose keys
        it holds, from a search of the trie from each of its bytes."""
        if self._pattern is None:
            return (), ()
        search = self._pattern.search
        m = search(word)
        if m is None:  # (most words)
            return (), ()
        parts: set[bytes] = set()
        while m is not None:
            parts.update(self._prefixes[m.group()])
            m = search(word, m.start() + 1)
        strings = tuple(string for part in parts if (string := self._parts[part][0]) is not None)
        keyed = tuple(pair for part in parts for pair in self._parts[part][1])
        return strings, keyed


class BlockIndices(AbstractSet[int]):
    """Block indices, ascending, held in an array (four bytes each); a set as a frozenset
    is (equal to one with the same members, the same hash, ``in`` by bisection)."""

    __slots__ = ("_items",)

    def __init__(self, items: array[int]) -> None:
        self._items = items

    @classmethod
    def _from_iterable(cls, items: Iterable[T]) -> AbstractSet[T]:
        return frozenset(items)  # (what the set operations give)

    def __contains__(self, i: object) -> bool:
        if not isinstance(i, int):
            return False
        items = self._items
        k = bisect.bisect_left(items, i)
        return k < len(items) and items[k] == i

    def __iter__(self) -> Iterator[int]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items))

    def __repr__(self) -> str:
        return f"BlockIndices({list(self._items)!r})"


def _frozen(found: dict[str, set[int]]) -> dict[str, AbstractSet[int]]:
    """``found`` with each set frozen, in its order; each set is let go (and ``found``
    emptied) as its frozen copy is made, so the two are not held whole at once (a string
    in most of a 5 MB draft's paragraphs has a set of thousands of them)."""
    return {string: frozenset(found.pop(string)) for string in list(found)}


WORDS_PIECE = 1 << 16


_SPACE = re.compile(rb"\s")


def _words_of(prose: bytes | bytearray, start: int, end: int) -> set[bytes]:
    """The distinct words of ``prose[start:end]`` (runs of bytes without ASCII white space),
    from pieces of it cut at white space: a copy of a 5 MB block at once is 5 MB more."""
    words: set[bytes] = set()
    while start < end:
        space = _SPACE.search(prose, min(start + WORDS_PIECE, end), end)
        cut = space.start() if space else end
        words.update(bytes(prose[start:cut]).split())
        start = cut
    return words


def _folded_utf8(block: Block) -> bytes:
    return fold_in_pieces(block.text).encode("utf-8", "surrogatepass")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _trie(words: Sequence[str]) -> str:
    """A regex of ``words`` as a trie: at each node one branch per next character, and the
    branches optional where a word ends there, so that the longest word matches (a branch
    that fails gives back to the shorter word)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def source(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + source(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return source(root)


FOLD_PIECE = 1 << 16


def fold_in_pieces(text: str) -> str:
    """``text.casefold()``, a piece at a time: ``casefold`` works in a buffer of three
    characters per character of its input (one may fold to three, "ﬃ" to "ffi"), 57 MB
    at once for a 5 MB article with an emoji in it. Folding is per character, so the
    pieces fold exactly as the whole."""
    if len(text) <= FOLD_PIECE:
        return text.casefold()
    return "".join(text[k : k + FOLD_PIECE].casefold() for k in range(0, len(text), FOLD_PIECE))

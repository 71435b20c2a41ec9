"""Turn raw input into text, saying what was wrong with it: the bad-input policy.

``screen`` is the one place that decides whether input can be linted at all,
for files, standard input and the API's article bodies alike: too large,
binary (magic numbers, NUL bytes, a high share of control characters or of
bytes that are not text in any encoding tried), undecodable (invalid UTF-8 is
tried as UTF-16 with a BOM and cp1252, then decoded with replacement
characters) and empty. Every such event becomes a Notice and so a finding for
that input; binary and over-size input are errors and are not linted.

``read_file`` reads only regular files, and never more than the size limit: a
FIFO, a device (a symlink to ``/dev/zero``), a socket or a folder is refused
from its ``stat`` without reading, and an over-size file is reported from its
``stat`` size.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import BinaryIO

from newslint.document import Notice

MAX_BYTES = 5_000_000
# Lines of a draft: the line-based checks look at each one. A 5 MB article hard-wrapped at
# 60 characters has 85,000; a million one-word lines is a dump, not an article.
MAX_LINES = 200_000
_BINARY_SIGNATURES = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",
    b"OggS\x00",
    b"fLaC",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"wOFF",
    b"wOF2",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"ID3\x03",
    b"ID3\x04",
    b"SQLite format 3\x00",
)
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D} | {0x7F}
_CONTROL_BYTES = bytes(sorted(_CONTROLS))
_DELETE_CONTROLS = dict.fromkeys(_CONTROLS)  # str.translate: delete them
_SAMPLE = 65_536
# Text in any language has few control characters; compressed or encoded data
# has about one byte in nine, and about half its bytes are not valid UTF-8.
_MAX_CONTROL_SHARE = 0.05
_MAX_JUNK_SHARE = 0.30

_LONE_CR = re.compile(r"\r(?!\n)")
# A character a reader would see: neither white space nor one that shows nothing (zero-width
# spaces and joiners, the word joiner, a BOM, a soft hyphen, bidi marks and overrides,
# variation selectors, Hangul fillers). A draft of only these is as empty as a blank one.
_VISIBLE = re.compile(
    "[^\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)

BINARY = "input/binary"
TOO_LARGE = "input/too-large"
NOT_A_FILE = "input/not-a-file"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text (None when it cannot be linted) and the notices about reading it."""

    text: str | None
    notices: tuple[Notice, ...]


def screen(data: bytes | str, max_bytes: int = MAX_BYTES, what: str = "file") -> Decoded:
    """The bad-input policy: ``text`` is None when the input cannot be linted, with the reason."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "replace"))
    if size > max_bytes:
        return Decoded(None, (too_large(size, max_bytes, what),))
    binary = _binary_bytes(data) if isinstance(data, bytes) else _binary_text(data)
    if binary:
        return Decoded(
            None, (Notice(BINARY, "error", f"{what} looks binary ({binary}), not a text draft; not linted"),)
        )
    text, notices = _decode(data, what) if isinstance(data, bytes) else (data, ())
    if text is None:
        return Decoded(None, notices)
    # Lone CRs end lines too (classic Mac files, see unify_newlines): 800 KB of them ran for minutes.
    lines = text.count("\n") + text.count("\r") - text.count("\r\n")
    if lines > MAX_LINES:
        message = f"{what} has {lines:,} lines, over the {MAX_LINES:,} limit for a draft; not linted"
        return Decoded(None, (*notices, Notice(TOO_LARGE, "error", message)))
    if not text or text.isspace():  # (strip() would copy the whole text)
        notices += (Notice("input/empty", "warning", f"{what} is empty"),)
    elif shows_nothing(text):
        message = f"{what} holds only white space and invisible characters (such as zero-width spaces)"
        notices += (Notice("input/empty", "warning", message),)
    return Decoded(text, notices)


def shows_nothing(text: str) -> bool:
    """True when ``text`` has no character a reader would see (see ``_VISIBLE``)."""
    return _VISIBLE.search(text) is None


# Prose shown as code by mistake (a <pre>, an indented Markdown block): a sentence has a capital
# first, an end mark last and no code punctuation between.
_CODE_MARKS = re.compile(r"[;{}=<>]")
_END_MARKS = (".", "!", "?", '"', "\u201d", "\u00bb", "\u2019")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _sentence(unit: str) -> bool:
    return unit[:1].isupper() and unit.endswith(_END_MARKS) and not _CODE_MARKS.search(unit)


def reads_as_prose(text: str) -> bool:
    """Whether text set as code (a ``<pre>``, an indented Markdown block) is prose set that way.

    Counted by paragraph, then by line: two of them or more, and half of them or more, are
    sentences, and one runs to eight words. A program, its output, a code comment or a verse
    seldom is."""
    paragraphs = [" ".join(line.strip() for line in chunk.split("\n")) for chunk in _PARAGRAPH_BREAK.split(text)]
    lines = [line.strip() for line in text.split("\n")]
    for units in (paragraphs, lines):
        units = [u for u in units if u]
        sentences = [u for u in units if _sentence(u)]
        if len(sentences) >= 2 and len(sentences) * 2 >= len(units) and any(len(s.split()) >= 8 for s in sentences):
            return True
    return False


HIDDEN_TEXT = "input/hidden-text"
# Where hidden text becomes a later part of the article: a blank line or a tag.
_NEXT_PART = re.compile(r"\n[ \t]*\n|<[A-Za-z/!]")
_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_HIDDEN_WORDS = 3


def hidden_text(opener: str, closer: str, start: int, end: int, hidden: str, remedy: str = "") -> Notice | None:
    """The notice for text a construct never closed hides from readers (``None`` if it hides no article).

    ``opener`` names what was opened at ``start`` (say "an HTML comment"), ``closer``
    what would close it, and ``hidden`` is everything it swallowed, to the end of
    the draft; ``remedy``, when given, says what to do instead of closing it. A
    note left open on its own line hides nothing a reader was meant to see; words
    after a blank line or a tag inside it are the article's own.
    """
    boundary = _NEXT_PART.search(hidden)
    if boundary is None:
        return None
    words = len(_WORD.findall(_TAG.sub(" ", hidden[boundary.start() :])))
    if words < _MIN_HIDDEN_WORDS:
        return None
    return Notice(
        HIDDEN_TEXT,
        "error",
        f"{opener} opened here is never closed: it swallows the rest of the draft ({words:,} words), "
        f"which readers do not see as the article and which was not linted; {remedy or f'close it with {closer}'}",
        start,
        end,
    )


def unify_newlines(text: str) -> str:
    """Lone carriage returns (classic Mac line ends, alone or mixed with CRLF and LF) as line feeds.

    Every reader reads this text. It has the original's length and every
    offset in it points at the same character of the original, so positions
    and fixes computed on it apply to the original text, whose CRs a fix keeps.
    """
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> Decoded:
    """Decode file bytes under the bad-input policy (``screen`` for bytes)."""
    return screen(data, max_bytes)


def too_large(size: int | None, max_bytes: int, what: str = "file") -> Notice:
    """The over-size notice; ``size`` None when only "more than the limit" is known (a stream)."""
    amount = f"{size / 1e6:.1f} MB, over" if size is not None else "over"
    return Notice(
        TOO_LARGE,
        "error",
        f"{what} is {amount} the {max_bytes / 1e6:g} MB limit for a draft; not linted (is this really one article?)",
    )


def read_file(path: str, max_bytes: int = MAX_BYTES) -> bytes | Notice:
    """The bytes of a regular file (``-``: standard input), or the Notice why it was not read.

    Raises OSError when the path cannot be opened at all.
    """
    if path == "-":
        return read_stream(sys.stdin.buffer, max_bytes, "standard input")
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Notice(NOT_A_FILE, "error", f"not a regular file ({_kind(info.st_mode)}); not read")
        if info.st_size > max_bytes:
            return too_large(info.st_size, max_bytes)
        if info.st_size >= LARGE_INPUT:
            give_back_large_blocks()
        with os.fdopen(fd, "rb", closefd=False) as f:
            return read_stream(f, max_bytes, size=info.st_size)
    finally:
        os.close(fd)


# A file this large is linted with the C allocator's large blocks given back when freed.
LARGE_INPUT = 1 << 20
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
_LARGE_BLOCK = 128 * 1024  # glibc's default threshold


@functools.cache
def give_back_large_blocks() -> bool:
    """Have the C library map each block of 128 KiB or more on its own, and unmap it when
    freed, for the rest of the process; whether that could be asked (glibc's ``mallopt``).

    glibc does so by default, but raises the threshold to the size of each such block
    freed: once a 5 MB draft's decoded text (20 MB with one emoji in it) is let go, the
    checks' large arrays and tables came from the heap, whose freed middle is not given
    back, and the peak of the lint of a 5 MB draft of near copies held 2.6 MB more."""
    try:
        import ctypes

        mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
        return bool(mallopt is not None and mallopt(_M_MMAP_THRESHOLD, _LARGE_BLOCK) == 1)
    except (OSError, AttributeError, TypeError, ValueError):
        return False


def read_stream(stream: BinaryIO, max_bytes: int, what: str = "file", size: int | None = None) -> bytes | Notice:
    """At most ``max_bytes`` from a stream; more is refused without reading the rest.

    ``size``, the file's size when known, is read first (a read of ``max_bytes`` would set
    aside that much memory for a draft of a few kilobytes), then the rest if it grew."""
    if size is not None and size < max_bytes:
        data = stream.read(size + 1)
        if len(data) > size:  # it grew since: read on to the limit
            data += stream.read(max_bytes + 1 - len(data))
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return too_large(None, max_bytes, what)
    return data


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def binary_reason(data: bytes) -> str:
    """Why file bytes look binary, or '' when they look like text (the policy of ``screen``)."""
    return _binary_bytes(data)


def _binary_bytes(data: bytes) -> str:
    """Why ``data`` is binary, or '' when it looks like text."""
    if data.startswith(_BINARY_SIGNATURES):
        return "a known binary file signature"
    if _utf16_bom(data):
        return ""  # UTF-16 text holds NUL bytes by design; its decoded text is screened
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return "NUL bytes"
    if not sample:
        return ""
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # one pass in C
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control characters"
    invalid = _invalid_utf8(sample)
    if (controls + invalid) / len(sample) > _MAX_JUNK_SHARE:
        return f"{(controls + invalid) / len(sample):.0%} bytes that are neither text nor UTF-8"
    return ""


def _invalid_utf8(sample: bytes) -> int:
    """How many bytes of ``sample`` are not part of a valid UTF-8 sequence."""
    try:
        sample.decode("utf-8")
        return 0  # the common case, decided in C
    except UnicodeDecodeError:
        pass
    text = sample.decode("utf-8", "surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    if invalid and "\udc80" <= text[-1] <= "\udcff" and len(sample) == _SAMPLE:
        invalid -= min(3, invalid)  # a sequence cut by the sample's end is not junk
    return invalid


def _binary_text(text: str) -> str:
    """Why already-decoded text is binary, or '' when it looks like text."""
    sample = text[:_SAMPLE]
    if not sample:
        return ""
    if "\x00" in sample:
        return "NUL characters"
    controls = len(sample) - len(sample.translate(_DELETE_CONTROLS))  # one pass in C
    if controls / len(sample) > _MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control characters"
    junk = controls + sample.count("\ufffd")
    if junk / len(sample) > _MAX_JUNK_SHARE:
        return f"{junk / len(sample):.0%} control or replacement characters"
    return ""


def _utf16_bom(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _decode(data: bytes, what: str) -> tuple[str | None, tuple[Notice, ...]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif _utf16_bom(data):
        text = data.decode("utf-16", "replace")
        why = _binary_text(text)
        if why:
            return None, (Notice(BINARY, "error", f"{what} looks binary ({why}), not a text draft; not linted"),)
        return text, (Notice("input/encoding", "warning", f"{what} is UTF-16; decoded it, but save drafts as UTF-8"),)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as e:
        return _fallback(data, e, what)


def _fallback(data: bytes, error: UnicodeDecodeError, what: str) -> tuple[str, tuple[Notice, ...]]:
    where = f"invalid UTF-8 at byte {error.start}"
    try:
        text = data.decode("cp1252")
        how = "decoded it as cp1252 (Windows Latin-1)"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        how = "replaced the undecodable bytes with U+FFFD"
    return text, (Notice("input/encoding", "warning", f"{where}; {how}; save drafts as UTF-8"),)

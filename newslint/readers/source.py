"""Turn raw bytes into text, saying what was wrong with them.

Binary files and files over the size limit are not decoded; invalid UTF-8 is
tried as UTF-16 (with a BOM) and cp1252, then decoded with replacement
characters. Every such event becomes a Notice and so a finding for that file.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Notice

MAX_BYTES = 5_000_000
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    notices: tuple[Notice, ...]


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> Decoded:
    """Decode file bytes; ``text`` is None when the file cannot be linted."""
    if len(data) > max_bytes:
        return Decoded(None, (Notice(
            "input/too-large", "error",
            f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for a draft; "
            "not linted (is this really one article?)"),))
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192] and not _utf16_bom(data):
        return Decoded(None, (Notice("input/binary", "error",
                                     "file looks binary, not a text draft; not linted"),))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif _utf16_bom(data):
        return Decoded(data.decode("utf-16"), (Notice(
            "input/encoding", "warning", "file is UTF-16; decoded it, but save drafts as UTF-8"),))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _fallback(data, e)
    notices: tuple[Notice, ...] = ()
    if not text.strip():
        notices = (Notice("input/empty", "warning", "file is empty"),)
    return Decoded(text, notices)


def _utf16_bom(data: bytes) -> bool:
    return data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _fallback(data: bytes, error: UnicodeDecodeError) -> Decoded:
    where = f"invalid UTF-8 at byte {error.start}"
    try:
        text = data.decode("cp1252")
        how = "decoded it as cp1252 (Windows Latin-1)"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        how = "replaced the undecodable bytes with U+FFFD"
    return Decoded(text, (Notice("input/encoding", "warning",
                                 f"{where}; {how}; save drafts as UTF-8"),))

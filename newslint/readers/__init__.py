"""Readers: one module per input format, each turning text into Documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newslint.document import Document, Notice
from newslint.readers import html, markdown, source, text

Reader = Callable[[str, str, tuple[Notice, ...]], Document]

FORMATS: dict[str, Reader] = {
    "text": text.read,
    "markdown": markdown.read,
    "html": html.read,
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_PATTERNS = tuple(f"*{ext}" for ext in (".txt", ".md", ".markdown", ".html", ".htm"))


def format_for(path: str) -> str:
    """The reader for a file name; unknown extensions read as plain text."""
    return EXTENSIONS.get(Path(path).suffix.casefold(), "text")


def read_string(content: str, path: str, fmt: str | None = None,
                notices: tuple[Notice, ...] = ()) -> list[Document]:
    """Documents from already-decoded text."""
    return [FORMATS[fmt or format_for(path)](content, path, notices)]


def read_bytes(data: bytes, path: str, fmt: str | None = None,
               max_bytes: int = source.MAX_BYTES) -> list[Document]:
    """Documents from raw file bytes; undecodable input gives an empty Document with notices."""
    decoded = source.decode(data, max_bytes)
    if decoded.text is None:
        return [Document(path=path, source="", format=fmt or format_for(path), blocks=(),
                         notices=decoded.notices)]
    return read_string(decoded.text, path, fmt, decoded.notices)

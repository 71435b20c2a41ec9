"""Readers: one module per input format, each turning text into Documents."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newslint.document import Document, Notice
from newslint.readers import source, text

Reader = Callable[[str, str, tuple[Notice, ...]], Document]
# Formats whose one file holds many articles (CMS exports): each gives a list of Documents.
CollectionReader = Callable[[str, str, tuple[Notice, ...]], list[Document]]


# The Markdown reader (and its front matter's) is imported on first use, as a plain-text
# draft's run needs neither; the HTML and CMS readers pull in html.parser, json and
# xml.etree: imported on first use too.
def _read_markdown(content: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    from newslint.readers import markdown

    return markdown.read(content, path, notices)


def _read_html(content: str, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    from newslint.readers import html

    return html.read(content, path, notices)


def _read_json(content: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    from newslint.readers import cms

    return cms.read_json(content, path, notices)


def _read_jsonl(content: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    from newslint.readers import cms

    return cms.read_jsonl(content, path, notices)


def _read_wxr(content: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    from newslint.readers import wxr

    return wxr.read(content, path, notices)


FORMATS: dict[str, Reader] = {
    "text": text.read,
    "markdown": _read_markdown,
    "html": _read_html,
}
COLLECTIONS: dict[str, CollectionReader] = {
    "json": _read_json,
    "jsonl": _read_jsonl,
    "wxr": _read_wxr,
}
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "wxr",
}
DEFAULT_PATTERNS = tuple(f"*{ext}" for ext in (".txt", ".md", ".markdown", ".html", ".htm"))
# CMS exports are read only when named, or when --include asks for them in folders.
CMS_PATTERNS = ("*.json", "*.jsonl", "*.ndjson", "*.xml")


def format_for(path: str) -> str:
    """The reader for a file name; unknown extensions read as plain text."""
    return EXTENSIONS.get(Path(path).suffix.casefold(), "text")


def read_string(content: str, path: str, fmt: str | None = None, notices: tuple[Notice, ...] = ()) -> list[Document]:
    """Documents from already-decoded text."""
    fmt = fmt or format_for(path)
    if fmt in COLLECTIONS:
        return COLLECTIONS[fmt](content, path, notices)
    return [FORMATS[fmt](content, path, notices)]


def read_bytes(
    data: bytes | Notice, path: str, fmt: str | None = None, max_bytes: int = source.MAX_BYTES
) -> list[Document]:
    """Documents from raw file bytes (or the Notice why a file was not read, as
    ``source.read_file`` gives); input the bad-input policy refuses gives an
    empty Document with notices."""
    if isinstance(data, Notice):
        return [Document(path=path, source="", format=fmt or format_for(path), blocks=(), notices=(data,))]
    if len(data) >= text.JOINED_MIN_BYTES and (fmt or format_for(path)) == "text":
        joined = text.read_joined(data, path, max_bytes)
        if joined is not None:
            return [joined]
    decoded = source.screen(data, max_bytes)
    if decoded.text is None:
        return [Document(path=path, source="", format=fmt or format_for(path), blocks=(), notices=decoded.notices)]
    return read_string(decoded.text, path, fmt, decoded.notices)

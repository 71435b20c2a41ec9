"""CMS articles as JSON: one article object, an array of them, or JSON Lines.

An article object is either the generic shape::

    {"id", "title", "body" | "content", "body_format" | "format",
     "byline" | "author", "published_at" | "date", "language" | "lang"}

or a WordPress REST API post (``title.rendered``, ``content.rendered``,
``date_gmt``, ``author`` plus ``_embedded.author[0].name`` when embedded).

Each article becomes a Document whose source is the article's body, so line
and column count within that body. Problems with the file itself (invalid
JSON, a record of the wrong shape) are findings for the file, at the line of
the problem.
"""

from __future__ import annotations

import html as html_lib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.document import Document, Notice
from newslint.errors import ArticleError
from newslint.readers import frontmatter, html, markdown, text
from newslint.readers.fields import check_fields
from newslint.readers.source import shows_nothing, unify_newlines

PARSE_ERROR = "input/parse-error"
SHAPE_ERROR = "input/article-shape"

BODY_READERS: dict[str, Callable[[str, str, tuple[Notice, ...]], Document]] = {
    "html": html.read,
    "markdown": markdown.read,
    "text": text.read,
}
BODY_FORMAT_ALIASES = {
    "html": "html",
    "markdown": "markdown",
    "md": "markdown",
    "text": "text",
    "txt": "text",
    "plain": "text",
}


@dataclass(frozen=True, slots=True)
class Article:
    """The fields newslint reads from one CMS article, validated."""

    body: str
    body_format: str = "html"
    title: str | None = None
    byline: str | None = None
    published_at: str | None = None
    language: str | None = None
    id: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


def article_document(article: Article, path: str, notices: tuple[Notice, ...] = ()) -> Document:
    """Read the body with its format's reader, then let the article's own fields win."""
    doc = _not_empty(BODY_READERS[article.body_format](article.body, path, notices))
    given = {
        "title": article.title,
        "byline": article.byline,
        "date": article.published_at,
        "language": frontmatter.language_code(article.language),
    }
    changes: dict[str, Any] = {k: v for k, v in given.items() if v}
    if article.meta:
        changes["meta"] = {**doc.meta, **article.meta}
    return doc.replaced(**changes) if changes else doc


EMPTY_ARTICLE = "the article's body holds no text a reader would see: an article without text is not publishable"


def _not_empty(doc: Document) -> Document:
    """An article whose body shows a reader nothing (no text and nothing embedded) is an error.

    An empty draft file is a warning, as a placeholder in a folder of drafts may be; but
    an article a CMS asks to publish with an empty body (``""``, ``"<p></p>"``, only a
    comment or a script) must not pass the publish check. A body whose text an unclosed
    construct hid is already an error that says so. Blocks of nothing but zero-width
    spaces and other invisible characters show a reader nothing either.
    """
    shown = any(not shows_nothing(block.text) for block in doc.blocks)
    if shown or doc.embeds or any(n.severity == "error" for n in doc.notices):
        return doc
    kept = tuple(n for n in doc.notices if n.rule != "input/empty")
    return doc.replaced(notices=(*kept, Notice("input/empty", "error", EMPTY_ARTICLE)))


def parse_article(data: Any) -> Article:
    """Validate one decoded JSON value as an article (generic or WordPress REST shape)."""
    if not isinstance(data, dict):
        raise ArticleError("(top level)", f"an article must be a JSON object, not {_kind(data)}")
    if _is_wordpress(data):
        return _wordpress_article(data)
    if data.get("body") is None and data.get("content") is None:
        raise ArticleError("body", "'body' is missing: give the article text in 'body' (or 'content')")
    body = _string(data, "body" if data.get("body") is not None else "content")
    fmt_key = "body_format" if "body_format" in data else "format"
    return Article(
        body=body or "",
        body_format=body_format(_string(data, fmt_key) or "html", fmt_key),
        title=_string(data, "title"),
        byline=_byline(data, "byline" if "byline" in data else "author"),
        published_at=_string(data, "published_at" if "published_at" in data else "date"),
        language=_string(data, "language" if "language" in data else "lang"),
        id=_identifier(data),
    )


def body_format(value: str, key: str = "body_format") -> str:
    """The reader name for a body format, or an ArticleError naming ``key``."""
    name = BODY_FORMAT_ALIASES.get(value.strip().casefold())
    if name is None:
        raise ArticleError(key, f"'{key}' must be html, markdown or text, not {value!r}")
    return name


def _is_wordpress(data: Mapping[str, Any]) -> bool:
    return isinstance(data.get("content"), dict) or isinstance(data.get("title"), dict)


def _wordpress_article(data: Mapping[str, Any]) -> Article:
    """A WordPress REST post: rendered title and content, GMT date, embedded author name."""
    body = _rendered(data, "content", required=True)
    title = _rendered(data, "title")
    date = _string(data, "date_gmt") or _string(data, "date")
    meta = {"wordpress": {k: data[k] for k in ("status", "type", "link", "slug") if k in data}}
    return Article(
        body=body or "",
        body_format="html",
        title=html_lib.unescape(title) if title else None,
        byline=_wordpress_author(data),
        published_at=date,
        language=_string(data, "lang") or _string(data, "language"),
        id=_identifier(data),
        meta=meta,
    )


def _wordpress_author(data: Mapping[str, Any]) -> str | None:
    """Only a name counts as a byline: a bare numeric author id says nothing to readers."""
    embedded = data.get("_embedded")
    if isinstance(embedded, dict):
        authors = embedded.get("author")
        if isinstance(authors, list) and authors and isinstance(authors[0], dict):
            name = authors[0].get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    author = data.get("author")
    return (author.strip() or None) if isinstance(author, str) else None


def _rendered(data: Mapping[str, Any], key: str, required: bool = False) -> str | None:
    value = data.get(key)
    if isinstance(value, dict):
        if "rendered" not in value and "raw" not in value:
            raise ArticleError(f"{key}.rendered", f"'{key}' has no 'rendered' text")
        inner = value.get("rendered", value.get("raw"))
        if not isinstance(inner, str):
            raise ArticleError(f"{key}.rendered", f"'{key}.rendered' must be a string, not {_kind(inner)}")
        return inner
    return _string(data, key, required)


def _string(data: Mapping[str, Any], key: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise ArticleError(key, f"'{key}' is missing")
        return None
    if not isinstance(value, str):
        raise ArticleError(key, f"'{key}' must be a string, not {_kind(value)}")
    return value


def _byline(data: Mapping[str, Any], key: str) -> str | None:
    """A name, a list of names, or an object with a ``name``."""
    value = data.get(key)
    if isinstance(value, list) and all(isinstance(v, (str, dict)) for v in value):
        names = [v if isinstance(v, str) else v.get("name") for v in value]
        return ", ".join(n.strip() for n in names if isinstance(n, str) and n.strip()) or None
    if isinstance(value, dict):
        name = value.get("name")
        if name is not None and not isinstance(name, str):
            raise ArticleError(f"{key}.name", f"'{key}.name' must be a string, not {_kind(name)}")
        return (name.strip() or None) if name else None
    text_value = _string(data, key)
    return (text_value.strip() or None) if text_value else None


def _identifier(data: Mapping[str, Any]) -> str | None:
    value = data.get("id")
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ArticleError("id", f"'id' must be a string or an integer, not {_kind(value)}")
    return str(value).strip()


def _kind(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    names = {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


# --- files -------------------------------------------------------------------------------------


def read_json(source: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    """One article object, or an array of them, from a ``.json`` file."""
    if not source.strip():
        return [_file_document(source, path, notices)]
    try:
        data = json.loads(source)
    except json.JSONDecodeError as e:
        return [_file_document(source, path, notices + (_json_notice(e, 0),))]
    except RecursionError:
        return [_file_document(source, path, notices + (_too_deep("no article in the file was linted"),))]
    except ValueError as e:  # an integer over Python's 4,300-digit limit for converting one
        return [_file_document(source, path, notices + (_value_notice(e, "no article in the file was linted"),))]
    records = data if isinstance(data, list) else [data]
    docs: list[Document] = []
    problems: list[Notice] = []
    for index, record in enumerate(records, 1):
        where = f"item {index}: " if isinstance(data, list) else ""
        try:
            article = check_fields(parse_article(record))
        except ArticleError as e:
            problems.append(Notice(SHAPE_ERROR, "error", f"{where}{e}"))
            continue
        name = article.id or (f"item-{index}" if isinstance(data, list) else None)
        docs.append(article_document(article, f"{path}#{name}" if name else path))
    return _with_file_problems(docs, source, path, notices, problems)


def read_jsonl(source: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    """One article per line (JSON Lines / NDJSON); blank lines are skipped."""
    docs: list[Document] = []
    problems: list[Notice] = []
    source = unify_newlines(source)
    offset = 0
    # Records end at line feeds only: U+2028 and other characters str.splitlines
    # breaks at may stand unescaped inside a JSON string.
    for number, line in enumerate(source.split("\n"), 1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        try:
            # Parsed without its line ending, so an error at the end stays on this line.
            article = check_fields(parse_article(json.loads(line.rstrip("\r\n"))))
        except json.JSONDecodeError as e:
            problems.append(_json_notice(e, start, line_number=number))
            continue
        except RecursionError:
            problems.append(_too_deep(f"line {number} not linted", start))
            continue
        except ArticleError as e:
            problems.append(Notice(SHAPE_ERROR, "error", f"line {number}: {e}", start, start))
            continue
        except ValueError as e:  # an integer over Python's 4,300-digit limit (ArticleError is one too)
            problems.append(_value_notice(e, f"line {number} not linted", start))
            continue
        docs.append(article_document(article, f"{path}#{article.id or f'line-{number}'}"))
    return _with_file_problems(docs, source, path, notices, problems)


def _too_deep(lost: str, at: int = 0) -> Notice:
    """JSON nested deeper than Python's parser can follow: a finding, not a crash."""
    return Notice(PARSE_ERROR, "error", f"not valid JSON for newslint: nested too deep; {lost}", at, at)


def _value_notice(error: ValueError, lost: str, at: int = 0) -> Notice:
    """JSON that parses but holds a value Python will not convert (a number of thousands of digits)."""
    return Notice(PARSE_ERROR, "error", f"not valid JSON for newslint: {error}; {lost}", at, at)


def _json_notice(error: json.JSONDecodeError, start: int, line_number: int | None = None) -> Notice:
    """A parse error at its place in the file (``start`` is where the parsed text began)."""
    line = error.lineno if line_number is None else line_number
    lost = "no article in the file was linted" if line_number is None else "line not linted"
    at = start + error.pos
    message = f"not valid JSON: {error.msg} (line {line}, column {error.colno}); {lost}"
    return Notice(PARSE_ERROR, "error", message, at, at)


def _with_file_problems(
    docs: list[Document], source: str, path: str, notices: tuple[Notice, ...], problems: list[Notice]
) -> list[Document]:
    """Problems with the file itself go first, in a Document for the whole file."""
    if notices or problems or not docs:
        if not docs and not problems and source.strip():
            problems.append(Notice("input/empty", "warning", "file holds no articles"))
        return [_file_document(source, path, notices + tuple(problems)), *docs]
    return docs


def _file_document(source: str, path: str, notices: tuple[Notice, ...]) -> Document:
    return Document(path=path, source=source, format="json", blocks=(), notices=notices)

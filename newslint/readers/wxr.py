"""WordPress exports (WXR, the RSS-based XML of Tools > Export).

Every ``<item>`` whose ``wp:post_type`` is ``post`` becomes a Document named
``export.xml#post-1234``. Pages, attachments, menu items and the like are
skipped. The Document's source is the post's ``content:encoded`` (read as
HTML), so line numbers count within that post's content, as an editor sees it
in the post editor's code view. ``dc:creator`` (a login) becomes the author's
display name from the export's ``wp:author`` list; the date is
``wp:post_date_gmt``, else ``pubDate``; drafts carry neither.

Parsed with the standard library's ElementTree, which never fetches external
entities; expat (2.4.1 and later) refuses entity-expansion bombs, and a file that
declares entities at all (WordPress never does) is refused before it is parsed.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from xml.parsers import expat

from newslint.document import Document, Notice
from newslint.readers.cms import PARSE_ERROR, SHAPE_ERROR, Article, article_document

WP_NAMESPACES = tuple(f"http://wordpress.org/export/{v}/" for v in ("1.2", "1.1", "1.0"))
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
EXCERPT_NAMESPACES = tuple(f"{uri}excerpt/" for uri in WP_NAMESPACES)
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
# What WordPress writes for a draft that has never been published.
NO_DATE = ("0000-00-00", "Mon, 30 Nov -0001")


def read(source: str, path: str, notices: tuple[Notice, ...] = ()) -> list[Document]:
    """One Document per post in the export, after any problem with the file itself."""
    entity = _declared_entity(source)
    if entity is not None:
        return [_file_document(source, path, notices + (entity,))]
    try:
        root, declared = _parse(source)
    except ET.ParseError as e:
        return [_file_document(source, path, notices + (_parse_notice(source, e),))]
    channel = root.find("channel")
    wp = _wp_namespace(root, declared)
    if root.tag != "rss" or channel is None or wp is None:
        return [
            _file_document(
                source,
                path,
                notices
                + (
                    Notice(
                        SHAPE_ERROR,
                        "error",
                        "not a WordPress export (WXR): expected <rss> with a <channel> "
                        "of <item>s in the wp: namespace; export with Tools > Export in WordPress",
                    ),
                ),
            )
        ]
    authors = _authors(channel, wp)
    docs: list[Document] = []
    skipped: dict[str, int] = {}
    for index, item in enumerate(channel.iter("item"), 1):
        kind = _text(item, f"{{{wp}}}post_type") or "post"
        if kind != "post":
            skipped[kind] = skipped.get(kind, 0) + 1
            continue
        post_id = _text(item, f"{{{wp}}}post_id")
        name = f"post-{post_id}" if post_id else f"item-{index}"
        article = _article(item, (wp, declared.get("excerpt")), authors, post_id, channel)
        docs.append(article_document(article, f"{path}#{name}"))
    if not docs:
        notices += (_no_posts(skipped),)
    return [_file_document(source, path, notices), *docs] if notices else docs


def _no_posts(skipped: Mapping[str, int]) -> Notice:
    what = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items())) or "no items"
    return Notice("input/empty", "warning", f"WordPress export holds no posts (skipped: {what})")


def _article(
    item: ET.Element,
    namespaces: tuple[str, str | None],
    authors: Mapping[str, str],
    post_id: str | None,
    channel: ET.Element,
) -> Article:
    wp, excerpt = namespaces
    login = _text(item, DC_CREATOR)
    meta = {
        "wordpress": {
            "post_id": post_id,
            "status": _text(item, f"{{{wp}}}status"),
            "link": _text(item, "link"),
            "slug": _text(item, f"{{{wp}}}post_name"),
            "author_login": login,
            "excerpt": _excerpt(item, excerpt or f"{wp}excerpt/"),
            "site_language": _text(channel, "language"),
        },
    }
    return Article(
        body=_text(item, CONTENT, strip=False) or "",
        body_format="html",
        title=_text(item, "title"),
        byline=authors.get(login, login) if login else None,
        published_at=_published(item, wp),
        id=post_id,
        meta=meta,
    )


_ENTITY = re.compile(r"<!ENTITY\b", re.I)


def _declared_entity(source: str) -> Notice | None:
    """A file whose DOCTYPE declares entities: WordPress never writes one, and expat lets an
    entity grow a file a hundredfold (a 1 MB export became a 45 MB post that took the reader's
    memory), below the factor at which it refuses a "billion laughs"."""
    root = source.find("<rss")
    found = _ENTITY.search(source, 0, root if root >= 0 else len(source))
    if found is None:
        return None
    return Notice(
        PARSE_ERROR,
        "error",
        "declares XML entities (<!ENTITY ...>), which a WordPress export never does and which can "
        "expand a small file into gigabytes; no post in the file was linted",
        found.start(),
        found.end(),
    )


def _parse(source: str) -> tuple[ET.Element, dict[str, str]]:
    """The XML tree, and each namespace prefix the file declares with its first URI."""
    declared: dict[str, str] = {}
    events = ET.iterparse(io.StringIO(source), events=("start-ns",))
    for _event, (prefix, uri) in events:
        declared.setdefault(prefix, uri)
    return events.root, declared  # type: ignore[attr-defined]


def _wp_namespace(root: ET.Element, declared: Mapping[str, str]) -> str | None:
    """The URI of the ``wp:`` namespace: whatever the file binds the ``wp`` prefix to, as
    WordPress's own importer reads it (http or https, any WXR version); else a known one."""
    if declared.get("wp"):
        return declared["wp"]
    for element in root.iter():
        if element.tag.startswith("{http://wordpress.org/export/"):
            uri = element.tag[1:].split("}")[0]
            if uri in WP_NAMESPACES:
                return uri
    return None


def _authors(channel: ET.Element, wp: str) -> dict[str, str]:
    """Author login -> display name, from the export's ``wp:author`` entries."""
    names: dict[str, str] = {}
    for author in channel.iter(f"{{{wp}}}author"):
        login = _text(author, f"{{{wp}}}author_login")
        display = _text(author, f"{{{wp}}}author_display_name")
        if login and display:
            names[login] = display
    return names


def _excerpt(item: ET.Element, declared: str) -> str | None:
    for uri in (declared, *EXCERPT_NAMESPACES):
        value = _text(item, f"{{{uri}}}encoded")
        if value:
            return value
    return None


def _text(element: ET.Element, tag: str, strip: bool = True) -> str | None:
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    value = child.text.strip() if strip else child.text
    return value or None


def _date(value: str | None) -> str | None:
    if value is None or value.startswith(NO_DATE):
        return None
    return value


def _published(item: ET.Element, wp: str) -> str | None:
    """``wp:post_date_gmt``, else ``pubDate``: the first that reads as a date, else the
    first given (which metadata/invalid-date then reports)."""
    from newslint.readers.fields import parse_date

    given = [d for d in (_date(_text(item, f"{{{wp}}}post_date_gmt")), _date(_text(item, "pubDate"))) if d]
    return next((d for d in given if parse_date(d) is not None), given[0] if given else None)


def _parse_notice(source: str, error: ET.ParseError) -> Notice:
    """Where expat gave up, as a finding at that line and column of the file."""
    line, column = error.position
    offset = _offset(source, line, column)
    reason = expat.ErrorString(error.code) if error.code else str(error).split(":")[0]
    return Notice(
        PARSE_ERROR,
        "error",
        f"not valid XML: {reason} (line {line}, column {column + 1}); no post in the file was linted",
        offset,
        offset,
    )


def _offset(source: str, line: int, column: int) -> int:
    start = 0
    for _ in range(line - 1):
        newline = source.find("\n", start)
        if newline == -1:
            return len(source)
        start = newline + 1
    return min(start + column, len(source))


def _file_document(source: str, path: str, notices: tuple[Notice, ...]) -> Document:
    return Document(path=path, source=source, format="wxr", blocks=(), notices=notices)

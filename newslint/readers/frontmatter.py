"""YAML front matter (``---`` ... ``---`` at the top of a draft) and metadata fields.

Most drafts' front matter is a few ``key: value`` lines (``title: "..."``,
``author: Jane Doe``, ``date: 2024-09-12``). ``simple_mapping`` reads those
without YAML, giving what ``yaml.safe_load`` gives for them, so that a one-file
run need not import ``yaml`` (about a tenth of the run). Anything else (a list,
a nested mapping, a quoted string with escapes, a number, a time, a value YAML
reads as true, false or null, a comment after a value) goes to YAML as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newslint import regexcache, rx
from newslint.document import Notice

_FENCE = regexcache.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", rx.S)
# What simple_mapping reads: lines of printable characters (YAML's, less the tab, the line
# breaks other than \n, and the byte-order mark); ``key: value`` with a plain word for a key.
_SIMPLE_TEXT = regexcache.compile(
    r"[\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]*"
)
_KEY_VALUE = regexcache.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,127}):[ ]+(.*?)[ ]*")
_DATE = regexcache.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Plain words YAML 1.1 (PyYAML) reads as booleans or null.
_NOT_STRINGS = frozenset(
    ("yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE")
    + ("on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL")
)

BYLINE_KEYS = ("author", "authors", "byline", "creator", "reporter", "writer")
DATE_KEYS = ("date", "published", "published_at", "pubdate", "publish_date", "datetime", "created")
LANG_KEYS = ("lang", "language", "locale")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A draft's front matter: its values, where the body starts, and notices about it."""

    data: Mapping[str, Any]
    body_start: int
    notices: tuple[Notice, ...]


def split(source: str) -> FrontMatter:
    m = _FENCE.match(source)
    if not m:
        return FrontMatter({}, 0, ())
    simple = simple_mapping(m.group(1))
    if simple is not None:
        return FrontMatter(simple, m.end(), ())
    import yaml  # here: most drafts' front matter is read without it

    from newslint.yamlsource import AliasBombError, safe_load, yaml_error_line

    try:
        data = safe_load(m.group(1))
    except AliasBombError as e:
        return FrontMatter(
            {},
            m.end(),
            (
                Notice(
                    "input/front-matter",
                    "error",
                    f"front matter refused (line {yaml_error_line(e) + 1}: {e.problem}); title, byline and "
                    "date in it were not read",
                    0,
                    m.end(),
                ),
            ),
        )
    except yaml.YAMLError as e:
        line = yaml_error_line(e) + 1
        problem = getattr(e, "problem", None) or "invalid YAML"
        return FrontMatter(
            {},
            m.end(),
            (
                Notice(
                    "input/front-matter",
                    "error",
                    f"front matter is not valid YAML (line {line}: {problem}); title, byline and date "
                    "in it were not read",
                    0,
                    m.end(),
                ),
            ),
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            {},
            m.end(),
            (
                Notice(
                    "input/front-matter",
                    "error",
                    "front matter must be a YAML mapping of keys such as title, author, date",
                    0,
                    m.end(),
                ),
            ),
        )
    return FrontMatter(data, m.end(), ())


def simple_mapping(text: str) -> dict[str, Any] | None:
    """``yaml.safe_load(text)`` (``{}`` for None) when ``text`` is only blank lines, comment
    lines and ``key: value`` lines whose values are plain text, simply quoted text or a date;
    None for anything else."""
    text = text.replace("\r\n", "\n")
    if _SIMPLE_TEXT.fullmatch(text) is None:
        return None
    data: dict[str, Any] = {}
    for line in text.split("\n"):
        if not line.strip(" ") or line.startswith("#"):
            continue
        m = _KEY_VALUE.fullmatch(line)
        if m is None or m.group(1) in _NOT_STRINGS:
            return None
        value = _simple_value(m.group(2))
        if value is None:
            return None
        data[m.group(1)] = value
    return data


def _simple_value(text: str) -> str | dt.date | None:
    """The value YAML reads from one line's ``text``, when it is plain or simply quoted
    text or a date; None for anything else."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        inner = text[1:-1]
        # No escapes: no backslash in double quotes, no doubled quote in single ones.
        return inner if text[0] not in inner and (text[0] == "'" or "\\" not in inner) else None
    date = _DATE.fullmatch(text)
    if date is not None:
        try:
            return dt.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
        except ValueError:
            return None  # YAML's own error, as without this path
    # A plain scalar YAML resolves to a string: it starts with a letter (no indicator, number,
    # date, '~' or '.inf'), is no boolean or null word, and holds no ': ' or ' #'.
    if not text[:1].isalpha() or text in _NOT_STRINGS or text.endswith(":") or ": " in text or " #" in text:
        return None
    return text


def pick(data: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-empty value among ``keys`` as a string (lists joined)."""
    lowered = {str(k).casefold(): v for k, v in data.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name") or value.get("rendered")
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        if value not in (None, ""):
            return str(value).strip() or None
    return None


def language_code(value: str | None) -> str | None:
    """'id', 'en', 'pt'... from 'id-ID', 'en_US', 'Indonesian'-free codes."""
    if not value:
        return None
    code = value.strip().replace("_", "-").casefold()
    if code.startswith("zh-"):
        return "zh-tw" if code in ("zh-tw", "zh-hant", "zh-hk") else "zh-cn"
    return code.split("-")[0] or None

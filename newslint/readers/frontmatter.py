"""YAML front matter (``---`` ... ``---`` at the top of a draft) and metadata fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex
import yaml

from newslint import regexcache
from newslint.document import Notice
from newslint.yamlsource import AliasBombError, safe_load, yaml_error_line

_FENCE = regexcache.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)

BYLINE_KEYS = ("author", "authors", "byline", "creator", "reporter", "writer")
DATE_KEYS = ("date", "published", "published_at", "pubdate", "publish_date", "datetime", "created")
LANG_KEYS = ("lang", "language", "locale")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    data: Mapping[str, Any]
    body_start: int
    notices: tuple[Notice, ...]


def split(source: str) -> FrontMatter:
    m = _FENCE.match(source)
    if not m:
        return FrontMatter({}, 0, ())
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

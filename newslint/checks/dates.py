"""``date``: the publication date in a document's metadata must read as a date.

A date field that holds something else (front matter ``date: garbage``, an HTML
``<meta>`` or ``<time datetime>`` of "TBD", a WordPress export's unreadable
``wp:post_date_gmt``) fills the field, so ``metadata/missing-date`` is silent, yet it
dates nothing: the article would go out undated. What reads as a date is taken
leniently, since a CMS, a theme or an editor writes it their own way: ISO 8601 with or
without a time and zone ("2024-09-12", "2024-09-12T03:00:00+07:00", "20240912"), RFC
2822 ("Thu, 12 Sep 2024 03:00:00 GMT"), numeric dates in either day-month order
("12/09/2024", "09.12.24", "2024/09/12"), a day, a month named in one of the rule's
``months`` spellings and a year in either order ("12 September 2024", "Sept. 12th,
2024", "12 de septiembre de 2024", "12. März 2024", "1er janvier 2024"), East Asian
dates ("2024年9月12日") and Unix timestamps of a plausible moment. Text around the date
(a weekday, a time, a label) is left alone. The date must exist: "2024-02-30" is no date.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, with_defaults
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "date"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["months"],
    "properties": {
        "months": {
            "type": "array",
            "minItems": 12,
            "maxItems": 12,
            "items": {"$ref": "#/$defs/stringList"},
            "description": "names of January..December, each a list of spellings in any language "
            "(case and accents ignored)",
        },
    },
}
# A Unix timestamp is a date when it falls between these (seconds, or milliseconds).
EPOCH_FROM = dt.datetime(1990, 1, 1, tzinfo=dt.timezone.utc).timestamp()
EPOCH_TO = dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc).timestamp()
SHOWN_CHARS = 80  # of the value, in the finding's message
FIRST_YEAR = 1000  # "0000-00-00", "00010101": a placeholder, not a date

_NUMERIC = (
    # year first: 2024-09-12, 2024/9/12, 2024.09.12 (and ISO's basic form, 20240912)
    (r"(?<!\d)(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})(?!\d)", "ymd"),
    (r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)", "ymd"),
    # day or month first: 12/09/2024, 09.12.24, 12-9-2024
    (r"(?<!\d)(?P<a>\d{1,2})[-./](?P<b>\d{1,2})[-./](?P<y>\d{4}|\d{2})(?!\d)", "either"),
    # East Asian: 2024年9月12日, 2024년 9월 12일
    (r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]", "ymd"),
)
_EPOCH = r"\s*(?P<s>\d{9,10}|\d{13})(?:\.\d+)?\s*"


@dataclass(frozen=True, slots=True)
class Compiled:
    """The month names (folded) and the regexes that find a date in a value."""

    months: Mapping[str, int]
    numeric: tuple[tuple[rx.Pattern[str], str], ...]
    named: tuple[rx.Pattern[str], ...]
    epoch: rx.Pattern[str]


def fold(text: str) -> str:
    """Lower case without accents: "Março" and "marco", "Févr." and "fevr." are one name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # (composed again: NFKD splits a Hangul syllable, 년, into letters that are no marks)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    months = {fold(name): i + 1 for i, names in enumerate(params["months"]) for name in names}
    names = "|".join(rx.escape(n) for n in sorted(months, key=len, reverse=True))
    month = rf"(?P<month>{names})(?!\p{{L}})\.?"
    day = r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|er|eme|o|º|°|\.)?"
    year = r"(?P<y>\d{4})(?!\d)"
    named = (
        # 12 September 2024, 12. März 2024, 12 de septiembre de 2024, 12-Sep-2024, 1er janvier
        # 2024, 12.set.2024, 12SEP2024
        regexcache.compile(rf"{day}(?:\s+(?:de|of|the))?[\s./-]*{month}(?:\s+de)?[\s,./-]*{year}"),
        # September 12, 2024; Sept. 12th 2024; Sep-12-2024
        regexcache.compile(rf"{month}[\s./-]*{day},?[\s./-]*{year}"),
    )
    numeric = tuple((regexcache.compile(source), order) for source, order in _NUMERIC)
    return Compiled(months, numeric, named, regexcache.compile(_EPOCH))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    if not doc.date:
        return  # no date at all is metadata/missing-date's to report
    if read_date(doc.date, rule.compiled_as(Compiled)) is None:
        shown = " ".join(doc.date.split())
        if len(shown) > SHOWN_CHARS:
            shown = shown[: SHOWN_CHARS - 1] + "…"
        yield Hit(0, 0, {"value": repr(shown)})


def read_date(value: str, compiled: Compiled) -> dt.date | None:
    """The date ``value`` names (see the module's docstring for what reads as one), or None."""
    from newslint.readers.fields import parse_date

    parsed = parse_date(value)
    if parsed is not None:
        return parsed.date()
    text = fold(value)
    for pattern, order in compiled.numeric:
        for m in pattern.finditer(text):
            found = _numeric(m, order)
            if found is not None:
                return found
    for pattern in compiled.named:
        for m in pattern.finditer(text):
            found = _day(int(m["y"]), compiled.months[m["month"]], int(m["d"]))
            if found is not None:
                return found
    stamp = compiled.epoch.fullmatch(text)
    if stamp is not None:
        seconds = int(stamp["s"]) / (1000 if len(stamp["s"]) == 13 else 1)
        if EPOCH_FROM <= seconds < EPOCH_TO:
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    return None


def _numeric(m: rx.Match[str], order: str) -> dt.date | None:
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    if order == "ymd":
        return _day(year, int(m["m"]), int(m["d"]))
    a, b = int(m["a"]), int(m["b"])
    return _day(year, b, a) or _day(year, a, b)  # day first (most of the world), else month first


def _day(year: int, month: int, day: int) -> dt.date | None:
    if year < FIRST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

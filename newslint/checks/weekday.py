"""``weekday``: a weekday named next to a date that falls on another day.

Recognised shapes (names come from the rule, so every language has its own):
``Kamis (12/09/24)``, ``Selasa, 15 Maret 2022``, ``Kamis tanggal 12 September
2024``, ``Friday, September 12, 2024``, ``on Friday, Sept. 12, 2024``,
``Friday 12th of September 2024``, ``Friday, 2024-09-12``,
``Freitag, 12. September 2024``, ``viernes 12 de septiembre de 2024``.

The weekday must sit right before its date: only spaces, a comma, an opening
bracket or one of the rule's ``between`` words ("tanggal") may separate them, so
"on Friday the council met; on 12 September 2024 ..." is not read as one date.
Where the language capitalises weekdays (``capitalised: true``: Indonesian,
English, German) they match capitalised or in capitals, not in lower case
(Indonesian "minggu" is also "week"); abbreviations ("Sun", "Sat") match only
when a full stop or a comma follows them. Two-digit years are 20xx.
Numeric dates follow the rule's ``order`` (``dmy`` by default, ``mdy`` for US
English; ``numeric: false`` turns them off where they are ambiguous). A weekday
with a date that has no year, or a date that does not exist, is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks.base import Context, Hit, block_hit, with_defaults
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "weekday"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["weekdays"],
    "properties": {
        "weekdays": {
            "type": "array",
            "minItems": 7,
            "maxItems": 7,
            "items": {"$ref": "#/$defs/stringList"},
            "description": "names of Monday..Sunday, each a list of spellings",
        },
        "months": {
            "type": "array",
            "minItems": 12,
            "maxItems": 12,
            "items": {"$ref": "#/$defs/stringList"},
            "default": [],
            "description": "names of January..December, each a list of spellings",
        },
        "order": {"enum": ["dmy", "mdy"], "default": "dmy"},
        "numeric": {"type": "boolean", "default": True, "description": "also read numeric dates such as 12/09/24"},
        "capitalised": {
            "type": "boolean",
            "default": False,
            "description": "weekday names are proper nouns in this language: do not match them in lower case",
        },
        "between": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "words that may stand between the weekday and its date ('tanggal')",
        },
    },
}
ABBREVIATION_LETTERS = 4


@dataclass(frozen=True, slots=True)
class Compiled:
    """A weekday rule's compiled names of days and months, and its date regex."""

    weekdays: dict[str, int]
    months: dict[str, int]
    names: tuple[str, ...]
    pattern: rx.Pattern[str]
    order: str


def _alternation(names: list[str]) -> str:
    return "|".join(rx.escape(n) for n in sorted(names, key=len, reverse=True))


def _weekday_pattern(days: list[list[str]], capitalised: bool) -> str:
    """The spellings as given, capitalised and in capitals (not in lower case when the
    language capitalises weekdays); an abbreviation ("Sun" of "Sunday") of at most
    four letters needs a '.' or ',' after it."""
    forms = []
    for spellings in days:
        full = spellings[0].casefold()
        for name in spellings:
            short = len(name) <= ABBREVIATION_LETTERS and full.startswith(name.casefold()) and len(name) < len(full)
            cases = {name[:1].upper() + name[1:], name.upper()}
            if not capitalised:
                cases |= {name, name.lower()}
            for form in sorted(cases):
                forms.append((form, rx.escape(form) + (r"(?=[.,])" if short else "")))
    return "|".join(source for _, source in sorted(forms, key=lambda f: -len(f[0])))


def _date_parts(months: dict[str, int], numeric: bool) -> list[str]:
    parts = []
    if numeric:
        parts.append(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?!\d)\)?")
    parts.append(r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)")
    if months:
        mo = f"(?i:{_alternation(list(months))})"
        parts.append(
            r"(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th|er|º|\.)?(?:\s+(?:de|of))?\s+"
            rf"(?P<m1>{mo})\.?(?:\s+de|,)?\s+(?P<y1>\d{{4}})(?!\d)"
        )
        parts.append(rf"(?P<m2>{mo})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)")
    return parts


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    weekdays = {n.casefold(): i for i, names in enumerate(params["weekdays"]) for n in names}
    months = {n.casefold(): i + 1 for i, names in enumerate(params["months"]) for n in names}
    day_names = tuple(params["weekdays"][i][0] for i in range(7))
    wd = _weekday_pattern(params["weekdays"], bool(params["capitalised"]))
    between = "".join(rf"(?:(?i:{rx.escape(w)})\s+)?" for w in params["between"])
    sep = r"\.?[\s,]*\(?\s*" + between
    parts = _date_parts(months, params["numeric"])
    source = rf"(?<!\w)(?P<wd>{wd})(?!\w){sep}(?:{'|'.join(parts)})"
    return Compiled(weekdays, months, day_names, regexcache.compile(source), params["order"])


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if not ctx.facts.prose_has(compiled.pattern.search):
        return  # a match in a block is one in all the prose too: its edges are newlines there
    for i, block in enumerate(doc.blocks):
        if block.kind == "code":
            continue
        for m in compiled.pattern.finditer(block.text):
            date = _date_of(m, compiled)
            if date is None:
                continue
            named = compiled.weekdays[m.group("wd").casefold()]
            if date.weekday() != named:
                yield block_hit(
                    block,
                    i,
                    m.start(),
                    m.end(),
                    match=m.group(0),
                    named=m.group("wd"),
                    date=date.isoformat(),
                    actual=compiled.names[date.weekday()],
                )


def _date_of(m: rx.Match[str], compiled: Compiled) -> dt.date | None:
    groups = m.groupdict()
    try:
        if groups.get("a"):
            a, b = int(groups["a"]), int(groups["b"])
            day, month = (a, b) if compiled.order == "dmy" else (b, a)
            return dt.date(_year(groups["y"]), month, day)
        if groups.get("iy"):
            return dt.date(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
        if groups.get("d1"):
            month = compiled.months[groups["m1"].casefold()]
            return dt.date(int(groups["y1"]), month, int(groups["d1"]))
        month = compiled.months[groups["m2"].casefold()]
        return dt.date(int(groups["y2"]), month, int(groups["d2"]))
    except (ValueError, KeyError, TypeError):
        return None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year

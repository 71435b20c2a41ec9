"""``weekday``: a weekday named next to a date that falls on another day.

Recognised shapes (names come from the rule, so every language has its own):
``Kamis (12/09/24)``, ``Selasa, 15 Maret 2022``, ``Friday, September 12, 2024``,
``Freitag, 12. September 2024``, ``viernes 12 de septiembre de 2024``.
Two-digit years are 20xx. Numeric dates follow the rule's ``order``
(``dmy`` by default, ``mdy`` for US English). A weekday with a date that has
no year, or a date that does not exist, is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

from newslint.checks.base import Context, Hit, block_hit
from newslint.document import Document

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "weekday"
DEFAULT_SCOPE = "block"


@dataclass(frozen=True, slots=True)
class Compiled:
    weekdays: dict[str, int]
    months: dict[str, int]
    names: tuple[str, ...]
    pattern: Any
    order: str


def _alternation(names: list[str]) -> str:
    return "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    weekdays = {n.casefold(): i for i, names in enumerate(params["weekdays"]) for n in names}
    months = {n.casefold(): i + 1 for i, names in enumerate(params.get("months", ())) for n in names}
    day_names = tuple(params["weekdays"][i][0] for i in range(7))
    wd = _alternation(list(weekdays))
    sep = r"[\s,]*\(?\s*"
    numeric = r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?!\d)"
    parts = [numeric] if params.get("numeric", True) else []
    if months:
        mo = _alternation(list(months))
        parts.append(
            r"(?:the\s+)?(?P<d1>\d{1,2})(?:st|nd|rd|th|er|º|\.)?(?:\s+de)?\s+(?P<m1>%s)\.?"
            r"(?:\s+de|,)?\s+(?P<y1>\d{4})" % mo
        )
        parts.append(r"(?P<m2>%s)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})" % mo)
    if not parts:
        raise ValueError("a weekday rule needs months or numeric dates")
    source = r"(?<!\w)(?P<wd>%s)(?!\w)%s(?:%s)" % (wd, sep, "|".join(parts))
    pattern = regex.compile(source, regex.IGNORECASE)
    return Compiled(weekdays, months, day_names, pattern, params.get("order", "dmy"))


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled: Compiled = rule.compiled
    for i, block in enumerate(doc.blocks):
        for m in compiled.pattern.finditer(block.text):
            date = _date_of(m, compiled)
            if date is None:
                continue
            named = compiled.weekdays[m.group("wd").casefold()]
            if date.weekday() != named:
                yield block_hit(
                    block, i, m.start(), m.end(), match=m.group(0), named=m.group("wd"),
                    date=date.isoformat(), actual=compiled.names[date.weekday()],
                )


def _date_of(m: Any, compiled: Compiled) -> dt.date | None:
    try:
        groups = m.groupdict()
        if groups.get("a"):
            a, b = int(m.group("a")), int(m.group("b"))
            day, month = (a, b) if compiled.order == "dmy" else (b, a)
            year = _year(m.group("y"))
        elif groups.get("d1"):
            day, month, year = int(m.group("d1")), compiled.months[m.group("m1").casefold()], int(m.group("y1"))
        else:
            day, month, year = int(m.group("d2")), compiled.months[m.group("m2").casefold()], int(m.group("y2"))
        return dt.date(year, month, day)
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year

"""``marker``: explicit cut markers on a line of their own ("[...]", "(bersambung)",
"(continued)"), matched as whole lines by the ``phrases`` kind (case, bullets and
closing punctuation ignored). Read-more links are page chrome, reported by
``markup/widget-line``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newslint.checks import phrases
from newslint.checks.base import Hit
from newslint.facts import Facts


def compile_markers(markers: Sequence[str]) -> phrases.Compiled | None:
    if not markers:
        return None
    return phrases.compile({"phrases": list(markers), "match": "line"}, "line")


def markers(compiled: phrases.Compiled | None, facts: Facts) -> Iterator[Hit]:
    if compiled is not None:
        yield from phrases.match(compiled, facts)

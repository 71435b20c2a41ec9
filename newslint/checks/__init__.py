"""Check kinds: one module each, a pure function from a document to hits.

Every kind module satisfies ``newslint.checks.base.CheckKind``: ``KIND``, its
``PARAMETERS`` schema, its ``SCOPES``, ``compile(params, scope)`` (run once per
rule by the loader) and ``check(doc, rule, ctx)`` yielding Hits. The rule
schema's ``check`` enum and ``with:`` schemas are assembled from ``KINDS``
(see ``newslint.schema``): a new kind is one module, listed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from newslint.checks import (
    blocks,
    context,
    dates,
    duplicate,
    glued,
    language,
    markup,
    pattern,
    phrases,
    required,
    truncation,
    weekday,
)
from newslint.checks.base import CheckKind

_MODULES: tuple[CheckKind, ...] = (
    pattern,
    phrases,
    duplicate,
    truncation,
    markup,
    required,
    dates,
    weekday,
    language,
    blocks,
    glued,
    context,
)
KINDS: Mapping[str, CheckKind] = MappingProxyType({kind.KIND: kind for kind in _MODULES})

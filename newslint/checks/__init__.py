"""Check kinds: one module each, a pure function from a Document to hits.

Every kind module has ``KIND``, ``DEFAULT_SCOPE``, ``compile(params, scope)``
(run once per rule at load time) and ``check(doc, rule, ctx)`` yielding Hits.
"""

from __future__ import annotations

from types import ModuleType

from newslint.checks import (
    duplicate,
    language,
    markup,
    pattern,
    phrases,
    required,
    truncation,
    weekday,
)

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (pattern, phrases, duplicate, truncation, markup, required, weekday, language)
}

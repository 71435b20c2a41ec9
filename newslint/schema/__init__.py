"""The JSON schemas of newslint's files, and schema errors told as file:line.

``rule.schema.json`` holds what every rule has in common; ``rule_schema()``
adds the check kinds from ``newslint.checks.KINDS``: the ``check`` enum, and
for each kind its ``with:`` parameters and the scopes it supports. So a new
kind is one module. ``python -m newslint.schema`` prints the full schema, to
publish for editors' YAML plugins.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint.errors import RuleError
from newslint.yamlsource import LineDict

if TYPE_CHECKING:
    from jsonschema import ValidationError

    from newslint.checks.base import CheckKind


def common_rule_schema() -> dict[str, Any]:
    """The part of the rule schema that does not depend on the check kinds."""
    text = resources.files("newslint.schema").joinpath("rule.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def assemble_rule_schema(kinds: Mapping[str, CheckKind]) -> dict[str, Any]:
    """The full rule schema for these kinds."""
    schema = common_rule_schema()
    rule = schema["$defs"]["rule"]
    rule["properties"]["check"] = {"enum": list(kinds)}
    rule["allOf"] = []
    for name, kind in kinds.items():
        schema["$defs"][name] = dict(kind.PARAMETERS)
        then: dict[str, Any] = {
            "properties": {"with": {"$ref": f"#/$defs/{name}"}, "scope": {"enum": list(kind.SCOPES)}}
        }
        if kind.PARAMETERS.get("required"):
            then["required"] = ["with"]
        rule["allOf"].append({"if": {"properties": {"check": {"const": name}}}, "then": then})
    return schema


@functools.lru_cache(maxsize=1)
def rule_schema() -> dict[str, Any]:
    """The full rule schema for the kinds newslint has."""
    from newslint.checks import KINDS

    return assemble_rule_schema(KINDS)


def validate_rule_file(path: Path, data: object) -> None:
    """Raise RuleError naming file, line, rule id and key for the first schema violation."""
    import jsonschema  # imported here: only validated rule files pay for it

    validator = jsonschema.Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = _most_specific(errors)
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    line = _line_of(data, list(error.absolute_path))
    rule_id = _rule_id_at(data, list(error.absolute_path))
    about = f" rule {rule_id}:" if rule_id else ""
    raise RuleError(f"{path}:{line}:{about} at '{where}': {_explain(error)}")


def _most_specific(errors: list[ValidationError]) -> ValidationError:
    best = errors[0]
    for error in errors:
        for sub in error.context or ():
            if len(sub.absolute_path) > len(best.absolute_path):
                best = sub
        if len(error.absolute_path) > len(best.absolute_path):
            best = error
    return best


def _explain(error: ValidationError) -> str:
    if error.validator == "enum":
        values: list[object] = list(error.validator_value)  # type: ignore[arg-type]
        return f"{error.instance!r} is not one of {', '.join(map(str, values))}"
    if error.validator == "additionalProperties":
        return f"{error.message}; remove it or check its spelling"
    return str(error.message)


def _line_of(data: object, path: list[str | int]) -> int:
    line: int = getattr(data, "line", 1)
    node: Any = data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, LineDict):
            line = node.line
    return line


def _rule_id_at(data: object, path: list[str | int]) -> str | None:
    if len(path) >= 2 and path[0] == "rules" and isinstance(data, dict):
        try:
            rule = data["rules"][path[1]]
        except (IndexError, TypeError, KeyError):
            return None
        return str(rule.get("id")) if isinstance(rule, dict) else None
    return None

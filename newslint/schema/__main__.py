"""Print the full rule schema (``python -m newslint.schema > rule.schema.json``)."""

from __future__ import annotations

import json

from newslint.schema import rule_schema

print(json.dumps(rule_schema(), indent=2, ensure_ascii=False))

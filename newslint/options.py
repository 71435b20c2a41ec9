"""The engine's options from the effective configuration: one function for every front door.

``newslint check`` and ``newslint serve`` both call ``build_options``, which
also refuses a rule id or prefix that names no loaded rule (exit code 2 with
the closest id), wherever it was written: a flag, ``select``, ``ignore``,
``per-path-ignores`` or ``severity``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newslint import selection
from newslint.config import Config
from newslint.engine import Options
from newslint.errors import ConfigError


def build_options(config: Config, rule_ids: Iterable[str], **run: Any) -> Options:
    """The engine's Options from the effective config: the one place the CLI and the server
    turn config into options. Raises ConfigError for a rule id or prefix that names no rule.

    ``run`` holds what only a run knows (``language``, ``format``, ``jobs``...).
    """
    check_rule_ids(config, rule_ids)
    explicit_select, explicit_ignore = config.from_flag("select"), config.from_flag("ignore")
    return Options(
        select=config.select if explicit_select else (),
        ignore=config.ignore if explicit_ignore else (),
        config_select=() if explicit_select else config.select,
        config_ignore=() if explicit_ignore else config.ignore,
        allowed_languages=frozenset(config.languages),
        severity=dict(config.severity),
        per_path_ignores=config.path_ignores(),
        **run,
    )


def check_rule_ids(config: Config, rule_ids: Iterable[str]) -> None:
    """Every rule id or prefix in the config must name a loaded rule: a typo would silently
    turn rules off (in ``select``) or leave them on (in ``ignore``)."""
    known = tuple(dict.fromkeys(rule_ids))
    lists = [("select", "select", config.select), ("ignore", "ignore", config.ignore)]
    lists += [("per_path_ignores", f"per-path-ignores.{glob}", rules) for glob, rules in config.per_path_ignores]
    for field_name, key, prefixes in lists:
        bad = selection.first_unknown(prefixes, known)
        if bad is not None:
            raise ConfigError(f"{_origin(config, field_name, key)}{selection.unknown_prefix_message(bad, known)}")
    ids = set(known)
    for rule_id in config.severity:
        if rule_id not in ids:
            import difflib

            close = difflib.get_close_matches(rule_id, sorted(ids), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"{_origin(config, 'severity', f'severity.{rule_id}')}no rule has this id{hint}")


def _origin(config: Config, field_name: str, key: str) -> str:
    """``--select: `` for a flag, ``file:line: key 'select': `` for the file's key."""
    where = config.origins.get(field_name)
    if where is not None and where.startswith("--"):
        return f"{where}: "
    return f"{where or config.source or 'configuration'}: key '{key}': "

"""One exception family: a bad rule or config stops the run with exit code 2."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class for errors a user can fix (config, rules, usage)."""

    exit_code = 2


class RuleError(NewslintError):
    """A rule file is broken: bad YAML, unknown kind, bad parameter, duplicate id."""


class ConfigError(NewslintError):
    """A configuration file or option is broken."""


class InputError(NewslintError):
    """A path given on the command line cannot be linted at all."""

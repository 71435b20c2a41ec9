"""Every exception newslint raises on purpose.

A usage, config or rule error is a ``NewslintError``: click shows it as one
line, ``newslint: error: ...``, and exits 2, so the command line needs no
wrapper of its own. A bad *article* is a finding, not an exception; a bug in
newslint is an ``internal-error`` finding for that file and the run goes on.
"""

from __future__ import annotations

import threading
from typing import IO, TYPE_CHECKING, Any

import click


class NewslintError(click.ClickException):
    """An error the user can fix (usage, config, rules): exit code 2 and one clear line."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"newslint: error: {self.format_message()}", err=True)


class RuleError(NewslintError):
    """A rule file is broken: bad YAML, unknown kind, bad parameter, duplicate id."""


class ConfigError(NewslintError):
    """A configuration file or option is broken (an unknown rule id in ``select``...)."""


class InputError(NewslintError):
    """A path given on the command line cannot be linted at all."""


class ServeError(NewslintError):
    """The publish-check service cannot start (address in use, bad option)."""


class ArticleError(NewslintError, ValueError):
    """An article record or argument is of the wrong shape; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class CheckTimeout(Exception):
    """A rule's matching ran past its time limit on one document (becomes a finding)."""


class FileTimeout(BaseException):
    """One file's lint ran past the budget. A BaseException, like KeyboardInterrupt, so
    that the engine's ``except Exception`` (a crash becomes ``internal-error``) lets it by."""


class TooManyAttributes(Exception):
    """An HTML tag, or the page, carries too many attributes (``offset``: where the tag's
    token began); the page is refused rather than parsed (html5lib's checks grow with the
    square of a tag's attributes)."""

    def __init__(self, offset: int, one_tag: bool) -> None:
        super().__init__(offset, one_tag)
        self.offset = offset
        self.one_tag = one_tag


class FileChangedError(Exception):
    """A file changed on disk between reading and fixing it (the fix is not written)."""


if TYPE_CHECKING:
    import yaml

    class AliasBombError(yaml.MarkedYAMLError):
        """YAML whose aliases expand it too far, refer to themselves or nest too deep."""


_MAKING = threading.Lock()


def __getattr__(name: str) -> Any:
    # AliasBombError is a yaml.YAMLError; made on first use, so that importing this module, as
    # every run does, does not import yaml (a tenth of a one-file run).
    if name == "AliasBombError":
        with _MAKING:  # one class, whichever thread asks first
            if name not in globals():
                globals()[name] = _alias_bomb_error()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _alias_bomb_error() -> type:
    import yaml

    class AliasBombError(yaml.MarkedYAMLError):
        """YAML whose aliases expand it too far, refer to themselves or nest too deep (a "billion laughs").

        A ``yaml.YAMLError``, so every loader's caller reports it as it reports a
        syntax error: with the file and line.
        """

    AliasBombError.__qualname__ = "AliasBombError"  # as defined here at the top: picklable
    return AliasBombError

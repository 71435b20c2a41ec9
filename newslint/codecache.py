"""The code ``dataclasses`` writes for newslint's records, compiled once and kept between runs.

``@dataclass`` writes each class's ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and (frozen) ``__setattr__``/``__delattr__`` as Python source and
compiles it with ``exec``; for newslint's three dozen frozen records that
compiling is about a fifth of a one-file run. The source is the same at every
start, so while the command line loads (``newslint.__main__``), ``kept()``
gives the ``dataclasses`` module an ``exec`` that looks the source text up in a
table of code objects compiled by an earlier run, and compiles (as ``exec``
would: no inherited ``__future__`` flags, file ``<string>``) only what is not
there. The classes made are the same; only the compiling is skipped.

The table is one ``marshal`` file in the user cache folder (see
``newslint.rulecache``), named by the interpreter's bytecode magic number, so
another Python never reads it. It is read only when it belongs to the user
running newslint and no one else may write it (as ``__pycache__`` files are
trusted: code read from the cache runs). A missing, foreign or corrupt file is
an empty table; a run that had to compile something writes the table again
(temporary file, then rename). ``NEWSLINT_CACHE_DIR=""`` turns it off.
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import os
import sys
from collections.abc import Iterator
from types import CodeType
from typing import Any

# Entries past this many (several newslint versions sharing one cache folder) make way for
# those the current run used.
MAX_ENTRIES = 2000


def table_path() -> str | None:
    """The table's file, or None when the cache is off."""
    from importlib.util import MAGIC_NUMBER

    from newslint.rulecache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    return os.path.join(folder, f"dataclass-code-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.marshal")


def _trusted(fd: int) -> bool:
    """Whether the open file is the user's own and writable by nobody else."""
    st = os.fstat(fd)
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    return not st.st_mode & 0o022


def read_table(path: str) -> dict[str, CodeType]:
    """The kept code objects by source text; empty when the file is missing, foreign or bad."""
    try:
        with open(path, "rb") as f:
            if not _trusted(f.fileno()):
                return {}
            table = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if type(k) is str and type(v) is CodeType}


class CodeTable:
    """An ``exec`` that takes compiled code for source text it has seen before."""

    def __init__(self, table: dict[str, CodeType]) -> None:
        self.table = table
        self.used: dict[str, CodeType] = {}
        self.compiled = 0

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002 - exec's names
        if type(source) is str:
            code = self.table.get(source)
            if code is None:
                # As exec(source) compiles it from dataclasses (which has no __future__ imports).
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.table[source] = code
                self.compiled += 1
            self.used[source] = code
            source = code
        builtins.exec(source, globals, locals)


def write_table(path: str, table: dict[str, CodeType], used: dict[str, CodeType]) -> None:
    """Write the table (the entries used last when it must shrink); quietly nothing on failure."""
    kept = {k: v for k, v in table.items() if k not in used}
    kept.update(used)
    if len(kept) > MAX_ENTRIES:
        kept = dict(list(kept.items())[-MAX_ENTRIES:])
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(kept))
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)


@contextlib.contextmanager
def kept() -> Iterator[CodeTable | None]:
    """While inside, ``dataclasses`` compiles through a ``CodeTable`` read from the cache."""
    import dataclasses

    path = table_path()
    if path is None or "exec" in vars(dataclasses):
        yield None
        return
    codes = CodeTable(read_table(path))
    dataclasses.exec = codes.exec  # type: ignore[attr-defined]  # found before the builtin
    try:
        yield codes
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        if codes.compiled:
            write_table(path, codes.table, codes.used)

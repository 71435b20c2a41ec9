"""``regex`` as newslint's modules use it, without importing its Python parser.

``import regex`` loads the pattern parser written in Python (``regex._regex_core``)
and the module around it: about a tenth of a one-file run. A run whose patterns
are all built from kept opcodes (``newslint.regexcache``) needs none of it, only
regex's C module, which ``c_module()`` loads on its own. This module gives the
rest of what newslint's modules take from ``regex`` on that path: the flags (as
plain ints, regex's own values) and ``escape``. Anything else asked of it
(``rx.error``, ``rx.search``, ``rx.Pattern``...) imports ``regex`` then and is
``regex``'s own; so does a pattern not kept yet, through ``regexcache``.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from regex import Match as Match
    from regex import Pattern as Pattern
    from regex import error as error
    from regex import fullmatch as fullmatch
    from regex import search as search
    from regex import sub as sub

# regex's flags (its RegexFlag values; tests/test_rx.py holds them to regex's own).
ASCII = A = 0x80
IGNORECASE = I = 0x2  # noqa: E741 - regex's name
LOCALE = L = 0x4
MULTILINE = M = 0x8
DOTALL = S = 0x10
UNICODE = U = 0x20
VERBOSE = X = 0x40
VERSION0 = V0 = 0x2000
VERSION1 = V1 = 0x100
WORD = W = 0x800
FULLCASE = F = 0x4000
# What a pattern without V0 or V1 compiles as, unless a program changes
# ``regex.DEFAULT_VERSION`` (see ``default_version``).
PACKAGE_DEFAULT_VERSION = VERSION0

# The characters ``regex.escape`` puts a backslash before (besides white space).
_SPECIAL = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(text: str) -> str:
    """``regex.escape(text)``: each special character and each white space after a backslash."""
    return "".join(f"\\{c}" if c in _SPECIAL or c.isspace() else c for c in text)


def default_version() -> int:
    """``regex.DEFAULT_VERSION`` as an int, without importing regex when it is not imported yet
    (it is then the package's default)."""
    main = sys.modules.get("regex._main")
    version = getattr(main, "DEFAULT_VERSION", None)
    return PACKAGE_DEFAULT_VERSION if version is None else int(version)


def __getattr__(name: str) -> Any:
    """Whatever else is asked for is ``regex``'s (imported now if need be)."""
    if name.startswith("__"):
        raise AttributeError(name)
    import regex

    return getattr(regex, name)


def package_dir() -> str | None:
    """The folder ``regex`` is installed in (without importing it), or None when it is not
    a folder of files (a zip, a frozen application)."""
    module = sys.modules.get("regex")
    if module is not None:
        found = getattr(module, "__path__", None)
    else:
        from importlib.util import find_spec

        try:
            spec = find_spec("regex")
        except (ImportError, ValueError):
            return None
        found = spec.submodule_search_locations if spec is not None else None
    folder = next(iter(found), None) if found else None
    return folder if isinstance(folder, str) and os.path.isdir(folder) else None


def c_module() -> Any:
    """regex's C module (``regex._regex``): the one already loaded, else loaded on its own.
    ``import regex`` later finds and uses this same module."""
    module = sys.modules.get("regex._regex")
    if module is None:
        module = _load_c_module()
    if module is None:
        from regex import _regex as module
    return module


def _load_c_module() -> Any:
    import importlib.machinery
    import importlib.util

    folder = package_dir()
    if folder is None:
        return None
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, "_regex" + suffix)
        if not os.path.isfile(path):
            continue
        spec = importlib.util.spec_from_file_location("regex._regex", path)
        if spec is None or spec.loader is None:
            return None
        try:
            module = importlib.util.module_from_spec(spec)
            sys.modules["regex._regex"] = module
            spec.loader.exec_module(module)
        except Exception:  # noqa: BLE001 - then through ``import regex``, as before
            sys.modules.pop("regex._regex", None)
            return None
        return module
    return None

"""Compiled ``regex`` patterns kept between runs.

``regex`` parses a pattern in Python, then builds the matcher in C from a list
of opcodes. The parse is most of a one-file run's regex cost, and gives the
same opcodes every time: ``compile()`` here keeps them, per pattern and flags,
in one file under the user cache folder (see ``newslint.rulecache``), keyed on
the ``regex`` and Python versions, and builds later runs' matchers straight
from them. A pattern not kept yet, or anything unexpected (another ``regex``
release, a corrupt file), goes through ``regex.compile`` as usual. Timeouts
are a matching argument, not part of the compiled pattern: they are unchanged.

A run that builds every pattern from kept opcodes does not import ``regex``
itself, only its C module (see ``newslint.rx``): the file of kept opcodes is
named by the installed ``regex``'s files (their sizes and times), not by its
``__version__``, which only importing it would tell.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import marshal
import os
import struct
import sys
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from newslint import rx

if TYPE_CHECKING:
    import regex

_lock = threading.Lock()
_local = threading.local()
_state: dict[str, Any] = {}
_MAX_BUILT = 2000
# The kept opcodes' index is read at every start: past this size, the patterns no run has
# used lately make room (a rule edited many times leaves each old version behind).
MAX_KEPT_BYTES = 2_000_000


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - regex's name
    """``regex.compile(pattern, flags)``, built from kept opcodes when this pattern has been
    compiled by an earlier run."""
    key = (pattern, int(flags))
    # Like regex.compile, the same pattern and flags give the same object within a process.
    built: dict[tuple[str, int], regex.Pattern[str]] = _state.setdefault("built", {})
    compiled = built.get(key)
    _state.setdefault("used", {}).setdefault(key, None)  # (in the order first used)
    if compiled is None:
        compiled = _build(key)
        if len(built) >= _MAX_BUILT:
            built.clear()
        built[key] = compiled
    return compiled


def for_one_line(compiled: regex.Pattern[str], source: str, flags: int) -> regex.Pattern[str]:
    """``compiled`` (``source`` compiled with ``flags``) for a text without a line feed: the
    same without MULTILINE, which changes nothing there (its "^" and "$" match only next to
    a line feed besides the text's ends, unless the WORD flag makes other characters end
    lines too). But ``regex`` tries a multi-line "^" at every character of a text, a plain
    one at its start only: a line rule's search of a 500-character paragraph took 18
    microseconds instead of half of one. ``compiled`` itself when nothing is gained."""
    if not compiled.flags & rx.MULTILINE or compiled.flags & rx.WORD or _WORD_FLAG.search(source):
        return compiled
    single = compile(source, flags & ~rx.MULTILINE)
    return compiled if single.flags & rx.MULTILINE else single  # (an inline "(?m)")


def one_line(source: str, flags: int) -> regex.Pattern[str]:
    """``for_one_line(compile(source, flags), source, flags)``, without building the
    multi-line pattern when it is not the answer (a rule's one-line texts need only this)."""
    if not flags & rx.MULTILINE or flags & rx.WORD or _WORD_FLAG.search(source):
        return compile(source, flags)
    single = compile(source, flags & ~rx.MULTILINE)
    # An inline "(?m)" or WORD flag: the multi-line pattern, as for_one_line finds.
    return compile(source, flags) if single.flags & (rx.MULTILINE | rx.WORD) else single


def built_mark() -> int:
    """A mark of the patterns built so far in this process (see ``forget_built_since``)."""
    return len(_state.get("built", ()))


def forget_built_since(mark: int) -> None:
    """Let go of the patterns built since ``built_mark`` gave ``mark`` (built again, from
    their kept opcodes, when compiled again)."""
    built: dict[tuple[str, int], regex.Pattern[str]] | None = _state.get("built")
    if built is not None and len(built) > mark:
        for key in list(itertools.islice(built, mark, None)):
            built.pop(key, None)


def _build(key: tuple[str, int]) -> regex.Pattern[str]:
    kept = _kept(key)
    if kept is not None:
        try:
            compiled: regex.Pattern[str] = rx.c_module().compile(*marshal.loads(kept))
            return compiled
        except Exception:  # noqa: BLE001 - anything odd: compile the ordinary way
            pass
    return _compile_and_keep(key)


def _compile_and_keep(key: tuple[str, int]) -> regex.Pattern[str]:
    import regex

    recorder = _recorder()
    _local.args = None
    compiled = regex.compile(key[0], key[1], cache_pattern=False) if recorder else regex.compile(*key)
    args, _local.args = _local.args, None
    # (kept only under the default version the file is named by: a program may change it)
    same_default = rx.default_version() == _state.get("default_version", rx.default_version())
    if recorder and args is not None and not compiled.flags & rx.LOCALE and same_default:
        # The flags come as regex's IntFlag, which marshal cannot write: keep plain ints.
        # Each entry is read only when its pattern is compiled: kept as its own marshal bytes.
        kept = marshal.dumps(tuple(int(a) if isinstance(a, int) else a for a in args))
        with _lock:
            _table()[key] = kept
            if not _state.get("dirty"):
                _state["dirty"] = True
                atexit.register(_save)
    return compiled


class _Recorder:
    """Stands in for regex's C module inside ``regex._main``: passes every call through,
    and notes the arguments of the compile this thread asked for."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        _local.args = args
        return self._real.compile(*args)

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        # regex pickles a pattern as a call of its C module's compile, which is this
        # recorder's once installed: unpickled as the C module itself (the recorder holds
        # a module, which pickle refuses, and no pattern could be pickled).
        return rx.c_module, ()


def _recorder() -> bool:
    """Install the recorder once; False when this ``regex`` is not laid out as expected."""
    with _lock:
        if "recorder" not in _state:
            main = sys.modules.get("regex._main")
            ok = main is not None and hasattr(getattr(main, "_regex", None), "compile")
            if ok and not isinstance(main._regex, _Recorder):  # type: ignore[union-attr]
                main._regex = _Recorder(main._regex)  # type: ignore[union-attr]
            _state["recorder"] = ok
        return bool(_state["recorder"])


def _path() -> str | None:
    from newslint.rulecache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    default = _state.setdefault("default_version", rx.default_version())
    return os.path.join(folder, f"regex-{installed()}-{default}-{FILE_FORMAT}.marshal")


# The files of ``regex`` its patterns' opcodes depend on: its parser and compiler (Python)
# and its matcher (C).
_REGEX_FILES = ("_regex_core.py", "_main.py")


def installed() -> str:
    """The installed ``regex`` and Python, named by the size and time of regex's files (a
    reinstall or an upgrade rewrites them); by ``regex.__version__`` where they are not files."""
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    folder = rx.package_dir()
    if folder is not None:
        with contextlib.suppress(OSError):
            names = sorted(n for n in os.listdir(folder) if n.startswith("_regex.")) + list(_REGEX_FILES)
            stats = [os.stat(os.path.join(folder, name)) for name in names]
            if len(names) > len(_REGEX_FILES):
                from newslint.rulecache import digest

                files = "\n".join(f"{n} {st.st_size} {st.st_mtime_ns}" for n, st in zip(names, stats, strict=True))
                return f"{python}-{digest(files.encode())}"
    import regex

    return f"{getattr(regex, '__version__', '?')}-{python}"


# The file: the length of its index (8 bytes), the index (marshal: each pattern and flags
# with where its opcodes are in what follows, and their length), then the opcodes. A run
# reads the index and, for each pattern it builds, that pattern's opcodes: the opcodes
# of every kept pattern, read whole, were 2 MB held through every run.
FILE_FORMAT = 2
_HEADER = struct.Struct("<Q")
Key = tuple[str, int]


def _table() -> dict[Key, bytes | tuple[int, int]]:
    """Each kept pattern's opcodes: the ones compiled in this run as bytes, the ones in
    the file as where they are in it (``_kept`` reads them; the file stays open)."""
    table: dict[Key, bytes | tuple[int, int]] | None = _state.get("table")
    if table is None:
        table = {}
        path = _path()
        if path is not None:
            with contextlib.suppress(OSError, ValueError, EOFError, TypeError, struct.error):
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
                try:
                    table = dict(_read_index(fd))
                except BaseException:
                    os.close(fd)
                    raise
                _state["fd"] = fd
        _state["table"] = table
    return table


def _read_index(fd: int) -> dict[Key, tuple[int, int]]:
    """The index of a kept-opcodes file, each entry's place as a position in the file."""
    (size,) = _HEADER.unpack(_read_at(fd, 0, _HEADER.size))
    if size > os.fstat(fd).st_size:
        raise ValueError("not an index")
    index = marshal.loads(_read_at(fd, _HEADER.size, size))
    if not isinstance(index, dict):
        raise ValueError("not an index")
    base = _HEADER.size + size
    return {key: (base + at, length) for key, (at, length) in index.items()}


def _read_at(fd: int, at: int, length: int) -> bytes:
    if hasattr(os, "pread"):  # (forked workers share the file's offset: no seek)
        return os.pread(fd, length, at)
    with _lock:
        os.lseek(fd, at, os.SEEK_SET)
        return os.read(fd, length)


def _kept(key: Key) -> bytes | None:
    """The kept opcodes of ``key``, or None. An entry read from the file names its own key,
    and is used only when that is ``key``."""
    place = _table().get(key)
    if place is None or isinstance(place, bytes):
        return place
    fd = _state.get("fd")
    if fd is None:
        return None
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return _entry(fd, key, place)
    return None


def _read_table(path: str) -> dict[Key, bytes]:
    """Every entry of a kept-opcodes file, with its opcodes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        index = _read_index(fd)
        return {key: kept for key, place in index.items() if (kept := _entry(fd, key, place)) is not None}
    finally:
        os.close(fd)


def _entry(fd: int, key: Key, place: tuple[int, int]) -> bytes | None:
    entry = marshal.loads(_read_at(fd, *place))
    ok = isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key and isinstance(entry[1], bytes)
    return entry[1] if ok else None


def _write_table(f: Any, table: dict[Key, bytes]) -> None:
    """``table`` in the kept-opcodes file's layout: its index, then each entry (its key and
    its opcodes, marshalled)."""
    entries = [marshal.dumps((key, kept)) for key, kept in table.items()]
    index, at = {}, 0
    for key, entry in zip(table, entries, strict=True):
        index[key] = (at, len(entry))
        at += len(entry)
    head = marshal.dumps(index)
    f.write(_HEADER.pack(len(head)))
    f.write(head)
    for entry in entries:
        f.write(entry)


def _bounded(
    table: dict[tuple[str, int], bytes], used: Mapping[tuple[str, int], object]
) -> dict[tuple[str, int], bytes]:
    """The table within MAX_KEPT_BYTES: the patterns this run did not use dropped first, the
    oldest first; then, if this run's alone are too many, those it used last. The first a
    run builds are its modules' own, which every run builds (``used`` is in the order of
    first use): dropped, the next one-file run would import regex's parser again."""
    ordered = {k: v for k, v in table.items() if k not in used}
    ordered.update((k, table[k]) for k in reversed(list(used)) if k in table)
    size = sum(len(v) + len(k[0]) for k, v in ordered.items())
    for key in list(ordered):
        if size <= MAX_KEPT_BYTES:
            break
        size -= len(ordered[key]) + len(key[0])
        del ordered[key]
    return ordered


def _save() -> None:
    """Write the kept opcodes, merged with what other runs kept meanwhile (rename: atomic)."""
    path = _path()
    if path is None:
        return
    with _lock:
        places = dict(_table())
    table: dict[Key, bytes] = {}
    for key in places:
        kept = _kept(key)
        if kept is not None:
            table[key] = kept
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError, struct.error):
        table = {**_read_table(path), **table}
    table = _bounded(table, _state.get("used", {}))
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temp, "wb") as f:
            _write_table(f, table)
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)


# An inline flag group that may turn on WORD, whose line ends include "\r" and others (at the
# end: built as every pattern is, by the functions above).
_WORD_FLAG = compile(r"\(\?[-a-zA-Z^]*w")

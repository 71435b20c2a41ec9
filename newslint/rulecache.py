"""A cache of parsed and validated rule files, so that a run need not parse,
validate and compile every pack at each start (most of a one-file run).

One cache entry per rule file, a JSON file under the user's cache folder
(``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, ``~/.cache/newslint``,
``~/Library/Caches/newslint`` or ``%LOCALAPPDATA%\\newslint``; an empty
``NEWSLINT_CACHE_DIR`` turns the cache off). An entry is used only when all of
these are what they were when it was written: the rule file's resolved path,
size, mtime_ns and content hash, and newslint itself (its version, the Python
and ``regex`` versions, and the size and mtime of every source file of the
package, so an edited check kind invalidates it). Anything else, including an
unreadable or corrupt entry, is a miss: the file is then parsed, validated and
compiled at load as without a cache, and its entry written anew. Entries are
written to a temporary file and renamed into place, so concurrent runs never
read half an entry. A rule loaded from the cache compiles its parameters the
first time a document needs it (see ``Rule.compiled``).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
# The Rule fields an entry stores; ``compiled`` is never stored (it is made again lazily).
_FIELDS = (
    "id",
    "check",
    "severity",
    "message",
    "pack",
    "source",
    "description",
    "languages",
    "scope",
    "params",
    "fix",
    "replacement",
    "examples_flag",
    "examples_pass",
)


def cache_dir() -> Path | None:
    """The folder cache entries live in, or None when caching is turned off."""
    configured = os.environ.get("NEWSLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(base) / "newslint"


def writable() -> bool:
    """Whether entries can be written (the folder exists or can be made, and is writable)."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        (folder / "rules").mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder / "rules", os.W_OK)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """What the validation depends on besides the rule file: newslint's code and versions."""
    import regex

    from newslint import __version__

    parts = [f"format {CACHE_FORMAT}", __version__, sys.version, str(getattr(regex, "__version__", ""))]
    for folder, _, names in sorted(os.walk(_PACKAGE)):
        for name in sorted(names):
            if name.endswith((".py", ".json")):
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                parts.append(f"{os.path.relpath(os.path.join(folder, name), _PACKAGE)} {st.st_size} {st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def file_key(path: Path, content: bytes) -> dict[str, Any]:
    """The rule file's identity: resolved path, size, mtime_ns and content hash."""
    st = path.stat()
    return {
        "path": str(path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "sha256": hashlib.sha256(content).hexdigest(),
        "code": code_fingerprint(),
    }


def _entry_path(folder: Path, key: Mapping[str, Any]) -> Path:
    name = hashlib.sha256(f"{key['path']}\n{key['code']}".encode()).hexdigest()[:40]
    return folder / "rules" / f"{name}.json"


def read(key: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The cached rule records of a file with this key; None on a miss or a bad entry."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_entry_path(folder, key), encoding="utf-8") as f:
            entry = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != dict(key):
        return None
    records = entry.get("rules")
    if not isinstance(records, list) or not all(isinstance(r, dict) and set(r) == set(_FIELDS) for r in records):
        return None
    return records


def write(key: Mapping[str, Any], records: list[dict[str, Any]]) -> None:
    """Store a file's validated rule records; quietly nothing when the cache cannot hold them."""
    folder = cache_dir()
    if folder is None:
        return
    entry = {"key": dict(key), "rules": records}
    try:
        text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return  # a value JSON cannot hold: this file is loaded in full every time
    if json.loads(text) != entry:
        return  # JSON would change a value (a date, a number key): not cached
    target = _entry_path(folder, key)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temp, target)  # atomic: a concurrent reader sees the old entry or this one
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def to_record(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's stored fields as JSON values."""
    record = {name: fields[name] for name in _FIELDS}
    record["languages"] = sorted(record["languages"]) if record["languages"] is not None else None
    record["params"] = dict(record["params"])
    record["examples_flag"] = list(record["examples_flag"])
    record["examples_pass"] = list(record["examples_pass"])
    return record


def from_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A stored record as the Rule fields it came from."""
    from types import MappingProxyType

    fields = dict(record)
    languages: Iterable[str] | None = fields["languages"]
    fields["languages"] = frozenset(languages) if languages is not None else None
    fields["params"] = MappingProxyType(dict(fields["params"]))
    fields["examples_flag"] = tuple(fields["examples_flag"])
    fields["examples_pass"] = tuple(fields["examples_pass"])
    return fields

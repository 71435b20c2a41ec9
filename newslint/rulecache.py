"""A cache of parsed and validated rule files, so that a run need not parse,
validate and compile every pack at each start (most of a one-file run).

One cache entry per rule file, a JSON file under the user's cache folder
(``$NEWSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newslint``, ``~/.cache/newslint``,
``~/Library/Caches/newslint`` or ``%LOCALAPPDATA%\\newslint``; an empty
``NEWSLINT_CACHE_DIR`` turns the cache off). An entry is used only when all of
these are what they were when it was written: the rule file's resolved path,
size, mtime_ns and content checksum, and newslint itself (its version, the Python
and ``regex`` versions, and the size and mtime of every source file of the
package, so an edited check kind invalidates it). Anything else, including an
unreadable or corrupt entry, is a miss: the file is then parsed, validated and
compiled at load as without a cache, and its entry written anew. Entries are
written to a temporary file and renamed into place, so concurrent runs never
read half an entry. A rule loaded from the cache compiles its parameters the
first time a document needs it (see ``Rule.compiled``).

A whole load (``load_rules``: the packs asked for, the user's rule folders and
every lexicon) is kept as one more entry, a snapshot, so that a run whose rules
and language data did not change reads one file instead of fifty. It is used
only when the load asked for the same things and every YAML file under the
shipped packs' folder and the user's folders is the one it was made from (the
same list of files, each with the same size, mtime_ns and content checksum),
and newslint is the same (as above); else the load goes file by file.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.lexicon import Lexicon

CACHE_FORMAT = 2
SNAPSHOT_FORMAT = 1
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
    from newslint import __version__, regexcache

    parts = [f"format {CACHE_FORMAT}", __version__, sys.version, regexcache.installed()]
    _source_files(str(_PACKAGE), "", parts)
    return digest("\n".join(parts).encode())


def _source_files(folder: str, prefix: str, parts: list[str]) -> None:
    """One line per .py/.json file under ``folder`` (path from the package, size, mtime_ns), in
    name order, each folder's files before its subfolders'. (Not os.walk and os.path.relpath:
    they cost as much as the rest of a snapshot's check.)"""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError:
        return
    subfolders = []
    for entry in entries:
        if entry.name.endswith((".py", ".json")):
            try:
                if not entry.is_dir():
                    st = entry.stat()
                    parts.append(f"{prefix}{entry.name} {st.st_size} {st.st_mtime_ns}")
            except OSError:
                continue
        elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
            subfolders.append(entry)
    for entry in subfolders:
        _source_files(entry.path, f"{prefix}{entry.name}/", parts)


def digest(data: bytes) -> str:
    """A 64-bit checksum of ``data`` (and its length), to tell changed contents apart.

    Not a cryptographic hash: an entry whose checksum matches is also checked for its
    file's path, size and mtime, and anyone who can write the cache can write the rules.
    (zlib's checksums, not hashlib's: loading OpenSSL costs more than a one-file run's lint.)
    """
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data)}"


def file_key(path: Path, content: bytes) -> dict[str, Any]:
    """The rule file's identity: resolved path, size, mtime_ns and content hash."""
    st = path.stat()
    return {
        "path": str(path.resolve()),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "checksum": digest(content),
        "code": code_fingerprint(),
    }


def _entry_path(folder: Path, key: Mapping[str, Any]) -> Path:
    name = digest(f"{key['path']}\n{key['code']}".encode())
    return folder / "rules" / f"{name}.json"


def read(key: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """The cached rule records of a file with this key; None on a miss or a bad entry."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(_entry_path(folder, key), encoding="utf-8") as f:
            entry = _json().load(f)
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
    _write_json(_entry_path(folder, key), {"key": dict(key), "rules": records})


def _plain(value: Any) -> Any:
    """A parameter's value with every mapping a plain dict (the YAML reader's mappings carry
    their line, and neither marshal nor a comparison after JSON would keep that)."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def to_record(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's stored fields as JSON values."""
    record = {name: fields[name] for name in _FIELDS}
    record["languages"] = sorted(record["languages"]) if record["languages"] is not None else None
    record["params"] = _plain(record["params"])
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


# --- the snapshot of a whole load -------------------------------------------------------------


def snapshot_key(roots: Iterable[Path], request: Iterable[str]) -> str | None:
    """What a load of the rules under ``roots`` depends on, as text; None when caching is off.

    ``request`` names what the load was asked for (packs, folders, validation). Every
    ``.yaml``/``.yml`` file under the roots counts, whether the load reads it or not.
    """
    if cache_dir() is None:
        return None
    lines = [f"snapshot {SNAPSHOT_FORMAT}", code_fingerprint(), "request " + repr(list(request))]
    for root in roots:
        lines.append(f"root {root.resolve()}")
        lines.extend(_yaml_files(root))
    return "\n".join(lines)


def _yaml_files(root: Path) -> list[str]:
    """One line per YAML file under ``root`` (or ``root`` itself): path, size, mtime, checksum."""
    if not root.exists():
        return [f"{root} missing"]
    if root.is_file():
        found = [str(root)]
    else:
        found = sorted(
            os.path.join(folder, name)
            for folder, _, names in os.walk(root, followlinks=True)
            for name in names
            if name.endswith((".yaml", ".yml"))
        )
    lines = []
    for path in found:
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                checksum = digest(f.read())
        except OSError:
            lines.append(f"{path} unreadable")
            continue
        lines.append(f"{path} {st.st_size} {st.st_mtime_ns} {checksum}")
    return lines


def _snapshot_path(folder: Path, key: str) -> Path:
    # Named by what was asked for and where (not by the files' state or newslint's code):
    # a later state of the same load replaces the entry instead of adding one.
    lines = key.splitlines()
    identity = "\n".join(lines[2:3] + [line for line in lines if line.startswith("root ")])
    return folder / "rules" / f"load-{digest(identity.encode())}.marshal"


def read_snapshot(key: str | None) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    """The rule records and lexicon data of a load with this key; None on a miss or a bad entry."""
    folder = cache_dir()
    if key is None or folder is None:
        return None
    try:
        with open(_snapshot_path(folder, key), "rb") as f:
            # loads(read()), not load(f): marshal.load calls the file's readinto once per
            # object, about five times the cost of decoding the bytes read at once.
            entry = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    records, lexicon = entry.get("rules"), entry.get("lexicon")
    if not isinstance(records, list) or not all(isinstance(r, dict) and set(r) == set(_FIELDS) for r in records):
        return None
    if not isinstance(lexicon, dict) or set(lexicon) != {"function_words", "abbreviations", "markers"}:
        return None
    return records, lexicon


def write_snapshot(key: str | None, records: list[dict[str, Any]], lexicon: dict[str, Any]) -> None:
    """Keep a load's rule records and lexicon data; quietly nothing when the cache cannot."""
    folder = cache_dir()
    if key is None or folder is None:
        return
    entry = {"key": key, "rules": records, "lexicon": lexicon}
    try:
        data = marshal.dumps(entry)
    except ValueError:
        return  # a value marshal cannot hold (a date in a rule's parameters): not kept
    if marshal.loads(data) != entry:
        return
    write_atomic(_snapshot_path(folder, key), data)


def _json() -> Any:
    import json  # here: a run that finds its snapshot needs no JSON

    return json


def _write_json(target: Path, entry: dict[str, Any]) -> None:
    json = _json()
    try:
        text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return  # a value JSON cannot hold: loaded in full every time
    if json.loads(text) != entry:
        return  # JSON would change a value (a date, a number key): not cached
    write_atomic(target, text.encode("utf-8"))


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file and a rename; quietly nothing on failure."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as f:
            f.write(data)
        os.replace(temp, target)  # atomic: a concurrent reader sees the old entry or this one
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def lexicon_to_data(lexicon: Lexicon) -> dict[str, Any]:
    """A lexicon as JSON values (its marker patterns as their source and flags)."""
    return {
        # Mappings as lists of pairs: JSON objects would lose their order (sort_keys).
        "function_words": [[lang, sorted(words)] for lang, words in lexicon.function_words.items()],
        "abbreviations": sorted(lexicon.abbreviations),
        "markers": [
            {
                "language": m.language,
                "against": m.against,
                "words": list(map(list, m.words.items())),
                "pairs": [[a, b, w] for (a, b), w in m.pairs.items()],
                "patterns": [[p.pattern, int(p.flags), w] for p, w in m.patterns],
            }
            for m in lexicon.markers
        ],
    }


def lexicon_from_data(data: Mapping[str, Any]) -> Lexicon:
    """The lexicon ``lexicon_to_data`` stored."""
    from types import MappingProxyType

    from newslint import regexcache
    from newslint.lexicon import Lexicon, Markers

    markers = tuple(
        Markers(
            m["language"],
            m["against"],
            MappingProxyType({word: weight for word, weight in m["words"]}),
            MappingProxyType({(a, b): w for a, b, w in m["pairs"]}),
            tuple((regexcache.compile(source, flags), w) for source, flags, w in m["patterns"]),
        )
        for m in data["markers"]
    )
    return Lexicon(
        MappingProxyType({lang: frozenset(words) for lang, words in data["function_words"]}),
        frozenset(data["abbreviations"]),
        markers,
    )

"""Expand the paths a user names into the files to lint."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newslint.errors import InputError
from newslint.readers import DEFAULT_PATTERNS

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"})


def _matches(path: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def collect(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Iterator[str]:
    """Files named directly (always linted unless excluded), and matching files under folders."""
    include = tuple(include) or DEFAULT_PATTERNS
    exclude = tuple(exclude)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, include, exclude)
        elif path.exists() or path.is_symlink():
            if not _matches(raw, exclude):
                yield raw
        else:
            raise InputError(f"{raw}: no such file or folder")


def unmatched(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> dict[str, int]:
    """Files under the named folders that no pattern takes (and none excludes), counted by suffix."""
    include = tuple(include) or DEFAULT_PATTERNS
    exclude = tuple(exclude)
    counts: dict[str, int] = {}
    for raw in paths:
        if raw == "-" or not os.path.isdir(raw):
            continue
        for full in _files(Path(raw), exclude):
            if not _matches(full, include):
                suffix = os.path.splitext(full)[1].lower() or "(no suffix)"
                counts[suffix] = counts.get(suffix, 0) + 1
    return counts


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[str]:
    return (full for full in _files(root, exclude) if _matches(full, include))


def _files(root: Path, exclude: tuple[str, ...]) -> Iterator[str]:
    """Every file under ``root`` in name order, outside skipped and excluded folders, not excluded itself."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not _matches(os.path.join(folder, d), exclude))
        for name in sorted(names):
            full = os.path.join(folder, name)
            if not _matches(full, exclude):
                yield full

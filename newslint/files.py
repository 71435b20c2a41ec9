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
        try:
            folder, there = path.is_dir(), path.exists() or path.is_symlink()
        except OSError:  # not even looked at (no permission on a folder above it): reading it says why
            folder, there = False, True
        if folder:
            yield from _walk(path, include, exclude)
        elif there:
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
    """Matching files under ``root``, and each folder that could not be searched: linting
    that path reports why (``input/unreadable``), so no draft under it slips past unread."""
    return (full for full, searched in _entries(root, exclude) if not searched or _matches(full, include))


def _files(root: Path, exclude: tuple[str, ...]) -> Iterator[str]:
    """Every file under ``root`` in name order, outside skipped and excluded folders, not excluded itself."""
    return (full for full, searched in _entries(root, exclude) if searched)


def _entries(root: Path, exclude: tuple[str, ...]) -> Iterator[tuple[str, bool]]:
    """(path, True) for every file under ``root`` as ``_files`` lists them, and (folder,
    False) for a folder that could not be listed (no permission, removed meanwhile).
    Folders reached through a symlink are not followed (so a link loop is never walked):
    name them to lint them."""
    failed: list[str] = []

    def unlisted(error: OSError) -> None:
        failed.append(error.filename if isinstance(error.filename, str) else str(root))

    for folder, dirs, names in os.walk(root, onerror=unlisted):
        yield from ((f, False) for f in failed)
        failed.clear()
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not _matches(os.path.join(folder, d), exclude))
        for name in sorted(names):
            full = os.path.join(folder, name)
            if not _matches(full, exclude):
                yield full, True
    yield from ((f, False) for f in failed)

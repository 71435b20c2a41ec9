"""Apply the safe fixes rules mark on their findings, and write files atomically.

A fix replaces a source span (usually with nothing). Fixes that overlap an
earlier one are skipped and picked up by the next pass, which re-lints the
fixed text; passes repeat until nothing is left to fix. Files are written
through a temporary file in the same folder, fsynced and renamed over the
original with its mode kept, so a crash never leaves a partial draft. Only
formats whose source is the file itself (text, Markdown, HTML) are fixed, and
only when they are valid UTF-8, so the bytes outside the fixed spans stay
exactly as they were.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newslint.budget import Lost, shielded
from newslint.engine import (
    Options,
    display_name,
    internal_error,
    lint_bytes,
    lint_document,
    read_input,
    timed_out,
    worker_lost,
)
from newslint.errors import FileChangedError, FileTimeout
from newslint.finding import FileResult, Fix
from newslint.readers import format_for, read_string, source
from newslint.rules import RuleSet

FIXABLE_FORMATS = frozenset({"text", "markdown", "html"})
MAX_PASSES = 10
_BOM = b"\xef\xbb\xbf"


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, tuple[Fix, ...]]:
    """Apply each fix not overlapping an earlier one; return the text and the fixes applied."""
    pieces: list[str] = []
    applied: list[Fix] = []
    cursor = 0
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end, f.replacement)):
        if fix.start < cursor or fix.end < fix.start or fix.end > len(text):
            continue
        pieces += [text[cursor : fix.start], fix.replacement]
        applied.append(fix)
        cursor = fix.end
    pieces.append(text[cursor:])
    return "".join(pieces), tuple(applied)


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What fixing one file did, worked out where the file was linted (a worker process).

    ``results`` are what to report: the findings that remain after writing the
    fixes, or, when nothing is written (``--diff``, a failed write), the findings
    of the file as it is.
    """

    path: str
    results: tuple[FileResult, ...]
    applied: int = 0
    changed: bool = False
    diff: str = ""  # --diff: the unified diff of what the fixes change
    problem: str = ""  # why the file could not be fixed (it is then reported unfixed)
    output: bytes | None = None  # standard input with --fix: the bytes to print (never lost)


def fixable_format(path: str, options: Options) -> bool:
    return (options.format or format_for(path)) in FIXABLE_FORMATS


def fix_text(
    text: str, path: str, ruleset: RuleSet, options: Options, linted: Sequence[FileResult] | None = None
) -> tuple[str, int, tuple[FileResult, ...]]:
    """Lint, fix and re-lint until no fix applies; return the text, fix count and final results.

    ``linted`` are the findings of ``text`` when they are known already (the first pass).
    """
    applied_total = 0
    results = tuple(linted) if linted is not None else _lint(text, path, ruleset, options)
    for _ in range(MAX_PASSES):
        fixes = [f.fix for r in results for f in r.findings if f.fix is not None]
        if not fixes:
            return text, applied_total, results
        text, applied = apply_fixes(text, fixes)
        applied_total += len(applied)
        results = _lint(text, path, ruleset, options)
    return text, applied_total, results


def _lint(text: str, path: str, ruleset: RuleSet, options: Options) -> tuple[FileResult, ...]:
    docs = read_string(text, path, options.format)
    return tuple(lint_document(doc, ruleset, options) for doc in docs)


def encode_like(original: bytes, text: str) -> bytes:
    """UTF-8 bytes of ``text``, keeping the original's byte-order mark."""
    return (_BOM if original.startswith(_BOM) else b"") + text.encode("utf-8")


def fix_path(path: str, ruleset: RuleSet, options: Options, write: bool) -> FixOutcome:
    """Lint one file (``-``: standard input) and fix it: in place when ``write``, else as a diff.

    A file with no fixable finding is linted once and never touched.
    """
    options = options.for_path(path)
    data = read_input(path, options)
    if isinstance(data, FileResult):
        return FixOutcome(path, (data,))
    try:
        return _fix_data(path, data, ruleset, options, write)
    except FileTimeout:
        if path != "-" or not write:
            raise
        # standard input is printed back unfixed, never lost
        return FixOutcome(path, (timed_out(path, options.timeout),), problem=TIMED_OUT, output=data)


def _fix_data(path: str, data: bytes, ruleset: RuleSet, options: Options, write: bool) -> FixOutcome:
    stdin = path == "-" and write
    linted = tuple(lint_bytes(data, path, ruleset, options))
    if not any(f.fix for r in linted for f in r.findings):
        return FixOutcome(path, linted, output=data if stdin else None)
    text, problem = _fixable_text(data, path, options)
    if text is None:
        return FixOutcome(path, linted, problem=problem, output=data if stdin else None)
    name = display_name(path)
    try:
        after, applied, final = fix_text(text, name, ruleset, options, linted)
    except Exception as e:  # one file's crash must not end the run (as in lint_bytes)
        return FixOutcome(
            path, (internal_error(path, e),), problem="not fixed: newslint crashed", output=data if stdin else None
        )
    changed = after != text
    if not write:
        return FixOutcome(path, linted, applied, changed, diff=unified_diff(name, text, after))
    if stdin:
        return FixOutcome(path, final, applied, changed, output=encode_like(data, after))
    if changed:
        try:
            with shielded():  # a write the time budget catches is let finish, never cut short
                write_atomic(path, encode_like(data, after), expected=data)
        except (OSError, FileChangedError) as e:
            return FixOutcome(path, linted, problem=f"not fixed: could not write the file ({e})")
    return FixOutcome(path, final, applied, changed)


TIMED_OUT = "not fixed: it ran past --timeout"


def lost_fix(seconds: float) -> Lost[FixOutcome]:
    """What a file whose fix ran past the budget, or whose worker died, reports: not fixed.
    A worker killed while it wrote the fix leaves the file as it was (the rename never
    happened) and, at most, its temporary file, which is removed here."""

    def timed_out_fix(path: str) -> FixOutcome:
        _remove_temporary(path)
        return FixOutcome(path, (timed_out(path, seconds),), problem=TIMED_OUT)

    def crashed_fix(path: str, why: str) -> FixOutcome:
        _remove_temporary(path)
        return FixOutcome(path, (worker_lost(path, why),), problem="not fixed: newslint crashed")

    return Lost(timed_out=timed_out_fix, crashed=crashed_fix)


def _remove_temporary(path: str) -> None:
    """Remove what ``write_atomic`` of ``path`` left when its process was killed."""
    if path == "-":
        return
    import glob

    target = os.path.realpath(path)
    pattern = os.path.join(glob.escape(os.path.dirname(target)), f".{glob.escape(os.path.basename(target))}.*.tmp")
    for leftover in glob.glob(pattern):
        with contextlib.suppress(OSError):
            os.unlink(leftover)


def _fixable_text(data: bytes, path: str, options: Options) -> tuple[str | None, str]:
    """The text to fix, or None and why the file is not fixed in place."""
    if not fixable_format(display_name(path), options):
        fmt = options.format or format_for(path)
        return None, f"not fixed: {fmt} files are not fixed in place"
    decoded = source.decode(data, options.max_bytes)
    if decoded.text is None or any(n.rule == "input/encoding" for n in decoded.notices):
        return None, "not fixed: the file is not valid UTF-8 text"
    return decoded.text, ""


def write_atomic(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path``'s content with ``data`` via a synced temp file in the same folder."""
    target = os.path.realpath(path)  # write through a symlink, do not replace the link
    folder = os.path.dirname(target)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        if expected is not None and _read(target) != expected:
            raise FileChangedError("it changed on disk while newslint was fixing it")
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff that ``patch -p1`` and ``git apply`` accept."""
    relative = not os.path.isabs(path) and not path.startswith("<")
    old, new = (f"a/{path}", f"b/{path}") if relative else (path, path)
    lines = difflib.unified_diff(_lines(before), _lines(after), old, new)
    return "".join(lines)


def _lines(text: str) -> Sequence[str]:
    # split at \n only: str.splitlines would also split at \r, \x0c and U+2028, as patch does not
    lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines

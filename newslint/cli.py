"""The command line: parse options, call the engine, pick a formatter, set the exit code."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from newslint import __version__
from newslint.budget import DEFAULT_TIMEOUT
from newslint.config import Config, load_config
from newslint.engine import (
    Options,
    display_name,
    lint_bytes,
    lint_paths,
    read_input,
    severity_at_least,
    timed_out,
    warm,
)
from newslint.errors import NewslintError
from newslint.files import collect
from newslint.finding import WORST_FIRST, FileResult
from newslint.options import build_options
from newslint.readers import COLLECTIONS, FORMATS, format_for
from newslint.report import FORMATS as REPORT_FORMATS
from newslint.report import formatter as report_formatter
from newslint.rules import RuleSet, load_rules
from newslint.selection import INTERNAL_ERROR

if TYPE_CHECKING:  # imported where used: a one-file run needs none of them
    from newslint.baseline import Baseline
    from newslint.fix import FixOutcome
    from newslint.report import Formatter

PROGRESS_MIN_FILES = 20
INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _jobs(value: int) -> int:
    if value < 0:
        raise click.BadParameter(
            f"{value} is not a number of workers: give 0 (newslint chooses) or a positive number", param_hint="'--jobs'"
        )
    return value


def _given(ctx: click.Context, name: str) -> bool:
    """Whether the option was given (on the command line or by its environment variable)."""
    return ctx.get_parameter_source(name) in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


# Defined in newslint.commands, loaded when one of them is asked for: a check run, the
# pre-commit case, does not build their thirty-odd options.
_ELSEWHERE = ("audit", "config", "learn", "rules", "serve", "test-rules")


def _never_fail_to_print() -> None:
    """A file name that is not UTF-8 (kept by Python as lone surrogates) is printed as its
    escape (``bad\\udcffname.txt``, which JSON reads back as the same name) instead of
    ending the run with a traceback on a UTF-8 terminal or pipe."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) in ("strict", "surrogateescape"):
            with contextlib.suppress(Exception):
                reconfigure(errors="backslashreplace")


class _Commands(click.Group):
    """newslint's commands; Ctrl-C ends any of them with exit code 130, without a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _ELSEWHERE and cmd_name not in self.commands:
            import newslint.commands  # noqa: F401 - defines them on this group
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        _never_fail_to_print()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # A second Ctrl-C while the workers stop must not break the exit with a traceback.
            import signal  # (here: a run that is not interrupted does without)

            with contextlib.suppress(ValueError):  # only the main thread may set handlers
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            click.echo("newslint: interrupted", err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None


# The --rules option of `check` and of the commands in newslint.commands.
rules_option = click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True),
    help="Extra folder or file of YAML rules (repeatable).",
)


def timeout_option(what: str) -> Any:
    """The --timeout option of a command that reads files: one default for every door."""
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        metavar="SECONDS",
        help=f"{what} (0: no limit; config: timeout).",
    )


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: catch scraper, CMS and ad-widget junk in news drafts before they go out.

    Run `newslint check DRAFTS...` to lint files or folders of drafts.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read this config file instead of looking for newslint.yaml, .newslint.yaml "
    "or pyproject.toml [tool.newslint] from the linted paths upward.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rule ids, category prefixes or 'all' (comma-separated, "
    "repeatable; the longest matching prefix of --select/--ignore wins).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rule ids, category prefixes or 'all' (comma-separated, repeatable).",
)
@click.option(
    "--fail-on",
    type=click.Choice(WORST_FIRST),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "--language", metavar="CODE", help="Treat every draft as this language (e.g. id, en) instead of detecting it."
)
@click.option(
    "--allow-language",
    multiple=True,
    metavar="CODES",
    help="Languages drafts may be in; others get language/unexpected (comma-separated).",
)
@rules_option
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="File name patterns to lint inside folders (default: *.txt *.md *.markdown "
    "*.html *.htm; CMS exports: *.json *.jsonl *.ndjson *.xml).",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder patterns to skip.")
@click.option(
    "--input-format",
    type=click.Choice(sorted([*FORMATS, *COLLECTIONS])),
    help="Read every file as this format instead of going by extension.",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The file name standard input (-) stands for: it picks the reader (e.g. draft.html "
    "reads HTML), the config and per-path ignores, and is the path in findings.",
)
@click.option(
    "--jobs",
    "-j",
    type=int,
    default=0,
    metavar="N",
    callback=lambda ctx, param, value: _jobs(value),
    help="Files linted in parallel, at most one worker per CPU this process may use (a larger N "
    "is capped to them); default 0: as many workers as the input's size repays.",
)
@timeout_option(
    "Time one file may take; a file that runs past it is stopped and becomes an "
    "input/timeout error, and the other files are still linted"
)
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes in place (text, Markdown, HTML), then report what remains. "
    "With -, print the fixed text and report on stderr.",
)
@click.option(
    "--diff", is_flag=True, help="Print what --fix would change as a unified diff (report on stderr); write nothing."
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings that this baseline file does not already record.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record the current findings in the --baseline file instead of reporting them.",
)
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    config_file: str | None,
    output_format: str,
    language: str | None,
    input_format: str | None,
    jobs: int,
    color: bool | None,
    fix: bool,
    diff: bool,
    baseline: str | None,
    update_baseline: bool,
    stdin_filename: str | None,
    **flags: Any,
) -> None:
    """Lint drafts: files, folders (searched recursively) or - for standard input.

    Settings come from a config file found from the linted paths upward;
    flags given here replace the file's value of the same key and win over
    its other keys (--ignore X beats the file's select: [X]).

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 something is,
                2 usage, config or rule error, folders holding files but
                  no draft, or a file crashed the linter,
                130 interrupted (Ctrl-C).
    """
    if update_baseline and not baseline:
        raise NewslintError("--update-baseline needs --baseline FILE")
    named = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
    config = _effective_config(ctx, named, config_file)
    ruleset = load_rules(extra_dirs=config.rules, packs=config.packs)
    options = build_options(
        config, (r.id for r in ruleset), language=language, format=input_format, jobs=jobs, timeout=config.timeout
    )
    files = list(collect(paths, include=config.include, exclude=config.exclude))
    if not files:
        _nothing_read(paths, config.include, config.exclude)
    stdin_named = None
    if stdin_filename and "-" in files:
        if fix or diff:  # fixed as standard input, read with the reader NAME picks
            if files == ["-"]:
                options = dataclasses.replace(options, format=options.format or format_for(stdin_filename))
        else:
            files.remove("-")
            stdin_named = _NamedStdin(stdin_filename, ruleset, options)
    known = None
    if baseline and not update_baseline:
        from newslint.baseline import load_baseline

        known = load_baseline(baseline)
    # stdout carries the diff or the fixed standard input: the report moves to stderr
    out = sys.stderr if diff or (fix and "-" in files) else sys.stdout
    use_color = out.isatty() if color is None else color
    fixes = _Fixes(write=not diff) if fix or diff else None
    results = _results(files, ruleset, options, fixes, known)
    if stdin_named is not None:
        results = stdin_named.after(results, known)
    if update_baseline:
        sys.exit(_record(str(baseline), results))
    formatter = report_formatter(output_format)(out, use_color, rules=ruleset)
    sys.exit(_report(formatter, results, config.fail_on, fixes))


def _nothing_read(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> None:
    """No draft under the named folders: an error when files were there but none was a draft."""
    from newslint.files import unmatched
    from newslint.readers import DEFAULT_PATTERNS

    where = ", ".join(paths)
    skipped = unmatched(paths, include, exclude)
    patterns = ", ".join(include or DEFAULT_PATTERNS)
    if not skipped:
        click.echo(f"newslint: no drafts in {where}: no files there", err=True)
        return
    kinds = ", ".join(f"{n:,} {suffix}" for suffix, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    raise NewslintError(
        f"no drafts found in {where}: {sum(skipped.values()):,} files there were not read ({kinds}); "
        f"folders are searched for {patterns}. Name the files, or add patterns with --include "
        "(CMS exports: --include '*.json')"
    )


def _effective_config(ctx: click.Context, paths: Sequence[str], config_file: str | None) -> Config:
    """The config file's values, with the keys given as flags replaced by them (black's rule)."""
    config = load_config(paths, config_file)
    p = ctx.params
    return config.with_flags(
        {
            "select": _split(p["select"]) if _given(ctx, "select") else None,
            "ignore": _split(p["ignore"]) if _given(ctx, "ignore") else None,
            "fail_on": p["fail_on"] if _given(ctx, "fail_on") else None,
            "languages": _split(p["allow_language"]) if _given(ctx, "allow_language") else None,
            "rules": tuple(p["rules_dirs"]) if _given(ctx, "rules_dirs") else None,
            "include": tuple(p["include"]) if _given(ctx, "include") else None,
            "exclude": tuple(p["exclude"]) if _given(ctx, "exclude") else None,
            "timeout": p["timeout"] if _given(ctx, "timeout") else None,
        }
    )


def _results(
    files: list[str], ruleset: RuleSet, options: Options, fixes: _Fixes | None, known: Baseline | None
) -> Iterator[FileResult]:
    """Lint (and fix, in the worker that lints) every file; drop what the baseline knows."""
    with _progress(len(files)) as advance:
        if fixes is None:
            linted: Iterable[FileResult] = lint_paths(files, ruleset, options, progress=advance, own_process=True)
        else:
            from newslint.fix import fix_path, lost_fix
            from newslint.workers import map_paths

            task = functools.partial(fix_path, ruleset=ruleset, options=options, write=fixes.write)
            outcomes = map_paths(
                task,
                files,
                options.jobs,
                progress=advance,
                warm=functools.partial(warm, ruleset, options),
                timeout=options.timeout,
                lost=lost_fix(options.timeout),
                own_process=True,
            )
            linted = (r for outcome in outcomes for r in fixes.show(outcome))
        for result in linted:
            yield known.new_findings(result) if known else result


def _report(formatter: Formatter, results: Iterable[FileResult], fail_on: str, fixes: _Fixes | None) -> int:
    """Format every result; the exit code for what was reported."""
    failed = crashed = False
    formatter.start()
    for result in results:
        formatter.file(result)
        failed = failed or any(severity_at_least(f, fail_on) for f in result.findings)
        crashed = crashed or any(f.rule == INTERNAL_ERROR for f in result.findings)
    formatter.finish()
    if fixes is not None:
        fixes.summary()
    return 2 if crashed else 1 if failed else 0


class _NamedStdin:
    """--stdin-filename: standard input read, configured and reported as the file NAME."""

    def __init__(self, name: str, ruleset: RuleSet, options: Options) -> None:
        options = options.for_path(name)
        self.name, self.ruleset = name, ruleset
        self.options = dataclasses.replace(options, format=options.format or format_for(name))

    def after(self, results: Iterable[FileResult], known: Baseline | None) -> Iterator[FileResult]:
        yield from results
        data = read_input("-", self.options)
        if isinstance(data, FileResult):
            findings = tuple(dataclasses.replace(f, path=self.name) for f in data.findings)
            named = [dataclasses.replace(data, path=self.name, findings=findings)]
        else:  # within the budget, as every other file of the run
            from newslint.budget import run_within

            budget = self.options.timeout
            named = run_within(
                lambda name: lint_bytes(data, name, self.ruleset, self.options),
                self.name,
                budget,
                lambda name: [timed_out(name, budget)],
                own_process=True,
            )
        for result in named:
            yield known.new_findings(result) if known else result


def _record(path: str, results: Iterable[FileResult]) -> int:
    """--update-baseline: write every finding to the baseline file."""
    from newslint.baseline import write_baseline

    kept = list(results)
    count = write_baseline(path, kept)
    click.echo(
        f"newslint: recorded {count} finding{'s' if count != 1 else ''} "
        f"in {len(kept)} file{'s' if len(kept) != 1 else ''} to {path}",
        err=True,
    )
    return 2 if any(f.rule == INTERNAL_ERROR for r in kept for f in r.findings) else 0


class _Fixes:
    """--fix and --diff: print what the workers did to each file, and count it."""

    def __init__(self, write: bool) -> None:
        self.write = write
        self.fixed = self.changed = 0

    def show(self, outcome: FixOutcome) -> tuple[FileResult, ...]:
        if outcome.problem:
            click.echo(f"newslint: {display_name(outcome.path)}: {outcome.problem}", err=True)
        if outcome.output is not None:  # standard input: the fixed text, or the input untouched
            sys.stdout.buffer.write(outcome.output)
            sys.stdout.buffer.flush()
        if outcome.diff:
            click.echo(outcome.diff, nl=False)
        self.fixed += outcome.applied
        self.changed += outcome.changed
        return outcome.results

    def summary(self) -> None:
        verb = "Fixed" if self.write else "Would fix"
        click.echo(
            f"{verb} {self.fixed} finding{'s' if self.fixed != 1 else ''} in {self.changed} "
            f"file{'s' if self.changed != 1 else ''}.",
            err=True,
        )


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


class _progress:
    """click's progress bar on stderr, only on a terminal and for longer runs."""

    def __init__(self, total: int) -> None:
        self.bar: Any = None
        if total >= PROGRESS_MIN_FILES and stderr_is_terminal():
            self.bar = click.progressbar(length=total, label="Linting", file=sys.stderr)

    def __enter__(self) -> Any:
        if self.bar is None:
            return None
        self.bar.__enter__()
        return self.bar.update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

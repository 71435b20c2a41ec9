"""The command line: parse options, call the engine, pick a formatter, set the exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from newslint import __version__
from newslint.engine import INTERNAL_ERROR, Options, lint_paths, severity_at_least
from newslint.errors import NewslintError
from newslint.files import collect
from newslint.finding import SEVERITIES
from newslint.readers import COLLECTIONS, FORMATS
from newslint.report import formatters
from newslint.rules import RuleSet, load_rules

PROGRESS_MIN_FILES = 20


class UsageProblem(click.ClickException):
    """A config, rule or input error: exit code 2, one clear line, no traceback."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"newslint: error: {self.format_message()}", err=True)


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _load(rules_dirs: Sequence[str]) -> RuleSet:
    try:
        return load_rules(extra_dirs=rules_dirs)
    except NewslintError as e:
        raise UsageProblem(str(e)) from e


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: catch scraper, CMS and ad-widget junk in news drafts before they go out.

    Run `newslint check DRAFTS...` to lint files or folders of drafts.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rule ids or category prefixes (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Skip these rule ids or category prefixes (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(list(reversed(SEVERITIES))), default="error",
              show_default=True, help="Exit 1 when a finding is at or above this severity.")
@click.option("--language", metavar="CODE",
              help="Treat every draft as this language (e.g. id, en) instead of detecting it.")
@click.option("--allow-language", multiple=True, metavar="CODES",
              help="Languages drafts may be in; others get language/unexpected (comma-separated).")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra folder or file of YAML rules (repeatable).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="File name patterns to lint inside folders (default: *.txt *.md *.markdown "
                   "*.html *.htm; CMS exports: *.json *.jsonl *.ndjson *.xml).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder patterns to skip.")
@click.option("--input-format", type=click.Choice(sorted([*FORMATS, *COLLECTIONS])),
              help="Read every file as this format instead of going by extension.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Files linted in parallel (default 0: one per CPU core).")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str, language: str | None, allow_language: tuple[str, ...],
          rules_dirs: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...],
          input_format: str | None, jobs: int, color: bool | None) -> None:
    """Lint drafts: files, folders (searched recursively) or - for standard input.

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 something is,
                2 usage, config or rule error, or a file crashed the linter.
    """
    ruleset = _load(rules_dirs)
    try:
        files = list(collect(paths, include=include, exclude=exclude))
    except NewslintError as e:
        raise UsageProblem(str(e)) from e
    options = Options(
        select=_split(select), ignore=_split(ignore), language=language,
        allowed_languages=frozenset(_split(allow_language)), format=input_format,
        jobs=jobs or os.cpu_count() or 1,
    )
    use_color = sys.stdout.isatty() if color is None else color
    formatter = formatters()[output_format](sys.stdout, use_color)
    failed = crashed = False
    formatter.start()
    with _progress(len(files)) as advance:
        for result in lint_paths(files, ruleset, options, progress=advance):
            formatter.file(result)
            failed = failed or any(severity_at_least(f, fail_on) for f in result.findings)
            crashed = crashed or any(f.rule == INTERNAL_ERROR for f in result.findings)
    formatter.finish()
    sys.exit(2 if crashed else 1 if failed else 0)


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


@main.command("rules")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra folder or file of YAML rules (repeatable).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_rules(rules_dirs: tuple[str, ...], output_format: str) -> None:
    """List the rules: id, severity, languages and what each catches."""
    ruleset = _load(rules_dirs)
    if output_format == "json":
        import json

        click.echo(json.dumps([_rule_json(r) for r in ruleset], ensure_ascii=False, indent=1))
        return
    for rule in sorted(ruleset, key=lambda r: (r.id, sorted(r.languages or ()))):
        langs = ",".join(sorted(rule.languages)) if rule.languages else "any"
        click.echo(f"{rule.id:<34} {rule.severity:<8} {langs:<8} {rule.description or rule.message}")


def _rule_json(rule: Any) -> dict[str, Any]:
    return {"id": rule.id, "category": rule.category, "severity": rule.severity,
            "languages": sorted(rule.languages) if rule.languages else None,
            "check": rule.check, "pack": rule.pack, "description": rule.description,
            "fixable": rule.fix is not None}


@main.command("test-rules")
@click.argument("rules_dirs", nargs=-1, type=click.Path(exists=True))
def test_rules(rules_dirs: tuple[str, ...]) -> None:
    """Run every rule's examples: `flag` ones must be flagged, `pass` ones must not.

    With no folder, tests the shipped packs; with folders, tests those rule files.
    """
    from newslint.rules import RuleSet, load_rule_file, rule_files
    from newslint.ruletest import missing_examples, run_rule_examples

    try:
        if rules_dirs:
            from pathlib import Path

            rules = [r for d in rules_dirs for p in rule_files(Path(d)) for r in load_rule_file(p)]
            ruleset = RuleSet(tuple(rules))
        else:
            ruleset = load_rules(validate_shipped=True)
    except NewslintError as e:
        raise UsageProblem(str(e)) from e
    failures = [f for rule in ruleset for f in run_rule_examples(rule, ruleset)]
    for failure in failures:
        click.echo(failure.describe())
    for rule in missing_examples(ruleset):
        click.echo(f"{rule.source}: {rule.id}: needs at least one flag and one pass example")
    examples = sum(len(r.examples_flag) + len(r.examples_pass) for r in ruleset)
    bad = len(failures) + len(missing_examples(ruleset))
    click.echo(f"{len(ruleset)} rules, {examples} examples, {bad} problem{'s' if bad != 1 else ''}")
    sys.exit(1 if bad else 0)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--token", envvar="NEWSLINT_TOKEN", metavar="TOKEN",
              help="Require 'Authorization: Bearer TOKEN' (default: $NEWSLINT_TOKEN; prefer the "
                   "variable, a flag shows in the process list).")
@click.option("--max-body", type=click.IntRange(min=1), default=2_000_000, show_default=True,
              metavar="BYTES", help="Largest request body accepted (413 above it).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0,
              show_default=True, metavar="SECONDS", help="Time limit to check one article.")
@click.option("--threads", type=click.IntRange(min=1), default=8, show_default=True,
              help="Requests served at once.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(exists=True),
              help="Extra folder or file of YAML rules (repeatable).")
@click.option("--fail-on", type=click.Choice(list(reversed(SEVERITIES))), default="error",
              show_default=True, help="An article with a finding at or above this is not publishable.")
def serve(host: str, port: int, token: str | None, max_body: int, timeout: float, threads: int,
          rules_dirs: tuple[str, ...], fail_on: str) -> None:
    """Run the CMS publish-check HTTP service (POST /v1/check, GET /v1/rules, GET /healthz)."""
    from newslint.server import ServerConfig
    from newslint.server import serve as run_server

    ruleset = _load(rules_dirs)
    config = ServerConfig(token=token or None, max_body=max_body, timeout=timeout,
                          threads=threads, fail_on=fail_on)
    try:
        run_server(ruleset, config, host=host, port=port)
    except NewslintError as e:
        raise UsageProblem(str(e)) from e

"""The commands besides ``check``: ``audit``, ``config``, ``learn``, ``rules``, ``test-rules`` and ``serve``.

They are defined on ``newslint.cli.main`` when one of them is asked for (or the
command list is shown), so that a ``check`` run does not build their options.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import click

from newslint.cli import _given, _split, main, rules_option, timeout_option
from newslint.config import describe, load_config
from newslint.errors import NewslintError
from newslint.files import collect
from newslint.finding import WORST_FIRST
from newslint.rules import load_rules


@main.command("config")
@click.argument("path", required=False, default=".", type=click.Path(allow_dash=True))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Show this config file instead of the one found from PATH upward.",
)
def show_config(path: str, config_file: str | None) -> None:
    """Print the configuration that applies to PATH (default: here) and the file it came from."""
    click.echo(describe(load_config([path], config_file)), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write the learned rule pack here (YAML).",
)
@click.option(
    "--min-docs",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Keep a line seen in at least this many documents...",
)
@click.option(
    "--min-share",
    type=click.FloatRange(0.0, 1.0),
    default=0.05,
    show_default=True,
    help="...and in at least this share of all documents.",
)
@click.option("--name", default="site-chrome", show_default=True, help="The pack's name.")
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="File name patterns to read inside folders (default: as for check).",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder patterns to skip.")
@click.option("--keep-known", is_flag=True, help="Also write lines the shipped rules already catch.")
@click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True),
    help="Extra folder or file of YAML rules the learned lines are compared with (repeatable).",
)
@timeout_option("Time reading one file may take; a file that runs past it is skipped with a warning")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read this config file's timeout instead of the one found from the paths upward.",
)
@click.pass_context
def learn(
    ctx: click.Context,
    paths: tuple[str, ...],
    output: str,
    min_docs: int,
    min_share: float,
    name: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    keep_known: bool,
    rules_dirs: tuple[str, ...],
    timeout: float,
    config_file: str | None,
) -> None:
    """Learn a site's chrome from its archive and write it as a rule pack to review.

    Reads every article under PATHS (one site's archive), finds the lines and
    label-plus-headline families ("Baca juga: ...") that recur across many of
    them, and writes them to FILE as pattern rules with counts and examples.
    Delete the rules that match real article text, then lint with
    `newslint check --rules FILE`.
    """
    from newslint import learn as learning
    from newslint.readers import source

    if not regex_pack_name(name):
        raise NewslintError(f"--name {name!r}: use lower-case letters, digits, '-' and '_'")
    if not _given(ctx, "timeout"):
        timeout = load_config(paths, config_file).timeout
    ruleset = load_rules(extra_dirs=rules_dirs)
    files = list(collect(paths, _split(include), _split(exclude)))
    reading = learning.read_documents(files, source.MAX_BYTES, timeout, own_process=True)
    for reason in reading.skipped:
        click.echo(f"newslint: warning: skipped {reason}", err=True)
    documents = reading.documents
    if not documents:
        skipped = f" ({reading.summary()})" if reading.skipped else ""
        raise NewslintError("no articles with text found under " + ", ".join(paths) + skipped)
    caught = None if keep_known else learning.caught_by(ruleset, learning.site_language(documents))
    pack = learning.build_pack(documents, ruleset, min_docs, min_share, caught)
    try:
        with open(output, "w", encoding="utf-8") as f:
            f.write(learning.render(pack, name, paths))
    except OSError as e:
        raise NewslintError(f"{output}: cannot write ({e.strerror or e})") from e
    skipped = f"; {reading.summary()}" if reading.skipped else ""
    click.echo(
        f"{len(pack.rules)} rules learned from {pack.documents} articles "
        f"(lines seen in at least {pack.needed}){skipped}; review {output}, then: newslint check --rules {output}",
        err=True,
    )


def regex_pack_name(name: str) -> bool:
    import re

    return re.fullmatch(r"[a-z][a-z0-9_-]*", name) is not None


@main.command("rules")
@rules_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(rules_dirs: tuple[str, ...], output_format: str) -> None:
    """List the rules: id, severity, languages and what each catches."""
    ruleset = load_rules(extra_dirs=rules_dirs)
    if output_format == "json":
        import json

        from newslint.report.json import rule_to_json

        click.echo(json.dumps([rule_to_json(r) for r in ruleset], ensure_ascii=False, indent=1))
        return
    for rule in sorted(ruleset, key=lambda r: (r.id, sorted(r.languages or ()))):
        langs = ",".join(sorted(rule.languages)) if rule.languages else "any"
        click.echo(f"{rule.id:<34} {rule.severity:<8} {langs:<8} {rule.description or rule.message}")


@main.command("test-rules")
@click.argument("rules_dirs", nargs=-1, type=click.Path(exists=True))
def test_rules(rules_dirs: tuple[str, ...]) -> None:
    """Run every rule's examples: `flag` ones must be flagged, `pass` ones must not.

    With no folder, tests the shipped packs; with folders, tests those rule files.
    """
    from newslint.rules import RuleSet, load_rule_file, rule_files
    from newslint.ruletest import missing_examples, run_rule_examples

    if rules_dirs:
        from pathlib import Path

        rules = [r for d in rules_dirs for p in rule_files(Path(d)) for r in load_rule_file(p)]
        ruleset = RuleSet(tuple(rules))
    else:
        ruleset = load_rules(validate_shipped=True)
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
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--token",
    envvar="NEWSLINT_TOKEN",
    metavar="TOKEN",
    help="Require 'Authorization: Bearer TOKEN' (default: $NEWSLINT_TOKEN; prefer the "
    "variable, a flag shows in the process list).",
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1),
    default=2_000_000,
    show_default=True,
    metavar="BYTES",
    help="Largest request body accepted (413 above it).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Time limit to check one article.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes that run checks, one check each at a time (default: one per core).",
)
@click.option(
    "--queue",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Checks that may wait for a worker; past that, 503 at once.",
)
@click.option(
    "--max-connections",
    type=click.IntRange(min=1),
    default=1000,
    show_default=True,
    help="Open client connections; when full, the longest-idle one is closed.",
)
@click.option(
    "--client-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Time a client has to send one request (408 past it).",
)
@click.option(
    "--keep-alive",
    type=click.FloatRange(min=0, min_open=True),
    default=5.0,
    show_default=True,
    metavar="SECONDS",
    help="An idle client connection is closed after this.",
)
@click.option(
    "--worker-memory",
    type=click.IntRange(min=16),
    default=1024,
    show_default=True,
    metavar="MIB",
    help="Memory a worker may add while checking (Linux address-space limit); a check that needs more gets 503.",
)
@rules_option
@click.option(
    "--fail-on",
    type=click.Choice(WORST_FIRST),
    default="error",
    help="An article with a finding at or above this is not publishable "
    "(default: the config file's fail-on, else error).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read this config file instead of looking for one from the current folder "
    "upward (its select, ignore, severity, languages, packs, rules, fail-on apply).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    token: str | None,
    max_body: int,
    timeout: float,
    workers: int | None,
    queue: int,
    max_connections: int,
    client_timeout: float,
    keep_alive: float,
    worker_memory: int,
    rules_dirs: tuple[str, ...],
    fail_on: str,
    config_file: str | None,
) -> None:
    """Run the CMS publish-check HTTP service (POST /v1/check, GET /v1/rules, GET /healthz)."""
    from newslint.serve import default_workers, server_config
    from newslint.serve import serve as run_server

    config = load_config([], config_file).with_flags(
        {
            "rules": rules_dirs if _given(ctx, "rules_dirs") else None,
            "fail_on": fail_on if _given(ctx, "fail_on") else None,
        }
    )
    ruleset = load_rules(extra_dirs=config.rules, packs=config.packs)
    service = server_config(
        config,
        ruleset,
        token=token or None,
        max_body=max_body,
        timeout=timeout,
        workers=workers or default_workers(),
        queue=queue,
        max_connections=max_connections,
        client_timeout=client_timeout,
        keep_alive=keep_alive,
        worker_memory=worker_memory,
    )
    run_server(ruleset, service, host=host, port=port)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Write the audit here: findings/ and articles/ (Parquet), summary.json, report.html. It must be new or empty.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Files in each partition (one task each).",
)
@click.option(
    "--scheduler",
    type=click.Choice(["processes", "threads", "synchronous"]),
    default="processes",
    show_default=True,
    help="Dask's local scheduler to run the partitions on.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Worker processes or threads of the local scheduler (default: one per CPU).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Read this config file instead of the one found from the paths upward.",
)
@click.option("--select", multiple=True, metavar="RULES", help="Only these rule ids or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rule ids or prefixes (comma-separated).")
@click.option("--language", metavar="CODE", help="Treat every article as this language instead of detecting it.")
@click.option(
    "--allow-language", multiple=True, metavar="CODES", help="Languages articles may be in (comma-separated)."
)
@rules_option
@click.option("--include", multiple=True, metavar="GLOB", help="File name patterns to read inside folders.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="File or folder patterns to skip.")
@timeout_option(
    "Time one file or record may take; one that runs past it is stopped and becomes an "
    "input/timeout error, and the audit goes on"
)
@click.pass_context
def audit(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: str,
    partition_size: int,
    scheduler: str,
    workers: int | None,
    config_file: str | None,
    language: str | None,
    **_flags: object,
) -> None:
    """Audit an archive: lint every article under PATHS on Dask, write the findings as tables.

    The same lint as `newslint check`, run as a map over partitions of the archive's
    files (drafts and CMS exports) on Dask's local scheduler. Each partition writes its
    own Parquet files; the summary and an HTML report come last. Needs the archive
    extra: pip install 'newslint[archive]'. On a Dask cluster or on Spark, map
    newslint.archive.lint_partition or spark_partition over the archive's partitions
    (see the README).

    \b
    Exit codes: 0 audited (findings are reported, not failed on),
                2 usage or config error, or newslint crashed on an article.
    """
    from newslint.cli import _effective_config
    from newslint.options import build_options

    try:
        import dask.bag as db
        import pyarrow  # noqa: F401 - the partitions write Parquet
    except ImportError as e:
        raise NewslintError(
            f"newslint audit needs Dask and pyarrow ({e.name} is missing): pip install 'newslint[archive]'"
        ) from e
    from newslint.archive import AuditSettings
    from newslint.archive.report import Summary, audit_chunk, write_summary

    config = _effective_config(ctx, paths, config_file)
    ruleset = load_rules(extra_dirs=config.rules, packs=config.packs)
    options = build_options(config, (r.id for r in ruleset), language=language, jobs=1, timeout=config.timeout)
    files = list(collect(paths, include=config.include, exclude=config.exclude))
    if not files:
        raise NewslintError("no articles found under " + ", ".join(paths))
    _prepare_out(out)
    settings = AuditSettings(rules=tuple(os.path.abspath(r) for r in config.rules), packs=config.packs, options=options)
    chunks = [(k, files[i : i + partition_size]) for k, i in enumerate(range(0, len(files), partition_size))]
    bag = db.from_sequence(chunks, partition_size=1).map(audit_chunk, settings, os.path.abspath(out))
    click.echo(f"newslint audit: {len(files):,} files in {len(chunks):,} partitions", err=True)
    try:
        summaries = _compute(bag, scheduler, workers)
    except Exception as e:  # a partition that cannot finish (disk full, a worker process killed)
        raise NewslintError(
            f"the audit stopped: {type(e).__name__}: {e}; the partitions written before it are in {out}. "
            "Mend the cause and audit again into a new folder"
        ) from e
    summary = Summary()
    for part in summaries:
        summary.merge(part)
    write_summary(summary, out, paths)
    click.echo(
        f"{summary.articles:,} articles audited, {summary.with_findings:,} with findings "
        f"({sum(summary.by_rule.values()):,} findings); report: {os.path.join(out, 'report.html')}",
        err=True,
    )
    if summary.timed_out:
        click.echo(
            f"{len(summary.timed_out):,} article{'s' if len(summary.timed_out) != 1 else ''} ran past the "
            f"{config.timeout:g} s budget (--timeout) and {'were' if len(summary.timed_out) != 1 else 'was'} "
            "not fully linted: an input/timeout error in the report",
            err=True,
        )
    if summary.crashed:
        click.echo(f"newslint crashed on {len(summary.crashed):,} articles: see the report", err=True)
        sys.exit(2)


def _prepare_out(out: str) -> None:
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        raise NewslintError(f"--out {out}: not an empty folder; name a new one (an audit never mixes with another's)")
    try:
        for part in ("findings", "articles"):
            os.makedirs(os.path.join(out, part), exist_ok=True)
    except OSError as e:
        raise NewslintError(f"--out {out}: cannot create it ({e.strerror or e})") from e


def _compute(bag: Any, scheduler: str, workers: int | None) -> list[Any]:
    """Run the bag on a local scheduler, with progress by partition."""
    with _PartitionProgress(bag.name, bag.npartitions):
        options: dict[str, Any] = {"scheduler": scheduler, "num_workers": workers}
        if scheduler == "processes":
            options["chunksize"] = 1  # a partition a task: progress as each ends, not per batch
        return list(bag.compute(**options))


class _PartitionProgress:
    """Progress of a local audit by finished partitions: a bar on a terminal, else a line
    at most every ``EVERY`` seconds (a log stays readable)."""

    EVERY = 10.0

    def __init__(self, name: str, total: int) -> None:
        from dask.callbacks import Callback

        self.name, self.total, self.done, self.said = name, total, 0, time.monotonic()
        terminal = sys.stderr.isatty()
        self.bar: Any = click.progressbar(length=total, label="Auditing", file=sys.stderr) if terminal else None
        self.callback = Callback(posttask=self._finished)

    def _finished(self, key: Any, *_: Any) -> None:
        if not (isinstance(key, tuple) and key and key[0] == self.name):
            return
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
        elif self.done == self.total or time.monotonic() - self.said >= self.EVERY:
            self.said = time.monotonic()
            click.echo(f"newslint audit: {self.done:,} of {self.total:,} partitions done", err=True)

    def __enter__(self) -> _PartitionProgress:
        if self.bar is not None:
            self.bar.__enter__()
        self.callback.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.callback.__exit__(*exc)
        if self.bar is not None:
            self.bar.__exit__(*exc)

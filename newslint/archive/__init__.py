"""Auditing an archive: the same lint as a map step on a distributed engine.

An archive of millions of articles is linted where it already lives, by the engine
that already runs there. Each partition of the archive's records goes through
:func:`lint_partition`, which loads the rules once per worker process and lints every
record with the same engine as ``newslint check`` and the publish check, so that an
article's findings are the same whichever door it came in by.

A record is a file path (a draft, a CMS export) or a mapping of an article's fields,
as a CMS stores them: ``body`` (required), ``title``, ``byline``, ``published_at``,
``language``, ``body_format`` and ``id`` (or ``path``) to name it in the findings.

Dask (what ``newslint audit`` runs)::

    import dask.bag as db
    from newslint.archive import AuditSettings, lint_partition
    audits = db.from_sequence(paths, partition_size=500).map_partitions(lint_partition, AuditSettings())

Spark, on a DataFrame of articles::

    from functools import partial
    from newslint.archive import AuditSettings, spark_partition
    rows = df.rdd.mapPartitions(partial(spark_partition, settings=AuditSettings()))

A mapping is validated as the publish-check service validates an article; one it
would refuse is the record's ``input/article-shape`` error, in the service's words.
One record's crash never ends a partition: it is the record's ``internal-error``
finding, as in a directory run.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.engine import Options, internal_error, lint_file
from newslint.finding import FileResult, Finding
from newslint.rules import RuleSet, load_rules

FINDING_COLUMNS = (
    "path",
    "rule",
    "category",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "snippet",
    "fixable",
)


@dataclass(frozen=True)
class AuditSettings:
    """What every worker needs to lint as the driver would: small, picklable, shipped with
    each task. Rule folders are paths that every worker must be able to read."""

    rules: tuple[str, ...] = ()
    packs: tuple[str, ...] | None = None
    options: Options = field(default_factory=Options)


_RULESETS: dict[tuple[tuple[str, ...], tuple[str, ...] | None], RuleSet] = {}


def ruleset_for(settings: AuditSettings) -> RuleSet:
    """The settings' rules, loaded once per worker process (a partition reuses them)."""
    key = (settings.rules, settings.packs)
    if key not in _RULESETS:
        _RULESETS[key] = load_rules(extra_dirs=settings.rules, packs=settings.packs)
    return _RULESETS[key]


@dataclass(frozen=True)
class ArticleAudit:
    """One record's outcome: its documents' findings (a CMS export file may hold many)."""

    path: str
    language: str | None
    findings: tuple[Finding, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "language": self.language,
            "findings": [finding_row(f) for f in self.findings],
        }


def lint_partition(records: Iterable[str | Mapping[str, Any]], settings: AuditSettings) -> list[ArticleAudit]:
    """Lint one partition's records; the function to map over a Dask bag's partitions."""
    ruleset = ruleset_for(settings)
    return [audit for record in records for audit in lint_record(record, ruleset, settings.options)]


def spark_partition(records: Iterable[Any], settings: AuditSettings) -> Iterator[dict[str, Any]]:
    """Lint one Spark partition, lazily: rows (``pyspark.sql.Row``, dicts or paths) in, one
    plain dict an article out, its findings a list of dicts (a nested column)."""
    ruleset = ruleset_for(settings)
    for record in records:
        try:
            as_dict = getattr(record, "asDict", None)
            fields = as_dict() if callable(as_dict) else record
        except Exception as e:  # a row that cannot be read is its finding: the partition goes on
            yield _audit(internal_error(record_name(record), e)).to_json()
            continue
        for audit in lint_record(fields, ruleset, settings.options):
            yield audit.to_json()


def lint_record(record: str | Mapping[str, Any], ruleset: RuleSet, options: Options) -> list[ArticleAudit]:
    """One record's audits: a path is read as ``check`` reads it, a mapping as the publish
    check reads an article. A record of neither kind is its ``input/article-shape`` error;
    one that runs past ``options.timeout`` seconds is its ``input/timeout`` error (the
    partition goes on, from any thread: Dask's and Spark's workers run tasks in threads)."""
    from newslint.budget import run_within

    return run_within(
        lambda name: _lint_record(record, ruleset, options),
        record_name(record),
        options.timeout,
        lambda name: [_timed_out(name, options.timeout)],
    )


def record_name(record: object) -> str:
    """How a record is named in its findings: its path, its ``id`` (or ``path``) field."""
    if isinstance(record, (str, os.PathLike)):
        return os.fspath(record)
    try:
        if isinstance(record, Mapping):
            return str(record.get("id") or record.get("path") or "<article>")
    except Exception:  # a mapping that breaks on reading: named by its type, reported when read
        pass
    return f"<record {type(record).__name__}>"


def _timed_out(name: str, seconds: float) -> ArticleAudit:
    from newslint.budget import TIMEOUT_RULE, timeout_message

    message = timeout_message(seconds, what="record", others="records")
    return ArticleAudit(name, None, (Finding(TIMEOUT_RULE, "input", "error", message, name, 1, 1, 1, 1, ""),))


def _lint_record(record: str | Mapping[str, Any], ruleset: RuleSet, options: Options) -> list[ArticleAudit]:
    if isinstance(record, (str, os.PathLike)):
        return [_audit(r) for r in lint_file(os.fspath(record), ruleset, options)]
    if isinstance(record, Mapping):
        return [_article(record, ruleset, options)]
    from newslint.readers.cms import SHAPE_ERROR

    name = f"<record {type(record).__name__}>"
    message = f"a record is a file path or a mapping of article fields, not {type(record).__name__}"
    return [ArticleAudit(name, None, (Finding(SHAPE_ERROR, "input", "error", message, name, 1, 1, 1, 1, ""),))]


def _article(record: Mapping[str, Any], ruleset: RuleSet, options: Options) -> ArticleAudit:
    """A mapping record, validated as the publish-check service validates an article: a body
    that is missing or not text, an unknown body format, a date or language that is not one
    is the record's ``input/article-shape`` error (the service's 400, in the same words)."""
    from newslint.api import lint
    from newslint.errors import ArticleError
    from newslint.readers.cms import SHAPE_ERROR, parse_article
    from newslint.readers.fields import check_fields

    name = record_name(record)
    try:
        article = check_fields(parse_article(_plain(record)))
    except ArticleError as e:  # as the publish check answers it: not publishable
        return ArticleAudit(name, None, (Finding(SHAPE_ERROR, "input", "error", str(e), name, 1, 1, 1, 1, ""),))
    except Exception as e:  # a record no CMS would send (keys or values that break on reading)
        return _audit(internal_error(name, e))
    try:  # (the record's budget is already running: none of the publish check's own)
        result = lint(article, options=dataclasses.replace(options, timeout=0), rules=ruleset, path=name)
    except Exception as e:  # one article's crash must not end the partition
        return _audit(internal_error(name, e))
    return ArticleAudit(name, result.language, result.findings)


def _plain(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record as the JSON object a CMS would send: dates and timestamps of a table's
    columns (Parquet, Spark) as ISO 8601 text, the rest as it is."""
    import datetime as dt

    return {
        str(key): value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
        for key, value in record.items()
    }


def _audit(result: FileResult) -> ArticleAudit:
    return ArticleAudit(result.path, result.language, result.findings)


def finding_row(f: Finding) -> dict[str, Any]:
    """A finding as one row of the findings table (``fixable`` for its fix, as in JSON output)."""
    return f.to_json()

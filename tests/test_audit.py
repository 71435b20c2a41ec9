"""newslint audit and the archive's partition functions: the same findings as check."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newslint import archive, lint_article
from newslint.archive import AuditSettings, lint_partition, spark_partition
from newslint.cli import main

DRAFTS = {
    "clean.md": "---\ntitle: Budget passes\nauthor: Jane Smith\ndate: 2025-03-03\n---\n\n"
    "The council approved the budget on Thursday after a debate of six hours.\n\n"
    "Spending on schools rises by four percent, the finance committee said.\n",
    "junk.txt": "Budget passes\n\nThe council approved the budget on Thursday after a debate of six hours.\n\n"
    "Advertisement\n\nSpending on schools rises by four percent, the finance committee said.\n\n"
    "Spending on schools rises by four percent, the finance committee said.\n",
    "<odd>.txt": "Title\n\nShare this\n\nThe mayor said the bridge would reopen in May, after repairs.\n",
}


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in DRAFTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check_findings(folder: Path) -> list[tuple[Any, ...]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(folder)])
    data = json.loads(result.output)
    return sorted(
        (f["path"], x["rule"], x["line"], x["column"], x["message"]) for f in data["files"] for x in f["findings"]
    )


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_audit_writes_the_findings_check_reports_as_parquet(drafts: Path, tmp_path: Path, scheduler: str) -> None:
    out = tmp_path / "audit"
    args = ["audit", str(drafts), "-o", str(out), "--partition-size", "2", "--scheduler", scheduler, "--workers", "2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out / "findings").to_pylist()
    assert sorted((r["path"], r["rule"], r["line"], r["column"], r["message"]) for r in rows) == check_findings(drafts)
    assert {r["rule"] for r in rows} >= {"ad-text/ad-label", "duplicate/paragraph", "markup/widget-line"}
    articles = pq.read_table(out / "articles").to_pylist()
    assert len(articles) == 3 and sum(a["findings"] for a in articles) == len(rows)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["articles"] == 3 and summary["findings"] == len(rows)
    assert summary["by_rule"]["ad-text/ad-label"] == {
        "findings": 1,
        "articles": 1,
        "category": "ad-text",
        "severity": "error",
    }
    page = (out / "report.html").read_text()
    assert "ad-text/ad-label" in page and "&lt;odd&gt;.txt" in page and "<odd>" not in page
    assert "3 of 3 partitions" not in result.output  # 2 partitions of at most 2 files
    assert "2 of 2 partitions done" in result.output


def test_an_audit_never_writes_into_a_folder_that_holds_files(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "used"
    out.mkdir()
    (out / "old.parquet").write_bytes(b"x")
    result = CliRunner().invoke(main, ["audit", str(drafts), "-o", str(out), "--scheduler", "synchronous"])
    assert result.exit_code == 2
    assert "not an empty folder" in result.output
    assert (out / "old.parquet").read_bytes() == b"x"


def test_without_dask_the_audit_says_what_to_install(
    drafts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    result = CliRunner().invoke(main, ["audit", str(drafts), "-o", str(tmp_path / "a")])
    assert result.exit_code == 2
    assert "pip install 'newslint[archive]'" in result.output
    assert "Traceback" not in result.output


BODY = "<p>The council approved the budget on Thursday.</p><p>Advertisement</p><p>Schools get more money.</p>"


def test_an_article_record_gets_the_publish_check_s_findings() -> None:
    record = {"id": "cms-17", "body": BODY, "title": "Budget", "byline": "Jane Smith", "published_at": "2025-03-03"}
    [audit] = lint_partition([record], AuditSettings())
    expected = lint_article(body=BODY, title="Budget", byline="Jane Smith", published_at="2025-03-03", path="cms-17")
    assert audit.path == "cms-17"
    assert audit.findings == expected.findings
    assert "ad-text/ad-label" in {f.rule for f in audit.findings}


def test_bad_records_are_findings_and_the_partition_goes_on() -> None:
    records: list[Any] = [{"id": "empty", "body": "  "}, {"id": "shape", "body": 12}, 42, {"id": "ok", "body": BODY}]
    audits = lint_partition(records, AuditSettings())
    rules = {a.path: [f.rule for f in a.findings] for a in audits}
    assert rules["empty"] == ["input/empty"]
    assert rules["shape"] == ["input/article-shape"]
    assert rules["<record int>"] == ["input/article-shape"]  # the record's fault, not a crash
    assert "ad-text/ad-label" in rules["ok"]


def test_a_crash_on_one_article_is_its_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.api

    real = newslint.api.lint

    def fragile(article: Any, **kw: Any) -> Any:
        if "boom" in article.body:
            raise RuntimeError("boom")
        return real(article, **kw)

    monkeypatch.setattr(newslint.api, "lint", fragile)
    audits = lint_partition([{"id": "a", "body": "<p>boom</p>"}, {"id": "b", "body": BODY}], AuditSettings())
    assert [f.rule for f in audits[0].findings] == ["internal-error"]
    assert "RuntimeError: boom" in audits[0].findings[0].message
    assert "ad-text/ad-label" in {f.rule for f in audits[1].findings}


class Row:
    """What a pyspark.sql.Row offers the partition function."""

    def __init__(self, **fields: Any) -> None:
        self.fields = fields

    def asDict(self) -> dict[str, Any]:  # noqa: N802 - pyspark's name
        return dict(self.fields)


def test_the_spark_partition_function_yields_one_plain_row_an_article(drafts: Path) -> None:
    rows = list(spark_partition(iter([Row(id="cms-1", body=BODY), str(drafts / "junk.txt")]), settings=AuditSettings()))
    assert [r["path"] for r in rows] == ["cms-1", str(drafts / "junk.txt")]
    assert all(isinstance(f, dict) and f["rule"] for r in rows for f in r["findings"])
    assert "duplicate/paragraph" in {f["rule"] for f in rows[1]["findings"]}
    json.dumps(rows)  # plain data, as Spark's rows need


def test_rules_load_once_per_process_for_every_partition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = archive.load_rules

    def counted(**kw: Any) -> Any:
        calls.append(kw)
        return real(**kw)

    monkeypatch.setattr(archive, "load_rules", counted)
    monkeypatch.setattr(archive, "_RULESETS", {})
    for _ in range(3):
        lint_partition([{"id": "x", "body": BODY}], AuditSettings())
    assert len(calls) == 1


def test_a_partition_that_cannot_finish_stops_the_audit_with_a_message(
    drafts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newslint.archive import report

    def full(chunk: Any, settings: AuditSettings, out: str) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "audit_chunk", full)
    result = CliRunner().invoke(main, ["audit", str(drafts), "-o", str(tmp_path / "a"), "--scheduler", "synchronous"])
    assert result.exit_code == 2
    assert "the audit stopped: OSError" in result.output and "No space left on device" in result.output
    assert "Traceback" not in result.output

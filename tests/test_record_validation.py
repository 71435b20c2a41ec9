"""Archive records and CMS-export records are validated as the publish-check service
validates an article: a bad one is its record's input/article-shape error, in the
service's words, never a crash of the partition and never a silent pass."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newslint import load_rules
from newslint.archive import AuditSettings, lint_partition, lint_record, spark_partition
from newslint.cli import main
from newslint.engine import Options
from newslint.errors import ArticleError
from newslint.readers.cms import parse_article
from newslint.serve.app import validate

BODY = "<p>The council approved the budget on Tuesday after a long debate.</p>"
GOOD = {"id": "good", "body": BODY, "title": "Budget passes", "byline": "Jane Smith", "published_at": "2024-09-10"}

BAD_RECORDS: list[tuple[str, dict[str, Any], str]] = [
    ("body-int", {"body": 12}, "'body' must be a string, not a number"),
    ("body-list", {"body": ["<p>a</p>"]}, "'body' must be a string, not an array"),
    ("body-missing", {"title": "Budget passes"}, "'body' is missing"),
    ("body-none", {"body": None, "title": "Budget passes"}, "'body' is missing"),
    ("format", {"body": BODY, "body_format": "docx"}, "'body_format' must be html, markdown or text, not 'docx'"),
    ("format-int", {"body": BODY, "body_format": 3}, "'body_format' must be a string"),
    ("date", {"body": BODY, "published_at": "last Tuesday"}, "'published_at' is not a date: 'last Tuesday'"),
    ("date-impossible", {"body": BODY, "published_at": "2024-02-31"}, "'published_at' is not a date"),
    ("date-int", {"body": BODY, "published_at": 1726000000}, "'published_at' must be a string, not a number"),
    ("language-int", {"body": BODY, "language": 5}, "'language' must be a string, not a number"),
    ("language-list", {"body": BODY, "language": ["en"]}, "'language' must be a string, not an array"),
    ("language-unknown", {"body": BODY, "language": "klingon"}, "'language' is not a language code: 'klingon'"),
    ("title-int", {"body": BODY, "title": 2024}, "'title' must be a string, not a number"),
    ("byline-bool", {"body": BODY, "byline": True}, "'byline' must be a string, not a boolean"),
]


def _service_answer(record: dict[str, Any]) -> str:
    """What POST /v1/check answers 400 for the same JSON object."""
    with pytest.raises(ArticleError) as raised:
        validate(parse_article(record))
    return str(raised.value)


@pytest.mark.parametrize(("name", "fields", "message"), BAD_RECORDS, ids=[r[0] for r in BAD_RECORDS])
def test_a_bad_archive_record_is_its_error_in_the_services_words(
    name: str, fields: dict[str, Any], message: str
) -> None:
    record = {"id": name, **fields}
    [audit] = lint_record(record, load_rules(), Options())
    assert audit.path == name
    [finding] = audit.findings
    assert (finding.rule, finding.severity) == ("input/article-shape", "error")
    assert message in finding.message
    assert finding.message == _service_answer(record)


def test_bad_records_never_stop_the_partition() -> None:
    records: list[Any] = [{"id": name, **fields} for name, fields, _ in BAD_RECORDS] + [GOOD, 42]
    audits = lint_partition(records, AuditSettings())
    rules = {a.path: [f.rule for f in a.findings] for a in audits}
    for name, _, _ in BAD_RECORDS:
        assert rules[name] == ["input/article-shape"]
    assert rules["<record int>"] == ["input/article-shape"]
    assert "input/article-shape" not in rules["good"]
    assert "metadata/missing-byline" not in rules["good"]  # the good record was linted


def test_a_record_whose_date_is_a_table_timestamp_is_read() -> None:
    for stamp in (dt.date(2024, 9, 10), dt.datetime(2024, 9, 10, 8, 0, tzinfo=dt.timezone.utc)):
        [audit] = lint_record({**GOOD, "published_at": stamp}, load_rules(), Options())
        assert "input/article-shape" not in [f.rule for f in audit.findings]
        assert "metadata/missing-date" not in [f.rule for f in audit.findings]


def test_a_well_formed_language_code_and_date_pass() -> None:
    record = {**GOOD, "language": "en-GB", "published_at": "Tue, 10 Sep 2024 08:00:00 GMT"}
    [audit] = lint_record(record, load_rules(), Options())
    assert audit.language == "en"
    assert "input/article-shape" not in [f.rule for f in audit.findings]


def test_the_spark_partition_reports_a_bad_row() -> None:
    rows = list(spark_partition([{"id": "bad", "body": BODY, "published_at": "soon"}, GOOD], AuditSettings()))
    assert rows[0]["path"] == "bad"
    assert [f["rule"] for f in rows[0]["findings"]] == ["input/article-shape"]
    assert "input/article-shape" not in [f["rule"] for f in rows[1]["findings"]]


@pytest.mark.parametrize(("name", "fields", "message"), BAD_RECORDS, ids=[r[0] for r in BAD_RECORDS])
def test_a_bad_record_of_a_cms_export_is_an_error_and_the_others_are_linted(
    tmp_path: Path, name: str, fields: dict[str, Any], message: str
) -> None:
    (tmp_path / "export.jsonl").write_text(
        json.dumps(GOOD) + "\n" + json.dumps({"id": name, **fields}) + "\n", encoding="utf-8"
    )
    (tmp_path / "export.json").write_text(json.dumps([{"id": name, **fields}, GOOD]), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", str(tmp_path / "export.jsonl"),
                                       str(tmp_path / "export.json")])  # fmt: skip
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    files = json.loads(result.output)["files"]
    shape = [f for entry in files for f in entry["findings"] if f["rule"] == "input/article-shape"]
    assert len(shape) == 2
    assert all(message in f["message"] and f["severity"] == "error" for f in shape)
    assert any(entry["path"].endswith("#good") for entry in files)  # the good record was linted
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("published_at", "garbage", "'published_at' is not a date: 'garbage'"),
        ("published_at", "2024-13-01", "'published_at' is not a date"),
        ("language", "klingon", "'language' is not a language code: 'klingon'"),
    ],
)
def test_lint_article_refuses_what_the_service_refuses(field: str, value: str, message: str) -> None:
    from newslint import lint_article

    with pytest.raises(ArticleError, match=message) as raised:
        lint_article(body=BODY, title="Budget passes", byline="Jane Smith", **{field: value})
    assert raised.value.field == field
    assert str(raised.value) == _service_answer({"body": BODY, field: value})


def test_lint_article_takes_a_date_object_and_a_regional_language_code() -> None:
    from newslint import lint_article

    result = lint_article(body=BODY, title="Budget passes", byline="Jane Smith", published_at=dt.date(2024, 9, 10),
                          language="en_GB")  # fmt: skip
    assert result.publishable

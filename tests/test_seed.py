"""The founding article: everything it must flag is flagged, nothing it must not flag is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newslint.cli import main

SEED = Path(__file__).parent / "fixtures" / "seed"
EXPECTED = yaml.safe_load((SEED / "rajapos-paritrana.expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["check", "--format", "json", str(SEED / EXPECTED["document"])])
    report = json.loads(result.output)
    assert report["files"][0]["language"] == EXPECTED["language"]
    return report["files"][0]["findings"]


def as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def matches(finding: dict, entry: dict) -> bool:
    if "rule" in entry and finding["rule"] != entry["rule"]:
        return False
    if "category" in entry and finding["category"] not in as_list(entry["category"]):
        return False
    return "line" not in entry or finding["line"] in as_list(entry["line"])


def entry_id(entry: dict) -> str:
    return f"line{entry.get('line', entry.get('lines'))}-{entry.get('rule') or entry.get('category') or 'any'}"


@pytest.mark.parametrize("entry", EXPECTED["must_flag"], ids=entry_id)
def test_must_flag(findings: list[dict], entry: dict) -> None:
    assert any(matches(f, entry) for f in findings), entry["why"]


def test_should_flag_mostly(findings: list[dict]) -> None:
    # "Good to catch, none required": the split before 'Lembaga, kementerian' (51/53) has no
    # quotation or continuation-word evidence, so the split-sentence check leaves it alone.
    caught = [e["line"] for e in EXPECTED["should_flag"] if any(matches(f, e) for f in findings)]
    assert len(caught) >= 3, caught


@pytest.mark.parametrize("entry", EXPECTED["must_not_flag"], ids=entry_id)
def test_must_not_flag(findings: list[dict], entry: dict) -> None:
    if "lines" in entry:
        wrong = [f for f in findings if f["line"] in entry["lines"]]
    else:
        wrong = [f for f in findings if matches(f, entry)]
    assert wrong == [], entry["why"]

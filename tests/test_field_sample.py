"""Clean articles of outlets no rule was tuned on (tests/fixtures/field), linted through
the real command line and judged with the hand verdicts of benchmarks/field.

The articles are a few per held-out outlet of the field corpus (see
/work/data/field/README.md and benchmarks/field/split.yaml), copied as published.
Every warning and error newslint raises on them was judged by reading the article
(tests/fixtures/field/verdicts.yaml, a subset of benchmarks/field/verdicts.yaml);
missing byline/date findings are judged from the article's front matter. A finding
with no verdict counts as a false alarm, so a rule change that adds a false alarm on
this copy fails here until someone has read the article and judged it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmark_modules import load

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "field"
CLEAN = FOLDER / "clean"


field_score = load("field_score.py", "field_score")

# False alarms per language measured with benchmarks/field_score.py clean --field
# tests/fixtures/field --verdicts tests/fixtures/field/verdicts.yaml: 178 articles and
# 80 false alarms on main f662171; with the 19 Portuguese articles (Estadão, O Globo,
# FactNews) 197 articles and 11 false alarms on main f3cfe33. When the rules get better,
# lower these; they may never go up.
MAX_FALSE_ALARMS = {"de": 0, "en": 0, "es": 2, "fr": 1, "id": 6, "pt": 2}


@pytest.fixture(scope="module")
def findings() -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = field_score.collect(CLEAN, "warning", ["--include", "*.md"])
    return found


@pytest.fixture(scope="module")
def verdicts(findings: dict[str, list[Any]]) -> dict[Any, dict[str, str]]:
    judged = field_score.load_verdicts(FOLDER / "verdicts.yaml")
    return {**field_score.metadata_verdicts(findings, CLEAN), **judged}


def test_every_fixture_comes_from_a_held_out_outlet() -> None:
    split = field_score.load_split(ROOT / "benchmarks" / "field" / "split.yaml")
    drafts = sorted(CLEAN.rglob("*.md"))
    assert len(drafts) >= 150
    for path in drafts:
        lang, outlet = path.relative_to(CLEAN).parts[:2]
        assert split.get(("clean", lang, outlet)) == "holdout", f"{lang}/{outlet} is not held out"


def test_verdicts_name_files_of_the_sample_and_valid_judgements() -> None:
    raw = yaml.safe_load((FOLDER / "verdicts.yaml").read_text(encoding="utf-8"))["verdicts"]
    for rel, items in raw.items():
        assert (CLEAN / rel).is_file(), rel
        for item in items:
            assert item["verdict"] in ("defect", "false-alarm"), (rel, item)
            assert item["reason"].strip(), (rel, item)


def test_false_alarms_on_held_out_copy_stay_within_the_measured_figure(
    findings: dict[str, list[Any]], verdicts: dict[Any, dict[str, str]]
) -> None:
    assert len(findings) == len(list(CLEAN.rglob("*.md"))), "every article must be in the report"
    wrong: Counter[str] = Counter()
    listing: list[str] = []
    for rel, fs in findings.items():
        for f in fs:
            v = field_score.verdict_for(f, verdicts)
            if v is None or v["verdict"] == "false-alarm":
                wrong[rel.split("/")[0]] += 1
                listing.append(f"{rel}:{f.line} {f.rule} ({'unjudged' if v is None else 'false alarm'})")
    over = {lang: n for lang, n in wrong.items() if n > MAX_FALSE_ALARMS.get(lang, 0)}
    assert not over, f"false alarms over the measured figure {over}:\n" + "\n".join(sorted(listing))


def test_real_defects_in_held_out_copy_are_still_found(
    findings: dict[str, list[Any]], verdicts: dict[Any, dict[str, str]]
) -> None:
    # The read-also lines and wrong weekdays left in published copy are real; the shipped
    # rules find each one (judged `defect`). Losing one of them is a regression too.
    raw = yaml.safe_load((FOLDER / "verdicts.yaml").read_text(encoding="utf-8"))["verdicts"]
    expected = {
        (rel, item["line"])
        for rel, items in raw.items()
        for item in items
        if item["verdict"] == "defect" and item["rule"] in ("markup/widget-line", "metadata/weekday-mismatch")
    }
    assert expected, "the sample should hold some real defects"
    found = {(rel, f.line) for rel, fs in findings.items() for f in fs}
    assert sorted(expected - found) == []


def _finding(file: str, line: int, rule: str = "markup/widget-line", snippet: str = "x") -> Any:
    return field_score.Finding(file, rule, line, snippet, "warning", "")


def test_scraped_score_finds_a_label_within_a_line_and_counts_other_findings_as_false_alarms() -> None:
    label = field_score.Label
    labels = {
        "en/site-a/1.txt": [
            label("en/site-a/1.txt", 5, "markup", "share-widget"),
            label("en/site-a/1.txt", 9, "ad-text", "ad-label"),
        ],
        "en/site-b/2.txt": [],
    }
    findings = {
        "en/site-a/1.txt": [_finding("en/site-a/1.txt", 6), _finding("en/site-a/1.txt", 20)],
        "en/site-b/2.txt": [_finding("en/site-b/2.txt", 3)],
    }
    split = {("scraped", "en", "site-a"): "holdout", ("scraped", "en", "site-b"): "tune"}
    tallies, misses, alarms = field_score.score_scraped(findings, labels, split)
    held = tallies["group"]["en/holdout"]
    assert (held.files, held.labels, held.found, held.findings, held.false_alarms) == (1, 2, 1, 2, 1)
    tune = tallies["group"]["en/tune"]
    assert (tune.files, tune.labels, tune.found, tune.findings, tune.false_alarms) == (1, 0, 0, 1, 1)
    assert [m.line for m in misses] == [9]
    assert sorted(a.line for a in alarms) == [3, 20]
    assert tallies["family"]["share-widget (holdout)"].found == 1
    assert tallies["family"]["ad-label (holdout)"].found == 0


def test_a_verdict_survives_a_new_snippet_on_the_same_line_but_not_a_moved_finding() -> None:
    verdicts = {("es/x/1.md", "truncation/paragraph-end", 7, "old quote"): {"verdict": "false-alarm", "reason": "r"}}
    assert field_score.verdict_for(_finding("es/x/1.md", 7, "truncation/paragraph-end", "new quote"), verdicts)
    assert field_score.verdict_for(_finding("es/x/1.md", 9, "truncation/paragraph-end", "old quote"), verdicts) is None
    assert field_score.verdict_for(_finding("es/x/1.md", 7, "markup/widget-line", "old quote"), verdicts) is None

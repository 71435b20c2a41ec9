"""benchmarks/injected_report.py: a finding the hand verdicts judged a real defect of the draft's
source article is counted apart, and the plain precision still counts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from benchmark_modules import load

report = load("injected_report.py", "injected_report")

SOURCE = "pt/outlet/article-1.md"
SNIPPET = "tem um design retrofuturista"


def _set(tmp_path: Path) -> tuple[Path, Path]:
    """A set of one draft with one injected cut (line 5) and a source cut left in (line 9)."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "0000-pt.md").write_text("x\n" * 10, encoding="utf-8")
    labels = {
        "0000-pt.md": {
            "lang": "pt",
            "injected": ["trunc_mid"],
            "labels": [{"kind": "trunc_mid", "category": "truncation", "lines": [5]}],
            "source": SOURCE,
        }
    }
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    findings = [
        {"rule": "truncation/paragraph-end", "category": "truncation", "severity": "warning", "line": 5},
        {
            "rule": "truncation/unfinished-sentence",
            "category": "truncation",
            "severity": "info",
            "line": 9,
            "snippet": SNIPPET,
        },
    ]
    saved = tmp_path / "report.json"
    saved.write_text(json.dumps({"files": [{"path": "drafts/0000-pt.md", "findings": findings}]}), encoding="utf-8")
    return tmp_path, saved


def _verdicts(tmp_path: Path, source: str, verdict: str, rule: str = "truncation/unfinished-sentence") -> Path:
    path = tmp_path / "verdicts.yaml"
    item = {"rule": rule, "line": 12, "snippet": SNIPPET, "verdict": verdict, "reason": "a cut in the source"}
    path.write_text(yaml.safe_dump({"verdicts": {source: [item]}}), encoding="utf-8")
    return path


def _truncation_row(out: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.startswith("truncation "))


def test_a_judged_source_defect_is_counted_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_dir, saved = _set(tmp_path)
    judged = _verdicts(tmp_path, SOURCE, "defect")
    assert report.main([str(set_dir), "--json", str(saved), "--verdicts", str(judged), "--list"]) == 0
    out = capsys.readouterr().out
    # labels, recall, findings, precision, source, adjusted
    assert _truncation_row(out)[1:] == ["1", "1.00", "2", "0.50", "1", "1.00"]
    assert "SRC  truncation/unfinished-sentence" in out
    assert "FP   truncation/unfinished-sentence" not in out


@pytest.mark.parametrize(
    ("source", "verdict", "rule"),
    [
        ("pt/outlet/another-article.md", "defect", "truncation/unfinished-sentence"),  # another article's verdict
        (SOURCE, "false-alarm", "truncation/unfinished-sentence"),  # judged a false alarm
        (SOURCE, "defect", "truncation/paragraph-end"),  # another rule's finding
    ],
)
def test_other_verdicts_leave_the_finding_a_false_positive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, verdict: str, rule: str
) -> None:
    set_dir, saved = _set(tmp_path)
    judged = _verdicts(tmp_path, source, verdict, rule)
    report.main([str(set_dir), "--json", str(saved), "--verdicts", str(judged), "--list"])
    out = capsys.readouterr().out
    assert _truncation_row(out)[1:] == ["1", "1.00", "2", "0.50", "0", "0.50"]
    assert "FP   truncation/unfinished-sentence" in out


def test_without_verdicts_the_report_is_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_dir, saved = _set(tmp_path)
    report.main([str(set_dir), "--json", str(saved)])
    out = capsys.readouterr().out
    assert _truncation_row(out)[1:] == ["1", "1.00", "2", "0.50"]
    assert "adjusted" not in out

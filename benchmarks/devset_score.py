"""Score newslint on the labelled development set: recall and precision per category.

    python benchmarks/devset_score.py [SET_DIR] [--verbose]

SET_DIR (default: benchmarks/devset) holds ``drafts/`` and ``labels.json``: real
articles with defects injected at known lines. A label is found when newslint
reports a finding of the label's category (for metadata labels, a rule whose id
names the label's ``rule``: byline or date) on one of the label's lines, give or
take one; a document-level label (no lines) matches any line. A finding is right
when some label of its file explains it that way. Clean drafts (nothing
injected) also give the false alarms per 100 articles, metadata findings aside.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CATEGORIES = ("duplicate", "truncation", "markup", "ad-text", "metadata", "language")


@dataclass
class Tally:
    labels: int = 0
    found: int = 0
    findings: int = 0
    right: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.findings if self.findings else 1.0


def explains(label: dict[str, Any], finding: dict[str, Any]) -> bool:
    """Does ``label`` account for ``finding`` (same category, rule and line, give or take one)?"""
    if finding.get("category") != label["category"]:
        return False
    if label.get("rule") and label["rule"] not in finding.get("rule", ""):
        return False
    lines = label["lines"]
    return not lines or min(lines) - 1 <= (finding.get("line") or 0) <= max(lines) + 1


def run_newslint(drafts: Path) -> dict[str, list[dict[str, Any]]]:
    """Findings per draft file name, from `newslint check --format json`."""
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "json", str(drafts)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newslint failed ({proc.returncode}): {proc.stderr[-500:]}")
    report = json.loads(proc.stdout)
    return {Path(f["path"]).name: f["findings"] for f in report["files"]}


def score(
    labels: dict[str, Any],
    found: dict[str, list[dict[str, Any]]],
    categories: Sequence[str] = CATEGORIES,
    verbose: bool = False,
) -> tuple[dict[str, Tally], float]:
    """Tallies per category (labels and findings of other categories are left out) and
    the clean drafts' non-metadata findings per 100 drafts."""
    tallies = {c: Tally() for c in categories}
    clean_docs = clean_alarms = 0
    for name, meta in sorted(labels.items()):
        findings = found.get(name, [])
        for label in meta["labels"]:
            if label["category"] not in tallies:
                continue
            tally = tallies[label["category"]]
            tally.labels += 1
            hit = any(explains(label, f) for f in findings)
            tally.found += hit
            if verbose and not hit:
                print(f"miss  {name}:{label['lines']} {label['kind']}")
        for finding in findings:
            category = finding.get("category")
            if category not in tallies:
                continue
            right = any(explains(label, finding) for label in meta["labels"])
            tallies[category].findings += 1
            tallies[category].right += right
            if verbose and not right:
                print(f"false {name}:{finding['line']} {finding['rule']}: {finding['message'][:90]}")
        if meta.get("injected") == ["clean"]:
            clean_docs += 1
            clean_alarms += sum(1 for f in findings if f.get("category") != "metadata")
    return tallies, 100 * clean_alarms / max(clean_docs, 1)


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set_dir", nargs="?", type=Path, default=HERE / "devset")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    labels = json.loads((args.set_dir / "labels.json").read_text(encoding="utf-8"))
    tallies, clean_per_100 = score(labels, run_newslint(args.set_dir / "drafts"), verbose=args.verbose)
    print(f"{'category':<11}{'labels':>7}{'recall':>8}{'findings':>9}{'precision':>10}")
    total = Tally()
    for category, t in tallies.items():
        print(
            f"{category:<11}{t.labels:>7}{ratio(t.found, t.labels):>8}{t.findings:>9}{ratio(t.right, t.findings):>10}"
        )
        total.labels, total.found = total.labels + t.labels, total.found + t.found
        total.findings, total.right = total.findings + t.findings, total.right + t.right
    print(
        f"{'all':<11}{total.labels:>7}{ratio(total.found, total.labels):>8}{total.findings:>9}"
        f"{ratio(total.right, total.findings):>10}"
    )
    print(f"clean drafts: {clean_per_100:.1f} non-metadata findings per 100")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

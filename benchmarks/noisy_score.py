"""Score newslint on the hand-labelled sample of real scraped news articles.

    python benchmarks/noisy_score.py [FOLDER] [--verbose]

FOLDER (default tests/fixtures/noisy) holds real scraped Indonesian and Malay
articles, unchanged, and labels.yaml: per file, the junk lines with their
category (see README.md there for the labelling guide). The script runs

    newslint check --format json --ignore metadata/missing-byline,metadata/missing-date \
        --include '*.txt' FOLDER

through the real command line and reports, per category:

- labels: how many junk lines carry that category;
- found: labels with a finding of the same category on the label's line (or on
  one of its ``also`` lines: the kept copy of a duplicate, the continuation of
  a split sentence), give or take one line. Each finding explains one label at
  most, so one finding on a line with three inline junk runs finds one of them;
- recall: found / labels;
- findings: newslint's findings of that category;
- precision: the share of findings that have a label of their category within
  one line (several findings may share a label).

Every non-blank line that carries no label is article text, so a finding there
is a false alarm. --verbose lists the misses and the false alarms
(file:line, rule, text) for whoever tunes the rules.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "tests" / "fixtures" / "noisy"
CATEGORIES = ("ad-text", "markup", "truncation", "duplicate", "metadata")
IGNORED_RULES = "metadata/missing-byline,metadata/missing-date"
DRAFTS = "*.txt"  # the folder's README.md is not a draft
TOLERANCE = 1


@dataclass(frozen=True)
class Label:
    """One labelled junk line (or inline junk run) of one file."""

    file: str
    line: int
    category: str
    text: str
    also: tuple[int, ...] = ()
    note: str = ""

    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also)


@dataclass(frozen=True)
class Finding:
    """The part of a newslint JSON finding the score needs."""

    file: str
    line: int
    end_line: int
    rule: str
    category: str
    message: str


@dataclass
class CategoryScore:
    labels: int = 0
    found: int = 0
    findings: int = 0
    right: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.labels if self.labels else None

    @property
    def precision(self) -> float | None:
        return self.right / self.findings if self.findings else None


@dataclass
class Score:
    by_category: dict[str, CategoryScore] = field(default_factory=dict)
    misses: list[Label] = field(default_factory=list)
    false_alarms: list[Finding] = field(default_factory=list)
    found_labels: set[Label] = field(default_factory=set)

    def total(self) -> CategoryScore:
        total = CategoryScore()
        for s in self.by_category.values():
            total.labels += s.labels
            total.found += s.found
            total.findings += s.findings
            total.right += s.right
        return total


# -- labels ------------------------------------------------------------------------------


def load_labels(folder: Path) -> dict[str, list[Label]]:
    """labels.yaml of ``folder`` as {file name: labels}; a file with no junk maps to []."""
    raw = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8")) or {}
    labels: dict[str, list[Label]] = {}
    for name, items in raw.items():
        labels[name] = [_label(name, item) for item in items or []]
    return labels


def _label(name: str, item: dict[str, Any]) -> Label:
    also = item.get("also") or ()
    if isinstance(also, int):
        also = (also,)
    return Label(
        name,
        int(item["line"]),
        str(item["category"]),
        str(item.get("text", "")),
        tuple(int(a) for a in also),
        str(item.get("note", "")),
    )


# -- running newslint ----------------------------------------------------------------------


def newslint_command() -> list[str]:
    """``python -m newslint`` when the package has a __main__, else the script next to python."""
    if (ROOT / "newslint" / "__main__.py").exists():
        return [sys.executable, "-m", "newslint"]
    return [str(Path(sys.executable).with_name("newslint"))]


def run_newslint(folder: Path, extra_args: Sequence[str] = ()) -> dict[str, Any]:
    """Run the real CLI on ``folder`` and return its JSON report."""
    cmd = [
        *newslint_command(),
        "check",
        "--format",
        "json",
        "--ignore",
        IGNORED_RULES,
        "--include",
        DRAFTS,
        *extra_args,
        str(Path(folder).resolve()),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False, cwd=ROOT)
    try:
        report: dict[str, Any] = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise RuntimeError(
            f"newslint exited {proc.returncode} and printed no JSON: {proc.stderr.strip()[-2000:]}"
        ) from e
    if proc.returncode not in (0, 1):
        crashes = [
            f"{entry['path']}: {f['message']}"
            for entry in report.get("files", [])
            for f in entry.get("findings", [])
            if f.get("rule") == "internal-error"
        ]
        detail = crashes[0] if crashes else proc.stderr.strip()[-2000:]
        raise RuntimeError(f"newslint exited {proc.returncode} ({len(crashes)} files crashed): {detail}")
    return report


def findings_from_report(report: dict[str, Any]) -> dict[str, list[Finding]]:
    """The report's findings as {file name: findings}."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for entry in report.get("files", []):
        name = Path(entry["path"]).name
        for f in entry.get("findings", []):
            line = int(f.get("line") or 1)
            out[name].append(
                Finding(
                    name,
                    line,
                    int(f.get("end_line") or line),
                    str(f["rule"]),
                    str(f["category"]),
                    str(f.get("message", "")),
                )
            )
    return out


# -- matching ------------------------------------------------------------------------------


def explains(label: Label, finding: Finding) -> bool:
    """True when ``finding`` is of the label's category and within one line of it."""
    if label.category != finding.category:
        return False
    first, last = finding.line - TOLERANCE, finding.end_line + TOLERANCE
    return any(first <= line <= last for line in label.lines())


def match_one_to_one(labels: Sequence[Label], findings: Sequence[Finding]) -> set[int]:
    """Indexes of the labels found when each finding may explain one label (max matching)."""
    owner: dict[int, int] = {}  # finding index -> label index

    def assign(li: int, seen: set[int]) -> bool:
        for fi, finding in enumerate(findings):
            if fi in seen or not explains(labels[li], finding):
                continue
            seen.add(fi)
            if fi not in owner or assign(owner[fi], seen):
                owner[fi] = li
                return True
        return False

    for li in range(len(labels)):
        assign(li, set())
    return set(owner.values())


def score(
    labels: dict[str, list[Label]], findings: dict[str, list[Finding]], categories: Iterable[str] = CATEGORIES
) -> Score:
    """Recall and precision per category, with the misses and the false alarms."""
    result = Score({c: CategoryScore() for c in categories})
    for name in sorted(labels):
        _score_file(labels[name], findings.get(name, []), result)
    for name in sorted(set(findings) - set(labels)):
        _score_file([], findings[name], result)  # a file nobody labelled: all alarms
    return result


def _score_file(labels: list[Label], findings: list[Finding], result: Score) -> None:
    for label in labels:
        result.by_category.setdefault(label.category, CategoryScore()).labels += 1
    found = match_one_to_one(labels, findings)
    for i, label in enumerate(labels):
        if i in found:
            result.by_category[label.category].found += 1
            result.found_labels.add(label)
        else:
            result.misses.append(label)
    for finding in findings:
        s = result.by_category.setdefault(finding.category, CategoryScore())
        s.findings += 1
        if any(explains(label, finding) for label in labels):
            s.right += 1
        else:
            result.false_alarms.append(finding)


# -- reporting -----------------------------------------------------------------------------


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(result: Score) -> str:
    rows = [f"{'category':<11} {'labels':>6} {'found':>6} {'recall':>7} {'findings':>8} {'precision':>9}"]
    for name, s in [*result.by_category.items(), ("all", result.total())]:
        rows.append(
            f"{name:<11} {s.labels:>6} {s.found:>6} {_ratio(s.recall):>7} {s.findings:>8} {_ratio(s.precision):>9}"
        )
    return "\n".join(rows)


def _line_text(folder: Path, name: str, line: int, width: int = 100) -> str:
    try:
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
    except OSError:
        return ""
    text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return text if len(text) <= width else text[: width - 1] + "…"


def format_details(result: Score, folder: Path) -> str:
    out = [f"\nmisses ({len(result.misses)}):"]
    for label in result.misses:
        note = f"  [{label.note}]" if label.note else ""
        out.append(f"  {label.file}:{label.line}: {label.category}: {label.text!r}{note}")
    out.append(f"\nfalse alarms ({len(result.false_alarms)}):")
    for f in result.false_alarms:
        out.append(f"  {f.file}:{f.line}: {f.rule}: {_line_text(folder, f.file, f.line)!r}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=DEFAULT_FOLDER,
        help="folder with the drafts and labels.yaml (default: %(default)s)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    labels = load_labels(args.folder)
    try:
        report = run_newslint(args.folder)
    except RuntimeError as e:
        print(f"noisy_score: {e}", file=sys.stderr)
        return 2
    result = score(labels, findings_from_report(report))
    if args.json:
        print(
            json.dumps(
                {
                    name: {
                        "labels": s.labels,
                        "found": s.found,
                        "recall": s.recall,
                        "findings": s.findings,
                        "precision": s.precision,
                    }
                    for name, s in [*result.by_category.items(), ("all", result.total())]
                },
                indent=1,
            )
        )
    else:
        n_labels = sum(len(v) for v in labels.values())
        print(f"{len(labels)} files, {n_labels} labels ({args.folder})")
        print(format_table(result))
    if args.verbose:
        print(format_details(result, args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

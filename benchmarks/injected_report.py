"""Recall and precision per category on a labelled draft set, per rule, with every miss and false positive.

    python benchmarks/injected_report.py [SET_DIR] [--json REPORT] [--list] [--category CAT] [--rule RULE]

SET_DIR (default: /work/data/field/injected) holds ``drafts/`` and ``labels.json`` in the
format of /work/shared/corpus/dev. Matching is /work/shared/tools/score.py's: a label is
found by a finding of its category (and of its ``rule``, for metadata) on one of its
lines, give or take one; a finding is right when some label of its file explains it that
way (infos count). ``--json`` reads a saved ``newslint check --format json`` report
instead of running newslint. ``--list`` prints every miss (MISS) and false positive (FP)
with the draft's line, so each can be read and classified.

``--verdicts FILE`` (repeatable) reads hand verdicts on the clean articles the drafts were
made from (the ``source`` of each draft, keyed as in benchmarks/field/verdicts.yaml). A
finding no label explains, of the same rule and snippet as a finding a verdict judged a real
``defect`` of that source article, is the source's own defect, not the injection's: it is
counted apart (``source``, listed as SRC) and the ``adjusted`` precision leaves it out. The
plain ``precision`` column counts it against newslint as before. Give only verdicts written
on clean copy before and independently of the scoring (benchmarks/measure_all.sh names them).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

CATEGORIES = ("duplicate", "truncation", "markup", "ad-text", "metadata", "language")
DEFAULT_SET = Path("/work/data/field/injected")


def explains(label: dict[str, Any], finding: dict[str, Any]) -> bool:
    """Does ``label`` account for ``finding`` (same category, rule and line, give or take one)?"""
    if finding.get("category") != label["category"]:
        return False
    if label.get("rule") and label["rule"] not in finding.get("rule", ""):
        return False
    lines = label["lines"]
    return not lines or min(lines) - 1 <= (finding.get("line") or 0) <= max(lines) + 1


def source_defects(paths: Sequence[Path]) -> set[tuple[str, str, str]]:
    """(source article, rule, snippet) of every finding the verdict files judged a real defect."""
    found: set[tuple[str, str, str]] = set()
    for path in paths:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rel, items in (raw.get("verdicts") or {}).items():
            for item in items or []:
                if item.get("verdict") == "defect":
                    found.add((rel, item["rule"], item.get("snippet") or ""))
    return found


def findings_by_file(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {Path(f["path"]).name: f.get("findings", []) for f in report.get("files", [])}


def run(drafts: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "json", str(drafts)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return dict(json.loads(proc.stdout))
    except json.JSONDecodeError:
        raise SystemExit(f"no JSON from newslint (rc {proc.returncode}): {proc.stderr[-500:]}") from None


def line_of(path: Path, n: int) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return lines[n - 1][:160] if 0 < n <= len(lines) else ""


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set_dir", nargs="?", type=Path, default=DEFAULT_SET)
    ap.add_argument("--json", type=Path, help="a saved `newslint check --format json` report of SET_DIR/drafts")
    ap.add_argument("--list", action="store_true", help="print every miss and false positive")
    ap.add_argument("--category", help="only list this category")
    ap.add_argument("--rule", help="only list findings whose rule id contains this")
    ap.add_argument(
        "--verdicts",
        type=Path,
        action="append",
        default=[],
        help="a verdict file on the drafts' source articles; repeatable (see above)",
    )
    args = ap.parse_args(argv)
    judged = source_defects(args.verdicts)
    labels = json.loads((args.set_dir / "labels.json").read_text(encoding="utf-8"))
    report = json.loads(args.json.read_text(encoding="utf-8")) if args.json else run(args.set_dir / "drafts")
    found = findings_by_file(report)
    tally = {c: Counter() for c in CATEGORIES}
    by_rule: dict[str, Counter[str]] = {}
    by_kind: dict[str, Counter[str]] = {}
    out: list[str] = []
    for name, meta in sorted(labels.items()):
        fs = found.get(name, [])
        path = args.set_dir / "drafts" / name
        for lab in meta["labels"]:
            c = lab["category"]
            hit = any(explains(lab, f) for f in fs)
            tally[c]["labels"] += 1
            tally[c]["hit"] += hit
            by_kind.setdefault(lab["kind"], Counter())["labels"] += 1
            by_kind[lab["kind"]]["hit"] += hit
            if not hit and args.list and (not args.category or args.category == c):
                ln = min(lab["lines"]) if lab["lines"] else 0
                out.append(f"MISS {c:<10} {lab['kind']:<10} {name}:{ln}: {line_of(path, ln)}")
        for f in fs:
            c = f.get("category", "")
            if c not in tally:
                continue
            ok = any(explains(lab, f) for lab in meta["labels"])
            own = not ok and (meta.get("source", ""), f.get("rule", ""), f.get("snippet") or "") in judged
            tally[c]["findings"] += 1
            tally[c]["right"] += ok
            tally[c]["source"] += own
            rc = by_rule.setdefault(f["rule"], Counter())
            rc["findings"] += 1
            rc["right"] += ok
            if own and args.list and (not args.category or args.category == c):
                out.append(f"SRC  {f['rule']:<34} {f['severity']:<7} {name}:{f.get('line')} {meta.get('source')}")
            elif (
                not ok
                and args.list
                and (not args.category or args.category == c)
                and (not args.rule or args.rule in f["rule"])
            ):
                kinds = ",".join(meta["injected"])
                out.append(
                    f"FP   {f['rule']:<34} {f['severity']:<7} {name}:{f.get('line')} [{kinds}] "
                    f"{line_of(path, f.get('line') or 0)}"
                )
    head = f"{'category':<11} {'labels':>6} {'recall':>7} {'findings':>8} {'precision':>9}"
    print(head + (f" {'source':>6} {'adjusted':>8}" if args.verdicts else ""))
    for c in CATEGORIES:
        t = tally[c]
        r = t["hit"] / t["labels"] if t["labels"] else float("nan")
        p = t["right"] / t["findings"] if t["findings"] else float("nan")
        line = f"{c:<11} {t['labels']:>6} {r:>7.2f} {t['findings']:>8} {p:>9.2f}"
        if args.verdicts:
            rest = t["findings"] - t["source"]
            line += f" {t['source']:>6} {t['right'] / rest if rest else float('nan'):>8.2f}"
        print(line)
    print("\nper rule (findings / right / precision):")
    for rule, rc in sorted(by_rule.items()):
        print(f"  {rule:<40} {rc['findings']:>5} {rc['right']:>5} {rc['right'] / rc['findings']:>6.2f}")
    print("\nper injected kind (labels / found / recall):")
    for kind, kc in sorted(by_kind.items()):
        print(f"  {kind:<12} {kc['labels']:>5} {kc['hit']:>5} {kc['hit'] / kc['labels']:>6.2f}")
    if out:
        print()
        print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

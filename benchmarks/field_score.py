"""Score newslint on the field corpus, by source group (outlets tuned on vs held out).

    python benchmarks/field_score.py clean   [--field DIR] [--unjudged] [--template]
    python benchmarks/field_score.py scraped [--field DIR] [--split FILE] [--labels FILE]... [--verbose]

Both run the real command line, ``newslint check --format json``, over the corpus
in DIR (default /work/data/field, see its README.md) and split the numbers by
language and by group, as benchmarks/field/split.yaml assigns outlets and sites to
``tune`` (rules may be written against them) and ``holdout`` (they may not).

clean: every warning and error on edited, published copy must be judged by hand in
benchmarks/field/verdicts.yaml, keyed by (file, rule, line, snippet), as ``defect``
(the article really has it: a paywall cut, a leftover ad label, no byline in the
source) or ``false-alarm``, each with a one-line reason. The score gives false
alarms per 100 clean articles (and articles with at least one, per 100) per
language and group, and per rule: findings, defects, false alarms, unjudged.
``--unjudged`` lists the findings that have no verdict yet, with the line they sit
on; ``--template`` prints them as YAML entries to fill in.

scraped: benchmarks/field/scraped-labels.yaml holds, per hand-labelled file, every
junk line with its category and family (read-also, video-teaser, photo-credit...).
A junk line is found when newslint reports anything on it, give or take one line
(a widget that spans two lines is one finding). A finding on a labelled file with
no label within a line of it is a false alarm. Numbers per site, per group and
per family; ``--verbose`` lists the misses and false alarms. ``--field`` may also name a
scraped set laid out ``<lang>/<site>/`` with no ``scraped/`` level (benchmarks/scraped2).

Only warnings and errors count (``--min-severity info`` adds infos).
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks" / "field"
DEFAULT_FIELD = Path("/work/data/field")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SCRAPED_IGNORE = "metadata/missing-byline,metadata/missing-date"
TOLERANCE = 1


@dataclass(frozen=True)
class Finding:
    file: str  # relative to the corpus part (clean/ or scraped/): lang/outlet/name
    rule: str
    line: int
    snippet: str
    severity: str
    message: str

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.file, self.rule, self.line, self.snippet)


@dataclass
class Tally:
    articles: int = 0
    findings: int = 0
    defects: int = 0
    false_alarms: int = 0
    unjudged: int = 0
    articles_with_fa: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


Verdicts = dict[tuple[str, str, int, str], dict[str, str]]


# -- running newslint -------------------------------------------------------------------------


def newslint_command() -> list[str]:
    """``python -m newslint`` of the running interpreter: the newslint of the active venv."""
    return [sys.executable, "-m", "newslint"]


def run_newslint(folder: Path, extra: Sequence[str] = (), cmd: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The JSON report's files for ``folder``; exits with a message if newslint fails."""
    argv = [*(cmd or newslint_command()), "check", "--format", "json", *extra, str(folder)]
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", check=False)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"newslint gave no JSON report (exit {proc.returncode}): {proc.stderr[-800:]}")
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint exited {proc.returncode}: {proc.stderr[-800:]}")
    files: list[dict[str, Any]] = report.get("files", [])
    return files


def collect(folder: Path, min_severity: str, extra: Sequence[str] = ()) -> dict[str, list[Finding]]:
    """Findings at or above ``min_severity`` per file (path relative to ``folder``)."""
    floor = SEVERITY_RANK[min_severity]
    out: dict[str, list[Finding]] = {}
    for f in run_newslint(folder, extra):
        rel = Path(f["path"]).resolve().relative_to(folder.resolve()).as_posix()
        out[rel] = [
            Finding(
                rel, x["rule"], int(x.get("line") or 0), x.get("snippet") or "", x["severity"], x.get("message", "")
            )
            for x in f.get("findings", [])
            if SEVERITY_RANK.get(x.get("severity", "info"), 0) >= floor
        ]
    return out


# -- split ---------------------------------------------------------------------------------


def load_split(path: Path) -> dict[tuple[str, str, str], str]:
    """{(part, lang, outlet): group} from split.yaml."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups: dict[tuple[str, str, str], str] = {}
    for part in ("clean", "scraped"):
        for lang, by_group in (raw.get(part) or {}).items():
            for group, outlets in (by_group or {}).items():
                for outlet in outlets or []:
                    groups[(part, lang, outlet)] = group
    return groups


def group_of(split: dict[tuple[str, str, str], str], part: str, rel: str) -> tuple[str, str, str]:
    lang, outlet = rel.split("/")[:2]
    return lang, outlet, split.get((part, lang, outlet), "unsplit")


# -- clean copy ------------------------------------------------------------------------------


def load_verdicts(path: Path) -> dict[tuple[str, str, int, str], dict[str, str]]:
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    verdicts: dict[tuple[str, str, int, str], dict[str, str]] = {}
    for file, items in (raw.get("verdicts") or {}).items():
        for item in items or []:
            if item.get("verdict") not in ("defect", "false-alarm"):
                sys.exit(f"{path}: {file} line {item.get('line')}: verdict must be defect or false-alarm")
            key = (file, item["rule"], int(item.get("line") or 0), item.get("snippet") or "")
            verdicts[key] = item
    return verdicts


def verdict_files(path: Path) -> list[Path]:
    """The verdict file, then its siblings ``<stem>-*.yaml`` in name order.

    Verdicts may be kept in several files (``verdicts.yaml``, ``verdicts-chrome.yaml``...)
    so that work on different rules adds verdicts without editing one file.
    """
    return [path, *sorted(path.parent.glob(f"{path.stem}-*{path.suffix}"))]


def verdict_for(f: Finding, verdicts: Verdicts) -> dict[str, str] | None:
    """The verdict on a finding: by (file, rule, line, snippet), else by (file, rule, line).

    The fallback keeps a verdict when a rule only changes how much of the line it
    quotes; a finding that moved to another line needs a new verdict.
    """
    exact = verdicts.get(f.key)
    if exact is not None:
        return exact
    cached = _BY_LINE.get(id(verdicts))
    if cached is None or cached[0] is not verdicts:
        by_line: dict[tuple[str, str, int], list[dict[str, str]]] = defaultdict(list)
        for k, v in verdicts.items():
            by_line[k[:3]].append(v)
        cached = _BY_LINE[id(verdicts)] = (verdicts, by_line)
    same_line = cached[1].get(f.key[:3], [])
    return same_line[0] if len(same_line) == 1 else None


_BY_LINE: dict[int, tuple[Verdicts, dict[tuple[str, str, int], list[dict[str, str]]]]] = {}


METADATA_FIELDS = {"metadata/missing-byline": "author", "metadata/missing-date": "date"}


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    meta = yaml.safe_load(text[4:end]) if end > 0 else {}
    return meta if isinstance(meta, dict) else {}


def metadata_verdicts(findings: dict[str, list[Finding]], folder: Path) -> Verdicts:
    """Missing byline/date findings judged against the article's front matter.

    The front matter holds what the source gave: when it has no author (or date), the
    published article had none either, so the finding is right; when it has one, the
    finding is a false alarm (newslint did not read the draft's own metadata).
    """
    verdicts: Verdicts = {}
    for rel, fs in findings.items():
        meta: dict[str, Any] | None = None
        for f in fs:
            key_name = METADATA_FIELDS.get(f.rule)
            if key_name is None:
                continue
            if meta is None:
                meta = front_matter(folder / rel)
            has = bool(str(meta.get(key_name) or "").strip())
            verdicts[f.key] = {
                "verdict": "false-alarm" if has else "defect",
                "reason": f"front matter {'has' if has else 'has no'} {key_name} (judged from the source)",
            }
    return verdicts


def score_clean(
    findings: dict[str, list[Finding]],
    verdicts: dict[tuple[str, str, int, str], dict[str, str]],
    split: dict[tuple[str, str, str], str],
) -> tuple[dict[tuple[str, str], Tally], dict[str, Tally]]:
    by_group: dict[tuple[str, str], Tally] = defaultdict(Tally)
    by_rule: dict[str, Tally] = defaultdict(Tally)
    for rel, fs in findings.items():
        lang, _outlet, group = group_of(split, "clean", rel)
        t = Tally(articles=1)
        for f in fs:
            t.findings += 1
            r = by_rule[f.rule]
            r.findings += 1
            v = verdict_for(f, verdicts)
            if v is None:
                t.unjudged += 1
                r.unjudged += 1
            elif v["verdict"] == "defect":
                t.defects += 1
                r.defects += 1
            else:
                t.false_alarms += 1
                r.false_alarms += 1
        t.articles_with_fa = 1 if t.false_alarms else 0
        by_group[(lang, group)].add(t)
    return by_group, by_rule


def per100(n: int, d: int) -> str:
    return f"{100 * n / d:6.1f}" if d else "     -"


def print_clean(by_group: dict[tuple[str, str], Tally], by_rule: dict[str, Tally]) -> None:
    print(
        f"{'lang':<5}{'group':<9}{'articles':>9}{'findings':>9}{'defects':>8}{'false-al':>9}"
        f"{'unjudged':>9}{'FA/100':>8}{'art.FA/100':>11}"
    )
    totals: dict[str, Tally] = defaultdict(Tally)
    for (lang, group), t in sorted(by_group.items()):
        totals[group].add(t)
        print(
            f"{lang:<5}{group:<9}{t.articles:>9}{t.findings:>9}{t.defects:>8}{t.false_alarms:>9}"
            f"{t.unjudged:>9}{per100(t.false_alarms, t.articles):>8}{per100(t.articles_with_fa, t.articles):>11}"
        )
    for group, t in sorted(totals.items()):
        print(
            f"{'all':<5}{group:<9}{t.articles:>9}{t.findings:>9}{t.defects:>8}{t.false_alarms:>9}"
            f"{t.unjudged:>9}{per100(t.false_alarms, t.articles):>8}{per100(t.articles_with_fa, t.articles):>11}"
        )
    print()
    print(f"{'rule':<40}{'findings':>9}{'defects':>8}{'false-al':>9}{'unjudged':>9}{'precision':>10}")
    for rule, t in sorted(by_rule.items(), key=lambda kv: -kv[1].findings):
        judged = t.defects + t.false_alarms
        prec = f"{t.defects / judged:.2f}" if judged else "-"
        print(f"{rule:<40}{t.findings:>9}{t.defects:>8}{t.false_alarms:>9}{t.unjudged:>9}{prec:>10}")


def line_text(path: Path, line: int) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""


def print_unjudged(
    findings: dict[str, list[Finding]],
    verdicts: dict[tuple[str, str, int, str], dict[str, str]],
    folder: Path,
    template: bool,
) -> None:
    pending = [f for fs in findings.values() for f in fs if verdict_for(f, verdicts) is None]
    if template:
        by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in pending:
            by_file[f.file].append(
                {
                    "rule": f.rule,
                    "line": f.line,
                    "snippet": f.snippet,
                    "verdict": "TODO",
                    "reason": line_text(folder / f.file, f.line)[:160],
                }
            )
        print(yaml.safe_dump(dict(by_file), allow_unicode=True, sort_keys=True, width=10_000))
        return
    for f in sorted(pending, key=lambda f: (f.file, f.line)):
        print(f"{f.file}:{f.line}: {f.rule} [{f.severity}] {f.message[:100]}")
        print(f"    | {line_text(folder / f.file, f.line)[:200]}")
    print(f"{len(pending)} findings without a verdict", file=sys.stderr)


def print_judged(
    findings: dict[str, list[Finding]],
    verdicts: Verdicts,
    folder: Path,
    verdict: str,
    split: dict[tuple[str, str, str], str],
) -> None:
    for rel in sorted(findings):
        group = group_of(split, "clean", rel)[2]
        for f in sorted(findings[rel], key=lambda f: f.line):
            v = verdict_for(f, verdicts)
            if v is None or v["verdict"] != verdict or f.rule in METADATA_FIELDS:
                continue
            print(f"{rel}:{f.line} ({group}) {f.rule}: {v.get('reason', '')}")
            print(f"    | {line_text(folder / f.file, f.line)[:200]}")


# -- scraped copy ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    file: str
    line: int
    category: str
    family: str
    text: str = ""


@dataclass
class JunkTally:
    files: int = 0
    labels: int = 0
    found: int = 0
    findings: int = 0
    false_alarms: int = 0


def load_labels(path: Path) -> dict[str, list[Label]]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {
        file: [
            Label(file, int(i["line"]), i.get("category", ""), i.get("family", ""), i.get("text", ""))
            for i in items or []
        ]
        for file, items in (raw or {}).items()
    }


Tallies = dict[str, dict[str, JunkTally]]


def score_scraped(
    findings: dict[str, list[Finding]], labels: dict[str, list[Label]], split: dict[tuple[str, str, str], str]
) -> tuple[Tallies, list[Label], list[Finding]]:
    """Tallies per site, group and family; the labels missed; the findings on no label."""
    tallies: Tallies = {k: defaultdict(JunkTally) for k in ("site", "group", "family")}
    misses: list[Label] = []
    alarms: list[Finding] = []
    for file, labs in sorted(labels.items()):
        lang, site, group = group_of(split, "scraped", file)
        fs = findings.get(file, [])
        buckets = [
            tallies["site"][f"{lang}/{site} ({group})"],
            tallies["group"][f"{lang}/{group}"],
            tallies["group"][f"all/{group}"],
        ]
        for b in buckets:
            b.files += 1
        for lab in labs:
            hit = any(abs(f.line - lab.line) <= TOLERANCE for f in fs)
            if not hit:
                misses.append(lab)
            for b in [*buckets, tallies["family"][f"{lab.family or lab.category} ({group})"]]:
                b.labels += 1
                b.found += hit
        for f in fs:
            wrong = not any(abs(f.line - lab.line) <= TOLERANCE for lab in labs)
            if wrong:
                alarms.append(f)
            for b in buckets:
                b.findings += 1
                b.false_alarms += wrong
    return tallies, misses, alarms


def print_scraped(tallies: dict[str, dict[str, JunkTally]]) -> None:
    for kind in ("group", "site", "family"):
        print(f"{kind:<34}{'files':>6}{'junk':>6}{'found':>6}{'recall':>8}{'findings':>9}{'false-al':>9}")
        for name, t in sorted(tallies[kind].items()):
            recall = f"{t.found / t.labels:.2f}" if t.labels else "-"
            files = t.files if kind != "family" else ""
            findings = t.findings if kind != "family" else ""
            fa = t.false_alarms if kind != "family" else ""
            print(f"{name:<34}{files!s:>6}{t.labels:>6}{t.found:>6}{recall:>8}{findings!s:>9}{fa!s:>9}")
        print()


# -- main ----------------------------------------------------------------------------------


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("part", choices=("clean", "scraped"))
    ap.add_argument("--field", type=Path, default=DEFAULT_FIELD, help="the field corpus (default %(default)s)")
    ap.add_argument("--split", type=Path, default=HERE / "split.yaml")
    ap.add_argument("--verdicts", type=Path, default=HERE / "verdicts.yaml")
    ap.add_argument(
        "--labels",
        type=Path,
        action="append",
        help="scraped: a label file; repeat to score several together (default scraped-labels.yaml)",
    )
    ap.add_argument("--min-severity", choices=tuple(SEVERITY_RANK), default="warning")
    ap.add_argument("--unjudged", action="store_true", help="list clean findings with no verdict")
    ap.add_argument("--template", action="store_true", help="with --unjudged: print YAML entries to fill in")
    ap.add_argument(
        "--list",
        choices=("false-alarm", "defect"),
        help="clean: list the findings judged so, with their reason and line",
    )
    ap.add_argument("--verbose", action="store_true", help="scraped: list misses and false alarms")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # "| head" ends the output, not a traceback
    folder = args.field / args.part
    if not folder.is_dir() and args.part == "scraped" and args.field.is_dir():
        folder = args.field  # a scraped set laid out <lang>/<site>/ (e.g. /work/data/scraped2)
    if not folder.is_dir():
        print(f"no {args.part} corpus at {folder} (see /work/data/field/README.md)", file=sys.stderr)
        return 2
    split = load_split(args.split)
    if args.part == "clean":
        findings = collect(folder, args.min_severity, ["--include", "*.md"])
        verdicts = metadata_verdicts(findings, folder)
        for path in verdict_files(args.verdicts):
            verdicts.update(load_verdicts(path))
        if args.unjudged:
            print_unjudged(findings, verdicts, folder, args.template)
            return 0
        if args.list:
            print_judged(findings, verdicts, folder, args.list, split)
            return 0
        by_group, by_rule = score_clean(findings, verdicts, split)
        print_clean(by_group, by_rule)
        return 0
    labels: dict[str, list[Label]] = {}
    for path in args.labels or [HERE / "scraped-labels.yaml"]:
        if not path.exists():
            print(f"no label file {path}", file=sys.stderr)
            return 2
        labels.update(load_labels(path))
    findings = collect(folder, args.min_severity, ["--include", "*.txt", "--ignore", SCRAPED_IGNORE])
    tallies, misses, alarms = score_scraped(findings, labels, split)
    print_scraped(tallies)
    if args.verbose:
        for lab in misses:
            print(f"MISS {lab.file}:{lab.line} [{lab.family}] {lab.text[:120]}")
        for f in alarms:
            print(f"FALSE {f.file}:{f.line} {f.rule} | {line_text(folder / f.file, f.line)[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

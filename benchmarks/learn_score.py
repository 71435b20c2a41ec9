"""What `newslint learn` adds on a site's unseen articles: learn from half, lint the other half.

    python benchmarks/learn_score.py [--field DIR --field-labels FILE] [--min-files 8] [--verbose]

For every site with at least --min-files scraped articles, the site's files are
split in two halves by a hash of their names. `newslint learn` reads one half
and writes a pack; `newslint check` lints the other half's hand-labelled files
with the shipped rules alone and with `--rules PACK`; then the halves swap
(two folds). Reported per site and in total:

- junk lines found (a warning or error within one line of a labelled junk
  line), without and with the learned pack: the gain in recall;
- findings on article lines (more than one line away from any junk label):
  false alarms, without and with the pack: the change in precision.

Sources: the hand-labelled Indonesian/Malay sample (tests/fixtures/noisy, the
site read from each scrape's byline line, all of /work/shared/corpus/noisy to
learn from) and, when present, the field corpus of scraped pages with its
labels (/work/data/field/scraped, benchmarks/field/scraped-labels.yaml).
Document-level metadata findings (missing byline or date) are left out: the
scrapes carry byline and date as text lines.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NOISY_LABELS = ROOT / "tests" / "fixtures" / "noisy" / "labels.yaml"
NOISY_ARCHIVE = Path("/work/shared/corpus/noisy")
FIELD = Path("/work/data/field/scraped")
FIELD_LABELS = ROOT / "benchmarks" / "field" / "scraped-labels.yaml"
IGNORE = "metadata/missing-byline,metadata/missing-date"
TOLERANCE = 1
# The Indonesian scrapes name their site only in the byline line's shape.
SITE_SIGNATURES = [
    ("okezone", re.compile(r"Jurnalis-")),
    ("liputan6", re.compile(r"\| Diperbarui ")),
    ("kompas", re.compile(r"Kompas\.com")),
    ("detik", re.compile(r"-\s?detik|\|\s+\w+, \d\d \w{3} \d{4} \d\d:\d\d WIB$|\| \d\d \w{3} \d{4} \d\d:\d\d$")),
]


@dataclass
class Tally:
    files: int = 0
    junk: int = 0
    found: int = 0
    found_learned: int = 0
    alarms: int = 0
    alarms_learned: int = 0
    rules: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def noisy_site(path: Path) -> str:
    if path.name.startswith("lsid-"):
        return "detik-lsid"
    if path.name.startswith("ms-"):
        return "utusan"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    byline = lines[2] if len(lines) > 2 else ""
    return next((site for site, sig in SITE_SIGNATURES if sig.search(byline)), "other")


def sites(field: Path, field_labels: Path) -> dict[str, tuple[list[Path], dict[str, list[int]]]]:
    """site -> (every scraped file of the site, labelled file name -> junk lines)."""
    out: dict[str, tuple[list[Path], dict[str, list[int]]]] = {}
    noisy = yaml.safe_load(NOISY_LABELS.read_text(encoding="utf-8"))
    if NOISY_ARCHIVE.is_dir():
        for path in sorted(NOISY_ARCHIVE.glob("*.txt")):
            files, labels = out.setdefault(f"id/{noisy_site(path)}", ([], {}))
            files.append(path)
            if path.name in noisy:
                labels[path.name] = [int(item["line"]) for item in noisy[path.name] or []]
    if field.is_dir() and field_labels.exists():
        raw = yaml.safe_load(field_labels.read_text(encoding="utf-8")) or {}
        for folder in sorted(p for p in field.glob("*/*") if p.is_dir()):
            rel = folder.relative_to(field).as_posix()
            files, labels = out.setdefault(rel, ([], {}))
            for path in sorted(folder.glob("*.txt")):
                files.append(path)
                key = f"{rel}/{path.name}"
                if key in raw:
                    labels[path.name] = [int(item["line"]) for item in raw[key] or []]
    return out


def half(path: Path) -> int:
    return hashlib.sha256(path.name.encode()).digest()[0] % 2


def newslint(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("newslint", path=str(Path(sys.executable).parent)) or "newslint"
    return subprocess.run([exe, *args], capture_output=True, text=True, check=False)


def findings(files: Sequence[Path], pack: Path | None) -> dict[str, list[int]]:
    """Finding lines per file name, with or without the learned pack."""
    extra = ["--rules", str(pack)] if pack else []
    proc = newslint("check", "--format", "json", "--jobs", "1", "--ignore", IGNORE, *extra, *map(str, files))
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newslint check failed ({proc.returncode}): {proc.stderr[-500:]}")
    report = json.loads(proc.stdout)
    return {
        Path(f["path"]).name: [x["line"] for x in f["findings"] if x["severity"] != "info"] for f in report["files"]
    }


def fold(learn_from: list[Path], lint: list[Path], labels: dict[str, list[int]], tmp: Path, verbose: bool) -> Tally:
    tally = Tally(files=len(lint))
    pack = tmp / "pack.yaml"
    copy = tmp / "learn"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for path in learn_from:  # learn reads a folder: the half, and nothing else
        shutil.copy(path, copy / path.name)
    proc = newslint("learn", str(copy), "-o", str(pack))
    if proc.returncode != 0:
        raise SystemExit(f"newslint learn failed ({proc.returncode}): {proc.stderr[-500:]}")
    tally.rules = len((yaml.safe_load(pack.read_text(encoding="utf-8")) or {}).get("rules") or [])
    before, after = findings(lint, None), findings(lint, pack)
    for path in lint:
        junk = labels[path.name]
        tally.junk += len(junk)
        sides = ((before, "found", "alarms"), (after, "found_learned", "alarms_learned"))
        for lines, found_field, alarm_field in sides:
            got = lines.get(path.name, [])
            setattr(
                tally,
                found_field,
                getattr(tally, found_field) + sum(any(abs(f - j) <= TOLERANCE for f in got) for j in junk),
            )
            setattr(
                tally,
                alarm_field,
                getattr(tally, alarm_field) + sum(not any(abs(f - j) <= TOLERANCE for j in junk) for f in got),
            )
        if verbose:
            new = sorted(set(after.get(path.name, [])) - set(before.get(path.name, [])))
            wrong = [n for n in new if not any(abs(n - j) <= TOLERANCE for j in junk)]
            if wrong:
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()
                for n in wrong:
                    print(f"  learned false alarm {path.name}:{n}: {text[n - 1][:100]!r}")
    return tally


def run(
    all_sites: dict[str, tuple[list[Path], dict[str, list[int]]]], min_files: int, verbose: bool
) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for site, (files, labels) in sorted(all_sites.items()):
            if len(files) < min_files or not labels:
                continue
            tally = Tally()
            for side in (0, 1):
                learn_from = [p for p in files if half(p) != side]
                lint = [p for p in files if half(p) == side and p.name in labels]
                if lint:
                    tally.add(fold(learn_from, lint, labels, Path(tmp), verbose))
            out[site] = tally
            print(f"{site}: {tally}", file=sys.stderr)
    return out


def ratio(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "-"


def report(tallies: dict[str, Tally]) -> None:
    print(f"{'site':<34}{'files':>6}{'rules':>6}{'junk':>6}{'recall':>8}{'+learn':>8}{'FA':>5}{'+learn':>8}")
    total = Tally()
    for site, t in tallies.items():
        total.add(t)
        print(
            f"{site:<34}{t.files:>6}{t.rules:>6}{t.junk:>6}{ratio(t.found, t.junk):>8}"
            f"{ratio(t.found_learned, t.junk):>8}{t.alarms:>5}{t.alarms_learned:>8}"
        )
    print(
        f"{'all':<34}{total.files:>6}{total.rules:>6}{total.junk:>6}{ratio(total.found, total.junk):>8}"
        f"{ratio(total.found_learned, total.junk):>8}{total.alarms:>5}{total.alarms_learned:>8}"
    )
    shipped = total.found + total.alarms
    learned = total.found_learned + total.alarms_learned
    print(
        f"\nrecall {ratio(total.found, total.junk)} -> {ratio(total.found_learned, total.junk)}; "
        f"share of findings on junk {ratio(total.found, shipped)} -> {ratio(total.found_learned, learned)} "
        "(rules = learned rules summed over both folds)"
    )


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--field", type=Path, default=FIELD, help="scraped field corpus (lang/site/*.txt)")
    parser.add_argument("--field-labels", type=Path, default=FIELD_LABELS)
    parser.add_argument("--min-files", type=int, default=8, help="sites with fewer scraped files are skipped")
    parser.add_argument("--verbose", action="store_true", help="list the learned rules' false alarms")
    args = parser.parse_args(None if argv is None else list(argv))
    tallies = run(sites(args.field, args.field_labels), args.min_files, args.verbose)
    if not tallies:
        print("no site has enough labelled scraped files", file=sys.stderr)
        return 1
    report(tallies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

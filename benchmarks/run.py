"""Speed and memory of newslint, measured side by side in one run.

    python benchmarks/run.py [--files 1000] [--repeat 5] [--no-proselint] [--no-big | --only-big]
                             [--only-single] [--instructions] [--against OTHER_NEWSLINT]

Every comparison runs its commands alternately (A B A B ...), so drift of a
shared machine falls on both sides alike, and reports the median of --repeat
runs and the ratio of medians. The machine's load average is printed before
and after, because these machines are shared and noisy.

1. Generates N realistic 2-6 KB drafts (Indonesian, English, Malay and a few
   other languages; Markdown with front matter and plain text; some with junk)
   from the paragraphs of the clean corpus in tests/fixtures/clean/.
2. Single file (the pre-commit case): CPU time (user + system, all processes)
   of `newslint check ONE_FILE` against `python -c "import click, yaml"`, for a
   plain-text draft (a.txt), a Markdown draft of prose (a.md) and the first
   Markdown draft with a list or a heading (b.md). Target: at most 2x.
   --against OTHER_NEWSLINT (the `newslint` command of another
   install, e.g. a venv of the previous release) runs that build's single-file
   commands in the same alternation, with its ratios to the floor and to this build.
   --only-single runs this part alone (with the drafts it needs). --instructions
   also counts each command's instructions once with valgrind (cachegrind,
   start-up included), which the machine's load does not move.
3. Directory run: `newslint check DIR` (default jobs), `newslint check --jobs 1
   DIR` and `proselint check DIR`: wall time, files per second, ratios.
   Targets: at least 12x proselint; never slower than --jobs 1. With --against,
   the other build's `check --jobs 1 DIR` runs in the same alternation too.
4. Memory, summed over every process of the run (the CLI and its workers):
   peak of the summed RSS, and of the summed PSS (shared pages split between
   the processes that share them), sampled every 20 ms from /proc.
5. Big files (unless --no-big): one article of 1 MB and one of 5 MB (0.96 and 4.8
   million bytes: under newslint's 5,000,000-byte limit for a draft), plain and
   near-duplicate-heavy; lint CPU time and its growth against linear, and peak
   memory against the file's size. Targets: within 1.2x of linear; memory at
   most 10x the size. --only-big runs this part alone (no drafts, no single-file
   or directory runs).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "clean"
JUNK = [
    "Advertisement",
    "Baca Juga: Harga Emas Hari Ini Naik Lagi",
    "Top",
    "SCROLL TO CONTINUE WITH CONTENT",
    "mgid.com, 713808, DIRECT, d4c29acad76ce94f",
    "Share this article",
    "[Gambas:Video 20detik]",
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1-0'); });",
]
SAMPLE_SECONDS = 0.02
# Installed packages come with their bytecode compiled (pip does it), newslint's too once
# it has run. An environment that forbids writing bytecode would charge newslint, and only
# newslint, for compiling its sources at every start: the runs measured here may write it.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def paragraphs_by_language() -> dict[str, list[str]]:
    """Body paragraphs of the clean corpus, grouped by the language in the file name."""
    bank: dict[str, list[str]] = {}
    for path in sorted(CORPUS.glob("*.md")):
        lang = path.stem.rsplit("-", 1)[-1]
        body = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.S)
        paras = [p.strip() for p in body.split("\n\n") if 80 <= len(p.strip()) <= 900]
        bank.setdefault(lang, []).extend(paras)
    return {lang: paras for lang, paras in bank.items() if len(paras) >= 5}


def make_draft(rng: random.Random, bank: dict[str, list[str]]) -> tuple[str, str]:
    """One draft of 2-6 KB: (suffix, text)."""
    # Drafts are in one language each: mostly Indonesian, English and Malay, some others.
    others = sorted(set(bank) - {"id", "en", "ms"})
    lang = rng.choices(["id", "en", "ms", "other"], weights=[4, 4, 2, 1])[0]
    if lang == "other":
        lang = rng.choice(others)
    target = rng.randint(2000, 6000)
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < target:
        parts.append(rng.choice(bank[lang]))
        if rng.random() < 0.08:
            parts.append(rng.choice(JUNK))
    body = "\n\n".join(parts) + "\n"
    if rng.random() < 0.5:
        front = (
            f'---\ntitle: "Draft {rng.randint(1, 10**6)}"\nauthor: "Desk"\n'
            f"date: 2025-01-{rng.randint(1, 28):02}\n---\n\n"
        )
        return ".md", front + body
    return ".txt", f"Headline number {rng.randint(1, 10**6)}\n\n" + body


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    bank = paragraphs_by_language()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        suffix, text = make_draft(rng, bank)
        (folder / f"draft-{n:05}{suffix}").write_text(text, encoding="utf-8")


def big_article(path: Path, size: int, near_duplicates: bool, seed: int = 11) -> None:
    """One English article of about ``size`` bytes; optionally every paragraph has near-twins."""
    rng = random.Random(seed)
    paras = paragraphs_by_language()["en"]
    parts: list[str] = []
    total = 0
    while total < size:
        para = rng.choice(paras)
        if near_duplicates:
            # The same paragraph again with one word changed: a near-duplicate candidate pair.
            words = para.split()
            words[rng.randrange(len(words))] = f"word{rng.randrange(10**6)}"
            para = " ".join(words)
        parts.append(para)
        total += len(para) + 2
    path.write_text("Big article\n\n" + "\n\n".join(parts) + "\n", encoding="utf-8")


# --- measuring a command: wall, CPU and memory summed over its process tree ------------------


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + system seconds of every process of the run
    rss: int  # peak of the summed RSS, KiB
    pss: int  # peak of the summed PSS, KiB


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    kids = [int(k) for k in text.split()]
    return kids + [grandchild for kid in kids for grandchild in _children(kid)]


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB of one process, from smaps_rollup; zeros once it is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return rss, pss


def measure(cmd: Sequence[str]) -> Run:
    """Run ``cmd``; sample the summed memory of its process tree while it runs."""
    # getrusage, not os.times: times() counts in clock ticks (10 ms steps, a sixth of a
    # one-file run), getrusage in microseconds.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        totals = [_memory(p) for p in [proc.pid, *_children(proc.pid)]]
        peak_rss = max(peak_rss, sum(t[0] for t in totals))
        peak_pss = max(peak_pss, sum(t[1] for t in totals))
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, peak_rss, peak_pss)


def alternate(cmds: dict[str, Sequence[str]], repeat: int) -> dict[str, list[Run]]:
    """Run each command once per round, in turn, for ``repeat`` rounds (after one warm-up round)."""
    for cmd in cmds.values():
        measure(cmd)  # warm the page cache and any on-disk caches alike
    runs: dict[str, list[Run]] = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            runs[name].append(measure(cmd))
    return runs


def median(runs: list[Run], field: Callable[[Run], float]) -> float:
    return statistics.median(field(r) for r in runs)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def executable(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


# --- the four measurements --------------------------------------------------------------------


# A Markdown line that opens a list item or a heading (block syntax beyond paragraphs).
_BLOCK_SYNTAX = re.compile(r"^(?:#{1,6} |[-*+] |\d{1,9}[.)] )", re.M)


def instructions(cmd: Sequence[str]) -> int | None:
    """User-space instructions of one run of ``cmd`` (valgrind's cachegrind), start-up
    included; None without valgrind. The count does not move with the machine's load,
    where a shared machine's CPU times move by a fifth between runs. The smaller of two
    runs: a run that writes an on-disk cache entry (another newslint run on the machine
    may have changed it) counts that work, which the next run does not do."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    counts = []
    for _ in range(2):
        out = subprocess.run(
            [valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *cmd],
            capture_output=True,
            text=True,
            env=CHILD_ENV,
        )
        counted = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
        if counted is None:
            return None
        counts.append(int(counted.group(1).replace(",", "")))
    return min(counts)


def single_file(
    newslint: str, drafts: Path, repeat: int, against: str | None = None, count_instructions: bool = False
) -> None:
    one = sorted(drafts.glob("*.txt"))[0]
    md = sorted(drafts.glob("*.md"))[0]
    listed = next(p for p in sorted(drafts.glob("*.md")) if _BLOCK_SYNTAX.search(p.read_text(encoding="utf-8")))
    cmds: dict[str, Sequence[str]] = {"python -c 'import click, yaml'": [sys.executable, "-c", "import click, yaml"]}
    names = ("a.txt", "a.md", "b.md")
    for name, path in zip(names, (one, md, listed), strict=True):
        cmds[f"newslint check {name}"] = [newslint, "check", str(path)]
        if against:
            cmds[f"(against) check {name}"] = [against, "check", str(path)]
    runs = alternate(cmds, repeat)
    floor = median(runs["python -c 'import click, yaml'"], lambda r: r.cpu)
    print(f"\n{'single file':<32}{'CPU ms':>8}{'wall ms':>9}{'vs floor':>10}")
    for name, rs in runs.items():
        cpu = median(rs, lambda r: r.cpu)
        print(f"{name:<32}{cpu * 1000:>8.1f}{median(rs, lambda r: r.wall) * 1000:>9.1f}{cpu / floor:>9.2f}x")
    print("target: newslint CPU at most 2x the floor")
    print(f"a.txt is {one.name}, a.md {md.name}, b.md {listed.name} (a list or a heading)")
    if against:
        print(f"(against) is {against}")
        for name in names:
            ours = median(runs[f"newslint check {name}"], lambda r: r.cpu)
            theirs = median(runs[f"(against) check {name}"], lambda r: r.cpu)
            print(f"check {name}: this build's CPU is {ours / theirs:.2f}x the other's")
    if count_instructions:
        counts = {name: instructions(cmd) for name, cmd in cmds.items()}
        base = counts["python -c 'import click, yaml'"]
        if base is None:
            print("\ninstructions: valgrind is not installed (Debian: apt-get install -y valgrind)")
            return
        print(f"\n{'single file, instructions':<32}{'million':>10}{'vs floor':>10}")
        for name, count in counts.items():
            if count is not None:
                print(f"{name:<32}{count / 1e6:>10.1f}{count / base:>9.2f}x")


def directory(
    newslint: str, drafts: Path, files: int, repeat: int, with_proselint: bool, against: str | None = None
) -> None:
    cmds: dict[str, Sequence[str]] = {
        "newslint check DIR": [newslint, "check", str(drafts)],
        "newslint check --jobs 1 DIR": [newslint, "check", "--jobs", "1", str(drafts)],
    }
    if against:
        cmds["(against) check --jobs 1 DIR"] = [against, "check", "--jobs", "1", str(drafts)]
    proselint = executable("proselint") if with_proselint else None
    if proselint:
        cmds["proselint check DIR"] = [proselint, "check", str(drafts)]
    elif with_proselint:
        print("proselint not installed (pip install proselint==0.16.0): comparison skipped")
    runs = alternate(cmds, repeat)
    print(f"\n{'directory run':<32}{'wall s':>8}{'files/s':>9}{'CPU s':>8}{'RSS MiB':>9}{'PSS MiB':>9}")
    for name, rs in runs.items():
        wall = median(rs, lambda r: r.wall)
        print(
            f"{name:<32}{wall:>8.2f}{files / wall:>9.0f}{median(rs, lambda r: r.cpu):>8.2f}"
            f"{median(rs, lambda r: r.rss) / 1024:>9.0f}{median(rs, lambda r: r.pss) / 1024:>9.0f}"
        )
    default = median(runs["newslint check DIR"], lambda r: r.wall)
    serial = median(runs["newslint check --jobs 1 DIR"], lambda r: r.wall)
    default_cpu = median(runs["newslint check DIR"], lambda r: r.cpu)
    serial_cpu = median(runs["newslint check --jobs 1 DIR"], lambda r: r.cpu)
    print(
        f"default jobs / --jobs 1 speed: {serial / default:.2f}x (target: at least 1.0x); "
        f"CPU {serial_cpu / default_cpu:.2f}x"
    )
    print(f"newslint CPU per draft: {serial_cpu / files * 1000:.2f} ms with --jobs 1 (the run's start included)")
    if against:
        theirs = median(runs["(against) check --jobs 1 DIR"], lambda r: r.cpu)
        print(f"check --jobs 1 DIR: this build's CPU is {serial_cpu / theirs:.2f}x the other's ({against})")
    if proselint:
        prose_cpu = median(runs["proselint check DIR"], lambda r: r.cpu)
        print(
            f"newslint / proselint speed: {median(runs['proselint check DIR'], lambda r: r.wall) / default:.1f}x "
            f"(target: at least 12x); CPU {prose_cpu / default_cpu:.1f}x, with --jobs 1 {prose_cpu / serial_cpu:.1f}x"
        )
    print("memory is summed over every process of the run (the CLI and its workers)")


# The big files: 1 MB and 5 MB (decimal, as newslint's limit), each a little under so
# that the larger stays below the 5,000,000-byte limit for a draft and is linted at all.
BIG_BYTES = {1: 960_000, 5: 4_800_000}


def big_files(newslint: str, tmp: Path, repeat: int) -> None:
    # A one-paragraph draft in the same alternation: the memory any run holds (the
    # interpreter, the rules, language profiles), to tell from what the big file costs.
    small = tmp / "big-baseline.txt"
    big_article(small, 1_000, False)
    print(f"\n{'big file':<32}{'size MB':>8}{'CPU s':>8}{'RSS MiB':>9}{'RSS / size':>12}{'(RSS - base) / size':>21}")
    for near in (False, True):
        kind = "near-duplicate-heavy" if near else "plain"
        paths = {}
        for mb in (1, 5):
            paths[mb] = tmp / f"big-{kind}-{mb}mb.txt"
            big_article(paths[mb], BIG_BYTES[mb], near)
            linted(newslint, paths[mb])
        cmds = {str(mb): [newslint, "check", "--jobs", "1", str(p)] for mb, p in paths.items()}
        cmds["base"] = [newslint, "check", "--jobs", "1", str(small)]
        runs = alternate(cmds, repeat)
        cpu = {mb: median(runs[str(mb)], lambda r: r.cpu) for mb in paths}
        base = median(runs["base"], lambda r: r.rss) * 1024
        for mb, path in paths.items():
            size = path.stat().st_size
            rss = median(runs[str(mb)], lambda r: r.rss) * 1024
            print(
                f"{kind + ' ' + str(mb) + ' MB':<32}{size / 1e6:>8.2f}{cpu[mb]:>8.2f}{rss / 2**20:>9.0f}"
                f"{rss / size:>11.1f}x{(rss - base) / size:>20.1f}x"
            )
        print(f"{kind}: 5 MB / 1 MB CPU {cpu[5] / cpu[1]:.2f} (linear is 5.0; target within 1.2x: at most 6.0)")
        # What any run costs (start-up, rules, language profiles) is not the document's lint.
        fixed = median(runs["base"], lambda r: r.cpu)
        print(
            f"{kind}: a one-paragraph draft's run takes {fixed:.2f} s of CPU and holds {base / 2**20:.0f} MiB; "
            f"less that run, 5 MB / 1 MB CPU {(cpu[5] - fixed) / (cpu[1] - fixed):.2f}"
        )
    print("targets: peak memory at most 10x the file size")


def linted(newslint: str, path: Path) -> None:
    """Stop when newslint refuses the file (too large...): its time would measure nothing."""
    import json

    done = subprocess.run(
        [newslint, "check", "--jobs", "1", "--format", "json", "--select", "input", str(path)],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
    )
    refused = [f["rule"] for r in json.loads(done.stdout)["files"] for f in r["findings"]]
    if refused:
        raise SystemExit(f"{path.name} ({path.stat().st_size} bytes) was not linted: {refused}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument("--no-big", action="store_true", help="skip the 1 MB / 5 MB big-file runs")
    parser.add_argument("--only-big", action="store_true", help="run only the 1 MB / 5 MB big-file part")
    parser.add_argument("--only-single", action="store_true", help="run only the single-file part")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the single-file runs' instructions with valgrind (once each: load does not move them)",
    )
    parser.add_argument(
        "--against",
        metavar="NEWSLINT",
        help="another build's newslint command, run alternately in the single-file part and as --jobs 1 DIR",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.files < 1:
        parser.error("--files and --repeat must be at least 1")
    if args.no_big and args.only_big:
        parser.error("--no-big and --only-big exclude each other")
    if args.only_single and args.only_big:
        parser.error("--only-single and --only-big exclude each other")
    newslint = executable("newslint")
    if newslint is None:
        print("newslint is not installed in this environment", file=sys.stderr)
        return 2
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.only_big:
            big_files(newslint, Path(tmp), args.repeat)
            print(f"\nafter: {load()}")
            return 0
        drafts = Path(tmp) / "drafts"
        generate(drafts, args.files)
        size = sum(p.stat().st_size for p in drafts.iterdir()) / args.files / 1024
        print(f"{args.files} drafts, {size:.1f} KB on average; commands alternate; median of {args.repeat} runs")
        single_file(newslint, drafts, args.repeat, args.against, args.instructions)
        if args.only_single:
            print(f"\nafter: {load()}")
            return 0
        directory(newslint, drafts, args.files, args.repeat, not args.no_proselint, args.against)
        if not args.no_big:
            big_files(newslint, Path(tmp), args.repeat)
    print(f"\nafter: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

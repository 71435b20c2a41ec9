"""Speed and memory of newslint, measured side by side in one run.

    python benchmarks/run.py [--files 1000] [--repeat 5] [--no-proselint]

1. Generates N realistic 2-6 KB drafts (Indonesian, English, Malay and a few
   other languages; Markdown with front matter and plain text; some with junk)
   from the paragraphs of the clean corpus in tests/fixtures/clean/.
2. Directory run: `newslint check DIR` against `proselint check DIR` on the same
   drafts, median wall time of --repeat runs, files per second and the ratio.
3. Single file (the pre-commit case): `newslint check ONE_FILE` wall time,
   median of --repeat runs, beside `python -c pass` as the floor.
4. Peak memory (max RSS of the whole run, all processes) for N/4 and N files:
   flat means the ratio stays near 1.
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
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "clean"
JUNK = ["Advertisement", "Baca Juga: Harga Emas Hari Ini Naik Lagi", "Top", "SCROLL TO CONTINUE WITH CONTENT",
        "mgid.com, 713808, DIRECT, d4c29acad76ce94f", "Share this article", "[Gambas:Video 20detik]",
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1-0'); });"]


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
        front = (f"---\ntitle: \"Draft {rng.randint(1, 10**6)}\"\nauthor: \"Desk\"\n"
                 f"date: 2025-01-{rng.randint(1, 28):02}\n---\n\n")
        return ".md", front + body
    return ".txt", f"Headline number {rng.randint(1, 10**6)}\n\n" + body


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    bank = paragraphs_by_language()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        suffix, text = make_draft(rng, bank)
        (folder / f"draft-{n:05}{suffix}").write_text(text, encoding="utf-8")


def timed(cmd: Sequence[str]) -> tuple[float, int]:
    """Wall seconds and the max RSS (KiB) of the command's process tree."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-400:]}")
    return wall, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def median_wall(cmd: Sequence[str], repeat: int) -> float:
    return statistics.median(timed(cmd)[0] for _ in range(repeat))


def peak_rss(cmd: Sequence[str]) -> int:
    """Peak RSS in KiB of one run, measured in a fresh child so earlier runs do not count."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def executable(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    args = parser.parse_args(argv)
    newslint = executable("newslint")
    if newslint is None:
        print("newslint is not installed in this environment", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        drafts = Path(tmp) / "drafts"
        generate(drafts, args.files)
        quarter = Path(tmp) / "quarter"
        generate(quarter, max(1, args.files // 4))
        one = sorted(drafts.glob("*.txt"))[0]
        print(f"{args.files} drafts, {sum(p.stat().st_size for p in drafts.iterdir()) / args.files / 1024:.1f} KB "
              f"on average; {os.cpu_count()} cores; median of {args.repeat} runs\n")
        rows = [("newslint check DIR", median_wall([newslint, "check", str(drafts)], args.repeat))]
        proselint = None if args.no_proselint else executable("proselint")
        if proselint:
            rows.append(("proselint check DIR", median_wall([proselint, "check", str(drafts)], args.repeat)))
        print(f"{'directory run':<24}{'wall s':>9}{'files/s':>10}")
        for name, wall in rows:
            print(f"{name:<24}{wall:>9.2f}{args.files / wall:>10.0f}")
        if len(rows) == 2:
            print(f"newslint / proselint files per second: {rows[1][1] / rows[0][1]:.1f}x")
        elif not args.no_proselint:
            print("proselint not installed (pip install proselint) - comparison skipped")
        floor = median_wall([sys.executable, "-c", "pass"], args.repeat)
        single = median_wall([newslint, "check", str(one)], args.repeat)
        single_md = median_wall([newslint, "check", str(sorted(drafts.glob("*.md"))[0])], args.repeat)
        print(f"\n{'single file':<24}{'wall ms':>9}")
        print(f"{'python -c pass':<24}{floor * 1000:>9.0f}")
        print(f"{'newslint check a.txt':<24}{single * 1000:>9.0f}   (language detected)")
        print(f"{'newslint check a.md':<24}{single_md * 1000:>9.0f}")
        small, big = peak_rss([newslint, "check", str(quarter)]), peak_rss([newslint, "check", str(drafts)])
        print(f"\npeak RSS: {small / 1024:.0f} MiB for {args.files // 4} files, {big / 1024:.0f} MiB for "
              f"{args.files} files (ratio {big / small:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How often the language of an article's lead alone is read right, per outlet.

    python benchmarks/fresh/lead_language.py [--paragraphs N] [DIR...]

A short Malay story (one paragraph, as Astro Awani's leads are) gives little for the
language detection to go on, and Malay and Indonesian share most of their words. This
takes the first N prose paragraphs (default 1; 12 words or more each, the title and the
front matter left out) of every clean article under the given folders (default: the
Malay and Indonesian outlets of the field corpus, the fresh set and the shared corpus),
detects their language as a document's would be, and reports per outlet how many come
back in the outlet's language (the folder ``clean/<lang>/<outlet>/``; the shared
corpus's files name their language: ``-<lang>.md``), and the other answers.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from newslint import language
from newslint.lexicon import shipped_lexicon
from newslint.words import WordWork

DEFAULT_DIRS = [
    Path("/work/data/field/clean/id"),
    Path("/work/data/fresh/clean/id"),
    Path("/work/data/fresh/clean/ms"),
    Path("/work/shared/corpus/clean"),
]
WORDS = re.compile(r"\w+")


def lead(text: str, n: int) -> str:
    if text.startswith("---"):
        text = text.split("\n---", 1)[-1]
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if len(WORDS.findall(p)) >= 12 and not p.startswith("#")]
    return "\n\n".join(paras[:n])


def outlet_of(path: Path) -> tuple[str, str] | None:
    m = re.search(r"/clean/([a-z]{2})/([^/]+)/", str(path))
    if m:
        return m.group(1), m.group(2)
    m = re.search(r"-([a-z]{2})\.md$", path.name)
    return (m.group(1), "shared-corpus") if m and m.group(1) in ("id", "ms") else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    ap.add_argument("--paragraphs", type=int, default=1)
    ap.add_argument("--list", action="store_true", help="print every lead read wrong")
    args = ap.parse_args(argv)
    work = WordWork(shipped_lexicon())
    answers: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for folder in args.dirs:
        for path in sorted(folder.rglob("*.md")):
            where = outlet_of(path)
            if where is None:
                continue
            text = lead(path.read_text(encoding="utf-8"), args.paragraphs)
            if not text:
                continue
            got, _ = language.detect(text, work)
            answers[where][got] += 1
            if args.list and got != where[0]:
                print(f"{path}: {got}: {text[:160]!r}")
    print(f"{'lang':4} {'outlet':18} {'leads':>5} {'right':>5} {'share':>6}  other answers")
    for (lang, outlet), counts in sorted(answers.items()):
        total = sum(counts.values())
        right = counts[lang]
        others = ", ".join(f"{k} {v}" for k, v in counts.most_common() if k != lang)
        print(f"{lang:4} {outlet:18} {total:5} {right:5} {right / total:6.2f}  {others}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

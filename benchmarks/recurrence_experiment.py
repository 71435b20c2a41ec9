"""Experiment: lines that recur across the documents of one run, as a chrome signal.

    python benchmarks/recurrence_experiment.py [--min-docs K] [--min-share S] [--min-sites N]
        [--min-run R] [--story-share F] [--skip-title] [--run-max-words W] [--run-no-sentence]
        [--only clean|scraped] [--show-clean] [--show-scraped] [--refresh]

When ``newslint check`` lints many documents at once, a line that recurs in
several of them (after ``newslint learn``'s normalisation: case and punctuation
ignored, numbers and month/weekday names masked) is a candidate for site chrome.
This script measures that idea without touching the engine:

- on every clean set (field and fresh, per outlet folder): the lines it would
  flag that the shipped rules do not already flag at warning or above, per 100
  documents and language, and (``--show-clean``) each one, grouped by folder and
  normalised line, to judge;
- on every scraped set: the recall of hand-labelled junk lines, held-out and tuned
  sites apart, before (the shipped rules, from ``newslint check``, as
  field_score.py counts them: a warning or error within a line) and after (the
  shipped rules or a recurrence flag within a line), and the new flags on
  labelled files that sit on no label (false alarms); ``--show-scraped`` lists
  the gains and the false alarms.

A line is recurring when it is in at least ``--min-docs`` documents (and
``--min-share`` of them) of its folder, or, with ``--min-sites``, in documents of
that many folders of the run. Exclusions, each an option: documents that share
long lines (``--story-share`` of the smaller one's lines of ``--story-words``
tokens, and at least two) count as one story, since a republished or syndicated
article recurs because its text does; ``--min-run`` keeps only runs of that many
consecutive recurring lines (menus, footers and teaser lists come in runs,
credits and headings alone); ``--skip-title`` leaves each document's first line
alone; ``--run-max-words`` and ``--run-no-sentence`` keep run-wide recurrence to
short, non-sentence lines (navigation words). Shipped findings are cached per
set in /tmp/recur-baseline-<set>.json (``--refresh`` reruns newslint).

Results on 0.10.0 (2026-12-01, load about 4.5 on 2 cores). Held-out sites have
few pages: field 117 sites, median 2 pages (50 with one); scraped2 26, median 1
(21 with one); scrapedms 5, median 8; scrapedx 44, median 1 (42 with one).
Held-out recall before -> after, and new clean flags per 100 documents:

  A  --min-docs 2 --min-sites 2 (no exclusion; the ceiling of the signal)
     recall field 0.81 -> 0.85, scraped2 0.56 -> 0.58, scrapedms 0.61 -> 0.62,
     scrapedx 0.49 -> 0.54; 21+24+0+7 new flags on no label of held-out files.
     clean field id 19.3 pt 47.2 en 1.2; fresh en 72.6 id 44.3 es 25.2 pt 15.9
     ms 14.5 fr 5.0. Mostly republished or syndicated articles (one story in two
     folders or twice in one), then credits ("Oleh: ...", "Lusa/Fim", "FM // JPS",
     "By ..."), section headings ("Babak kedua", "Susunan Pemain"), standard
     paragraphs (poll margins of error, an outlet's about-us line).
  B  --min-docs 2 --min-sites 3 --min-run 2 --story-share 0.25 --skip-title
     --run-max-words 3 --run-no-sentence
     recall unchanged on every held-out group (scrapedx 0.49 -> 0.49).
     clean 60 new flags: field id 2.3 pt 2.7, fresh en 7.5 id 1.1 per 100; of
     them 12 defects (National Post's "Article content" label, Global News's
     related headlines) and 48 false alarms (DailySocial's about-us paragraph,
     "Sumber: ..." credits and disclosure; Lusa sign-offs; a recurring IPCA
     explainer; Goal's line-up headings; MarketWatch's retirement reading list;
     a Detik heading and a shared paragraph).
  C  as B with --min-docs 3
     recall unchanged on every held-out group; clean 6 new flags, all defects
     (National Post's "Article content", 2.5 per 100 fresh en, a tuned outlet).

Of the 956 held-out junk lines the shipped rules miss (54 field, 324 scraped2, 24
scrapedms, 554 scrapedx), 77 recur anywhere in their run under A (11, 15, 1, 54):
8%, the most any recurrence rule could add, before any precision is paid for.

Decision: not shipped as a check. What recurs on the held-out scraped sites is
mostly not there to count (one page per site), and what recurs across sites is
syndicated text; the exclusions that bring the clean false alarms to zero take
every held-out gain with them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import field_score  # noqa: E402

from newslint.learn import _SENTENCE_END, DATE, NUMBER, Normaliser, date_words, read_documents  # noqa: E402
from newslint.rules import load_rules  # noqa: E402

DATA = Path("/work/data")
CLEAN_SETS = {"field": DATA / "field" / "clean", "fresh": DATA / "fresh" / "clean"}
SCRAPED_SETS = {
    "field": (DATA / "field" / "scraped", "benchmarks/field/split.yaml", ["benchmarks/field/scraped-labels.yaml"]),
    "scraped2": (
        DATA / "scraped2",
        "benchmarks/scraped2/split.yaml",
        ["benchmarks/scraped2/labels.yaml", "benchmarks/scraped2/labels-round3.yaml"],
    ),
    "scrapedms": (DATA / "scrapedms", "benchmarks/scrapedms/split.yaml", ["benchmarks/scrapedms/labels.yaml"]),
    "scrapedx": (DATA / "scrapedx", "benchmarks/scrapedx/split.yaml", ["benchmarks/scrapedx/labels.yaml"]),
}


@dataclass(frozen=True)
class Line:
    file: str  # lang/folder/name, relative to the set
    folder: str  # lang/folder
    number: int
    text: str
    key: tuple[str, ...]
    index: int  # place among the document's non-blank lines


def lines_of(root: Path, pattern: str, normaliser: Normaliser) -> list[Line]:
    paths = sorted(str(p) for p in root.rglob(pattern) if p.is_file())
    docs = read_documents(paths, 10_000_000).documents
    out: list[Line] = []
    for doc in docs:
        rel = Path(doc.path).resolve().relative_to(root.resolve()).as_posix()
        folder = "/".join(rel.split("/")[:2])
        place = 0
        for block in doc.blocks:
            for index, text in block.lines():
                if not text.strip():
                    continue
                place += 1
                keys = normaliser.keys(text)
                if not keys:
                    continue
                number = doc.position(block.source_offset(index + len(text) - len(text.lstrip())))[0]
                out.append(Line(rel, folder, number, text.strip(), keys[0][0], place))
    return out


def stories(lines: list[Line], args: argparse.Namespace) -> dict[str, str]:
    """{file: story}: documents that share enough long lines are one story (a republished
    or syndicated article), whose lines recur because the text does, not the template."""
    long_lines: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for ln in lines:
        if len(ln.key) >= args.story_words:
            long_lines[ln.file].add(ln.key)
    holders: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for file, keys in long_lines.items():
        for key in keys:
            holders[key].append(file)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    shared: Counter[tuple[str, str]] = Counter()
    for files in holders.values():
        if len(files) > 50:
            continue  # a line in very many documents is template, not a story's text
        for i, a in enumerate(files):
            for b in files[i + 1 :]:
                shared[(a, b) if a < b else (b, a)] += 1
    for (a, b), n in shared.items():
        smaller = min(len(long_lines[a]), len(long_lines[b]))
        if n >= 2 and n >= args.story_share * smaller:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {ln.file: find(ln.file) for ln in lines}


def flagged(lines: list[Line], args: argparse.Namespace) -> list[tuple[Line, str]]:
    """The lines the recurrence rule would flag, with why ('folder' or 'run')."""
    story = stories(lines, args) if args.story_share else {ln.file: ln.file for ln in lines}
    docs_per_folder: Counter[str] = Counter()
    seen_files: set[str] = set()
    by_folder: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    by_run: dict[tuple[str, ...], set[str]] = defaultdict(set)
    run_folders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ln in lines:
        if ln.file not in seen_files:
            seen_files.add(ln.file)
            docs_per_folder[ln.folder] += 1
        by_folder[(ln.folder, ln.key)].add(story[ln.file])
        by_run[ln.key].add(story[ln.file])
        run_folders[ln.key].add(ln.folder)
    recurring: dict[tuple[str, int], tuple[Line, str]] = {}
    for ln in lines:
        if not eligible(ln, args):
            continue
        in_folder = len(by_folder[(ln.folder, ln.key)])
        needed = max(args.min_docs, math.ceil(docs_per_folder[ln.folder] * args.min_share))
        if in_folder >= needed:
            recurring[(ln.file, ln.index)] = (ln, f"folder {in_folder}/{docs_per_folder[ln.folder]}")
        elif (
            args.min_sites
            and len(ln.key) <= args.run_max_words
            and not (args.run_no_sentence and _SENTENCE_END.search(ln.text))
            and len(by_run[ln.key]) >= args.min_sites
            and len(run_folders[ln.key]) >= args.min_sites
        ):
            recurring[(ln.file, ln.index)] = (ln, f"run {len(run_folders[ln.key])} folders")
    out: list[tuple[Line, str]] = []
    for (file, index), (ln, why) in recurring.items():
        run = 1
        i = index - 1
        while (file, i) in recurring:
            run, i = run + 1, i - 1
        i = index + 1
        while (file, i) in recurring:
            run, i = run + 1, i + 1
        if run >= args.min_run:
            out.append((ln, why))
    return out


def eligible(ln: Line, args: argparse.Namespace) -> bool:
    words = [t for t in ln.key if t not in (NUMBER, DATE)]
    if not words:
        return False
    if args.skip_title and ln.index == 1:
        return False  # the title: a site name as title is labelled article text
    return len(ln.key) <= args.max_words


def baseline(name: str, root: Path, extra: list[str], refresh: bool) -> dict[str, list[int]]:
    """{file: lines with a shipped warning or error}, cached in /tmp."""
    cache = Path(f"/tmp/recur-baseline-{name}.json")
    if cache.exists() and not refresh:
        return json.loads(cache.read_text())
    found = field_score.collect(root, "warning", extra)
    raw = {k: [f.line for f in v] for k, v in found.items()}
    cache.write_text(json.dumps(raw))
    return raw


def clean_report(name: str, root: Path, normaliser: Normaliser, args: argparse.Namespace) -> None:
    lines = lines_of(root, "*.md", normaliser)
    files = {ln.file for ln in lines}
    base = baseline(f"clean-{name}", root, ["--include", "*.md"], args.refresh)
    hits = [(ln, why) for ln, why in flagged(lines, args) if ln.number not in base.get(ln.file, [])]
    per_lang_docs: Counter[str] = Counter(f.split("/")[0] for f in files)
    per_lang_hits: Counter[str] = Counter(ln.file.split("/")[0] for ln, _ in hits)
    print(f"\n== clean {name}: {len(files)} documents, {len(hits)} lines flagged")
    for lang in sorted(per_lang_docs):
        n = per_lang_hits[lang]
        print(f"  {lang}: {n} flags on {per_lang_docs[lang]} documents = {100 * n / per_lang_docs[lang]:.1f} per 100")
    if args.show_clean:
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[Line, str]]] = defaultdict(list)
        for ln, why in hits:
            groups[(ln.folder, ln.key)].append((ln, why))
        for (folder, _key), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0])):
            ln, why = items[0]
            print(f"  {len(items):4d}x {folder:<40} [{why}] {ln.text[:110]}")


def scraped_report(name: str, normaliser: Normaliser, args: argparse.Namespace) -> None:
    root, split_path, label_paths = SCRAPED_SETS[name]
    split = field_score.load_split(ROOT / split_path)
    labels: dict[str, list[field_score.Label]] = {}
    for p in label_paths:
        labels.update(field_score.load_labels(ROOT / p))
    raw = baseline(name, root, ["--include", "*.txt", "--ignore", field_score.SCRAPED_IGNORE], args.refresh)
    lines = lines_of(root, "*.txt", normaliser)
    hits = flagged(lines, args)
    flag_lines: dict[str, dict[int, tuple[str, str]]] = defaultdict(dict)
    for ln, why in hits:
        flag_lines[ln.file][ln.number] = (why, ln.text)
    pages = Counter(ln.folder for ln in {(ln.folder, ln.file): ln for ln in lines}.values())
    print(f"\n== scraped {name}: {len(pages)} sites, pages per site median {sorted(pages.values())[len(pages) // 2]}")
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # labels, before, after, new flags, new FA
    for file, labs in sorted(labels.items()):
        lang, _site, group = field_score.group_of(split, "scraped", file)
        base = raw.get(file, [])
        mine = flag_lines.get(file, {})
        t = tally[group]
        for lab in labs:
            before = any(abs(n - lab.line) <= 1 for n in base)
            after = before or any(abs(n - lab.line) <= 1 for n in mine)
            t[0] += 1
            t[1] += before
            t[2] += after
            if after and not before and args.show_scraped:
                print(f"  GAIN {file}:{lab.line} [{group}] {lab.text[:100]}")
        for n, (why, text) in sorted(mine.items()):
            if any(abs(n - b) <= 0 for b in base):
                continue
            t[3] += 1
            if not any(abs(n - lab.line) <= 1 for lab in labs):
                t[4] += 1
                if args.show_scraped:
                    print(f"  FALSE {file}:{n} [{why}] {text[:100]}")
    for group, (n, before, after, new, fa) in sorted(tally.items()):
        print(
            f"  {group:<8} junk {n:4d}  recall {before / n:.2f} -> {after / n:.2f}  "
            f"new flags on labelled files {new}, on no label {fa}"
        )


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--min-share", type=float, default=0.0)
    ap.add_argument("--min-sites", type=int, default=0, help="also flag a line seen in this many folders (0: off)")
    ap.add_argument("--max-words", type=int, default=60)
    ap.add_argument("--run-max-words", type=int, default=60, help="run-level recurrence: lines of at most W words")
    ap.add_argument("--min-run", type=int, default=1, help="flag only runs of this many consecutive recurring lines")
    ap.add_argument(
        "--story-share",
        type=float,
        default=0.0,
        help="documents sharing this share of long lines are one story (0: off)",
    )
    ap.add_argument("--story-words", type=int, default=8)
    ap.add_argument("--skip-title", action="store_true", help="never flag a document's first line")
    ap.add_argument("--run-no-sentence", action="store_true", help="run-level: never a line ending like a sentence")
    ap.add_argument("--show-clean", action="store_true")
    ap.add_argument("--show-scraped", action="store_true")
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--only", choices=("clean", "scraped"))
    return ap.parse_args(argv)


def main() -> int:
    args = parse()
    normaliser = Normaliser(sorted(date_words(load_rules()), key=len, reverse=True))
    if args.only != "scraped":
        for name, root in CLEAN_SETS.items():
            clean_report(name, root, normaliser, args)
    if args.only != "clean":
        for name in SCRAPED_SETS:
            scraped_report(name, normaliser, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

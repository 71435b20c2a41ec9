"""Learn, per pack language, the words a sentence of edited copy never ends on, and those it often does.

    python benchmarks/truncation_words.py [--write] [--field DIR] [--corpus DIR] [--split FILE]

Reads edited, published copy: the field corpus's clean articles of the outlets in the
``tune`` group of ``benchmarks/field/split.yaml`` (never the holdout ones, on which the
rules are judged) and /work/shared/corpus/clean. In every prose paragraph of
MIN_PARAGRAPH_WORDS words or more that ends with closing punctuation, each sentence's
last word counts as sentence-final and every other word as not. A word must be used in
MIN_ARTICLES articles or more to be listed. Two lists come out:

- ``open_words``: words written in lower case, seen at least MIN_SEEN times and
  sentence-final in under MAX_FINAL of them. A paragraph that stops on one is weak
  evidence of a cut (truncation/unfinished-sentence).
- ``closing_words``: words in any case seen at least MIN_SEEN_CLOSING times that end a
  sentence in MIN_CLOSING of them or more. A paragraph that stops on one more likely
  lacks its full stop than was cut: weak evidence alone does not report it.
- numbers count by their shape (``<year>`` for 1800 to 2099, ``<number>`` for any other, as
  the check reads a paragraph's last number): a year ends a sentence in a quarter or more of its
  uses in most pack languages, so it is a closing word there ("... queda do PIB, em 2020"); the
  shapes are left out of the average word's share, which is the average of words.
- ``inside_words``: words in any case seen at least MIN_SEEN_CLOSING times that end a
  sentence in under half the share of the language's average word (its sentences per word):
  sentences stop on them seldom. A deck or a standfirst before the lead that stops on one
  (or on an open word) was cut; one stopping on any other word is not reported on weak
  evidence.

Without ``--write`` it prints each language's lists with their counts (final/seen).
With ``--write`` it rewrites the lists between the ``# learned words`` markers of
``rules/<lang>/truncation.yaml``. Regenerate after the corpus or the split changes, and
check the packs' examples still hold:

    python benchmarks/truncation_words.py --write && newslint test-rules
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from newslint.checks.base import ends_complete, trim_end
from newslint.checks.truncation.sentences import (
    LIST_ITEM,
    NUMBER_TOKEN,
    YEAR_TOKEN,
    is_prose,
    learned_token,
    sentence_ends,
)
from newslint.readers import read_string

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# How often a word must be seen, and the share of those that may end a sentence, to be
# one no sentence ends on (0.5% of 30 is none: a word seen 30 to 199 times never ends one).
MIN_SEEN = 30
MAX_FINAL = 0.005
# A word must be used in this many articles: one article's subject ("MacBook", "Metroids")
# says nothing of the language.
MIN_ARTICLES = 5
# A word that ends a sentence in at least an eighth of the times it is seen (and is seen this
# often) closes one. A news sentence is about 22 words long, so a word's share s of ending
# sentences makes a paragraph stopping on it s/(1-s) * 21 times likelier a sentence missing its
# full stop than a random cut (a cut keeps a word from inside a sentence): an eighth is three
# times likelier, the odds the other way that weak evidence carries (three of four of its
# findings on the tune outlets' injected drafts are cuts). A fifth and twenty sightings,
# tried first, left out "virus" (15 of 88) and "Bolsonaro" (43 of 323).
MIN_SEEN_CLOSING = 10
MIN_CLOSING = 0.125
# A word that ends a sentence in under half the share of the language's average word is an
# inside word: a paragraph stopping on it is more than twice likelier cut than complete.
INSIDE_SHARE = 0.5
# The pack languages that learn a list (the ones with a truncation pack of their own).
LANGUAGES = ("de", "en", "es", "fr", "id", "ms", "pt")
# A paragraph of fewer words is a heading, a credit or a caption more often than prose.
MIN_PARAGRAPH_WORDS = 8
# A word, or a number ("2020", "3,13"), which is counted by its shape (learned_token).
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*")
SHAPES = (YEAR_TOKEN, NUMBER_TOKEN)
BEGIN = "# learned words: begin"
END = "# learned words: end"


def articles(field: Path, corpus: Path, split: Path) -> Iterator[tuple[str, Path]]:
    """(language, path) of every clean article of a tune outlet, and of the shared corpus."""
    groups = yaml.safe_load(split.read_text(encoding="utf-8"))["clean"]
    for lang, group in sorted(groups.items()):
        for outlet in group["tune"]:
            for path in sorted((field / "clean" / lang / outlet).glob("*.md")):
                yield lang, path
    for path in sorted(corpus.glob("*.md")):
        yield path.stem.rsplit("-", 1)[-1], path


@dataclass
class Counts:
    """One language's counts: words in lower case seen and sentence-final (for the open
    words, which are judged only in lower case), and every word, whatever its case, seen
    and sentence-final (for the closing words: "Jakarta", "covid")."""

    seen: Counter[str] = field(default_factory=Counter)
    final: Counter[str] = field(default_factory=Counter)
    seen_any: Counter[str] = field(default_factory=Counter)
    final_any: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)  # how many articles use each word
    sentences: int = 0


def count(paths: Iterator[tuple[str, Path]]) -> dict[str, Counts]:
    """Per language: how often each word is seen, and how often it ends a sentence."""
    counts: dict[str, Counts] = {}
    for lang, path in paths:
        if lang not in LANGUAGES:
            continue
        c = counts.setdefault(lang, Counts())
        used: set[str] = set()
        for doc in read_string(path.read_text(encoding="utf-8"), str(path)):
            for block in doc.blocks:
                text = trim_end(block.text)
                if not is_prose(block) or not ends_complete(text) or LIST_ITEM.match(text) or "\n" in text:
                    continue
                if len(text.split()) < MIN_PARAGRAPH_WORDS:
                    continue
                start = 0
                for end in [*sentence_ends(text), len(text)]:
                    words = _WORD.findall(text[start:end])
                    start = end
                    if not words:
                        continue
                    c.sentences += 1
                    tokens = [learned_token(w) for w in words]
                    used.update(tokens)
                    c.seen_any.update(tokens)
                    c.final_any[tokens[-1]] += 1
                    c.seen.update(w.casefold() for w in words if w[0].islower())
                    if words[-1][0].islower():
                        c.final[words[-1].casefold()] += 1
        c.articles.update(used)
    return counts


def open_words(c: Counts) -> list[str]:
    """The words in lower case seen often enough that almost never end a sentence, sorted."""
    return sorted(
        w
        for w, n in c.seen.items()
        if n >= MIN_SEEN and c.final[w] < MAX_FINAL * n and c.articles[w] >= MIN_ARTICLES and len(w) > 1
    )


def closing_words(c: Counts, min_seen: int = MIN_SEEN_CLOSING, share: float = MIN_CLOSING) -> list[str]:
    """The words, in any case, seen ``min_seen`` times or more that end a sentence in at
    least ``share`` of them."""
    return sorted(
        w
        for w, n in c.seen_any.items()
        if n >= min_seen and c.final_any[w] >= share * n and c.articles[w] >= MIN_ARTICLES and len(w) > 1
    )


def inside_words(c: Counts, min_seen: int = MIN_SEEN_CLOSING) -> list[str]:
    """The words, in any case, seen ``min_seen`` times or more that end a sentence in under
    INSIDE_SHARE of the share the language's average word does (sentences per word seen), sorted."""
    total = sum(n for w, n in c.seen_any.items() if w not in SHAPES)  # words, not numbers
    if not total:
        return []
    average = c.sentences / total
    return sorted(
        w
        for w, n in c.seen_any.items()
        if n >= min_seen
        and c.final_any[w] < INSIDE_SHARE * average * n
        and c.articles[w] >= MIN_ARTICLES
        and len(w) > 1
    )


def write(pack: Path, lists: dict[str, list[str]]) -> bool:
    """Replace the learned lists in ``pack`` (between the markers); False when it has none."""
    text = pack.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return False
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    indent = head[head.rfind("\n") + 1 :]
    body = [BEGIN]
    for name, words in lists.items():
        listed = ", ".join(w if yaml.safe_load(w) == w else f'"{w}"' for w in words)  # "no", "on": strings
        body.append(f"{indent}{name}_words: &{name} [{listed}]")
    body.append(f"{indent}{END}")
    pack.write_text(head + "\n".join(body) + tail, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--field", type=Path, default=Path("/work/data/field"))
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/clean"))
    ap.add_argument("--split", type=Path, default=HERE / "field" / "split.yaml")
    ap.add_argument("--min-seen-closing", type=int, default=MIN_SEEN_CLOSING)
    ap.add_argument("--min-closing", type=float, default=MIN_CLOSING)
    ap.add_argument("--write", action="store_true", help="rewrite the lists in rules/<lang>/truncation.yaml")
    args = ap.parse_args(argv)
    if not (args.field / "clean").is_dir() or not args.corpus.is_dir() or not args.split.is_file():
        print(f"error: need {args.field}/clean, {args.corpus} and {args.split}", file=sys.stderr)
        return 2
    counts = count(articles(args.field, args.corpus, args.split))
    for lang in LANGUAGES:
        c = counts.get(lang, Counts())
        lists = {
            "open": open_words(c),
            "closing": closing_words(c, args.min_seen_closing, args.min_closing),
            "inside": inside_words(c, args.min_seen_closing),
        }
        sizes = ", ".join(f"{len(words)} {name} words" for name, words in lists.items())
        print(f"{lang}: {c.sentences} sentences, {sizes}")
        if args.write:
            pack = ROOT / "rules" / lang / "truncation.yaml"
            if not write(pack, lists):
                print(f"  {pack}: no '{BEGIN}' marker, not written", file=sys.stderr)
        else:
            print("  open: " + " ".join(f"{w}({c.final[w]}/{c.seen[w]})" for w in lists["open"]))
            print("  closing: " + " ".join(f"{w}({c.final_any[w]}/{c.seen_any[w]})" for w in lists["closing"]))
            print("  inside: " + " ".join(f"{w}({c.final_any[w]}/{c.seen_any[w]})" for w in lists["inside"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

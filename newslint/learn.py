"""``newslint learn``: find a site's chrome by what recurs across its archive.

A line that turns up in many of a site's articles is template, not reporting:
"Baca juga: <headline>", "Dibaca 1.234 kali", "[Gambas:Video 20detik]". This
module counts lines across documents after normalising them (case and
punctuation ignored, numbers and month or weekday names masked, the headline
after a short label masked), keeps the families seen in enough documents, and
writes them as an ordinary rule pack of ``pattern`` rules that an editor
reviews and prunes before linting with ``--rules``.

Only lines the shipped rules do not already catch are written, so the pack
holds what is new about this site.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import regex
import yaml

from newslint.document import Document
from newslint.rules import RuleSet

# Chrome is short: a line of more words is prose unless it recurs word for word.
MAX_LABEL_WORDS = 4  # "Baca juga", "Lihat juga video", "Artikel ini telah tayang di"
MAX_TAIL_WORDS = 20  # a headline after the label
MAX_LINE_WORDS = 60  # a boilerplate paragraph repeated verbatim (a disclaimer)
MAX_LINE_CHARS = 400
MAX_EXAMPLES = 3

_TOKEN = regex.compile(r"\p{L}+|\p{N}+")
_NUMBER = regex.compile(r"\p{N}+")
# A label followed by its headline: a short run of words, then a separator.
_LABEL = regex.compile(r"^[\s\(\[\-*•·»›>|]*(?P<label>[^:|»›>–—\n]{1,40}?)\s*(?:[:|»›>–—]|\s-\s)\s*(?P<tail>\S.*)$")
_SENTENCE_END = regex.compile(r"[.!?]['\"”’»)]*\s*$")
NUMBER = "0"
DATE = "<date>"


@dataclass
class Family:
    """Lines of one normalised shape, and the documents they were seen in."""

    key: tuple[str, ...]
    headline: bool  # the line continues with a masked headline after its label
    documents: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)
    occurrences: int = 0


@dataclass(frozen=True, slots=True)
class Learned:
    """A family kept for the pack, with the regex that matches it."""

    family: Family
    regex: str
    rule_id: str


def _fold(word: str) -> str:
    """Lower case: 'Lire aussi' and 'LIRE AUSSI' are one label."""
    return unicodedata.normalize("NFC", word).casefold()


class Normaliser:
    """Turns a line into the tuple of tokens it is counted by."""

    def __init__(self, date_words: Iterable[str]) -> None:
        self.date_words = frozenset(_fold(w) for w in date_words if len(w) >= 3)

    def tokens(self, text: str) -> tuple[str, ...]:
        out: list[str] = []
        for token in _TOKEN.findall(text):
            if _NUMBER.fullmatch(token):
                out.append(NUMBER)
            else:
                folded = _fold(token)
                out.append(DATE if folded in self.date_words else folded)
        return tuple(out)

    def keys(self, line: str) -> list[tuple[tuple[str, ...], bool]]:
        """The family keys of one line: the whole line, and label + headline if it has that shape."""
        line = line.strip()
        if not line or len(line) > MAX_LINE_CHARS:
            return []
        whole = self.tokens(line)
        if not whole or len(whole) > MAX_LINE_WORDS or all(t in (NUMBER, DATE) for t in whole):
            return []
        if DATE in whole:
            return []  # a dated line is a byline or dateline: metadata, which the metadata rules judge
        keys = [(whole, False)]
        found = _LABEL.match(line)
        if found:
            label = self.tokens(found["label"])
            tail = self.tokens(found["tail"])
            # A headline does not end like a sentence; a dateline ("KUALA LUMPUR: Polis ...") does.
            if (
                0 < len(label) <= MAX_LABEL_WORDS
                and 0 < len(tail) <= MAX_TAIL_WORDS
                and not _SENTENCE_END.search(found["tail"])
                and any(t not in (NUMBER, DATE) for t in label)
            ):
                keys.append((label, True))
        return keys


def date_words(ruleset: RuleSet) -> set[str]:
    """Month and weekday names from the shipped weekday rules, in every pack language."""
    words: set[str] = set()
    for rule in ruleset:
        if rule.check != "weekday":
            continue
        for group in ("weekdays", "months"):
            for names in rule.params.get(group, ()):
                words.update(names)
    return words


def count(documents: Iterable[Document], normaliser: Normaliser) -> dict[tuple[tuple[str, ...], bool], Family]:
    """Families of lines, with the documents each was seen in."""
    families: dict[tuple[tuple[str, ...], bool], Family] = {}
    for doc in documents:
        seen_here: set[tuple[tuple[str, ...], bool]] = set()
        for block in doc.blocks:
            for _, line in block.lines():
                for key in normaliser.keys(line):
                    family = families.get(key)
                    if family is None:
                        family = families[key] = Family(key[0], key[1])
                    family.occurrences += 1
                    if len(family.lines) < 50:
                        family.lines.append(line.strip())
                    seen_here.add(key)
        for key in seen_here:
            families[key].documents.add(doc.path)
    return families


def threshold(documents: int, min_docs: int, min_share: float) -> int:
    """Documents a family must be seen in: the larger of the floor and the share."""
    return max(min_docs, math.ceil(documents * min_share))


def keep(families: dict[tuple[tuple[str, ...], bool], Family], needed: int) -> list[Family]:
    """Families seen in enough documents; a whole line already covered by its label family is dropped."""
    kept = [f for f in families.values() if len(f.documents) >= needed]
    labels = {f.key for f in kept if f.headline}
    out = []
    for family in kept:
        if not family.headline and any(family.key[:n] in labels for n in range(1, MAX_LABEL_WORDS + 1)):
            continue  # "baca juga <one headline>" seen often is part of the "baca juga:" family
        if family.headline and len({line for line in family.lines}) < 2:
            continue  # one headline repeated is a whole-line family, kept as such
        out.append(family)
    return sorted(out, key=lambda f: (-len(f.documents), f.key))


def _token_regex(token: str, dates: Sequence[str]) -> str:
    if token == NUMBER:
        return r"\p{N}+"
    if token == DATE:
        return "(?:" + "|".join(regex.escape(d) for d in dates) + ")"
    return regex.escape(token)


def family_regex(family: Family, dates: Sequence[str]) -> str:
    """A line-scope regex for the family: its words in order, any punctuation between."""
    words = r"[\W_]*".join(_token_regex(t, dates) for t in family.key)
    if family.headline:
        return rf"^[\W_]*{words}\s*(?:[:|»›>–—]|\s-\s)\s*\S.*$"
    return rf"^[\W_]*{words}[\W_]*$"


def slug(key: Sequence[str]) -> str:
    words = [
        unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in key if w not in (NUMBER, DATE)
    ]
    text = "-".join(w for w in words if w)[:40].strip("-")
    return regex.sub(r"[^a-z0-9-]", "", text) or "line"


def rule_ids(families: Sequence[Family]) -> list[str]:
    ids: list[str] = []
    used: Counter[str] = Counter()
    for family in families:
        base = f"markup/site-{slug(family.key)}"
        used[base] += 1
        ids.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return ids


def pass_examples(pattern: regex.Pattern[str], documents: Sequence[Document], family: Family) -> list[str]:
    """Article lines from the family's own documents that the rule leaves alone."""
    paths = family.documents
    for doc in documents:
        if doc.path not in paths:
            continue
        for line in (line.strip() for b in doc.blocks for _, line in b.lines()):
            if 60 <= len(line) <= 300 and not pattern.search(line):
                return [line]
    return ["This sentence is ordinary article text, written to show what the rule leaves alone."]


@dataclass(frozen=True, slots=True)
class Pack:
    """The learned rule pack, ready to write."""

    documents: int
    needed: int
    rules: tuple[dict[str, object], ...]
    notes: tuple[str, ...]  # one comment per rule: counts and example documents


def build_pack(
    documents: Sequence[Document],
    ruleset: RuleSet,
    min_docs: int = 3,
    min_share: float = 0.05,
    already_caught: Callable[[str], bool] | None = None,
) -> Pack:
    """Learn the chrome of ``documents`` and build the rule pack (``already_caught(line) -> bool`` filters)."""
    dates = sorted(date_words(ruleset), key=len, reverse=True)
    normaliser = Normaliser(dates)
    needed = threshold(len(documents), min_docs, min_share)
    families = keep(count(documents, normaliser), needed)
    if already_caught is not None:
        families = [f for f in families if not all(already_caught(line) for line in f.lines[:MAX_EXAMPLES])]
    rules: list[dict[str, object]] = []
    notes: list[str] = []
    for family, rule_id in zip(families, rule_ids(families), strict=True):
        source = family_regex(family, dates)
        pattern = regex.compile(source, regex.IGNORECASE)
        examples = list(dict.fromkeys(line for line in family.lines if pattern.search(line)))[:MAX_EXAMPLES]
        if not examples:
            continue  # the counted key and the regex disagree (odd punctuation): never write a rule that cannot flag
        shape = "label and headline" if family.headline else "line"
        rules.append(
            {
                "id": rule_id,
                "check": "pattern",
                "severity": "warning",
                "message": "Site chrome (a " + shape + f" seen in {len(family.documents)} of {len(documents)} "
                "learned articles): {match}",
                "description": f"Learned by newslint learn: this {shape} recurs across the site's articles.",
                "scope": "line",
                "with": {"regex": source, "ignorecase": True},
                "fix": "delete-line",
                "examples": {"flag": examples, "pass": pass_examples(pattern, documents, family)},
            }
        )
        sample = ", ".join(sorted(family.documents)[:3])
        notes.append(f"seen in {len(family.documents)} documents ({family.occurrences} lines), e.g. {sample}")
    return Pack(len(documents), needed, tuple(rules), tuple(notes))


def render(pack: Pack, name: str, sources: Sequence[str]) -> str:
    """The pack as reviewable YAML: a header, then each rule with its counts as a comment."""
    out = [
        f"# Learned by `newslint learn` from {pack.documents} documents in: {', '.join(sources)}",
        f"# A line is kept when it recurs in at least {pack.needed} documents. Review before use:",
        "# delete every rule that matches real article text, then lint with --rules THIS_FILE.",
        f"pack: {name}",
        "rules:" if pack.rules else "rules: []",
    ]
    for rule, note in zip(pack.rules, pack.notes, strict=True):
        out.append(f"  # {note}")
        body = yaml.safe_dump([rule], allow_unicode=True, sort_keys=False, width=1000)
        out.extend("  " + line for line in body.rstrip("\n").split("\n"))
    return "\n".join(out) + "\n"


@dataclass
class Reading:
    """What ``learn`` read: the documents, and each file skipped with why, counted by cause."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    timed_out: int = 0
    crashed: int = 0

    def summary(self) -> str:
        """The skipped files in a few words ("2 files skipped: 1 ran past the budget, ...")."""
        if not self.skipped:
            return ""
        causes = [f"{self.timed_out} ran past the time budget"] if self.timed_out else []
        causes += [f"{self.crashed} crashed newslint"] if self.crashed else []
        unread = len(self.skipped) - self.timed_out - self.crashed
        causes += [f"{unread} could not be read"] if unread else []
        files = f"{len(self.skipped)} file{'s' if len(self.skipped) != 1 else ''}"
        return f"{files} skipped ({', '.join(causes)})"


def read_documents(paths: Iterable[str], max_bytes: int, timeout: float = 0.0, own_process: bool = False) -> Reading:
    """Every document in ``paths`` (files already expanded), each file read within ``timeout``
    seconds (0: no limit); a file past it, that newslint crashed on or that cannot be read is
    skipped with why (``own_process``: see ``budget.run_within``)."""
    from newslint.budget import run_within

    reading = Reading()
    for path in paths:
        outcome = run_within(lambda name: _read_file(name, max_bytes), path, timeout, lambda name: None, own_process)
        if outcome is None:
            reading.timed_out += 1
            reading.skipped.append(f"{path}: reading it ran past the {timeout:g} s budget (--timeout)")
        elif isinstance(outcome, str):
            reading.crashed += outcome.startswith(_CRASHED)
            reading.skipped.append(f"{path}: {outcome}")
        else:
            reading.documents.extend(outcome)
    return reading


_CRASHED = "newslint crashed on it"


def _read_file(path: str, max_bytes: int) -> list[Document] | str:
    """The file's documents with text, or why it was not read."""
    from newslint.readers import read_bytes, source

    try:  # the linter's bounded read: no FIFO, device or over-size file is read
        data = source.read_file(path, max_bytes)
    except OSError as e:
        return f"cannot read ({e.strerror or e})"
    if not isinstance(data, bytes):
        return data.message
    try:
        return [doc for doc in read_bytes(data, path) if doc.blocks]
    except Exception as e:  # one file's crash must not end the run (as in check)
        return f"{_CRASHED} ({type(e).__name__}: {e}); please report this with the file"


def caught_by(ruleset: RuleSet, language: str | None) -> Callable[[str], bool]:
    """``line -> bool``: whether the shipped markup or ad-text rules already flag this line."""
    from newslint.engine import Options, lint_document
    from newslint.readers import read_string

    options = Options(language=language, select=("markup", "ad-text"))

    def caught(line: str) -> bool:
        text = f"---\ntitle: Learned line\n---\n\n{line}\n"
        doc = read_string(text, "learned.md")[0]
        return any(f.line == 5 for f in lint_document(doc, ruleset, options).findings)

    return caught


def site_language(documents: Sequence[Document], sample: int = 100) -> str | None:
    """The language most of the documents are in (declared, else detected)."""
    from newslint.engine import Options, resolve_language

    found = Counter(resolve_language(doc, Options()) for doc in documents[:sample])
    found.pop(None, None)
    return found.most_common(1)[0][0] if found else None

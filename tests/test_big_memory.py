"""What a long article's lint holds in memory: compact forms that give the answers the
plain forms gave, and stay small next to the article's own text.

Memory is measured with tracemalloc (allocations are deterministic; no timing here)."""

from __future__ import annotations

import random
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newslint.engine as engine  # loads the check kinds before the facts they import
from newslint import facts as facts_module
from newslint.checks import duplicate, repeats
from newslint.document import Block, Document
from newslint.engine import Options, lint_document
from newslint.facts import Facts
from newslint.lexicon import shipped_lexicon
from newslint.readers import read_string
from newslint.rules import load_rules
from newslint.words import WordWork

_VOCABULARY = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "council",
    "said",
    "that",
    "for",
    "on",
    "was",
    "with",
    "new",
    "school",
    "budget",
    "year",
    "will",
    "be",
    "by",
    "mayor",
    "city",
    "members",
    "vote",
    "plan",
    "from",
    "residents",
    "at",
    "this",
    "not",
    "an",
    "as",
    "it",
    "tax",
]


def _paragraphs(count: int, words: int, seed: int = 3) -> list[str]:
    """Distinct paragraphs of ``words`` words each (every one has a word of its own)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        chosen = [rng.choice(_VOCABULARY) for _ in range(words)]
        chosen[rng.randrange(words)] = f"word{n}"
        out.append(" ".join(chosen).capitalize() + ".")
    return out


def _held(work: Callable[[], Any]) -> tuple[Any, int, int]:
    """What ``work()`` gives, the bytes it still holds afterwards and its peak."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = work()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, current - before, peak - before


def _duplicate_inputs(doc: Document) -> tuple[Any, Any]:
    """What duplicate/paragraph's search for repeats takes: its parameters, and the words
    of the comparable paragraphs as numbers."""
    rule = next(r for r in load_rules() if r.id == "duplicate/paragraph")
    params = rule.compiled_as(duplicate.Compiled)
    return params, duplicate._comparable(doc.blocks, params, WordWork().letter_count)


def test_word_work_remembers_answers_not_the_words_of_every_paragraph() -> None:
    texts = _paragraphs(400, 150)
    size = sum(map(sys.getsizeof, texts))
    work = WordWork()

    def run() -> None:
        for text in texts:
            work.words(text)
            work.letter_count(text)

    _, held, _ = _held(run)
    # The letter runs as strings took about nine times the paragraphs' own size; the
    # answers with their counts as a tuple and the letter counts in a dict of their own
    # 320 bytes a paragraph here, with the counts as bytes in one record 185.
    assert held < size / 2
    assert held < 250 * len(texts)
    # and the remembered answers are the ones worked out afresh, text by text
    for text in texts:
        fresh = WordWork()
        assert work.letter_count(text) == sum(map(len, fresh.letter_runs(text))) == fresh.letter_count(text)
        remembered, afresh = work.words(text), fresh.words(text)
        assert (remembered.lower, remembered.ratios()) == (afresh.lower, afresh.ratios())
    joined = "\n\n".join(texts[:5])
    assert work.words(joined).counts == {
        lang: sum(WordWork().words(t).counts[lang] for t in texts[:5]) for lang in work.languages
    }


def test_blocks_with_reads_a_compact_folded_prose() -> None:
    # One emoji makes a str of the whole prose four bytes a character.
    texts = _paragraphs(300, 60)
    texts[5] += " 🙂"
    texts[9] = "STRASSE Straße ﬁnal \udcff İstanbul"
    doc = read_string("\n\n".join(texts), "long.txt")[0]
    facts = Facts(doc, shipped_lexicon())
    literals = ["strasse", "ss", "word12", "🙂", "\udcff", "i̇stanbul", "final", ".\n\n", ".", "nowhere"]

    def run() -> list[frozenset[int]]:
        return [facts.blocks_with(literal) for literal in literals]

    found, held, _ = _held(run)
    folded = [block.text.casefold() for block in doc.blocks]
    assert found == [frozenset(i for i, text in enumerate(folded) if literal in text) for literal in literals]
    assert found[0] == {9} and 12 in found[2] and found[3] == {5} and found[6] == {9} and not found[-1]
    assert not found[7] and len(found[8]) == 299  # across the blank line between two blocks: in neither
    # The folded prose as a str (four bytes a character) and the folded blocks took
    # five times the text; in UTF-8, about its length.
    assert held < 1.5 * len(doc.source)
    assert facts.folded_prose == facts.prose.casefold()
    assert facts.folded_blocks == tuple(folded)


def test_a_long_draft_finds_its_required_strings_without_its_folded_prose_whole() -> None:
    texts = _paragraphs(400, 250)
    texts[5] += " 🙂 Scroll to CONTINUE"
    texts[9] = "STRASSE Straße ﬁnal İstanbul (dable("
    texts[11] += " scroll to"
    doc = read_string("\n\n".join(texts), "long.txt")[0]
    assert doc.size > facts_module.REMEMBER_MAX
    literals = ["strasse", "ss", "word12", "🙂", "i̇stanbul", "final", "scroll to continue", "(dable(", "/", "a-"]
    literals += ["council said", "to", "nowhere"]
    facts = Facts(doc, shipped_lexicon(), facts_module.LiteralIndex(literals))

    found, _, peak = _held(lambda: [facts.blocks_with(literal) for literal in literals])
    folded = [block.text.casefold() for block in doc.blocks]
    assert found == [frozenset(i for i, text in enumerate(folded) if literal in text) for literal in literals]
    assert found[6] == {5} and found[4] == {9} and 12 in found[2] and not found[-1]
    # The folded prose in UTF-8 (the source's length here, more while it grew) was built
    # whole for one pass over it; block by block, the peak is the words' record.
    assert peak < len(doc.source) / 3


def test_blocks_with_on_a_document_without_blocks() -> None:
    facts = Facts(Document("empty.txt", "", "text", ()), shipped_lexicon())
    assert facts.blocks_with("a") == frozenset() and facts.blocks_with("") == frozenset()
    one = Facts(Document("one.txt", "ab", "text", (Block.verbatim("ab", 0),)), shipped_lexicon())
    assert one.blocks_with("") == {0} and one.blocks_with("b") == {0} and one.blocks_with("c") == frozenset()


def test_duplicate_index_of_many_paragraphs_stays_small() -> None:
    # Distinct paragraphs, a few of them twice and far apart: each pair is found; the
    # index of openings, middles and ends is held as bytes, not tuples of ints.
    texts = _paragraphs(3000, 40)
    rng = random.Random(5)
    twins = texts + texts[::300]
    rng.shuffle(twins)
    doc = read_string("\n\n".join(twins), "twins.txt")[0]
    params, words = _duplicate_inputs(doc)

    repeats, _, peak = _held(lambda: duplicate._find_repeats(doc.blocks, words, params))
    first: dict[str, int] = {}
    for i, block in enumerate(doc.blocks):
        first.setdefault(block.text, i)
    assert {(r.copy, r.original) for r in repeats} == {
        (i, first[b.text]) for i, b in enumerate(doc.blocks) if first[b.text] != i
    }
    # Tuples of four ints as keys and a list for each took about 590 bytes a paragraph; 250 now.
    assert peak < 400 * len(doc.blocks)


def _long_draft(tail: str = "\n", gap: str = "\n\n", lead: str = "") -> str:
    texts = _paragraphs(400, 40)
    # a dated line at the very end, where the source's closing line feeds follow the prose, cut
    # off (a year may end a sentence that lost its full stop; "at the" never does)
    texts[-1] += " Click here to subscribe to our newsletter. The vote is on Tuesday, 3 March 2025 at the"
    texts.append("Advertisement")
    return lead + "Council budget\n\n" + gap.join(texts) + tail


def test_a_long_plain_draft_shares_its_source_as_the_prose() -> None:
    text = _long_draft()
    assert len(text) >= facts_module.SHARED_PROSE_MIN
    doc = read_string(text, "long.txt")[0]
    facts = Facts(doc, shipped_lexicon())
    assert facts.prose is doc.source
    assert facts.prose == "\n\n".join(b.text for b in doc.blocks) + "\n"


def test_the_prose_is_joined_when_the_source_is_not_just_the_blocks() -> None:
    for text in (
        _long_draft(tail=" \n"),
        _long_draft(tail="\n" * 6),
        _long_draft(gap="\n\n\n"),
        _long_draft(gap="\r\n\r\n"),
        _long_draft(lead="  "),
        _long_draft()[: facts_module.SHARED_PROSE_MIN - 10],
    ):
        doc = read_string(text, "long.txt")[0]
        facts = Facts(doc, shipped_lexicon())
        assert facts.prose == "\n\n".join(b.text for b in doc.blocks)
    markdown = read_string("# Council budget\n\n" + _long_draft(), "long.md")[0]
    assert Facts(markdown, shipped_lexicon()).prose == "\n\n".join(b.text for b in markdown.blocks)


def test_the_shared_prose_gives_the_findings_the_joined_prose_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    # Quick rejects search the prose: with the source's closing line feed after a hit at
    # the very end, every rule finds what it found in the prose alone.
    text = _long_draft()
    ruleset = load_rules()
    options = Options()
    shared = lint_document(read_string(text, "long.txt")[0], ruleset, options).findings
    monkeypatch.setattr(facts_module, "_source_is_prose", lambda doc: False)
    joined = lint_document(read_string(text, "long.txt")[0], ruleset, options).findings
    assert shared == joined
    assert {"metadata/weekday-mismatch", "ad-text/ad-label"} <= {f.rule for f in shared}
    assert len(shared) > 4


def test_a_file_is_linted_without_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Once decoded, the file's bytes are let go: a 5 MB draft's are 5 MB more.
    path = tmp_path / "long.txt"
    path.write_text(_long_draft(), encoding="utf-8")
    size = path.stat().st_size
    held: list[int] = []
    real = engine.lint_document

    def lint_document(*args: Any) -> Any:
        frame = sys._getframe(1)
        while frame is not None:  # the callers' variables
            held.extend(len(v) for v in frame.f_locals.values() if isinstance(v, bytes) and len(v) == size)
            frame = frame.f_back
        return real(*args)

    monkeypatch.setattr(engine, "lint_document", lint_document)
    results = engine.lint_file(str(path), load_rules(), Options())
    assert results[0].findings and not held


def test_line_starts_are_held_compactly() -> None:
    text = "a line of the draft.\n" * 20_000
    doc, held, _ = _held(lambda: read_string(text, "lines.txt")[0])
    assert doc.position(21 * 12_345 + 2) == (12_346, 3)
    assert doc.line_text(20_000) == "a line of the draft."
    # its one block, and where each line starts: a tuple of ints took 36 bytes a line
    # (1.2 MB here), an array takes 8 (0.6 MB)
    assert held < 2 * len(text)


def _letters(number: int) -> str:
    """A distinct word of letters for each number."""
    word = "q"
    while number:
        number, digit = divmod(number, 26)
        word += chr(ord("a") + digit)
    return word


def test_duplicate_words_take_two_bytes_each_unless_the_vocabulary_is_large() -> None:
    rule = next(r for r in load_rules() if r.id == "duplicate/paragraph")
    params = rule.compiled_as(duplicate.Compiled)
    small = [" ".join(_VOCABULARY[n * 10 : n * 10 + 20]).capitalize() + "." for n in range(3)]
    # 70,000 distinct words: their numbers do not fit in two bytes
    large = [" ".join(_letters(n * 50 + k) for k in range(50)).capitalize() + "." for n in range(1400)]
    for texts, typecode in ((small, "H"), (large, "i")):
        doc = read_string("\n\n".join([*texts, texts[1]]), "words.txt")[0]
        vocabulary: dict[str, int] = {}
        words = duplicate._comparable(doc.blocks, params, WordWork().letter_count, vocabulary)
        assert words.numbers.typecode == typecode
        assert [list(words[i]) for i in range(len(texts))] == [
            [vocabulary[w] for w in text.casefold().replace(".", "").split()] for text in texts
        ]
        repeats = duplicate._find_repeats(doc.blocks, words, params)
        assert [(r.copy, r.original, r.how) for r in repeats] == [(len(texts), 1, "exactly")]


def test_screening_a_long_text_makes_no_copy_of_it() -> None:
    from newslint.readers import source

    data = ("Le conseil a voté le budget 🙂.\n\n" * 20_000).encode("utf-8")
    _, _, decoding = _held(lambda: data.decode("utf-8"))
    decoded, _, screening = _held(lambda: source.screen(data))
    assert decoded.text == data.decode("utf-8") and not decoded.notices
    # the emptiness test copied the whole text (strip), four bytes a character here
    assert screening < 1.1 * decoding
    for empty in ("", " \n\t\u3000\n"):
        assert [n.rule for n in source.screen(empty.encode("utf-8")).notices] == ["input/empty"]


def test_near_copies_of_one_length_are_counted_without_a_set_per_paragraph() -> None:
    # Every paragraph has a near copy of its length (two words swapped): each such pair is
    # a possible entry of a template, remembered as one packed int and a count per
    # paragraph instead of a set of partners per paragraph.
    rng = random.Random(6)
    texts = []
    for text in _paragraphs(3000, 40):
        words = text.split()
        k = rng.randrange(1, len(words) - 1)
        words[k], words[k + 1] = words[k + 1], words[k]
        texts += [text, " ".join(words)]
    doc = read_string("\n\n".join(texts), "near.txt")[0]
    params, words_of = _duplicate_inputs(doc)
    repeats, _, peak = _held(lambda: duplicate._find_repeats(doc.blocks, words_of, params))
    assert [(r.copy, r.original) for r in repeats] == [(i + 1, i) for i in range(0, len(doc.blocks), 2)]
    assert sum(r.evidence.startswith("similarity") for r in repeats) > 2800
    # a set of partners per paragraph and the pairs as a list of ints took 426 bytes a
    # paragraph here; 252 now
    assert peak < 300 * len(doc.blocks)


def test_the_lines_are_the_tuples_of_every_line_held_compactly() -> None:
    from newslint.checks.base import LABEL_MAX_CHARS, LONG_LINE, normalize_line

    rng = random.Random(8)
    texts = _paragraphs(2000, 30)
    for n in range(0, len(texts), 3):
        texts[n] = rng.choice(["Share this", "Advertisement", "• Read more »"]) + "\n" + texts[n] + "\n  \nTop"
    doc = read_string("\n\n".join(texts), "lines.txt")[0]
    facts = Facts(doc, shipped_lexicon())
    lines, held, _ = _held(lambda: facts.lines)
    expected = [
        (b, block, t, line, normalize_line(line) if len(line) <= LABEL_MAX_CHARS else LONG_LINE)
        for b, block in enumerate(doc.blocks)
        for t, line in block.lines()
        if line.strip()
    ]
    assert list(lines) == expected and len(lines) == len(expected)
    assert lines[-1] == expected[-1] and list(lines[3:6]) == expected[3:6]
    assert facts.line_set == frozenset(item[4] for item in expected)
    # a list of the tuples took 300 bytes a line here (short lines, each with its normal
    # form), the arrays and one string per normal form 133
    assert held < 200 * len(expected)


def _near_copy_page(originals: int, copies: int, seed: int) -> Document:
    """``originals`` paragraphs, each followed later by ``copies`` near copies of its length
    (one word changed) and some with a cut-off copy: template entries and scraped repeats."""
    rng = random.Random(seed)
    base = _paragraphs(originals, 40, seed)
    texts = list(base)
    for _ in range(copies):
        for n, text in enumerate(base):
            words = text.split()
            words[rng.randrange(1, len(words) - 1)] = f"other{rng.randrange(10**6)}"
            texts.append(" ".join(words))
            if n % 3 == 0 and rng.random() < 0.3:
                texts.append(" ".join(text.split()[:25]))
    return read_string("\n\n".join(texts), "copies.txt")[0]


def _repeats_with(doc: Document) -> list[tuple[int, int, str, str]]:
    params, words_of = _duplicate_inputs(doc)
    repeats = duplicate._find_repeats(doc.blocks, words_of, params)
    return [(r.copy, r.original, r.how, r.evidence) for r in repeats]


def test_many_near_copies_of_a_paragraph_are_compared_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # A page holding each paragraph ten times over, one word changed each time: every
    # copy shares the paragraph's anchors, and groups of up to LARGE_GROUP paragraphs are
    # compared pair by pair, so the candidate pairs grow with the square of the copies.
    # Once both paragraphs of a pair are reported copies and entries of a template, the
    # pair can change nothing and is not compared.
    doc = _near_copy_page(originals=20, copies=10, seed=9)
    calls: list[int] = []
    relation = duplicate._relation

    def counting(*args: Any) -> Any:
        calls.append(1)
        return relation(*args)

    monkeypatch.setattr(duplicate, "_relation", counting)
    shortened = _repeats_with(doc)
    compared = len(calls)
    # The same answers as comparing every candidate pair.
    monkeypatch.setattr(duplicate, "_settled", lambda *args: False)
    calls.clear()
    plain = _repeats_with(doc)
    assert shortened == plain and shortened
    paragraphs = len(doc.blocks)
    assert len(calls) > 4 * paragraphs  # every pair: quadratic in the copies
    assert compared < 2.5 * paragraphs


def test_the_mixed_paragraph_check_holds_the_long_paragraphs_as_indices() -> None:
    from newslint.checks import language

    doc = read_string("\n\n".join(_paragraphs(4000, 30)), "long.txt")[0]
    rule = next(r for r in load_rules() if r.id == "language/mixed-paragraph")
    ctx = engine.document_context(doc, load_rules(), Options())
    assert ctx.language == "en" and ctx.detected
    assert list(language.check(doc, rule, ctx)) == []  # (the paragraphs' words are worked out once)

    found, _, peak = _held(lambda: list(language.check(doc, rule, ctx)))
    assert found == []
    # A list of (index, block) pairs took 72 bytes a paragraph; an array of indices 4.
    assert peak < 30 * len(doc.blocks)


def _structure_as_pairs(repeats: list[Any], order: list[int]) -> bool:
    """``duplicate._repetition_is_structure`` as it was worked out with dicts and lists."""
    if len(repeats) < duplicate.STRUCTURE_REPEATS:
        return False
    position = {block: k for k, block in enumerate(order)}
    copies = dict(sorted((position[r.copy], position[r.original]) for r in repeats))
    last: dict[int, int] = {}
    accidental = 0
    for at, original in copies.items():
        accidental += abs(at - last.get(original, original)) <= duplicate.NEARBY
        last[original] = at
    runs: list[list[int]] = []
    for at, original in copies.items():
        if runs and runs[-1][-1] == at - 1 and copies[at - 1] == original - 1:
            runs[-1].append(at)
        else:
            runs.append([at])
    accidental += sum(len(run) for run in runs if len(run) >= duplicate.COPIED_RUN)
    return accidental * 2 < len(repeats)


def test_whether_repetition_is_structure_is_judged_from_two_arrays() -> None:
    rng = random.Random(5)
    for _ in range(300):
        order = sorted(rng.sample(range(60), rng.randrange(4, 40)))
        copies = rng.sample(order[1:], rng.randrange(0, len(order) - 1))
        if rng.random() < 0.5:  # a run pasted again in order
            copies = [c for c in order if c > order[len(order) // 2]]
        repeats = [duplicate._Repeat(c, rng.choice([b for b in order if b < c]), "copy", "") for c in copies]
        rng.shuffle(repeats)
        assert duplicate._repetition_is_structure(repeats, order) == _structure_as_pairs(repeats, order)
    # a 5 MB draft's 16,000 repeats: the dicts and lists of pairs took 250 bytes a repeat
    order = list(range(0, 40_000, 2))
    repeats = [duplicate._Repeat(order[k], order[k % 50], "copy", "") for k in range(50, len(order))]
    rng.shuffle(repeats)
    found, _, peak = _held(lambda: duplicate._repetition_is_structure(repeats, order))
    assert found == _structure_as_pairs(repeats, order)
    assert peak < 60 * len(repeats)


def test_a_verbatim_block_holds_its_start_not_a_tuple_of_anchors() -> None:
    texts = _paragraphs(3000, 12)
    text = "\n\n".join(texts)
    doc, held, _ = _held(lambda: read_string(text, "blocks.txt")[0])
    assert len(doc.blocks) == 3000
    # the same block, offsets and equality as one built from its anchor
    at = 0
    for block, paragraph in zip(doc.blocks, texts, strict=True):
        assert block == Block(paragraph, ((0, at),)) and block.anchors == ((0, at),)
        assert (block.start, block.end, block.source_offset(3)) == (at, at + len(paragraph), at + 3)
        at += len(paragraph) + 2
    mapped = Block("a\nb", ((0, 3), (2, 9)), "title")
    assert mapped.anchors == ((0, 3), (2, 9)) and (mapped.start, mapped.end) == (3, 10)
    texts_size = sum(map(sys.getsizeof, texts))
    # beside the texts: each block's record and start, and where each line starts (113
    # bytes a block here); the two tuples of a block's one anchor made it 210
    assert held - texts_size < 150 * len(texts)


def test_duplicate_words_of_every_paragraph_share_one_array() -> None:
    texts = _paragraphs(3000, 40)
    texts += texts[:10]  # twins share their paragraph's words
    doc = read_string("\n\n".join(texts), "words.txt")[0]
    rule = next(r for r in load_rules() if r.id == "duplicate/paragraph")
    params = rule.compiled_as(duplicate.Compiled)
    work = WordWork()
    for block in doc.blocks:
        work.letter_count(block.text)  # (remembered by the document's word work, not here)
    words, held, _ = _held(lambda: duplicate._comparable(doc.blocks, params, work.letter_count))
    assert list(words) == list(range(len(texts)))
    numbers: dict[str, int] = {}
    for i, text in enumerate(texts):
        expected = [numbers.setdefault(w, len(numbers)) for w in text.casefold().replace(".", "").split()]
        assert list(words[i]) == expected and words.size(i) == 40
    assert len(words.numbers) == 3000 * 40
    # two bytes a word and eight a block: 90 bytes a paragraph here; an array a paragraph
    # in a dict by block index, and the article's words spelled out, took 300
    assert held < 3000 * (2 * 40 + 60)


def test_what_a_check_kind_shared_is_let_go_after_its_last_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.checks import blocks

    text = "Council budget\n\n" + "\n\n".join(_paragraphs(300, 30)) + "\n\nRead more\nShare this\nAdvertisement\n"
    doc = read_string(text, "lines.txt")[0]
    rules = load_rules()
    kinds = [r.check for r in engine.active_rules(rules.for_language("en"), "en", Options())]
    assert "blocks" in kinds and kinds.index("duplicate") > len(kinds) - kinds[::-1].index("blocks")
    held: dict[str, list[list[Any]]] = {"blocks": [], "duplicate": []}

    def spying(module: Any) -> None:
        check = module.check

        def spy(doc: Document, rule: Any, ctx: Any) -> Any:
            yield from check(doc, rule, ctx)
            held[module.KIND].append(list(ctx.facts._shared))

        monkeypatch.setattr(module, "check", spy)

    spying(blocks)
    spying(duplicate)
    result = lint_document(doc, rules, Options(language="en"))
    monkeypatch.undo()
    # the line checks shared the lines with their shapes; the duplicate check, after the
    # last of them, no longer sees them held
    assert any(blocks.lines_of in keys for keys in held["blocks"])
    assert held["duplicate"] and all(blocks.lines_of not in keys for keys in held["duplicate"])
    assert result == lint_document(doc, rules, Options(language="en"))


def test_the_blocks_of_each_required_string_are_frozen_one_set_at_a_time() -> None:
    texts = _paragraphs(4000, 60)
    doc = read_string("\n\n".join(texts), "common.txt")[0]
    common = _VOCABULARY[:20]  # each in (nearly) every paragraph
    index = facts_module.LiteralIndex(common)
    folded = [block.text.casefold().encode("utf-8") for block in doc.blocks]
    found, held, peak = _held(lambda: index.blocks_of(folded))
    assert found == {
        w: frozenset(i for i, t in enumerate(folded) if w.encode() in t)
        for w in common
        if any(w.encode() in t for t in folded)
    }
    sets = sum(sys.getsizeof(frozenset(blocks)) for blocks in found.values())
    assert sets > 1_000_000
    # the sets of block indices and their frozen copies were held whole at once: the peak
    # was the answer and as much again; then frozen one at a time, the answer as frozensets;
    # gathered in order into arrays, a ninth of that
    assert peak - held < sets / 2
    assert held < sets / 5
    for blocks in found.values():
        members = frozenset(blocks)
        assert blocks == members and members == blocks and hash(blocks) == hash(members)
        assert all(i in blocks for i in members) and -1 not in blocks and len(folded) not in blocks


def _repeated_lines_by_keys(texts: list[str], shared: list[bool]) -> list[tuple[int, str]]:
    """``repeats.repeated_lines`` as it was worked out with every line's key held whole."""
    seen: dict[str, tuple[int, bool]] = {}
    out = []
    for i, text in enumerate(texts):
        if len(text.split(None, repeats.REPEAT_WORDS)) <= repeats.REPEAT_WORDS - 1:
            continue
        key = repeats.words_key(text)
        if key in seen and (shared[i] or seen[key][1]):
            out.append((i, f"the same words as line {seen[key][0] + 1} of the body"))
        first, was_shared = seen.get(key, (i, False))
        seen[key] = (first, was_shared or shared[i])
    return out


def test_repeated_lines_hold_the_keys_of_lines_seen_once_by_their_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _paragraphs(4000, 30)
    repeats._kept_words_key.cache_clear()
    found, _, peak = _held(lambda: repeats.repeated_lines(texts, [False] * len(texts)))
    assert found == []
    # Every line's key held whole took 330 bytes a line here (each a copy of its line);
    # its hash and where it was first seen 125, and the last keys worked out 30.
    assert peak < 200 * len(texts)

    rng = random.Random(9)
    lines = _paragraphs(60, 12, seed=4)
    for _ in range(200):
        texts = [rng.choice(lines) for _ in range(rng.randrange(1, 40))]
        texts = [t.upper() if rng.random() < 0.2 else t for t in texts]  # the same words, case aside
        texts += ["Too short to say twice."] * rng.randrange(3)
        shared = [rng.random() < 0.3 for _ in texts]
        expected = _repeated_lines_by_keys(texts, shared)
        got = [(r.index, r.evidence) for r in repeats.repeated_lines(texts, shared)]
        assert got == expected
        # keys that share a hash are still told apart by the keys themselves
        with monkeypatch.context() as m:
            m.setattr(repeats, "hash", lambda key: len(key) % 3, raising=False)
            got = [(r.index, r.evidence) for r in repeats.repeated_lines(texts, shared)]
        assert got == expected


def test_duplicate_works_out_every_letter_count_before_numbering_words(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = read_string("\n\n".join(_paragraphs(50, 30)), "long.txt")[0]
    rule = next(r for r in load_rules() if r.id == "duplicate/paragraph")
    params = rule.compiled_as(duplicate.Compiled)
    calls: list[str] = []
    work = WordWork()

    def letter_count(text: str) -> int:
        calls.append("count")
        return work.letter_count(text)

    def words_of(text: str) -> list[str]:
        calls.append("words")
        return duplicate_words_of(text)

    duplicate_words_of = duplicate._words_of
    monkeypatch.setattr(duplicate, "_words_of", words_of)
    words = duplicate._comparable(doc.blocks, params, letter_count)
    assert len(words) == 50
    # The counts the document's word work remembers are made together, not one between
    # each two paragraphs' numbered words (which are let go, leaving memory not given back).
    assert calls[:50] == ["count"] * 50 and calls.count("words") == 50


def test_a_large_file_is_read_with_large_blocks_given_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.readers import source

    asked: list[str] = []
    real = source.give_back_large_blocks
    monkeypatch.setattr(source, "give_back_large_blocks", lambda: asked.append("asked"))
    monkeypatch.setattr(source, "LARGE_INPUT", 1000)
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("A short draft.\n" * 10)
    large.write_text("A long draft.\n" * 100)
    assert source.read_file(str(small)) == small.read_bytes() and asked == []
    # (glibc raises its threshold for mapping a block alone to each such block freed:
    # the checks' large arrays then came from the heap, which keeps its freed middle)
    assert source.read_file(str(large)) == large.read_bytes() and asked == ["asked"]
    assert isinstance(real(), bool) and real() is real()  # (asked once a process)


_FRENCH = (
    "Le conseil municipal a voté hier soir le budget de la ville pour la prochaine année, "
    "et les habitants du quartier ont dit que les écoles seront rénovées avant la fin de "
    "l'été, mais le maire a refusé de répondre aux questions des journalistes sur les impôts."
)


def _mixed_draft() -> Document:
    """An English draft with near copies, a French paragraph, a tag and a repeated line."""
    paras = _paragraphs(60, 30)
    text = "\n\n".join(
        ["Council budget", *paras[:30], _FRENCH, "Read more <b>here</b>", *paras[:5], *paras[30:], "Read more"]
    )
    return read_string(text + "\n", "mixed.txt")[0]


def test_a_long_draft_runs_the_duplicate_and_language_checks_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.checks import KINDS

    doc, rules = _mixed_draft(), load_rules()
    ran: list[str] = []
    for kind, module in KINDS.items():

        def spy(doc: Document, rule: Any, ctx: Any, check: Any = module.check, kind: str = kind) -> Any:
            ran.append(kind)
            yield from check(doc, rule, ctx)

        monkeypatch.setattr(module, "check", spy)
    usual = lint_document(doc, rules, Options())
    assert ran.index("duplicate") > ran.index("pattern") and ran.index("language") > ran.index("pattern")
    ran.clear()
    monkeypatch.setattr(engine, "LONG_DRAFT_CHARS", 1000)
    long = lint_document(doc, rules, Options())
    # the kinds with the largest temporaries run while little else is held; the same findings
    first = ran[: ran.count("duplicate") + ran.count("language")]
    assert first == ["duplicate"] * ran.count("duplicate") + ["language"] * ran.count("language")
    assert ran.count("language") == 2
    assert long == usual and {f.rule for f in long.findings} >= {"duplicate/paragraph", "language/mixed-paragraph"}


def test_a_long_draft_lets_go_of_the_profiles_its_language_checks_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import language

    doc, rules = _mixed_draft(), load_rules()
    monkeypatch.setattr(language, "_tiers", {})
    monkeypatch.setattr(language, "_warmed", set())  # none warmed (an earlier parallel run may have warmed some)
    result = lint_document(doc, rules, Options())
    assert "language/mixed-paragraph" in {f.rule for f in result.findings}
    assert language.FIRST_TIER in language._tiers  # a short draft keeps them for the next
    monkeypatch.setattr(engine, "LONG_DRAFT_CHARS", 1000)
    assert lint_document(doc, rules, Options()) == result
    assert language._tiers == {}
    # tiers loaded before a fork stay: the workers share them
    monkeypatch.setattr(language, "_warmed", set())
    language.warm()
    assert lint_document(doc, rules, Options()) == result
    assert list(language._tiers) == [language.FIRST_TIER]


def test_word_work_remembers_each_paragraph_as_a_row_of_arrays() -> None:
    texts = _paragraphs(2000, 40)
    wide = "the cat and the dog " * 130  # 390 English function words: counts past a byte
    work = WordWork()

    def run() -> None:
        for text in texts:
            work.letter_count(text)

    _, held, _ = _held(run)
    # a Words record a paragraph, with its counts and letter count as objects, took 140
    # bytes a paragraph beside the dict that finds it; a row of the arrays takes 23
    assert held < 80 * len(texts)
    for text in [*texts[:50], wide]:
        fresh = WordWork()
        remembered, afresh = work.words(text), fresh.words(text)
        assert (remembered.lower, remembered.hits, remembered.letters) == (afresh.lower, afresh.hits, afresh.letters)
        again = work.words(text)
        assert (again.lower, again.hits, again.letters) == (afresh.lower, afresh.hits, afresh.letters)
    assert isinstance(work.words(wide).hits, tuple) and max(work.words(wide).hits) == 390


def test_a_long_draft_lets_go_of_each_rules_compiled_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint import regexcache
    from newslint import rules as rules_module

    doc, rules = _mixed_draft(), load_rules()
    result = lint_document(doc, rules, Options())
    ran = [r for r in rules.for_language("en") if r.check == "pattern"]
    assert ran and all(r.lazy_compiled is not rules_module._NOT_COMPILED for r in ran)
    monkeypatch.setattr(regexcache, "_state", {})
    for rule in ran:  # as a run that starts with a long draft has them
        rule.forget_compiled()
    monkeypatch.setattr(engine, "LONG_DRAFT_CHARS", 1000)
    assert lint_document(doc, rules, Options()) == result
    # each rule's regexes were let go once it had run (5.8 MB of a 5 MB draft's peak)
    assert all(r.lazy_compiled is rules_module._NOT_COMPILED for r in ran)
    assert regexcache._state.get("built", {}) == {}  # (the patterns built while a rule ran)
    monkeypatch.setattr(engine, "LONG_DRAFT_CHARS", 1 << 40)
    assert lint_document(doc, rules, Options()) == result
    assert all(r.lazy_compiled is not rules_module._NOT_COMPILED for r in ran)
    # a short draft's lint keeps them for the next: every regex the rules built is still held
    # (counted by regex, not by rule: a rule whose required strings the draft lacks builds none)
    built = {id(p) for r in ran for p in r.lazy_compiled._built.values() if p is not None}
    assert built and built <= {id(p) for p in regexcache._state["built"].values()}

"""The lint's fast paths give the answers of the plain ones they stand for."""

from __future__ import annotations

import gc
import types
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import engine, regexcache, words, workers
from newslint import facts as facts_module
from newslint.checks import base, blocks, pattern, repeats, required
from newslint.checks.truncation import ends
from newslint.document import Block, Document
from newslint.engine import LITERAL_INDEX_AFTER, Options, lint_document
from newslint.facts import Facts, LiteralIndex
from newslint.lexicon import shipped_lexicon
from newslint.readers import read_string
from newslint.rules import RuleSet, load_rules
from newslint.words import WordWork

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)
MIXED = st.text(
    alphabet=st.sampled_from(
        [*"aZ09 _.,-:\t\n", "é", "²", "①", "０", "ß", "İ", "\u0301", "½", "’", "\u00a0", "٣", "Ⅳ", "ﬁ", "\u0903"]
        + ["、", "あ", "\U00010a40", "\u2028", "€", "ǅ", "\u0345", "Σ", "ς", "\ufb01", "㎞", "\u00ad"]
    )
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ASCII, MIXED), mask=st.booleans())
def test_words_key_is_the_character_by_character_key(text: str, mask: bool) -> None:
    assert repeats.words_key(text, mask) == repeats.plain_words_key(text, mask)


def test_words_key_of_every_ascii_character() -> None:
    for code in range(128):
        char = chr(code)
        for text in (char, f"a{char}0", f"1{char}{char}22", f"0{char} ", f"{char}x{char}"):
            for mask in (False, True):
                assert repeats.words_key(text, mask) == repeats.plain_words_key(text, mask), (text, mask)
    assert repeats.words_key("13:12 WIB", mask_digits=True) == "0 0 wib"
    assert repeats.words_key("NBC fired Kelly.") == repeats.words_key("NBC Fired  Kelly") == "nbc fired kelly"
    long = "Kata-kata, " * repeats.KEPT_CHARS
    assert repeats.words_key(long) == repeats.plain_words_key(long) == " ".join(["kata"] * 2 * repeats.KEPT_CHARS)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ASCII, MIXED))
def test_the_letter_runs_of_ascii_text_are_the_runs_of_the_plain_class(text: str) -> None:
    assert WordWork().letter_runs(text) == words._LETTER_RUN.findall(text)
    work = WordWork()
    runs = words._LETTER_RUN.findall(text)
    assert work.words(text).lower == sum(run[0].islower() for run in runs)


# --- the finder of `requires` strings ------------------------------------------

# ("ß", "é" and "ü" open with the same byte in UTF-8: the index looks for that byte first)
LITERALS = ["a", "ab", "abc", "b", "ba", "ss", "ß", "é", "ü", ".", "a.b", "\n", "x\ny", "(", "[a]", "İ".casefold()]
LITERALS += ["aaa", "aa"]
PIECES = [*LITERALS, "ẞ", "AB", "É", " ", "\n\n"]
literal_text = st.one_of(st.sampled_from(PIECES), st.text(alphabet="abx.\n ", max_size=5))


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.lists(literal_text, max_size=6).map("".join), max_size=5),
    extra=st.lists(st.text(alphabet="abx.\n ß", min_size=1, max_size=4), max_size=4),
)
def test_the_literal_index_finds_each_string_where_a_search_for_it_does(texts: list[str], extra: list[str]) -> None:
    blocks = tuple(Block.verbatim(text, 0) for text in texts)
    doc = Document("d.txt", "", "text", blocks)
    literals = [*LITERALS, *extra]
    index = LiteralIndex(literals)
    with_index = Facts(doc, shipped_lexicon(), index)
    plain = Facts(doc, shipped_lexicon())
    for literal in [*literals, "zz", ""]:
        folded = literal.casefold()
        expected = {i for i, text in enumerate(texts) if folded in text.casefold()} if folded else None
        assert with_index.blocks_with(folded) == plain.blocks_with(folded), literal
        if expected is not None:
            assert plain.blocks_with(folded) == expected
    for group in (["ab", "x\ny"], ("ab", "x\ny"), ("a", "ss", "zz"), tuple(literals), ("b", "")):
        assert with_index.blocks_with_any(group) == plain.blocks_with_any(group), group


def utf8_prose(texts: list[str]) -> tuple[bytes, list[int]]:
    """Blocks joined by blank lines in UTF-8, with each block's start and, last, the length
    plus two (the form of ``Facts._folded``)."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text.encode()) + 2
    return "\n\n".join(texts).encode(), [*starts, at]


def test_the_literal_index_finds_overlapping_and_nested_strings() -> None:
    index = LiteralIndex(["ab", "abc", "bcd", "c", "x" * 100])
    texts = ["abcd", "zab", "c", "bc", "a\n\nbcd"]
    found = index.blocks_with(*utf8_prose(texts))
    assert found == {"ab": {0, 1}, "abc": {0}, "bcd": {0, 4}, "c": {0, 2, 3, 4}}
    assert "x" * 100 not in index.literals  # too long for the trie: searched on its own


def test_a_rule_set_builds_its_literal_index_when_asked_or_after_a_few_documents() -> None:
    rules = load_rules()
    fresh = RuleSet(rules.rules, rules.lexicon)
    assert all(engine.literal_index(fresh) is None for _ in range(LITERAL_INDEX_AFTER - 1))
    index = engine.literal_index(fresh)
    assert index is not None and engine.literal_index(fresh) is index
    required = {
        word.casefold() for r in rules if r.check == "pattern" for word in r.compiled_as(pattern.Compiled).requires
    }
    vocabulary = {word for r in rules if r.check == "blocks" for word in r.compiled_as(blocks.Compiled).requires}
    regexes = (pattern.needs(r) or blocks.needs(r) or () for r in rules)
    needed = {word for words in regexes for word in words if len(word) <= facts_module.LITERAL_MAX}
    assert any(blocks.needs(r) for r in rules)  # (a tail section's notice: see blocks.needs)
    assert vocabulary and needed and index.literals == required | vocabulary | needed
    assert engine.literal_index(RuleSet(rules.rules, rules.lexicon), build=True) is not None


# Every shipped pattern and blocks rule's examples, one paragraph each.
EXAMPLES = "\n\n".join(
    example
    for r in load_rules()
    if r.check in ("pattern", "blocks")
    for example in (*r.examples_flag, *r.examples_pass)
)


def test_the_lint_is_the_same_with_the_literal_index() -> None:
    rules = load_rules()
    text = "Baca juga: Harga Emas\n\nPara pemain sepak bola tampil baik.\n\nADVERTISEMENT\n\n" + EXAMPLES
    doc = read_string(text, "draft.txt")[0]
    without = RuleSet(rules.rules, rules.lexicon)
    with_index = RuleSet(rules.rules, rules.lexicon)
    engine.literal_index(with_index, build=True)
    plain = lint_document(doc, without, Options())
    fast = lint_document(doc, with_index, Options())
    assert plain.findings and plain == fast


# --- what the engine works out once per rule set and selection ------------------------------


def test_the_rules_a_selection_runs_are_remembered_per_selection() -> None:
    rules = load_rules()
    ruleset = RuleSet(rules.rules, rules.lexicon)
    doc = read_string("Baca juga: Harga Emas\n\nPara pemain tampil baik pada laga itu.\n\nADVERTISEMENT\n", "d.txt")[0]
    answers: dict[tuple[str, ...], list[object]] = {}
    for options in (
        Options(),
        Options(ignore=("markup",)),
        Options(select=("ad-text",)),
        Options(),
        Options(ignore=("ad-text",)),
    ):
        result = lint_document(doc, ruleset, options)
        # (asked now: the fresh rule set below may fill the engine's table of rule sets,
        # which then starts afresh, as many earlier tests' rule sets may have left it)
        assert any(key[0] == "rules" for key in engine._derived_from(ruleset).memo)
        assert result == lint_document(doc, RuleSet(rules.rules, rules.lexicon), options)
        answers.setdefault(options.ignore + options.select, []).append(result.findings)
    assert answers[()][0] == answers[()][1]
    distinct = [found[0] for found in answers.values()]
    assert all(a != b for n, a in enumerate(distinct) for b in distinct[n + 1 :])  # each selection its own


def test_a_serial_run_of_many_files_collects_garbage_as_a_worker_and_restores_it_after() -> None:
    before = gc.get_threshold()
    seen = list(workers.map_paths(lambda path: gc.get_threshold(), ["a"] * workers.SERIAL_GC_FILES, jobs=1))
    assert set(seen) == {workers._WORKER_GC}
    assert gc.get_threshold() == before
    assert list(workers.map_paths(lambda path: gc.get_threshold(), ["a", "b"], jobs=1)) == [before, before]


def test_the_literal_index_answers_on_a_page_of_one_string_and_after_it_starts_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = ["@" * 20_000, "ab @", "plain", "scroll to continue", "scroll\tto continue reading", "to continue"]
    index = LiteralIndex(["@", "ab", "zz", "scroll to continue", "a a a", "continue"])
    expected = {"@": {0, 1}, "ab": {1}, "scroll to continue": {3}, "continue": {3, 4, 5}}
    assert index.blocks_with(*utf8_prose(texts)) == expected
    monkeypatch.setattr(facts_module, "WORDS_KEPT", 3)  # the words met are forgotten at each document
    for _ in range(2):
        assert index.blocks_with(*utf8_prose(texts)) == expected
        assert index.blocks_with(*utf8_prose(["a a a", "zz top"])) == {"a a a": {0}, "zz": {1}}
    doc = Document("d.txt", "", "text", tuple(Block.verbatim(text, 0) for text in texts))
    facts = Facts(doc, shipped_lexicon(), index)
    assert facts.blocks_with_any(("@", "zz")) == {0, 1}
    assert facts.blocks_with("ab") == {1} and facts.blocks_with("zz") == frozenset()


def test_the_literal_index_reads_a_long_block_in_pieces_cut_at_white_space(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_module, "WORDS_PIECE", 8)
    index = LiteralIndex(["abcdefghijkl", "xyz", "gh ij", "q"])
    texts = ["abcdefghijkl xyz " * 3 + "gh ij", "zzzzzzzzzzzzzzzzzzzzzxyz", "q"]
    expected = {"abcdefghijkl": {0}, "xyz": {0, 1}, "gh ij": {0}, "q": {2}}
    assert index.blocks_with(*utf8_prose(texts)) == expected
    assert b"xyz" in index._seen
    monkeypatch.setattr(facts_module, "REMEMBER_MAX", 16)  # a long document's words are its own
    fresh = LiteralIndex(["abcdefghijkl", "xyz", "gh ij", "q"])
    assert fresh.blocks_with(*utf8_prose(texts)) == expected
    assert not fresh._seen


# --- a parallel run warms up while it watches the CPUs ---------------------------------------


def test_the_warm_up_runs_during_the_cpu_sample_and_its_own_cpu_time_counts_as_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readings = iter([{0: (100, 1000), 1: (0, 1000)}, {0: (100, 1020), 1: (0, 1020)}])  # both busy
    monkeypatch.setattr(workers, "_cpu_times", lambda mask: next(readings))
    clock = {"wall": 0.0, "cpu": 0.0}
    fake_time = types.SimpleNamespace(
        monotonic=lambda: clock["wall"],
        process_time=lambda: clock["cpu"],
        sleep=lambda s: clock.update(wall=clock["wall"] + s),
    )
    monkeypatch.setattr(workers, "time", fake_time)
    ran: list[str] = []

    def warm_up() -> None:  # 0.3 s, 0.24 s of it on a CPU
        ran.append("warm")
        clock["wall"] += 0.3
        clock["cpu"] += 0.24

    idle = workers.idle_cpus({0, 1}, 0.05, warm_up)
    assert ran == ["warm"]
    assert idle == pytest.approx(0.8)  # the CPU this process kept busy, 0.24 of 0.3 s
    monkeypatch.setattr(workers, "_cpu_times", lambda mask: {})
    assert workers.idle_cpus({0, 1}, 0.05, warm_up) is None and ran == ["warm", "warm"]  # run even so


def test_a_default_jobs_run_warms_up_once_while_it_watches_the_cpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = []
    for n in range(64):
        (tmp_path / f"d{n}.txt").write_text("A longer draft.\n" * 600, encoding="utf-8")
        paths.append(str(tmp_path / f"d{n}.txt"))
    order: list[str] = []

    def available(meanwhile: Callable[[], None] | None = None) -> int:
        order.append("sample")
        if meanwhile is not None:
            meanwhile()
        order.append("sampled")
        return 1  # a busy machine: the run stays in this process

    monkeypatch.setattr(workers, "available_cpus", available)
    found = list(workers.map_paths(len, paths, 0, warm=lambda files: order.append(f"warm {files}")))
    assert found == [len(p) for p in paths]
    assert order == ["sample", "warm 64", "sampled"]


def _slow_pid(path: str) -> tuple[str, int]:
    import os
    import time

    time.sleep(0.02)
    return path, os.getpid()


def test_the_drafts_linted_while_the_cpus_are_watched_are_not_linted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    # The rest of the sample, after the warm-up, lints the first drafts in this process;
    # the workers take the others. Every draft is linted once, and the results keep the
    # order of the paths.
    paths = []
    for n in range(60):
        (tmp_path / f"d{n}.txt").write_text("A draft of some length.\n" * 250, encoding="utf-8")  # 6 KB
        paths.append(str(tmp_path / f"d{n}.txt"))
    monkeypatch.setattr(workers, "IDLE_SAMPLE", 0.3)
    warmed: list[int] = []

    def available(meanwhile: Callable[[], None] | None = None) -> int:
        assert meanwhile is not None
        meanwhile()
        return 2  # an idle machine: two workers

    monkeypatch.setattr(workers, "available_cpus", available)
    found = list(workers.map_paths(_slow_pid, paths, 0, warm=warmed.append))
    assert [path for path, _ in found] == paths and warmed == [60]
    here = [path for path, pid in found if pid == os.getpid()]
    assert here and here == paths[: len(here)] and len(here) < len(paths)  # the first ones, not all
    assert {pid for _, pid in found[len(here) :]} - {os.getpid()}  # the rest in workers


def test_a_run_that_stays_in_this_process_lints_each_draft_once_after_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(workers, "IDLE_SAMPLE", 0.05)

    def available(meanwhile: Callable[[], None] | None = None) -> int:
        assert meanwhile is not None
        meanwhile()
        assert seen  # some drafts were linted during the sample
        return 1

    monkeypatch.setattr(workers, "available_cpus", available)
    paths = []
    for n in range(40):
        (tmp_path / f"d{n}.txt").write_text("A draft of some length.\n" * 400, encoding="utf-8")  # 10 KB
        paths.append(str(tmp_path / f"d{n}.txt"))
    progress: list[int] = []

    def lint(path: str) -> str:
        seen.append(path)
        return path.upper()

    found = list(workers.map_paths(lint, paths, 0, warm=lambda files: None, progress=progress.append))
    assert found == [p.upper() for p in paths] and seen == paths and sum(progress) == len(paths)


def test_the_warm_up_of_a_run_of_many_files_builds_the_markdown_parser_the_workers_share() -> None:
    from newslint.readers import markdown

    rules = load_rules()
    markdown._parser.cache_clear()
    engine.warm(rules, Options(), LITERAL_INDEX_AFTER - 1)
    assert markdown._parser.cache_info().currsize == 0  # a few files: built by a worker that needs it
    engine.warm(rules, Options(), LITERAL_INDEX_AFTER)
    assert markdown._parser.cache_info().currsize == 1


@pytest.mark.parametrize("size", [None, 0, 5, 10, 11, 30])
@pytest.mark.parametrize("length", [0, 10, 21])
def test_a_read_sized_by_the_files_size_reads_what_a_read_to_the_limit_reads(size: int | None, length: int) -> None:
    import io

    from newslint.readers import source

    data = bytes(range(length))
    plain = source.read_stream(io.BytesIO(data), 20)
    sized = source.read_stream(io.BytesIO(data), 20, size=size)  # the file grew or shrank since
    assert sized == plain
    assert (plain == data) if length <= 20 else not isinstance(plain, bytes)


# Non-ASCII characters that are not word characters: quotes, dashes, spaces, symbols.
PUNCTUATED = st.text(alphabet=st.sampled_from([*"aZ09 _.,-:\t\nxy", "’", "“", "”", "—", "–", "…", "«", "\u00a0", "€"]))


@settings(max_examples=300, deadline=None)
@given(text=PUNCTUATED)
def test_text_whose_only_non_ascii_characters_are_not_letters_has_the_runs_of_its_ascii_letters(text: str) -> None:
    assert words._ascii_letters_only(text)
    assert WordWork().letter_runs(text) == words._LETTER_RUN.findall(text)


def test_a_non_ascii_word_character_takes_the_plain_class() -> None:
    for text in ("café’s", "x²", "naïve “quote”", "٣ rows"):
        assert not words._ascii_letters_only(text)
        assert WordWork().letter_runs(text) == words._LETTER_RUN.findall(text)


FUNCTION_WORDS = sorted({word for listed in shipped_lexicon().function_words.values() for word in listed})[:400]


@settings(max_examples=200, deadline=None)
@given(
    picked=st.lists(st.one_of(st.sampled_from(FUNCTION_WORDS), st.sampled_from(["zebra", "Kata", "x"])), max_size=60)
)
def test_function_words_are_counted_as_one_count_per_word_per_language(picked: list[str]) -> None:
    work = WordWork()
    text = " ".join(picked)
    plain = dict.fromkeys(work.languages, 0)
    for word in words._LETTER_RUN.findall(text):
        for lang, listed in work.lexicon.function_words.items():
            if word in listed:
                plain[lang] += 1
    found = work.words(text)
    assert found.counts == plain
    total = found.lower or 1
    assert found.ratios() == {lang: count / total for lang, count in plain.items()}


LANGUAGES = WordWork().languages


@settings(max_examples=300, deadline=None)
@given(
    counts=st.lists(st.integers(0, 40), min_size=len(LANGUAGES), max_size=len(LANGUAGES)),
    extra=st.integers(0, 400),
    article=st.sampled_from([*LANGUAGES, "ms", "xx"]),
)
def test_the_function_word_ratios_are_ranked_from_the_counts_as_from_the_ratios(
    counts: list[int], extra: int, article: str
) -> None:
    from newslint.checks import language as check

    found = words.Words(sum(counts) + extra, LANGUAGES, bytes(counts))
    ratios = found.ratios()
    own = max((ratios.get(lang, 0.0) for lang in check._family(article, LANGUAGES)), default=0.0)
    best_ratio, best = max(((ratios[lang], lang) for lang in check._foreign(article, LANGUAGES)), default=(0.0, ""))
    assert check._own_and_foreign(found, article) == (own, best_ratio, best)


# --- line rules' regexes on a text of one line -----------------------------------

ONE_LINE = st.text(
    alphabet=st.sampled_from([*"aSe lmo:»|-.,!?'\r\t\x0b\x0c", "\x85", "\u2028", "\u2029", "é", "1", "Ä"]), max_size=30
)
LINE_REGEXES = [
    r"^see\s+all\b.*$",
    r"(?x)^(?![\W_]*lo)[\W_]*(?:see|all|more)(?:\s+\S+){0,2}?\s*[»|]*$",
    r"(?m)^a",
    r"(?w)^\S+$",
    r"e(?w:$)",
    r"(?i)^.$|^$|\$$",
]


@settings(max_examples=300, deadline=None)
@given(text=ONE_LINE, source=st.sampled_from(LINE_REGEXES), ignorecase=st.booleans())
def test_a_line_regex_without_multiline_finds_in_one_line_what_it_finds_with_it(
    text: str, source: str, ignorecase: bool
) -> None:
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    compiled = regexcache.compile(source, flags)
    single = regexcache.for_one_line(compiled, source, flags)
    assert [m.span() for m in single.finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_the_shipped_line_regexes_find_in_their_examples_lines_what_they_find_with_multiline() -> None:
    gained = 0
    for rule in load_rules():
        compiled = rule.compiled
        pairs = []
        if isinstance(compiled, pattern.Compiled) and compiled.line_pattern is not None:
            pairs = [(compiled.pattern, compiled.line_pattern)]
        elif isinstance(compiled, required.Compiled):
            pairs = list(zip(compiled.patterns, compiled.line_patterns, strict=True))
        for plain, single in pairs:
            gained += single is not plain
            for example in rule.examples_flag + rule.examples_pass:
                for line in example.split("\n"):
                    assert [m.span() for m in single.finditer(line)] == [m.span() for m in plain.finditer(line)]
    assert gained > 20  # the shipped line rules open with "^": most have a one-line regex of their own


# --- a paragraph's last word, looked for near its end first ------------------------

WORDY = st.text(alphabet=st.sampled_from([*"ab Z9_-'’.,;!?\n\t", "\u00a0", "é", "\u0301", "ß", "٣"]), max_size=40)


@settings(max_examples=400, deadline=None)
@given(text=WORDY, window=st.integers(min_value=1, max_value=12))
def test_the_last_word_found_near_the_end_is_the_one_a_search_of_the_whole_text_finds(text: str, window: int) -> None:
    for last in (ends._LAST_WORD, ends._LAST_LEARNED, ends._LAST_LETTERS):
        fast, plain = base.last_word_match(last, text, window), last.search(text)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), last.pattern


@pytest.mark.parametrize(
    ("text", "window"),
    [("x-abc", 4), ("x-abc.", 5), ("kan'abc", 4), ("a b.c", 2), ("www.abc", 4), ("dia, bahwa ", 6), ("ab\u0301c", 2)],
)
def test_a_last_word_that_goes_on_before_the_window_is_the_whole_texts(text: str, window: int) -> None:
    for last in (ends._LAST_WORD, ends._LAST_LEARNED, ends._LAST_LETTERS):
        fast, plain = base.last_word_match(last, text, window), last.search(text)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), last.pattern


def test_the_last_word_of_a_long_paragraph_is_found_in_its_last_characters() -> None:
    text = "kata " * 200 + "bahwa-nya  ,"
    found = base.last_word_match(ends._LAST_LEARNED, text)
    plain = ends._LAST_LEARNED.search(text)
    assert found is not None and plain is not None
    assert found.group(1) == "bahwa-nya" and found.span() == plain.span()


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.one_of(ASCII, MIXED), min_size=1, max_size=4))
def test_a_remembered_paragraphs_letter_count_is_read_from_its_row(texts: list[str]) -> None:
    work = WordWork()
    for text in texts:
        work.words(text)  # remembered, with its letter count
    for text in texts:
        plain = sum(map(len, words._LETTER_RUN.findall(text)))
        assert work.letter_count(text) == WordWork().letter_count(text) == plain
        assert work.letter_count(text) == work.words(text).letters


def test_each_vocabulary_rules_examples_are_judged_the_same_through_the_finder_of_required_strings() -> None:
    # A blocks rule's `requires` (a vocabulary run) is looked for by the rule set's finder:
    # each shipped rule's examples flag and pass as they do without it, with the other rules.
    rules = load_rules()
    vocabulary = [r for r in rules if r.check == "blocks" and r.compiled_as(blocks.Compiled).requires]
    assert vocabulary
    for rule in vocabulary:
        for example in (*rule.examples_flag, *rule.examples_pass):
            doc = read_string(example, "draft.txt")[0]
            with_index = RuleSet(rules.rules, rules.lexicon)
            assert engine.literal_index(with_index, build=True) is not None
            fast = lint_document(doc, with_index, Options(language=next(iter(rule.languages or {"en"}))))
            plain = lint_document(doc, RuleSet(rules.rules, rules.lexicon), Options(language=fast.language))
            assert fast == plain, (rule.id, example)
            assert any(f.rule == rule.id for f in fast.findings) == (example in rule.examples_flag), (rule.id, example)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.one_of(ASCII, MIXED), min_size=1, max_size=4))
def test_the_articles_word_counts_of_ascii_paragraphs_are_the_counts_of_their_folded_words(texts: list[str]) -> None:
    from collections import Counter

    doc = read_string("\n\n".join(["Headline", *texts]), "d.txt")[0]
    prose = list(range(len(doc.blocks)))
    plain = Counter(w.casefold() for i in prose for w in ends._LETTER_WORDS.findall(doc.blocks[i].text))
    assert ends._word_counts(doc, prose) == plain
    assert list(ends._word_counts(doc, prose)) == list(plain)  # (in the same order)


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(st.one_of(ASCII, MIXED), min_size=1, max_size=5))
def test_word_work_keeping_its_records_answers_as_word_work_that_makes_them_again(texts: list[str]) -> None:
    kept, plain = WordWork(keep_records=True), WordWork()
    for _ in range(2):  # (the second time from what each remembers)
        for text in texts:
            assert kept.words(text) == plain.words(text)
            assert kept.letter_count(text) == plain.letter_count(text)
    assert kept.words(texts[0]) is kept.words(texts[0]) or "\n\n" in texts[0]


def test_a_drafts_facts_keep_its_paragraphs_records_and_a_long_drafts_do_not() -> None:
    lexicon = shipped_lexicon()
    short = read_string("Headline\n\nThe council met on Tuesday.", "d.txt")[0]
    long = read_string("Headline\n\n" + "The council met on Tuesday. " * 20_000, "d.txt")[0]
    assert Facts(short, lexicon).words._made is not None
    assert Facts(long, lexicon).words._made is None


def test_every_character_a_mojibake_match_opens_with_is_one_of_its_required_strings() -> None:
    # The rule's paragraphs are searched only when they hold one of `requires`: each
    # character a garbled run can open with, followed by what follows it in such runs.
    rule = next(r for r in load_rules() if r.id == "markup/mojibake")
    compiled = rule.compiled_as(pattern.Compiled)
    tails = ["\x80\x80", "\xa9", "\u20ac\u2122", "\x9f", "\xa0", "\u2019", "\xc3\xa9"]
    opening = set()
    for code in range(0x20, 0x2200):
        for tail in tails:
            if compiled.pattern.match(chr(code) + tail):
                opening.add(chr(code).casefold())
    assert opening and opening <= set(compiled.requires)
    for example in rule.examples_flag:
        for m in compiled.pattern.finditer(example):
            assert m.group(0)[0].casefold() in compiled.requires

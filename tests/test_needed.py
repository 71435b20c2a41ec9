"""The strings a regex needs (``newslint.needed``), and the prefilter the pattern kind makes of them."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import engine, needed
from newslint.checks import pattern
from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule, load_rules


@pytest.mark.parametrize(
    "source, ignorecase, expected",
    [
        (r"\bbuy\s*now\b|add\s+to\s+cart", False, ("buy", "cart")),
        (r"(?i)Jetzt\s+(?:kaufen|bestellen)", False, ("bestellen", "kaufen")),
        (r"colou?r\s+(?:red|blue)", False, ("colo",)),  # "colo" is longer than "red"
        (r"^Advertisement$", True, ("advertisement", "adverti\u0307sement")),  # "İ" folds to "i" and a dot
        (r"\d+ (?:min|menit) read", False, (" menit read", " min read")),
        (r"[Bb]aca [Jj]uga:", False, ("baca juga:",)),
        (r"(?:ab){2}cd", False, ("ababcd",)),
    ],
)
def test_the_strings_a_regex_needs(source: str, ignorecase: bool, expected: tuple[str, ...]) -> None:
    assert needed.needed(source, ignorecase) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"x|yz",  # a match may be "x": too short to sift with
        r"(?:foo)?bar?",  # "ba" at most
        r"(?:colour){e<=1}",  # regex's fuzzy matching
        r"[[:alpha:]]+ing",  # a POSIX class
        r"(?V1)[\w--\d]+tion",  # the version 1 syntax
        r"(?x) x{1, 3} yz",  # verbose, a repeat to regex and text to the standard parser
        r"\p{Lu}+",  # no string at all
        r"(foo",  # not a regex
    ],
)
def test_a_regex_that_needs_nothing_it_can_tell(source: str) -> None:
    assert needed.needed(source) is None


def test_a_letter_that_matches_letters_of_another_fold_stands_for_each_fold() -> None:
    # case ignored, "I" matches "ı", whose fold is not "i", and "i" matches "İ" ("i" and a dot)
    assert regex.search("FINAL", "fınal", regex.IGNORECASE) and regex.search("info", "İNFO", regex.IGNORECASE)
    assert needed.needed("FINAL", ignorecase=True) == ("final", "fınal")
    assert needed.needed("info", ignorecase=True) == ("info", "i\u0307nfo")
    assert "i\u0307nfo" in "İNFO".casefold()
    assert needed.needed("FINAL") == ("final",)  # case kept: "I" is only "I"
    assert needed.needed("Ж{2}ar", ignorecase=True) is None  # beyond Latin, case ignored: unknown


def test_each_letter_stands_for_the_folds_of_every_character_it_matches_case_ignored() -> None:
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    for code in range(0x20, needed._FOLD_SAFE_MAX + 1):
        char = chr(code)
        matches = regex.compile(regex.escape(char), regex.IGNORECASE | regex.V0).findall(every)
        folds = {match.casefold() for match in matches}
        assert folds == {char.casefold(), *needed._FOLD_ALSO.get(char, ())}, char


SHIPPED = [r for r in load_rules() if pattern.needs(r)]


def test_most_shipped_pattern_rules_need_strings() -> None:
    assert len(SHIPPED) >= 20


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.id)
def test_every_match_of_a_shipped_rule_example_holds_a_string_its_regex_needs(rule: Rule) -> None:
    strings = pattern.needs(rule)
    assert strings
    compiled = rule.compiled_as(pattern.Compiled)
    found = 0
    for example in (*rule.examples_flag, *rule.examples_pass):
        for m in compiled.pattern.finditer(example):
            found += 1
            assert any(s in m.group(0).casefold() or s in example.casefold() for s in strings), (example, m)
    assert found or not rule.examples_flag


LETTERS = st.text(alphabet=st.sampled_from([*"abcINFOnow ıİß", "\n"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(text=LETTERS)
def test_a_text_that_matches_holds_a_needed_string(text: str) -> None:
    for source, ignorecase in [
        (r"buy\s*now|info(?:rmation)?", True),
        (r"^(?:NOW|INFO)\b", False),
        (r"[ab]c[ab]now", True),
    ]:
        strings = needed.needed(source, ignorecase)
        assert strings
        flags = regex.IGNORECASE if ignorecase else 0
        if regex.search(source, text, flags | regex.MULTILINE):
            assert any(s in text.casefold() for s in strings)


def _rule(regex_source: str, **params: Any) -> Rule:
    return build_rule(
        Path("later.yaml"),
        "later",
        {
            "id": "later/checkout-button",
            "check": "pattern",
            "severity": "warning",
            "message": "{match}",
            "scope": "line",
            "with": {"regex": regex_source, **params},
        },
    )


def test_a_rule_added_later_fires_through_the_prefilter_of_its_own_regex() -> None:
    shipped = load_rules()
    later = _rule(r"(?i)^\W*(?:proceed|go)\s+to\s+checkout\W*$")
    assert pattern.needs(later) == ("checkout",)
    text = "Checkout counters were busy.\n\nPara pemain tampil baik.\n\nProceed to CHECKOUT »\n\nGo to checkout\n"
    doc = read_string(text, "draft.txt")[0]
    plain = RuleSet((*shipped.rules, later), shipped.lexicon)
    fast = RuleSet((*shipped.rules, later), shipped.lexicon)
    index = engine.literal_index(fast, build=True)
    assert index is not None and "checkout" in index.literals
    without, with_index = lint_document(doc, plain, Options()), lint_document(doc, fast, Options())
    assert [f.line for f in with_index.findings if f.rule == later.id] == [5, 7]
    assert without == with_index


def test_the_prefilter_skips_the_blocks_without_a_needed_string(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = load_rules()
    later = _rule(r"(?i)^\W*(?:proceed|go)\s+to\s+checkout\W*$", requires=["to"])
    ruleset = RuleSet((*shipped.rules, later), shipped.lexicon)
    engine.literal_index(ruleset, build=True)
    searched: list[str] = []
    real = pattern._finditer

    def spy(compiled: pattern.Compiled, text: str, deadline: float, at_start: bool = False) -> list[Any]:
        if compiled is later.compiled:
            searched.append(text)
        return real(compiled, text, deadline, at_start)

    monkeypatch.setattr(pattern, "_finditer", spy)
    doc = read_string("They went to town.\n\nGo to checkout\n", "draft.txt")[0]
    result = lint_document(doc, ruleset, Options(select=(later.id,)))
    assert [f.line for f in result.findings] == [3]
    assert searched == ["Go to checkout"]  # "They went to town." holds "to" but no "checkout"


def test_the_answers_are_kept_in_the_cache_folder_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(needed, "_answers", None)
    monkeypatch.setattr(needed, "_changed", [])
    assert needed.needed(r"\bcheckout\b", True) == ("checkout",)
    needed.save()
    kept = list((tmp_path / "needed").iterdir())
    assert len(kept) == 1
    monkeypatch.setattr(needed, "_answers", None)
    calls: list[str] = []

    def stand_in(source: str, ignorecase: bool) -> tuple[None, bool]:
        calls.append(source)
        return None, False

    monkeypatch.setattr(needed, "_worked_out", stand_in)
    assert needed.needed(r"\bcheckout\b", True) == ("checkout",)  # read back, not worked out
    assert needed.line_start(r"\bcheckout\b", True) is False
    assert calls == []
    kept[0].write_bytes(b"not marshal")  # a damaged entry is not read
    monkeypatch.setattr(needed, "_answers", None)
    assert needed.needed(r"\bcheckout\b", True) is None  # (the stand-in answers None)
    assert calls == [r"\bcheckout\b"]


@pytest.mark.parametrize(
    "source, expected",
    [
        (r"^Advertisement$", True),
        (r"(?m)^\W*(?:next|prev)\W*$", True),
        (r"(?x) ^ a | \A b | (?<=x) ^ c", True),  # lookarounds have no width
        (r"(?:^|\s)next", False),
        (r"\b^next|next$", False),
        (r"(?:^a)+", False),  # (a repeat is not read)
        (r"(?w)^next", False),  # WORD: more characters end a line
        (r"(?<=^[^\n]*page \d\n)^\d$|^next$", True),
        (r"next", False),
    ],
)
def test_which_regexes_match_at_line_starts_only(source: str, expected: bool) -> None:
    assert needed.line_start(source) is expected


def test_pagination_is_tried_at_the_start_of_a_one_line_text_only() -> None:
    rule = next(r for r in load_rules() if r.id == "markup/pagination")
    assert needed.line_start(rule.params["regex"], rule.params["ignorecase"])


ONE_LINE = st.lists(st.sampled_from([*"ab 12", "next", "Seite", "«", "»", "|", "\r"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=ONE_LINE.map("".join))
def test_a_one_line_match_at_the_start_is_every_match(text: str) -> None:
    sources = [
        next(r for r in load_rules() if r.id == "markup/pagination").params["regex"],
        r"(?m)^(?:)|^a",  # an empty match at the start, then a longer one there
        r"(?m)^\W*(?:next|a)\W*$|^\d+",
    ]
    for source in sources:
        assert needed.line_start(source, True)
        compiled = pattern.compile_checked({"regex": source, "ignorecase": True}, "block")
        fast = pattern._finditer(compiled, text, time.monotonic() + 60, at_start=True)
        assert [m.span() for m in fast] == [m.span() for m in compiled.line_pattern.finditer(text)]


def test_a_tail_notice_is_matched_only_in_the_blocks_that_hold_what_it_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.checks import blocks

    shipped = load_rules()
    rule = next(r for r in shipped if r.id == "markup/comment-thread")
    assert blocks.needs(rule)  # what its notice needs: "comment", "komentar", ...
    fast = RuleSet(shipped.rules, shipped.lexicon)
    assert engine.literal_index(fast, build=True) is not None
    matched: list[str] = []
    real = blocks._is_notice

    def spy(text: str, notice: Any) -> bool:
        matched.append(text)
        return bool(real(text, notice))

    monkeypatch.setattr(blocks, "_is_notice", spy)
    for example in (*rule.examples_flag, *rule.examples_pass):
        doc = read_string(example, "draft.txt")[0]
        only = Options(select=(rule.id,))
        assert lint_document(doc, fast, only) == lint_document(doc, shipped, only), example
    paragraphs = [
        "The city council met on Tuesday and agreed on a budget for the coming year, its members said. More"
        " words here to be long.",
        "Second paragraph of the story is also here and long enough to count.",
        "It goes on.",
        "Fine.",
    ]
    story = read_string("\n\n".join(paragraphs) + "\n", "draft.txt")[0]
    matched.clear()
    lint_document(story, RuleSet(shipped.rules, shipped.lexicon), Options(select=(rule.id,)))
    assert "It goes on." in matched  # (a first document, without the finder of strings)
    matched.clear()
    # (built again: the engine forgets every rule set's derived data when it has seen too many
    # rule sets, and the suite before this test may have filled that memory up to here)
    assert engine.literal_index(fast, build=True) is not None
    lint_document(story, fast, Options(select=(rule.id,)))
    assert matched == []  # no block holds a word of the notice: no line is matched

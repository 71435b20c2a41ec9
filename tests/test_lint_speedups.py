"""The lint's shared work: what several rules need is worked out once per document,
and every shortcut gives the findings the long way gives."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint import engine, language
from newslint.checks import pattern
from newslint.checks.truncation import ends
from newslint.document import Block, Document
from newslint.engine import Options, document_context, lint_document
from newslint.facts import Facts
from newslint.finding import without_repeats
from newslint.lexicon import shipped_lexicon
from newslint.readers import read_string, source
from newslint.rules import Rule, RuleSet, build_rule, load_rules


def _truncation(rule_id: str, **params: Any) -> Rule:
    raw = {
        "id": rule_id,
        "check": "truncation",
        "severity": "warning",
        "message": "{reason}",
        "with": {"mode": "paragraph-end", **params},
    }
    return build_rule(Path("test.yaml"), "test", raw)


def test_facts_once_computes_once_per_key() -> None:
    facts = Facts(read_string("One paragraph here.\n", "a.txt")[0], shipped_lexicon())
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name.upper()

    assert facts.once(("k", 1), lambda: compute("a")) == "A"
    assert facts.once(("k", 1), lambda: compute("b")) == "A"  # the same key: not computed again
    assert facts.once(("k", 2), lambda: compute("c")) == "C"
    assert calls == ["a", "c"]


TIDY = "Pemerintah membuka pendaftaran beasiswa pada Senin. Pendaftar wajib mengisi formulir."
CLOSE = "Panitia akan mengumumkan hasil seleksi pada bulan depan melalui situs resmi."
DRAFTS = {
    # strong evidence: a word no sentence ends on
    "Penerbangan perdana ke Bandara Komodo dilayani maskapai Airasia dengan rute Kuala Lumpur dan": "strong",
    # weak evidence: the article's only unfinished sentence
    "Kepala BPBD mengatakan warga di bantaran sungai diminta mengungsi sebelum ketinggian air": "weak",
}


@pytest.mark.parametrize("middle", sorted(DRAFTS))
@pytest.mark.parametrize(("weak_words", "expected_calls"), [(["dan", "yang"], 1), (["yang"], 2)])
def test_strong_and_weak_rules_share_their_cuts(
    monkeypatch: pytest.MonkeyPatch, middle: str, weak_words: list[str], expected_calls: int
) -> None:
    """The strong and the weak paragraph-end rule of a language read the same cuts: one
    computation per document, unless their word lists differ; each still reports its own."""
    strong = _truncation("truncation/paragraph-end", dangling_words=["dan", "yang"])
    weak = _truncation("truncation/unfinished-sentence", dangling_words=weak_words, evidence="weak")
    doc = read_string(f"{TIDY}\n\n{middle}\n\n{CLOSE}\n\n{TIDY}\n", "draft.txt")[0]
    own = {rule.id: lint_document(doc, RuleSet((rule,)), Options(language="xx")).findings for rule in (strong, weak)}
    alone = {rule_id: [f.line for f in findings] for rule_id, findings in own.items()}
    if weak_words == ["dan", "yang"]:
        assert alone == {
            "truncation/paragraph-end": [3] if DRAFTS[middle] == "strong" else [],
            "truncation/unfinished-sentence": [3] if DRAFTS[middle] == "weak" else [],
        }
    calls = []
    original = ends.cuts

    def counted(*args: Any) -> list[ends.Cut]:
        calls.append(1)
        return original(*args)

    monkeypatch.setattr(ends, "cuts", counted)
    result = lint_document(doc, RuleSet((strong, weak)), Options(language="xx"))
    assert len(calls) == expected_calls
    # each reports what it reports alone, less what the other already says of the same words
    together = sorted((f for findings in own.values() for f in findings), key=lambda f: f.sort_key)
    assert result.findings == tuple(without_repeats(together))


# --- the pattern kind's shared prefilter: `requires` strings found once per document ------

PATTERN_RULES = [r for r in load_rules() if r.check == "pattern" and r.compiled_as(pattern.Compiled).requires]
ODD = ["ß", "SS", "İ", "i̇", "ﬁ", "Σ", "ς", "\n", "\n\n", " ", "A-", "a+", "К"]
literal_text = st.one_of(st.sampled_from(ODD), st.text(max_size=6))


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(literal_text, max_size=5).map("".join), max_size=5), literal=literal_text)
def test_blocks_with_a_string_are_those_whose_folded_text_contains_it(texts: list[str], literal: str) -> None:
    blocks = tuple(Block.verbatim(text, 0) for text in texts)
    facts = Facts(Document("d.txt", "", "text", blocks), shipped_lexicon())
    folded = literal.casefold()
    assert facts.folded_prose == facts.prose.casefold()
    expected = {i for i, text in enumerate(texts) if folded in text.casefold()}
    assert facts.blocks_with(folded) == expected
    assert facts.blocks_with(folded) == expected  # the remembered answer too
    assert facts.blocks_with_any([folded, "ß"]) == expected | {i for i, t in enumerate(texts) if "ß" in t.casefold()}


def _unfiltered(rule: Rule) -> Rule:
    """The rule without its `requires` strings: its regex runs on every block."""
    compiled = dataclasses.replace(rule.compiled_as(pattern.Compiled), requires=())
    return dataclasses.replace(rule, lazy_compiled=compiled)


def _hits(rule: Rule, text: str, path: str) -> list[tuple[int, int, str]]:
    doc = read_string(text, path)[0]
    ctx = document_context(doc, RuleSet((rule,)), Options(language="xx"))
    return [(h.start, h.end, str(h.data.get("match"))) for h in pattern.check(doc, rule, ctx)]


def _pieces() -> list[str]:
    return [example for rule in PATTERN_RULES for example in (*rule.examples_flag, *rule.examples_pass)]


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(_pieces()), st.text(max_size=30)), max_size=8),
    separators=st.lists(st.sampled_from(["\n", "\n\n", " ", ""]), min_size=8, max_size=8),
    path=st.sampled_from(["draft.txt", "draft.md"]),
)
def test_the_prefilter_never_skips_a_match(parts: list[str], separators: list[str], path: str) -> None:
    """Every shipped pattern rule with `requires` finds what its regex finds on every block."""
    text = "".join(part + sep for part, sep in zip(parts, separators, strict=False))
    if not text.strip():
        return
    for rule in PATTERN_RULES:
        assert _hits(rule, text, path) == _hits(_unfiltered(rule), text, path), rule.id


# --- reading: the binary screen's counts, taken in C -------------------------------------


def _invalid_the_long_way(sample: bytes) -> int:
    text = sample.decode("utf-8", "surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    if invalid and "\udc80" <= text[-1] <= "\udcff" and len(sample) == source._SAMPLE:
        invalid -= min(3, invalid)
    return invalid


@settings(max_examples=200, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=100).map(lambda t: t.encode("utf-8")),
        st.tuples(st.text(max_size=50), st.integers(0, 3)).map(lambda p: p[0].encode("utf-8")[: -p[1] or None]),
    )
)
def test_binary_screen_counts_as_the_character_by_character_count(data: bytes) -> None:
    assert source._invalid_utf8(data) == _invalid_the_long_way(data)
    text = data.decode("utf-8", "replace")
    assert source._binary_text(text) == _binary_text_the_long_way(text)
    controls = sum(data.count(bytes((c,))) for c in source._CONTROLS)
    assert len(data) - len(data.translate(None, source._CONTROL_BYTES)) == controls


def _binary_text_the_long_way(text: str) -> str:
    sample = text[: source._SAMPLE]
    if not sample or "\x00" in sample:
        return source._binary_text(text)  # decided before any count
    controls = sum(1 for ch in sample if ord(ch) in source._CONTROLS)
    if controls / len(sample) > source._MAX_CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control characters"
    junk = controls + sample.count("\ufffd")
    if junk / len(sample) > source._MAX_JUNK_SHARE:
        return f"{junk / len(sample):.0%} control or replacement characters"
    return ""


# --- folder runs: what the parent loads once before the workers fork ---------------------


@pytest.mark.parametrize(("files", "tiers"), [(10, ["first"]), (engine.SECOND_TIER_FILES, ["first", "latin"])])
def test_a_large_run_loads_the_second_tier_of_profiles_before_the_fork(
    monkeypatch: pytest.MonkeyPatch, files: int, tiers: list[str]
) -> None:
    names = {language.FIRST_TIER: "first", language.LATIN_TIER: "latin"}
    monkeypatch.setattr(language, "_tiers", {})
    monkeypatch.setattr(language, "_warmed", set())
    try:
        engine.warm(load_rules(), Options(), files)
    finally:
        gc.unfreeze()
    assert [names[tier] for tier in language._tiers] == tiers
    # each with rows of its own, which the workers share (see ``language._tiers``)
    assert all(isinstance(profiles, language._Profiles) for profiles in language._tiers.values())

"""The lint's shared work: what several rules need is worked out once per document,
and every shortcut gives the findings the long way gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslint.checks.truncation import ends
from newslint.engine import Options, lint_document
from newslint.facts import Facts
from newslint.lexicon import shipped_lexicon
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule


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
    alone = {
        rule.id: [f.line for f in lint_document(doc, RuleSet((rule,)), Options(language="xx")).findings]
        for rule in (strong, weak)
    }
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
    assert {rule_id: [f.line for f in result.findings if f.rule == rule_id] for rule_id in alone} == alone

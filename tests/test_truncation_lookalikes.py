"""truncation on copy it was not written against: what real, edited articles end
paragraphs with (never a warning), and the evidence that does make one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslint.checks.truncation import sentences
from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule

DANGLING = ["and", "the", "of", "to", "in", "for", "und", "der", "e", "o", "a", "dan", "yaitu"]


def rule(**params: Any) -> Rule:
    raw = {
        "id": "truncation/paragraph-end",
        "check": "truncation",
        "severity": "warning",
        "message": "{reason}",
        "with": {"mode": "paragraph-end", **params},
    }
    return build_rule(Path("test.yaml"), "test", raw)


STRONG = rule(dangling_words=DANGLING)
WEAK = rule(dangling_words=DANGLING, evidence="weak")
SPLIT = build_rule(
    Path("test.yaml"),
    "test",
    {
        "id": "truncation/split-sentence",
        "check": "truncation",
        "severity": "warning",
        "message": "{reason}",
        "with": {"mode": "split-sentence"},
    },
)

OPENING = "The council approved the city budget on Tuesday after a long debate."
CLOSING = "The vote was twelve to three, the clerk said on Wednesday morning."


def findings(text: str, check: Rule) -> list[tuple[int, str]]:
    doc = read_string(text, "draft.md")[0]
    result = lint_document(doc, RuleSet((check,)), Options(language="xx"))
    return [(f.line, f.message) for f in result.findings if f.rule == check.id]


def lines(text: str, check: Rule = STRONG) -> list[int]:
    return [line for line, _ in findings(text, check)]


def article(*middle: str) -> str:
    return "\n\n".join([OPENING, *middle, CLOSING])


@pytest.mark.parametrize(
    "middle",
    [
        # wire and outlet sign-offs after the last sentence
        "Mit dem Programm ist er seit 2020 auf Tour. dpa",
        "Er habe zugesagt, „dass er einen Vorschlag machen wird“. − afp",
        "The company declined to comment on the report. (Reuters",
        "Officials said the talks would resume next week. Editing by Jane Smith and Tom Brown",
        "Kendati tidak mendatangkan bencana, awan itu berbahaya bagi penerbangan. [Antara",
        "Warga diminta tetap waspada terhadap banjir susulan. (ant)",
        "Polisi masih menyelidiki penyebab kebakaran itu. (dtc/ ega)",
        # quotations closed the German way, and guillemets run »…«
        "„Wir müssen jetzt schnell nach vorne schauen und wieder gewinnen“",
        "Sie sagte: »Wir müssen jetzt schnell nach vorne schauen und wieder gewinnen«",
        # a pull quote credited after a dash
        '"It was an expense I was not aware of" - Bill Morneau, Minister of Finance',
        # an AFP subhead ending on a spaced dash; a label in capitals before a teaser
        "Deux nouveaux trains de nuit d'ici à 2022 -",
        "LIRE AUSSI - Paris n'est pas Venise mais il faut se préparer à la grande crue",
        # a list item's "; and"
        "Applicants must bring their passport; a recent photograph of themselves; and",
        # a quotation closed after its full stop with the mark that opens elsewhere
        "OBJETO: Prórroga de 50 años adicionales al Título de Concesión otorgado a la empresa.“",
        # code
        "Call the function like this: result = compute(values, strict=True) and",
        # a closed quotation and its attribution, missing only the full stop (a quotation
        # closed with the opening mark; a longer attribution; the quote before its comma)
        "Os seguidores reagiram. “Dono de uma ilha?“, questionou outro seguidor da rede",
        '"Itu belum. Tadi belum ada keputusan," ujar Pudjihartanto di tempat yang sama',
        '"Você precisa de um eletricista. O eletricista tem que desligar a energia", explica à BBC',
        "“La Fundación nunca ha tenido ningún interés en la empresa”, confirmó la organización a The Associated Press",
    ],
)
def test_not_cut(middle: str) -> None:
    assert findings(article(middle), STRONG) == []
    assert findings(article(middle), WEAK) == []


@pytest.mark.parametrize(
    "middle",
    [
        # an enclitic after a hyphen
        "A polícia encontrou o suspeito na madrugada de sábado e prendeu-o",
        # prices and versions after a preposition; a year
        "The new model goes on sale next month in the shops for $39",
        "The library ships the same interface with no additional functionality in 2.0",
        "The stadium has been closed for repairs to its roof since 2019",
        # a score after a preposition; a quotation closed with the opening mark
        "Mesmo sem Leandrinho, a equipe mineira bateu os brasilienses por 90 a 60",
    ],
)
def test_a_missing_full_stop_is_at_most_weak_evidence(middle: str) -> None:
    assert findings(article(middle), STRONG) == []
    assert lines(article(middle), WEAK) == [3]  # the only unfinished sentence: an info


@pytest.mark.parametrize(
    "text, credit",
    [
        # Reuters' French service credits its translators after the last sentence
        ("Gabriella Borter, version française Jean-Stéphane Brosse", True),
        ("Jonathan Landay; version française Jean Terzian et Jean-Stéphane Brosse", True),
        ("Le gouvernement a publié une version française du texte", False),
    ],
)
def test_a_translation_credit_is_a_sign_off(text: str, credit: bool) -> None:
    assert sentences.sign_off(text) is credit


def test_a_long_attribution_only_after_a_quotation_that_opens_its_sentence() -> None:
    # words after a quote closed inside the sentence go on with it: a cut there is weak evidence
    cut = 'A study found that the weedkiller was "probably carcinogenic to humans," based on limited evidence from farm'
    assert lines(article(cut), WEAK) == [3]


def test_a_price_is_not_a_cut_number() -> None:
    assert lines(article("He said it is on sale at Amazon for 39.99")) == []


@pytest.mark.parametrize(
    "middle, evidence",
    [
        # an attribution ending on a comma: the sentence went on (a date, a place, a title)
        ('"We will move the schedule to July," said the league\'s chief executive, Risha Widjaja,', "it ends on ','"),
        ("The pitcher is 18-7 with a 2.53 ERA and 300 strikeouts in 220", "a number after 'in'"),
        (
            "Pemerintah menyiapkan anggaran bagi pekerja (termasuk bantuan untuk keluarga mereka",
            "a bracket opens and never closes",
        ),
        ('He said: "We know it is renowned for its views and its long walks', "a quotation opens"),
        ("Der Trainer sagte: „Wir müssen jetzt schnell nach vorne schauen und", "ends on 'und'"),
        ("O ministro anunciou um pacote de ajuda para os hospitais públicos e para a", "ends on 'a'"),
    ],
)
def test_the_finding_names_its_evidence(middle: str, evidence: str) -> None:
    [(line, message)] = findings(article(middle), STRONG)
    assert line == 3 and evidence in message


def test_a_word_cut_in_the_middle() -> None:
    text = article(
        "The budget includes money for a new bridge across the river, which engineers have planned for years.",
        "The council said the bridge would be built by local engi",
    )
    [(line, message)] = findings(text, STRONG)
    assert line == 5 and "'engineers'" in message
    # a word of its own is not a cut one, however it begins another word
    assert (
        lines(
            article(
                "The council said the longest bridge would be open all year long",
                "Officials said the bridge is the longest in the region.",
            )
        )
        == []
    )


def test_a_lead_in_to_a_list_or_labelled_lines() -> None:
    lead = "Pisahkan deretan tersebut menjadi dua sub deret yang berbeda, yaitu"
    assert lines(article(lead, "larik 1: 54, 58, 62", "larik 2: 25, 20, 15")) == []
    assert lines(article(lead, "- larik satu\n- larik dua")) == []
    assert lines(article(lead)) == [3]  # followed by prose, the list is gone


def test_standfirst_and_subheadings_are_not_weak_evidence() -> None:
    deck = "Patrick Dwyer hit two goals for the Giants against the Dundee Stars on Saturday"
    assert lines(f"{deck}\n\n{OPENING}\n\n{CLOSING}\n\n{OPENING}", WEAK) == []
    heading = "Taux de croissance positifs pour l'agriculture et le bâtiment"
    body = (
        "D'autres secteurs ont enregistré des taux de croissance positifs, il s'agit de l'agriculture et du bâtiment."
    )
    assert lines(article(heading, body), WEAK) == []
    cut = "Officials in the capital said that those who had opposed the plan would now"
    assert lines(article(cut, body), WEAK) == [3]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Rapide augmentation -\n\nCette annonce intervient quelques heures après le relèvement.", []),
        (
            "Jadi, apakah Anda inovator aplikasi terbaik yang kami cari?\n\n–\n\n"
            "Disclosure: Artikel ini adalah advertorial.",
            [],
        ),
        ("JAKARTA, KOMPAS.com –\n\nPemerintah membuka pendaftaran beasiswa pada Senin.", [1]),
        ("Los síntomas más frecuentes fueron:\n\nFalta de aire,\n\nTos,\n\nFiebre,\n\nAnsiedad y fatiga.", []),
        ("Pasal 1\n\nayat ini mengatur tentang pajak daerah dan retribusi daerah di provinsi.", []),
        (
            "The function returns a list of values <code>x = f(a)</code>\n\n"
            "and the caller must check its length before it reads the first value.",
            [],
        ),
    ],
)
def test_split_sentence_look_alikes(text: str, flagged: list[int]) -> None:
    assert lines(text, SPLIT) == flagged


@pytest.mark.parametrize(
    "fragment, sign_off",
    [
        ("dpa", True),
        ("− afp", True),
        ("(Reuters)", True),
        ("— AP", True),
        ("(ant)", True),
        ("(dtc/ xxx)", True),
        ("Contributing: Jane Doe", True),
        ("Reporting by A; Editing by B", True),
        ("com agências", True),
        ("com a ajuda de todos", False),
        ("The agency said", False),
    ],
)
def test_sign_offs(fragment: str, sign_off: bool) -> None:
    assert sentences.sign_off(fragment) is sign_off


@pytest.mark.parametrize(
    "text, balance",
    [
        ("„Das ist gut“", 0),
        ("„Das ist gut", 1),
        ("»Das ist gut«", 0),
        ("»Das ist gut", 1),
        ("« C'est bon »", 0),
        ("« C'est bon", 1),
    ],
)
def test_quote_balance_in_every_style(text: str, balance: int) -> None:
    assert sentences.quote_balance(text) == balance


def test_a_cut_off_copy_is_left_to_the_duplicate_check() -> None:
    whole = "The company took the cell lines without the permission of the patient's family."
    cut = "The company took the cell lines without the permission of the"
    assert lines(article(whole, cut)) == []
    assert lines(article(cut)) == [3]

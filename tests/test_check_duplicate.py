"""duplicate: real repeats, reported once on the later or shorter copy, and the
repetition that belongs to an article (pull quotes, headings, menus) left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import duplicate
from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule

RULE: Rule = build_rule(
    Path("test.yaml"),
    "test",
    {
        "id": "duplicate/paragraph",
        "check": "duplicate",
        "severity": "error",
        "message": "{how} {line}",
        "with": {"min_chars": 40, "similarity": 0.9, "fragment_min_chars": 30},
    },
)


def report(text: str) -> list[tuple[int, str]]:
    """(line, message) of each duplicate finding."""
    doc = read_string(text, "draft.md")[0]
    result = lint_document(doc, RuleSet((RULE,)), Options(language="xx"))
    return [(f.line, f.message) for f in result.findings]


A = "The council approved the new budget on Tuesday after a long and heated debate."
B = "Residents protested outside the town hall, saying the cuts would close two libraries."
C = "The mayor said the plan would be reviewed next year if revenue fell short again."
LEMBAGA = (
    "Lembaga, kementerian, pemerintah daerah dan pemerintah desa untuk terus memastikan "
    "seluruh pekerja, termasuk pegawai Non-ASN hingga kader kemasyarakatan dapat menjadi "
    "peserta aktif BPJS Ketenagakerjaan, katanya."
)
FRAGMENT = (
    "Lembaga, kementerian, pemerintah daerah dan pemerintah desa untuk terus memastikan "
    "seluruh pekerja, termasuk pegawai Non-ASN."
)


def doc(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    "text, expected",
    [
        (doc(A, B, A), [(5, "exactly 1")]),
        (doc(A, B, A.upper()), [(5, "nearly 1")]),  # same words, different text: no safe fix
        (doc(A, B, A.replace("heated", "bitter")), [(5, "nearly 1")]),
        (doc(FRAGMENT, B, LEMBAGA), [(1, "as a cut-off fragment 5")]),  # the fragment comes first
        (doc(LEMBAGA, B, FRAGMENT), [(5, "as a cut-off fragment 1")]),
        (doc(LEMBAGA, B, LEMBAGA[:95]), [(5, "as a cut-off fragment 1")]),  # cut mid-word
        # cut where a sentence ends, its full stop dropped
        (doc(FRAGMENT + " Itu kata menteri di Jakarta.", B, FRAGMENT.rstrip(".")), [(5, "as a cut-off fragment 1")]),
        # a short cut-off copy, away from its paragraph
        (doc(A, C, B, "The mayor said the plan would be reviewed"), [(7, "as a cut-off fragment 3")]),
        (doc(A, B, C, A, B), [(7, "exactly 1"), (9, "exactly 3")]),
        # whole sentences that open a later paragraph are a copy once the story has begun
        (doc(A, C, B, C + " Officials declined to comment."), [(3, "as a cut-off fragment 7")]),
        # and above the story too: a copy of a later paragraph's first sentence, whole, at the
        # top is what a scraper's or a paste's fragment looks like (a deck printed as the
        # story's first sentence looks the same, and the copy is what an editor must see)
        (doc(A, B, C, A + " Officials declined to comment."), [(1, "as a cut-off fragment 7")]),
        # a bracketed aside closing a fragment among the sentences is no deck
        (
            doc(
                A,
                "The mayor said the plan (which the council backs)",
                B,
                "The mayor said the plan (which the council backs) would be reviewed next year.",
            ),
            [(3, "as a cut-off fragment 7")],
        ),
    ],
)
def test_repeats_are_reported_once(text: str, expected: list[tuple[int, str]]) -> None:
    assert report(text) == expected


RECORDS = [
    f"{name}: AC Milan 2 - 1 Liverpool, 23/05/2007 – {age} years {days} days"
    for name, age, days in (
        ("Paolo Maldini", 38, 331),
        ("Pietro Vierchowod", 37, 46),
        ("Alessandro Costacurta", 37, 34),
        ("Javier Zanetti", 36, 285),
        ("Edwin van der Sar", 40, 211),
    )
]
PULL_QUOTE = "No one bothered mentioning that the state of the nation's finances is not a tech problem."


@pytest.mark.parametrize(
    "text",
    [
        # a pull quote repeats a sentence from the middle of a paragraph
        doc(f"{A} {PULL_QUOTE} {C}", B, PULL_QUOTE),
        # headings and labels repeat in every section
        doc("Backtesting with higher entries threshold", A, "Backtesting with higher entries threshold"),
        # tables and number lists repeat by design
        doc(
            "status │ 200 │ 4084 │ 2779.100 │ 689.2196 │ 1.893", B, "status │ 200 │ 4084 │ 2779.100 │ 689.2196 │ 1.893"
        ),
        # a passage quoted twice, each time introduced with a colon
        doc("At this point, she is clearly mystified:", C, B, "People of course are telling her it is her fault:", C),
        # similar, but not 90 per cent the same
        doc(A, B, "The council rejected the new budget on Friday after a short and quiet debate."),
        # the same words, but not from the start of the longer paragraph
        doc(
            "If none were found, consider all routable placements anywhere in the device.",
            B,
            "If none were found, consider all placements anywhere in the device even if not routable.",
        ),
        # short entries that differ by one word or one number are a list, not a copy
        doc(
            "The northern district will get two new schools next year.",
            B,
            "The southern district will get two new schools next year.",
        ),
        doc(
            "Participants in category 1 must register at the stadium before noon.",
            "Participants in category 2 must register at the stadium before noon.",
        ),
        # list items differing by a word, even long ones
        "- The council approved the new budget on Tuesday after a long and heated debate.\n"
        "- The council approved the new budget on Friday after a long and heated debate.\n",
        # three or more substantial paragraphs built on one template
        doc(
            *(
                f"Candidate {name} of the Labour party won the {seat} seat with a majority of "
                f"votes counted on Friday night in the town hall."
                for name, seat in (("Smith", "northern"), ("Jones", "southern"), ("Brown", "eastern"))
            )
        ),
        # the rows of two tables
        doc(
            "| Monday | Persib Bandung against Persija Jakarta | evening |\n"
            "| Tuesday | Arema Malang against Persebaya Surabaya | evening |",
            B,
            "| Monday | Persib Bandung against Persija Jakarta | evening |\n"
            "| Tuesday | Arema Malang against Persebaya Surabaya | afternoon |",
        ),
        # a summary bullet at the top restated as a sentence in the story
        doc(
            "Survey of 20,000 pupils revealed growth in secret photo accounts",
            B,
            "The news has heightened fears that private content is being posted",
            A,
            C,
            "The news has heightened fears that private content is being posted.",
        ),
        # one record listed in two lists of the article
        doc("Oldest winners", *RECORDS[:3], A, B, "Oldest players", RECORDS[3], RECORDS[0], RECORDS[4]),
        # a pull quote: a whole quotation, then the paragraph with its attribution
        doc(
            '"We only have one flight scheduled at that hour, and we are talking to the airline"',
            B,
            '"We only have one flight scheduled at that hour, and we are talking to the airline",'
            " the operator said in a statement on Friday.",
        ),
        # a deck above the story repeating a later paragraph's opening, without a full stop
        doc(
            "The nominee will have to be confirmed by the Senate in a secret vote",
            A,
            B,
            "The nominee will have to be confirmed by the Senate in a secret vote, which is expected next month.",
        ),
        # a deck closing on a bracketed aside, not a full stop (El Mundo)
        doc(
            "Actualmente hay 8.859 pacientes ingresados y positivos en Covid-19 en toda España (9.364 ayer)",
            A,
            B,
            "Actualmente hay 8.859 pacientes ingresados y positivos en Covid-19 en toda España (9.364 ayer)"
            " y 1.020 en las UCI, según el informe del Ministerio de Sanidad de este martes.",
        ),
        # a short sentence carried on at once in the next paragraph: rhetoric
        doc(
            A,
            "We are going to get through this.",
            "We are going to get through this together, and nobody will walk away, he said.",
        ),
        # a short paragraph repeated by design (a refrain, a call to the reader)
        doc("Thank you for reading our coverage today.", A, B, "Thank you for reading our coverage today."),
    ],
)
def test_repetition_that_belongs_to_the_article(text: str) -> None:
    assert report(text) == []


MEALS = [
    f"Meal {n}: {n} cup rice, {n + 1} oz. chicken, a spoon of oil and steamed vegetables for lunch on day {n}."
    for n in range(1, 5)
]
FILLER = [f"Day {n} starts with a walk of {n * 10} minutes before breakfast at home, then work." for n in range(1, 30)]


def test_a_teaser_rendered_twice_in_a_row_is_reported() -> None:
    teaser = "Video: Turkey to fine passengers who stand before the plane stops"
    assert report(
        doc(A, "Read also:", "New in Japan: tourists need not carry their bags", teaser, teaser, "(fem/ddn)")
    ) == [(9, "exactly 7")]


def test_a_finding_names_its_evidence() -> None:
    rule = build_rule(
        Path("test.yaml"),
        "test",
        {
            "id": "duplicate/paragraph",
            "check": "duplicate",
            "severity": "error",
            "message": "{how} ({evidence})",
            "with": {},
        },
    )
    messages = {}
    for name, text in (
        ("exact", doc(A, B, A)),
        ("case", doc(A, B, A.upper())),
        ("near", doc(A, B, A.replace("heated", "bitter"))),
        ("prefix", doc(LEMBAGA, B, FRAGMENT)),
    ):
        found = lint_document(read_string(text, "draft.md")[0], RuleSet((rule,)), Options(language="xx")).findings
        messages[name] = [f.message for f in found]
    assert messages == {
        "exact": ["exactly (the same text)"],
        "case": ["nearly (the same words, in another case or punctuation)"],
        "near": ["nearly (similarity 0.93)"],
        "prefix": ["as a cut-off fragment (its 16 words open the 26-word paragraph)"],
    }


def test_a_menu_repeating_its_items_far_apart_is_design() -> None:
    days = []
    for week, order in enumerate(([0, 1, 2, 3], [2, 0, 3, 1], [1, 3, 0, 2])):
        for k, meal in enumerate(order):
            days += [FILLER[week * 8 + k * 2], FILLER[week * 8 + k * 2 + 1], MEALS[meal]]
    assert report(doc(*days)) == []


def test_a_paragraph_pasted_many_times_in_a_row_is_reported_every_time() -> None:
    # Each copy sits next to the one before it, however far the last is from the first:
    # an accident, not a menu (this once passed silently as "structure").
    found = report(doc(FILLER[0], *[FILLER[1]] * 40, FILLER[2]))
    assert len(found) == 39
    assert all("exactly" in message for _, message in found)


def test_a_page_rendering_each_section_twice_is_reported() -> None:
    sections = []
    for n in range(0, 8, 2):
        pair = FILLER[n : n + 2]
        sections += [f"Section {n}", *pair, *pair]
    found = report(doc(*sections))
    assert len(found) == 8
    assert all("exactly" in message for _, message in found)


def test_work_grows_about_linearly_with_length(monkeypatch: pytest.MonkeyPatch) -> None:
    # Work is counted (paragraph pairs compared), never timed.
    words = [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "zeta",
        "eta",
        "theta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
    ]

    def article(n: int) -> str:
        # Fourteen paragraph bodies over and over, each copy with its own item number:
        # every paragraph is a near-duplicate candidate of many others.
        return doc(*(" ".join(words[(i * 7 + k) % 14] for k in range(18)) + f" item{i}." for i in range(n)))

    def compared(n: int) -> int:
        calls = 0
        original = duplicate._relation

        def counting(*args: object, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(duplicate, "_relation", counting)
        report(article(n))
        monkeypatch.undo()
        return calls

    small, large = compared(500), compared(2000)
    assert small > 0 and large <= small * 5  # four times the text, far from sixteen times the work


POOL = [
    "The council approved the budget on Tuesday after a long debate.",
    "The council approved the budget on Tuesday after a short debate.",
    "The council approved the budget on Tuesday",
    "Para pemain tampil baik pada laga itu dan pelatih memuji mereka.",
    "Para pemain tampil baik pada laga itu",
    "| a | b |\n| 1 | 2 |\n| 3 | 4 |",
    "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12",
    "Short line here",
    "Weather: sunny and warm all week, with a light breeze from the sea.",
]


@settings(max_examples=200, deadline=None)
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=8))
def test_anchors_found_as_strings_are_the_anchors_of_the_numbered_words(picks: list[int]) -> None:
    from newslint.words import WordWork

    doc = read_string("Title\n\n" + "\n\n".join(POOL[k] for k in picks) + "\n", "draft.md")[0]
    params = duplicate.Compiled(40, 0.9, 30)
    letter_count = WordWork().letter_count
    words = duplicate._comparable(doc.blocks, params, letter_count)
    owners: dict[bytes, set[int]] = {}
    for i in words:
        for anchor in duplicate._anchors(words[i]):
            owners.setdefault(anchor, set()).add(i)
    shared = any(len(group) > 1 for group in owners.values())
    assert duplicate._anchors_shared(doc.blocks, params, letter_count) == shared
    if not shared:
        assert duplicate._find_repeats(doc.blocks, words, params) == []

"""Look-alikes of page chrome found in held-out English copy (benchmarks/fresh, Breitbart):
a crosshead whose first word is a widget label joined to a lower-case word by a hyphen
("Top-ranked ..."), and a writer's own follow sign-off that spells out the handle. The
widgets and the outlet's follow prompts they resemble are still reported."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

LEAD = "The council approved the city budget on Tuesday after a long debate about housing."
CLOSE = "The vote was twelve to three, the clerk said on Wednesday evening after the session."


def rules_at(text: str, select: str) -> list[tuple[str, int]]:
    options = Options(select=(select,), language="en")
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


@pytest.mark.parametrize(
    "crosshead", ["Top-ranked universities raise their fees again", "Related-party deals worry the regulator"]
)
def test_a_crosshead_opening_with_a_hyphenated_word_is_not_a_widget(crosshead: str) -> None:
    assert rules_at(f"{LEAD}\n\n{crosshead}\n\n{CLOSE}", "markup/widget-line") == []


@pytest.mark.parametrize("widget", ["Top - Markets fall again", "Related: Markets fall again", "Top-"])
def test_a_widget_label_and_its_separator_is_still_reported(widget: str) -> None:
    assert rules_at(f"{LEAD}\n\n{widget}\n\n{CLOSE}", "markup/widget-line") == [("markup/widget-line", 3)]


@pytest.mark.parametrize(
    "sign_off",
    [
        "Follow Jane Roe on Twitter @janeroe",
        "Follow John Smith on Twitter here: @jsmith_news",
        "Follow Mary Major on Twitter: @MaryMajorNews",
    ],
)
def test_a_writers_follow_sign_off_with_the_handle_is_not_outlet_promotion(sign_off: str) -> None:
    assert rules_at(f"{LEAD}\n\n{CLOSE}\n\n{sign_off}", "markup/outlet-promo") == []


@pytest.mark.parametrize(
    "promo", ["Follow The Daily Record on Twitter", "Suivez Le Figaro sur Facebook", "Follow us on Instagram"]
)
def test_the_outlets_follow_prompt_is_still_reported(promo: str) -> None:
    assert rules_at(f"{LEAD}\n\n{CLOSE}\n\n{promo}", "markup/outlet-promo") == [("markup/outlet-promo", 5)]

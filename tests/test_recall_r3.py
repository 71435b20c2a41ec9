"""0.13.0's recall round: a teaser list dated out of order among the article's lines, and the
page remnants of rules/core/page-remnants.yaml on whole drafts (where they sit among prose)."""

from __future__ import annotations

import pytest

import newslint
from newslint.checks import blocks
from newslint.engine import Options
from newslint.ruletest import example_document

OPTIONS = Options(ignore=("metadata/",))
TEASERS = [
    "Alors que l'élu de la majorité était entendu vendredi par les enquêteurs,"
    " le socialiste blessé était toujours en soins intensifs.",
    "Le gouvernement veut permettre des négociations sans syndicats dans les"
    " entreprises de moins de cinquante salariés, selon le texte.",
    "Après une rentrée médiatique houleuse, le leader de La France insoumise a"
    " appelé à l'apaisement devant ses militants à Marseille.",
    "Un morceau de la droite au Touquet, une partie du PS à Paris : la"
    " rentrée politique des partis s'est faite en ordre dispersé.",
    "Après une année d'élections, de nombreux responsables politiques"
    " rejoignent des médias comme chroniqueurs ou animateurs.",
]
LEAD = (
    "Le conseil municipal a adopté le budget mardi soir, après un débat qui a duré presque tout "
    "l'après-midi et une longue série d'amendements."
)


def _stamped(dates: list[str]) -> str:
    parts = [LEAD]
    for date, teaser in zip(dates, TEASERS[: len(dates)], strict=True):
        parts += [date, teaser]
    return "\n\n".join(parts)


def _reported(text: str) -> list[int]:
    lines = blocks.lines_of(example_document(text))
    article = blocks._article_prose(lines)
    return [k for k, _ in blocks._shuffled_stamps(lines, article[0], article[-1])]


def test_stamps_that_go_back_and_forth_in_time_mark_a_teaser_list() -> None:
    assert _reported(_stamped(["01.09.17", "31.08.17", "04.09.17", "27.08.17", "29.08.17"])) == list(range(1, 10))


@pytest.mark.parametrize(
    "dates",
    [
        ["27.08.17", "29.08.17", "31.08.17", "01.09.17", "04.09.17"],  # a timeline, day first
        ["08/27/17", "08/29/17", "08/31/17", "09/01/17", "09/04/17"],  # ... month first
        ["04.09.17", "01.09.17", "31.08.17", "29.08.17", "27.08.17"],  # newest first
        ["01.09.17", "31.08.17", "04.09.17"],  # too few stamps to tell
    ],
)
def test_dates_in_order_or_too_few_are_the_articles(dates: list[str]) -> None:
    assert _reported(_stamped(dates)) == []


def _rules_on(text: str, path: str = "draft.txt") -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in newslint.lint_text(text, path, options=OPTIONS).findings:
        found.setdefault(f.line, set()).add(f.rule)
    return found


ARTICLE = (
    "The city council voted on Tuesday to expand the bus network to three new districts, a plan that will cost "
    "about $40 million over five years.\n\n"
    "Mayor Jane Porter said the routes would open in stages, starting with the northern suburbs in the spring.\n\n"
    "{junk}\n\n"
    "The council will review the budget again in December, when the first contracts are due to be signed.\n"
)


@pytest.mark.parametrize(
    ("junk", "rule"),
    [
        ("https://www.example.com/news/2025/05/1398219/council-votes-on-...", "markup/shortened-link"),
        ("DismissOpt out", "markup/consent-buttons"),
        ("NextYour questions answered about the new bus routes", "markup/adjacent-story-link"),
        ("PHOTOS: The new bus routes in pictures", "markup/gallery-teaser"),
        ("Notify me of new posts by email.", "markup/comment-form"),
        ("Subscriber Content Read Preview", "markup/paywall-label"),
        ("Categories: Transport, City Hall", "markup/category-line"),
        ("by Jane Porter\nby Tom Reed\nby Ana Lopez", "markup/byline-run"),
    ],
)
def test_each_remnant_is_reported_between_paragraphs_and_nothing_else_is(junk: str, rule: str) -> None:
    found = _rules_on(ARTICLE.format(junk=junk))
    assert rule in found.get(5, set()), found
    assert not {1, 3}.intersection(found) and all(line >= 5 for line in found), found


def test_svg_metadata_glued_to_a_paragraph_is_reported_without_the_paragraph() -> None:
    junk = "The plan was approved.image/svg+xmlOpenclipartClose Button2013-09-18T11:23:45A round black close button"
    result = newslint.lint_text(ARTICLE.format(junk=junk), "draft.txt", options=OPTIONS)
    hits = [f for f in result.findings if f.rule == "markup/svg-metadata"]
    assert len(hits) == 1 and hits[0].snippet.startswith("image/svg+xml")

"""lint_article(): the publish check as a Python call."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import newslint
from newslint import ArticleResult, Options, lint_article
from newslint.errors import ArticleError, NewslintError

ADS_LINE = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"
GOOD_HTML = (
    "<p>The district council approved the 2025 budget on Thursday after a debate that lasted "
    "well into the evening.</p>\n"
    "<p>Spending on schools rises by four percent, while road maintenance keeps last year's "
    "allocation.</p>\n"
    "<p>Residents who spoke at the session asked for more street lighting in the northern "
    "villages.</p>"
)
BAD_HTML = (
    "<p>The district council approved the 2025 budget on Thursday after a long debate.</p>\n"
    "\n"
    f"<p>{ADS_LINE}</p>\n"
    "<p>Share this</p>\n"
    "<p>Residents asked for more street lighting in the northern villages.</p>"
)
META = {"title": "Council approves budget", "byline": "Jane Smith", "published_at": "2024-09-12"}


def found(result: ArticleResult) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in result.findings]


def test_clean_article_is_publishable() -> None:
    result = lint_article(body=GOOD_HTML, **META)
    assert result.publishable is True
    assert result.findings == ()
    assert result.language == "en"


def test_junk_blocks_publication_and_points_into_the_submitted_body() -> None:
    result = lint_article(body=BAD_HTML, **META)
    assert result.publishable is False
    assert ("ad-text/ads-txt-record", 3, 4) in found(result)
    assert ("markup/widget-line", 4, 4) in found(result)
    assert all(f.path == "<article>" for f in result.findings)


def test_byline_argument_silences_missing_byline() -> None:
    without = lint_article(body=GOOD_HTML, title="Budget", published_at="2024-09-12")
    given = lint_article(body=GOOD_HTML, title="Budget", published_at="2024-09-12", byline="Jane Smith")
    assert "metadata/missing-byline" in [f.rule for f in without.findings]
    assert "metadata/missing-byline" not in [f.rule for f in given.findings]


def test_date_argument_accepts_date_objects() -> None:
    without = lint_article(body=GOOD_HTML, byline="Jane Smith")
    given = lint_article(
        body=GOOD_HTML, byline="Jane Smith", published_at=dt.datetime(2024, 9, 12, 8, 0, tzinfo=dt.timezone.utc)
    )
    assert "metadata/missing-date" in [f.rule for f in without.findings]
    assert given.findings == ()


def test_markdown_body_positions_include_its_front_matter() -> None:
    body = f"---\ntitle: Budget\n---\nThe council met on Tuesday.\n\n{ADS_LINE}\n"
    result = lint_article(body=body, body_format="markdown", byline="Jane", published_at="2024-09-12")
    assert ("ad-text/ads-txt-record", 6, 1) in found(result)


def test_text_body() -> None:
    body = f"The council met on Tuesday and approved the budget.\n\n{ADS_LINE}"
    result = lint_article(body=body, body_format="text", **META)
    assert ("ad-text/ads-txt-record", 3, 1) in found(result)


def test_fail_on_warning_blocks_on_warnings() -> None:
    assert lint_article(body=GOOD_HTML).publishable is True  # only missing byline/date warnings
    result = lint_article(body=GOOD_HTML, fail_on="warning")
    assert result.publishable is False
    assert {f.severity for f in result.findings} == {"warning"}


def test_given_language_is_used_and_normalised() -> None:
    body = (
        "<p>Pemerintah Kabupaten Tangerang meraih penghargaan Paritrana Award 2024 "
        "untuk kategori kabupaten dan kota.</p>"
    )
    assert lint_article(body=body).language == "id"
    assert lint_article(body=body, language="ms-MY").language == "ms"


def test_options_select_and_severity_apply() -> None:
    result = lint_article(body=BAD_HTML, options=Options(select=("markup",)), **META)
    assert {f.category for f in result.findings} == {"markup"}
    relaxed = lint_article(
        body=BAD_HTML,
        **META,
        options=Options(severity={"ad-text/ads-txt-record": "info", "markup/widget-line": "info"}),
    )
    assert relaxed.publishable is True


def test_oversize_body_is_a_finding_not_an_exception() -> None:
    result = lint_article(body=GOOD_HTML * 10, options=Options(max_bytes=1000), **META)
    assert [f.rule for f in result.findings] == ["input/too-large"]
    assert result.publishable is False


@pytest.mark.parametrize("body", ["", "  \n", "\t\r\n "])
def test_an_empty_body_is_not_publishable(body: str) -> None:
    # The HTTP publish check answers 400 for it; the Python API refuses it the same way.
    with pytest.raises(ArticleError, match="empty"):
        lint_article(body=body, **META)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"body": None}, "body"),
        ({"body": b"<p>bytes</p>"}, "body"),
        ({"body": "<p>x</p>", "body_format": "pdf"}, "body_format"),
        ({"body": "<p>x</p>", "title": 5}, "title"),
        ({"body": "<p>x</p>", "byline": ["Jane"]}, "byline"),
        ({"body": "<p>x</p>", "fail_on": "fatal"}, "fail_on"),
    ],
)
def test_bad_arguments_raise_an_error_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ArticleError) as info:
        lint_article(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert f"'{field}'" in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, NewslintError)


def test_result_is_frozen_and_serialises() -> None:
    result = lint_article(body=BAD_HTML, **META)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.publishable = True  # type: ignore[misc]
    data = result.to_json()
    assert data["publishable"] is False
    assert data["summary"]["by_severity"]["error"] == sum(f.severity == "error" for f in result.findings)
    assert data["findings"][0].keys() >= {"rule", "line", "column", "severity", "message", "fixable"}


def test_rules_load_once_per_process() -> None:
    lint_article(body=GOOD_HTML)
    misses = newslint.default_rules.cache_info().misses
    lint_article(body=BAD_HTML)
    lint_article(body=GOOD_HTML, body_format="markdown")
    assert newslint.default_rules.cache_info().misses == misses


def test_an_ads_txt_paste_is_ad_text_down_to_its_comment_lines() -> None:
    # A block of an ads.txt file pasted into a text draft: its "#" comment lines are the
    # file's, so they are ad text like the records; a hashtag in the prose is not.
    body = (
        "The council met on Tuesday and approved the budget.\n\n"
        "# Google\n"
        "google.com, pub-4296839430913713, DIRECT, f08c47fec0942fa0\n"
        "#Xandr\n"
        "appnexus.com, 3480, RESELLER\n"
        "### SSP ###\n\n"
        "Residents welcomed the plan. #budget2025\n"
    )
    result = lint_article(body=body, body_format="text", **META)
    ad_lines = sorted({f.line for f in result.findings if f.category == "ad-text"})
    assert ad_lines == [3, 4, 5, 6, 7]
    assert [f.line for f in result.findings if f.rule == "ad-text/ads-txt-comment"] == [3, 5, 7]
    assert [f.rule for f in result.findings if f.category != "ad-text"] == []  # "# Google" is no share button

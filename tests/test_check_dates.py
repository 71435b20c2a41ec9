"""metadata/invalid-date: a metadata date that is not a date is a finding, not a dated article.

Before, front matter `date: garbage`, an HTML meta or time tag of "TBD" or a WordPress
export's unreadable date filled the date field: metadata/missing-date was silent and the
undated article passed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import default_rules, lint_text
from newslint.checks import dates
from newslint.checks.dates import Compiled, fold, read_date
from newslint.cli import main

RULE = "metadata/invalid-date"
BODY = "The council approved the budget on Tuesday after a long debate about schools."


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    (rule,) = [r for r in default_rules() if r.id == RULE]
    return rule.compiled_as(Compiled)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-09-12", "2024-09-12"),
        ("2024-09-12T03:00:00Z", "2024-09-12"),
        ("2024-09-12T03:00:00.123+07:00", "2024-09-12"),
        ("2024-09-12 03:00:00", "2024-09-12"),  # WordPress's post_date_gmt
        ("2024-09-12T03:00:00+0700[Asia/Jakarta]", "2024-09-12"),
        ("20240912", "2024-09-12"),
        ("2024/9/12", "2024-09-12"),
        ("Thu, 12 Sep 2024 03:00:00 GMT", "2024-09-12"),
        ("Thu, 12 Sep 2024 03:00:00 +0000", "2024-09-12"),
        ("12 September 2024", "2024-09-12"),
        ("12/09/2024", "2024-09-12"),
        ("12.09.24", "2024-09-12"),
        ("09/13/2024", "2024-09-13"),  # month first when the day first is no date
        ("September 12, 2024", "2024-09-12"),
        ("Sept. 12th, 2024 at 3:00 PM", "2024-09-12"),
        ("Thursday, 12 September 2024", "2024-09-12"),
        ("the 12th of September 2024", "2024-09-12"),
        ("12-Sep-2024", "2024-09-12"),
        ("Kamis, 12 Maret 2024 10:30 WIB", "2024-03-12"),
        ("12 Agustus 2024", "2024-08-12"),
        ("Mei 20, 2025 @ 9:55am", "2025-05-20"),
        ("1 Disember 2022", "2022-12-01"),
        ("12 Ogos 2024", "2024-08-12"),
        ("12 de março de 2024", "2024-03-12"),
        ("12 de marco de 2024", "2024-03-12"),
        ("12.set.2024 às 10h30", "2024-09-12"),
        ("12 de septiembre de 2024", "2024-09-12"),
        ("12. März 2024, 10:30 Uhr", "2024-03-12"),
        ("12. Maerz 2024", "2024-03-12"),
        ("1er févr. 2024", "2024-02-01"),
        ("5 mai 2015 à 18h22", "2015-05-05"),
        ("2024年9月12日 10:30", "2024-09-12"),
        ("2024년 9월 12일", "2024-09-12"),
        ("１２ September ２０２４", "2024-09-12"),  # full-width digits
        ("1726110000", "2024-09-12"),  # a Unix timestamp
        ("1726110000000", "2024-09-12"),  # in milliseconds
    ],
)
def test_dates_written_many_ways_read_as_dates(compiled: Compiled, value: str, day: str) -> None:
    found = read_date(value, compiled)
    assert found is not None and found.isoformat() == day


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "TBD",
        "Date Not Found",
        "fatin.farhana@bh.com.my",
        "2 hours ago",
        "yesterday",
        "2024-02-30",  # a day that does not exist
        "31/31/2024",
        "0000-00-00 00:00:00",  # WordPress's placeholder for none
        "00010101",
        "12 Smarch 2024",
        "September 2024",  # no day: it dates no article
        "2024",
        "12:30",
        "42",  # no timestamp of a plausible moment
        "True",
    ],
)
def test_values_that_are_not_dates_do_not_read(compiled: Compiled, value: str) -> None:
    assert read_date(value, compiled) is None


def test_every_month_the_packs_know_reads_in_the_metadata(compiled: Compiled) -> None:
    # The rule carries its own month names: they must cover every spelling of every
    # pack's weekday rule, so that a date any pack reads in the text reads here too.
    weekday_rules = [r for r in default_rules() if r.check == "weekday"]
    assert len(weekday_rules) >= 7
    for rule in weekday_rules:
        for number, spellings in enumerate(rule.params["months"], 1):
            for spelling in spellings:
                assert compiled.months.get(fold(spelling)) == number, (rule.source, spelling)
                found = read_date(f"12 {spelling} 2024", compiled)
                assert found is not None and found.month == number, (rule.source, spelling)


def rules_of(text: str, path: str) -> list[str]:
    return [f.rule for f in lint_text(text, path).findings]


def test_front_matter_garbage_is_reported_and_not_taken_for_a_date() -> None:
    rules = rules_of(f"---\ntitle: Council\nauthor: Jane Smith\ndate: garbage\n---\n\n{BODY}\n", "a.md")
    assert RULE in rules
    assert "metadata/missing-date" not in rules  # the field is there: it is only unreadable


def test_a_readable_front_matter_date_is_not_reported() -> None:
    for value in ("2024-09-12", "2024-09-12 10:30:00", "'12 September 2024'", "1726110000"):
        rules = rules_of(f"---\ntitle: Council\nauthor: Jane Smith\ndate: {value}\n---\n\n{BODY}\n", "a.md")
        assert RULE not in rules, value


def test_the_finding_names_the_value_at_the_documents_start() -> None:
    text = f"---\ntitle: Council\nauthor: Jane Smith\ndate: next week maybe\n---\n\n{BODY}\n"
    (finding,) = [f for f in lint_text(text, "a.md").findings if f.rule == RULE]
    assert finding.severity == "warning"
    assert (finding.line, finding.column) == (1, 1)
    assert "'next week maybe'" in finding.message


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="date" content="not a date">',
        '<meta property="article:published_time" content="TBD">',
    ],
)
def test_an_html_meta_date_that_is_not_one_is_reported(head: str) -> None:
    html = f'<html><head><meta name="author" content="Jane Smith">{head}</head><body><p>{BODY}</p></body></html>'
    assert RULE in rules_of(html, "a.html")


def test_an_html_time_tag_that_is_not_a_date_is_reported() -> None:
    html = f'<html><body><p>By Jane Smith</p><time datetime="soon">soon</time><p>{BODY}</p></body></html>'
    assert RULE in rules_of(html, "a.html")
    good = html.replace('datetime="soon"', 'datetime="2024-09-12T03:00:00Z"')
    assert RULE not in rules_of(good, "a.html")


def wxr(post_date_gmt: str, pub_date: str) -> str:
    return (
        '<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"<item><title>Council</title><dc:creator>jane</dc:creator><pubDate>{pub_date}</pubDate>"
        f"<wp:post_date_gmt>{post_date_gmt}</wp:post_date_gmt><wp:post_type>post</wp:post_type>"
        f"<wp:post_id>7</wp:post_id><content:encoded><![CDATA[<p>By Jane Smith</p><p>{BODY}</p>]]>"
        "</content:encoded></item></channel></rss>"
    )


def test_a_wordpress_export_date_that_is_not_one_is_reported() -> None:
    result = lint_text(wxr("banana", "whenever"), "export.xml")
    assert [(f.rule, f.path) for f in result.findings if f.rule.startswith("metadata/")] == [
        (RULE, "export.xml#post-7")
    ]


def test_a_wordpress_export_falls_back_to_a_readable_pubdate() -> None:
    rules = [f.rule for f in lint_text(wxr("banana", "Thu, 12 Sep 2024 03:00:00 +0000"), "export.xml").findings]
    assert RULE not in rules and "metadata/missing-date" not in rules
    rules = [f.rule for f in lint_text(wxr("2024-09-12 03:00:00", "whenever"), "export.xml").findings]
    assert RULE not in rules


def test_the_cli_reports_it_as_a_warning(tmp_path: Path, runner) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(f"---\ntitle: Council\nauthor: Jane Smith\ndate: garbage\n---\n\n{BODY}\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", "--fail-on", "warning", str(draft)])
    (file,) = json.loads(result.output)["files"]
    assert RULE in [f["rule"] for f in file["findings"]]
    assert result.exit_code == 1


def test_the_kind_is_registered_and_its_schema_needs_months() -> None:
    from newslint.checks import KINDS

    assert KINDS["date"] is dates
    assert dates.PARAMETERS["required"] == ["months"]

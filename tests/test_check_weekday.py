"""weekday: every shape of a weekday beside its date in the shipped id and en rules,
and the weekdays near unrelated dates it must not read as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import lint_text
from newslint.engine import Options
from newslint.rules import RuleSet, build_rule

RULE = "metadata/weekday-mismatch"


def mismatches(text: str, language: str) -> list[str]:
    result = lint_text(text, path="draft.md", options=Options(select=(RULE,), language=language))
    return [f.snippet for f in result.findings]


# 12 September 2024 was a Thursday (Kamis).
@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Penghargaan diserahkan Kamis (12/09/24).", False),
        ("Penghargaan diserahkan Senin (12/09/24).", True),
        ("Penghargaan diserahkan Senin (12/9/2024).", True),
        ("Jakarta, Senin, 12 September 2024 - Presiden tiba.", True),
        ("Jakarta, Kamis, 12 September 2024 - Presiden tiba.", False),
        ("Rapat digelar pada hari Jumat tanggal 12 September 2024 di Balai Kota.", True),
        ("Rapat digelar pada hari Kamis tgl. 12 Sept 2024 di Balai Kota.", False),
        ("JUMAT, 12/09/2024 | 10:15 WIB", True),
        ("Sidang berlanjut Jum'at (12/9/2024).", True),
        ("Sidang berlanjut Selasa, 2024-09-12.", True),
        ("Selasa, 15 Maret 2022 | 09:31 WIB", False),
    ],
)
def test_indonesian_shapes(text: str, wrong: bool) -> None:
    assert bool(mismatches(text, "id")) is wrong


@pytest.mark.parametrize(
    "text",
    [
        "Acara digelar Senin (12/9).",  # no year: nothing to check
        "Acara digelar Senin (31/02/2024).",  # no such date
        "Dua minggu 12 September 2024 sudah berlalu.",  # "minggu" in lower case is "week"
        "Rapat digelar Senin. Pada 12 September 2024 hasilnya diumumkan.",  # another sentence
        "Sejak Senin, harga naik 12/9/2024 persen",  # not beside it
    ],
)
def test_indonesian_weekdays_near_unrelated_dates(text: str) -> None:
    assert mismatches(text, "id") == []


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The vote took place on Friday, September 12, 2024.", True),
        ("The vote took place on Thursday, September 12, 2024.", False),
        ("The hearing resumes on Friday, Sept. 12, 2024, in Washington.", True),
        ("It opened on Tuesday 3 March 2025.", True),
        ("It opened on Monday, March 3, 2025.", False),
        ("The show closes on Sunday the 14th of September 2024.", True),
        ("Published Fri, 12 Sep 2024 10:00 GMT", True),
        ("Published Thu, 12 Sep 2024 10:00 GMT", False),
        ("FRIDAY, SEPTEMBER 12, 2024", True),
    ],
)
def test_english_shapes(text: str, wrong: bool) -> None:
    assert bool(mismatches(text, "en")) is wrong


@pytest.mark.parametrize(
    "text",
    [
        "See you on Friday, May 5.",  # no year
        "The Sun 13 September 2024 edition sold out.",  # "Sun" without "." or "," is a name
        "The council met on Friday; on September 12, 2024 it voted again.",
        "Friday 9/12/2024",  # numeric US dates are ambiguous: the en rule does not read them
    ],
)
def test_english_weekdays_near_unrelated_dates(text: str) -> None:
    assert mismatches(text, "en") == []


def test_the_message_names_the_real_weekday() -> None:
    result = lint_text(
        "Penghargaan diserahkan Senin (12/09/24).", path="d.md", options=Options(select=(RULE,), language="id")
    )
    assert "Kamis" in result.findings[0].message and "2024-09-12" in result.findings[0].message


def test_order_and_two_digit_years_of_a_custom_rule() -> None:
    rule = build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "metadata/weekday-mismatch",
            "check": "weekday",
            "severity": "error",
            "message": "{date}",
            "with": {
                "order": "mdy",
                "weekdays": [
                    ["Monday"],
                    ["Tuesday"],
                    ["Wednesday"],
                    ["Thursday"],
                    ["Friday"],
                    ["Saturday"],
                    ["Sunday"],
                ],
            },
        },
    )
    result = lint_text("Due Friday 09/12/24.", path="d.md", rules=RuleSet((rule,)), options=Options(language="xx"))
    assert [f.message for f in result.findings] == ["2024-09-12"]


# A weekday that opens a date range names the range's first day, not its end.
@pytest.mark.parametrize(
    "text, language",
    [
        ("Pameran digelar Kamis-Sabtu (12-14/9/2024) di Jakarta.", "id"),
        ("Pameran digelar Kamis, 12-14 September 2024 di Jakarta.", "id"),
        ("Pameran itu diadakan pada Khamis, 12-14 September 2024 di Kuala Lumpur.", "ms"),
        ("The fair runs Thursday, September 12-14, 2024, in the old town.", "en"),
        ("Die Messe läuft von Donnerstag, 12. bis 14. September 2024.", "de"),
        ("Le salon se tient du jeudi 12 au samedi 14 septembre 2024.", "fr"),
        ("La feria se celebra del jueves 12 al sábado 14 de septiembre de 2024.", "es"),
        ("A feira acontece de quinta-feira, 12, a sábado, 14 de setembro de 2024.", "pt"),
    ],
)
def test_a_date_range_is_not_read_as_one_date(text: str, language: str) -> None:
    assert mismatches(text, language) == []

"""required: what counts as a byline or a date in real drafts, and what does not."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

BODY = "Pemerintah Kabupaten Tangerang meraih penghargaan Paritrana Award 2024."
MORE = "Penghargaan diserahkan di Jakarta Selatan oleh Menko PMK."


def missing(text: str, language: str, path: str = "draft.md") -> set[str]:
    options = Options(select=("metadata/missing-byline", "metadata/missing-date"),
                      language=language)
    return {f.rule.split("-")[-1] for f in lint_text(text, path=path, options=options).findings}


@pytest.mark.parametrize("text, language, expected", [
    (f"{BODY}\n\n{MORE}", "id", {"byline", "date"}),
    (f"---\nauthor: Andri\ndate: 2024-09-12\n---\n\n{BODY}", "id", set()),
    (f"Oleh: Andri Bagus\n\n{BODY}\n\n{MORE}", "id", {"date"}),
    (f"{BODY}\n\n{MORE}\n\n( trisno ).", "id", {"date"}),  # the reporter's end credit
    (f"{BODY}\n\n{MORE}\n\n(kny/imk)", "id", {"date"}),
    # scraped byline lines
    (f"Afif Farhan -Sepakbola | Selasa, 17 Jun 2025 20:00 WIB\n\n{BODY}", "id", set()),
    (f"Ruby Rachmadina, Larissa Huda Tim Redaksi | Kompas.com - 10/06/2025, 21:24 WIB\n\n{BODY}",
     "id", set()),
    (f"Yolanda Agne | 18 Juni 2025 | 20.07 WIB\n\n{BODY}", "id", set()),
    (f"Aleš Vávra | 2021-11-01T10:52:50+0100\n\n{BODY}", "id", set()),
    (f"Jakarta, Kamis (12/9/2024) - {BODY}", "id", {"byline"}),  # a dateline carries a date
    # a date deep in the story is not the publication date
    (f"{BODY}\n\n{MORE}\n\n{MORE}\n\n{MORE}\n\nAcara digelar Kamis (12/09/24).", "id",
     {"byline", "date"}),
    ("By Jane Smith\n\nMarch 3, 2021\n\nThe council approved the budget on Tuesday.", "en", set()),
    ("The council approved the budget.\n\nReporting by Jane Smith; Editing by John Doe", "en",
     {"date"}),
    ("Posted by kovarex on 2019-02-15, all posts\n\nThe release plan is set.", "en", set()),
])
def test_evidence(text: str, language: str, expected: set[str]) -> None:
    assert missing(text, language) == expected


@pytest.mark.parametrize("text, expected", [
    ("国务院常务会议决定进一步推动消费回升。\n\n会议要求各地抓好落实。", {"byline", "date"}),
    ("新华社北京2024年9月12日电（记者 张晓明）国务院常务会议决定推动消费回升。", set()),
    ("입력 2024.09.12 10:30\n\n서울시는 새 교통 정책을 발표했다.\n\n홍길동 기자", set()),
    ("Von Anna Schmidt\n\nAktualisiert 12 September 2024\n\nDer Rat hat den Haushalt beschlossen.",
     set()),
])
def test_the_core_fallback_reads_other_scripts(text: str, expected: set[str]) -> None:
    assert missing(text, "xx") == expected


def test_an_empty_document_requires_nothing() -> None:
    assert missing("", "id") == set()
    assert missing("   \n\n  ", "en") == set()

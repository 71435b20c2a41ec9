"""markup/follow-prompt in Malay: an outlet's line asking readers to follow its official
WhatsApp channel ("Ikuti sekarang! WhatsApp Channel rasmi <outlet> ...", closing most
articles of a Malaysian broadcaster's site in benchmarks/fresh); a sentence that mentions an
official channel is prose."""

from __future__ import annotations

import pytest

from newslint import lint_text
from newslint.engine import Options

LEAD = "KUALA LUMPUR: Kerajaan negeri akan menyalurkan bantuan kepada semua mangsa banjir di daerah itu minggu ini."
CLOSE = "Jurucakap jabatan itu berkata bantuan merangkumi makanan, pakaian dan wang tunai."


def rules_at(text: str) -> list[tuple[str, int]]:
    options = Options(select=("markup/follow-prompt",), language="ms")
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


@pytest.mark.parametrize(
    "prompt",
    [
        "Ikuti sekarang! WhatsApp Channel rasmi Akhbar Harian untuk berita terkini setiap masa.",
        "Sertai saluran Telegram rasmi Warta Kita untuk berita terkini",
    ],
)
def test_the_outlets_official_channel_prompt_is_reported(prompt: str) -> None:
    assert rules_at(f"{LEAD}\n\n{CLOSE}\n\n{prompt}") == [("markup/follow-prompt", 5)]


def test_a_sentence_about_an_official_channel_is_prose() -> None:
    prose = "Orang ramai boleh ikuti saluran WhatsApp rasmi kementerian untuk maklumat terkini."
    assert rules_at(f"{LEAD}\n\n{prose}\n\n{CLOSE}") == []

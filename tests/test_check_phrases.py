"""phrases: whole lines, prefixes (glued or separated) and anywhere; a widget's
headline on the line after its label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule

PHRASES = ["Baca Juga", "Berita Terkait", "Top", "Advertisement"]


def rule(match: str, **params: Any) -> Rule:
    return build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "test/phrases",
            "check": "phrases",
            "severity": "error",
            "message": "{match}",
            "with": {"match": match, "phrases": PHRASES, **params},
        },
    )


def found(check: Rule, text: str) -> list[tuple[int, str]]:
    doc = read_string(text, "draft.md")[0]
    result = lint_document(doc, RuleSet((check,)), Options(language="xx"))
    return [(f.line, f.message) for f in result.findings]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Baca Juga:", [(1, "Baca Juga:")]),
        ("» baca juga", [(1, "» baca juga")]),
        ("BACA JUGA …", [(1, "BACA JUGA …")]),
        ("(Baca juga)", [(1, "(Baca juga)")]),
        ("[ADVERTISEMENT]", [(1, "[ADVERTISEMENT]")]),
        ("(Baca juga: Harga Cabai Naik Lagi)", []),
        ("Baca juga: Harga Cabai Naik Lagi", []),  # a whole-line phrase, not a prefix
        ("Top skor liga musim ini", []),
    ],
)
def test_line_mode(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule("line"), text) == expected


LONG_HEADLINES = (
    "Baca JugaIRGC: Sistem Pertahanan Israel Telah Hancur, Wilayah Udara Terbuka "
    "untuk Rudal IranKapan Dubes RI untuk AS Terpilih? Ini Jawaban Menlu Sugiono "
    "dan Trump Minta Iran Menyerah Tanpa Syarat"
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Baca Juga: Harga Cabai Naik Lagi", True),
        ("Baca Juga | Harga Cabai Naik Lagi", True),
        ("(Baca juga: Harga Cabai Naik Lagi)", True),
        ("[Baca Juga - Harga Cabai Naik Lagi]", True),
        ("(BACA JUGA)", True),
        ("(Baca juga undang-undang itu dengan teliti sebelum menandatangani kontrak kerja)", False),
        ("Baca JugaWarga Bandung Terkena Virus Hanta", True),  # glued to its headline
        (LONG_HEADLINES, True),  # after a glued word, up to three times max_words
        ("Baca juga undang-undang itu dengan teliti sebelum menandatangani kontrak kerja", False),
        ("Baca jugalah buku itu", False),  # a longer word, lower case: not glued
        ("Top", True),
        ("Top officials met on Monday to discuss the budget.", False),
        # a space lost before a word in italics: glued, but a line of finished sentences
        ("Berita TerkaitImmigration Lounge merupakan fasilitas premium di bandara. Lalu autogate dipercepat.", False),
        ("Baca JugaWarga Bandung Terkena Virus Hanta. Polisi Tangkap Pelaku", True),  # no closing sentence
        ("Baca Juga: Harga Cabai Naik. Harga Beras Turun.", True),  # after a separator: a widget's headlines
    ],
)
def test_prefix_mode(text: str, flagged: bool) -> None:
    assert bool(found(rule("prefix", max_words=14), text)) is flagged


def test_prefix_mode_word_limit() -> None:
    long_line = "Baca Juga " + " ".join(["kata"] * 14)
    assert found(rule("prefix", max_words=14), long_line) == []


def test_anywhere_mode_reports_each_match() -> None:
    text = "Sebuah iklan. Advertisement di tengah kalimat, lalu Advertisement lagi."
    assert found(rule("anywhere"), text) == [(1, "Advertisement"), (1, "Advertisement")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Baca Juga:\n\nHarga Tiket Jakarta Fair 2025 dan Cara Belinya",
            [(1, "Baca Juga:"), (3, "Harga Tiket Jakarta Fair 2025 dan Cara Belinya")],
        ),
        (
            "Berita Terkait\nPasar Baru Riwayatmu Kini…",  # the headline on the next line
            [(1, "Berita Terkait"), (2, "Pasar Baru Riwayatmu Kini…")],
        ),
        (
            "Baca Juga:\n\nPemerintah menaikkan harga bahan bakar minyak mulai pekan depan.",
            [(1, "Baca Juga:")],
        ),  # ends with a full stop: prose, not a headline
        ("Top\n\nHarga Tiket Jakarta Fair 2025", [(1, "Top")]),  # "Top" is not a label
    ],
)
def test_headline_after_a_label(text: str, expected: list[tuple[int, str]]) -> None:
    check = rule("prefix", max_words=14, headline_after=["Baca Juga", "Berita Terkait"])
    assert found(check, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dash before the label is a bullet, as "»" is
        ("— Baca juga: Harga Cabai Naik Lagi", [(1, "— Baca juga: Harga Cabai Naik Lagi")]),
        ("– Top", [(1, "– Top")]),
        # glued to a capitalised word, the label is a widget run into its headline ...
        ("BACA JUGAWarga Bandung Antre Minyak", [(1, "BACA JUGAWarga Bandung Antre Minyak")]),
        # ... but in capitals a capital after the label is only its word going on
        ("TOPSCORER LIGA MUSIM INI", []),
        ("ADVERTISEMENTS AND REVIEWS OF THE WEEK", []),
        ("TOP: the vote", [(1, "TOP: the vote")]),
        # a short one-word label glued to a capital is a name's first part
        ("TopGear Indonesia", []),
        ("Top Gear", []),
    ],
)
def test_prefix_dash_bullets_and_words_in_capitals(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule("prefix"), text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Baca Juga: harga cabai naik lagi", [(1, "Baca Juga: harga cabai naik lagi")]),
        ("Baca Juga: Harga cabai naik lagi.", [(1, "Baca Juga: Harga cabai naik lagi.")]),
        # a lower-case sentence after the separator is prose using the label's words
        ("Berita terkait: dua kasus itu ditangani hakim yang sama.", []),
    ],
)
def test_prefix_lower_case_sentence_after_separator_is_prose(text: str, expected: list[tuple[int, str]]) -> None:
    assert found(rule("prefix"), text) == expected


@pytest.mark.parametrize(
    "text, flagged",
    [
        # an arrow stands for the label's colon, or leads the line as a bullet does
        ("Baca Juga → Harga Cabai Naik Lagi", True),
        ("Baca Juga ► Harga Cabai Naik Lagi", True),
        ("► Baca Juga: Harga Cabai Naik Lagi", True),
        ("▶ Berita Terkait: Harga Cabai Naik Lagi", True),
        # a label in brackets, its headline after the closing bracket
        ("[BACA JUGA] Harga Cabai Naik Lagi", True),
        ("(Berita Terkait) Harga Cabai Naik Lagi", True),
        # a label in capitals, a space, then its capitalised headline
        ("BACA JUGA Harga Cabai Naik Lagi", True),
        ("BERITA TERKAIT Harga Cabai Naik Lagi", True),
        # in ordinary case the same line may be prose, and a short word in capitals opens a headline
        ("Baca juga Harga Cabai Naik Lagi", False),
        ("TOP Ten Reasons to Visit the Coast", False),
        ("BACA JUGA HARGA CABAI NAIK LAGI", False),  # a line in capitals: no headline after the label
    ],
)
def test_prefix_arrows_brackets_and_labels_in_capitals(text: str, flagged: bool) -> None:
    assert bool(found(rule("prefix", max_words=14), text)) is flagged


def test_prefix_phrase_holding_its_own_colon() -> None:
    """A phrase listed with its colon ("More:") is separated from its headline by it."""
    check = build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "test/phrases",
            "check": "phrases",
            "severity": "error",
            "message": "{match}",
            "with": {"match": "prefix", "phrases": ["More", "More:"]},
        },
    )
    assert found(check, "More: Make your kid rich for $1 a day") == [(1, "More: Make your kid rich for $1 a day")]


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a headline in quotation marks after a label of two words
        ("Baca Juga « Harga Cabai Naik Lagi »", True),
        ('Berita Terkait "Harga Cabai Naik Lagi"', True),
        ("Baca Juga “Harga Cabai Naik Lagi”", True),
        # a bullet, a slash or an ellipsis for the label's colon
        ("Baca Juga • Harga Cabai Naik Lagi", True),
        ("Baca Juga · Harga Cabai Naik Lagi", True),
        ("Baca Juga / Harga Cabai Naik Lagi", True),
        ("Baca Juga // Harga Cabai Naik Lagi", True),
        ("Baca Juga… Harga Cabai Naik Lagi", True),
        ("Baca Juga... Harga Cabai Naik Lagi", True),
        # a short word before a quotation or an ellipsis opens a sentence
        ('Top "pedagang" mengeluh soal harga cabai', False),
        ("Top... begitu kata mereka", False),
    ],
)
def test_prefix_quotation_bullets_slashes_and_ellipses_after_a_label(text: str, flagged: bool) -> None:
    assert bool(found(rule("prefix", max_words=14), text)) is flagged

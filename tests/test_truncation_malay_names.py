"""Malay cut evidence: a paragraph that stops on the noun a name follows, or on a word
that introduces an amount (the fresh injected set's misses: "laporan di Balai",
"menyertai Kejohanan", "deposit berjumlah")."""

from __future__ import annotations

import pytest

from newslint import Options, lint_text

LEAD = "KUALA LUMPUR: Seorang lelaki ditahan polis selepas kejadian di sebuah pusat beli-belah semalam.\n\n"
NEXT = "\n\nTerdahulu tular dua video berdurasi satu minit memaparkan detik cemas itu di media sosial."
TRUNCATION = Options(select=("truncation/",), language="ms")


def findings(paragraph: str) -> list[tuple[str, int, str]]:
    result = lint_text(LEAD + paragraph + NEXT, path="draft.md", options=TRUNCATION)
    return [(f.rule, f.line, f.message) for f in result.findings]


@pytest.mark.parametrize(
    ("paragraph", "word"),
    [
        ("Pemandu e-hailing terbabit sudah tampil membuat laporan di Balai", "'Balai', which opens a name"),
        ("Pemain perseorangan lelaki negara tetap akan menyertai Kejohanan", "'Kejohanan', which opens a name"),
        ("Suspek kemudian dihadapkan ke Mahkamah", "'Mahkamah', which opens a name"),
        ("Dia mengaku tidak bersalah atas pertuduhan menerima deposit berjumlah", "'berjumlah', which no sentence"),
        ("Polis menahan lelaki itu bersama dadah bernilai", "'bernilai', which no sentence"),
    ],
)
def test_paragraph_stopping_before_a_name_or_an_amount_is_cut(paragraph: str, word: str) -> None:
    found = findings(paragraph)
    assert [(rule, line) for rule, line, _ in found] == [("truncation/paragraph-end", 3)]
    assert word in found[0][2]


@pytest.mark.parametrize(
    "paragraph",
    [
        # the name is given: its last word is no head
        "Kes itu akan disebut semula pada 3 Jun di Mahkamah Sesyen Kuala Lumpur",
        # a head after a capitalised word ends a name ("Menteri Kanun"), not a cut
        "Pindaan itu dibentang oleh Jawatankuasa Pilihan Khas Kanun",
        # a short heading
        "Kenyataan Kementerian",
    ],
)
def test_a_name_given_in_full_is_not_cut(paragraph: str) -> None:
    # (a lone sentence without its full stop may still be weak evidence, at info)
    assert [rule for rule, _, _ in findings(paragraph) if rule == "truncation/paragraph-end"] == []


@pytest.mark.parametrize(
    ("lead", "word"),
    [
        ("KUALA LUMPUR: Pemain perseorangan lelaki negara Leong Jun Hao tetap akan menyertai Kejohanan", "Kejohanan"),
        (
            "KUALA LUMPUR: Polis menahan dua lelaki yang disyaki terlibat dalam kes samun di sebuah kedai emas dan",
            "dan",
        ),
        (
            "Kuala Lumpur: Polis menahan dua lelaki yang disyaki terlibat dalam kes samun di sebuah kedai emas dan",
            "dan",
        ),
        (
            "RABAT, Maghribi: Wydad Casablanca menafikan sedang berunding untuk menandatangani kapten itu dengan",
            "dengan",
        ),
    ],
)
def test_a_story_after_its_dateline_is_judged_as_prose(lead: str, word: str) -> None:
    # "KUALA LUMPUR: ..." opens Malaysian stories; it is no "Label: teaser" line
    draft = lead + "\n\nMaster Malaysia 2025 meskipun kecederaan yang dialami di tangan kanan belum pulih sepenuhnya."
    result = lint_text(draft, path="draft.md", options=TRUNCATION)
    assert [(f.rule, f.line) for f in result.findings] == [("truncation/paragraph-end", 1)]
    assert f"'{word}'" in result.findings[0].message


@pytest.mark.parametrize(
    "line",
    [
        "VIDEO: Detik Pemandu Lori Hilang Kawalan Di Lebuhraya Utara-Selatan Dan",
        "BACA JUGA: Polis Tahan Dua Lelaki Di",
    ],
)
def test_a_label_and_its_teaser_are_not_judged(line: str) -> None:
    draft = LEAD + line + NEXT
    result = lint_text(draft, path="draft.md", options=Options(select=("truncation/paragraph-end",), language="ms"))
    assert result.findings == ()

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

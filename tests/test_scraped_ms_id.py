"""Junk of scraped Malay and Indonesian pages (benchmarks/scrapedms), on whole pages as a
scraper saves them: one paragraph a line, no blank line between, junk glued to the prose.

Each rule's own examples test it line by line; these read a page as the linter does, so
they also check on which line each family is reported and that the prose around it is
left alone. The pages are written for the tests, in the shape of the scraped ones.
"""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options


def reported(page: str, language: str) -> dict[int, set[str]]:
    result = lint_text(page, path="page.txt", options=Options(select=("markup", "duplicate"), language=language))
    out: dict[int, set[str]] = {}
    for f in result.findings:
        out.setdefault(f.line, set()).add(f.rule)
    return out


MALAY_PAGE = "\n".join(
    [
        "Kerajaan lanjut tempoh pendaftaran vaksin kanak-kanak",  # 1 title
        "",
        "Pendaftaran boleh dibuat melalui aplikasi sehingga hujung bulan ini.",  # 3
        "Jangan lupa follow channel Telegram kami untuk updates terkini!",  # 4
        "Menteri berkata tempoh itu dilanjutkan kerana permintaan masih tinggi di beberapa negeri.",  # 5
        "BACA LANJUT: Kes Baharu Dikesan Di Tiga Negeri Minggu IniSekiranya ibu bapa belum mendaftar,"
        " mereka boleh hadir terus ke klinik kesihatan berhampiran pada hari bekerja.",  # 6
        "Saya telah minta pihak kementerian menambah slot. https://t.co/AbCdEf1234Berikutan permintaan itu,"
        " lebih banyak pusat dibuka pada hujung minggu.",  # 7
        "Ibu bapa juga dinasihatkan membawa dokumen pengenalan anak masing-masing.",  # 8
        "Kongsikan cerita menarik bersama kami di media sosial: Facebook, Twitter, dan Instagram."
        "© 2021 Portal Berita. All Rights Reserved.",  # 9
    ]
)

INDONESIAN_PAGE = "\n".join(
    [
        "Pemerintah Perpanjang Masa Pendaftaran Sekolah",  # 1 title
        "",
        "Jakarta - Pemerintah memperpanjang masa pendaftaran sekolah kedinasan hingga akhir bulan.",  # 3
        "Jumlah pendaftar tahun ini meningkat dibanding tahun lalu, kata juru bicara kementerian.",  # 4
        "Pendaftaran dilakukan secara daring melalui portal resmi yang disediakan panitia.",  # 5
        "(abc/def)",  # 6
        "sekolah kedinasan pendaftaran daring kementerian",  # 7
        "halaman ke-1 dari 2",  # 8
        "1",  # 9
        "2",  # 10
    ]
)


def test_malay_page_junk_is_reported_on_its_own_lines() -> None:
    found = reported(MALAY_PAGE, "ms")
    assert "markup/channel-prompt" in found[4]
    assert found[6] & {"markup/inline-read-also", "markup/widget-line"}  # one finding for the line
    assert "markup/tweet-remnant" in found[7]
    assert {"markup/share-prompt", "markup/copyright-notice"} <= found[9]
    assert not {3, 5, 8} & found.keys()  # the prose lines


def test_indonesian_page_tags_after_the_credit_and_the_page_counter_are_reported() -> None:
    found = reported(INDONESIAN_PAGE, "id")
    assert "markup/glued-tag-list" in found[7]
    assert {line for line, rules in found.items() if "markup/pagination" in rules} == {8, 9, 10}
    assert not {3, 4, 5, 6} & found.keys()  # the prose, and the credit itself


def test_a_number_line_without_a_page_counter_above_is_prose() -> None:
    page = "Harga Naik\n\nHarga cabai naik lagi pekan ini di pasar induk, kata pedagang.\n2\n3\n"
    assert "markup/pagination" not in {r for rules in reported(page, "id").values() for r in rules}

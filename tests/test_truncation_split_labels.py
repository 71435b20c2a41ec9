"""A label or a read-also line next to a split sentence's look-alikes, found on the truncation
round's tune sets (benchmarks/fresh/README.md, "Truncation round 15"):

- a lone dash after a label further down the article ("SCROLL TO CONTINUE WITH CONTENT" / "–") is a
  divider, not a dateline split from its story: only a place of a few words among the article's
  first blocks is one;
- a paragraph opening with a quotation whose first word is in lower case goes on with the
  sentence the paragraph before stops in ("... que suas baterias" / "“usam metade do cobalto” ...");
- an ad network's script pasted in after a cut paragraph ("googletag.cmd.push(...);") is no list item
  ending on a semicolon that the paragraph leads in to: the cut is still seen;
- after a read-also line that stops on a capital ("... of WHITE SUPREMACY"), a short paragraph in
  sentence case ("That much was true,") opens the sentence that goes on: it is no link's text
  inside the read-also line's sentence.
"""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

SPLIT = "truncation/split-sentence"


def found(text: str, language: str, path: str = "draft.txt") -> list[tuple[str, int]]:
    options = Options(select=("truncation/",), language=language)
    return [(f.rule, f.line) for f in lint_text(text, path=path, options=options).findings]


ID_BODY = [
    "Divisi audio Sony memperkenalkan tiga headphone nirkabel di ajang IFA 2017 pekan ini.",
    "Masing-masing unitnya dibekali driver berdiameter enam milimeter dan fitur peredam bising.",
    "Baterai model terkecil diklaim bertahan selama tiga jam untuk sekali pengisian.",
    "Model lainnya bisa bertahan lebih lama, hingga tiga puluh jam pemakaian.",
    "Sony juga menambahkan fitur pengisian cepat pada model yang paling besar.",
]
ID_LAST = "Ketiga headphone itu bakal dipasarkan mulai bulan ini dengan harga berbeda-beda."


def test_a_lone_dash_after_a_label_down_the_article_is_a_divider() -> None:
    text = "\n\n".join([*ID_BODY, "SCROLL TO CONTINUE WITH CONTENT", "–", ID_LAST])
    assert found(text, "id") == []


def test_a_lone_dash_after_a_short_line_down_the_article_is_a_divider() -> None:
    text = "\n\n".join([*ID_BODY, *ID_BODY[:3], "Harga dan Ketersediaan", "–", ID_LAST])
    assert found(text, "id") == []


def test_a_lone_dash_after_the_place_at_the_top_is_still_a_split_dateline() -> None:
    text = "\n\n".join(["Sony Luncurkan Tiga Headphone", "Jakarta", "–", *ID_BODY])
    assert found(text, "id") == [(SPLIT, 3), (SPLIT, 5)]


EN_BODY = [
    "The rapper announced his candidacy on July 4, past the deadline in at least six states.",
    "Since then he has held one campaign rally, speaking without a microphone or a podium.",
]
READ_ALSO = 'Also on rt.com Kanye West claims he tried to divorce Kim Kardashian, accuses her of "WHITE SUPREMACY"'
READ_ALSO_CAPS = "Also on rt.com Kanye West claims his family is plotting against him, says it is WHITE SUPREMACY"


def test_a_sentence_opening_after_a_read_also_line_is_no_links_text() -> None:
    for line in (READ_ALSO, READ_ALSO_CAPS):
        text = "\n\n".join(
            [
                *EN_BODY,
                line,
                "That much was true,",
                "and the rally was described across news sites as a publicity stunt, or worse.",
                "A recent poll put him at two percent nationwide.",
            ]
        )
        # the split between "That much was true," and "and ..." is reported; the read-also line is not
        assert found(text, "en") == [(SPLIT, 7)]


def test_a_links_text_inside_a_sentence_is_still_one() -> None:
    text = "\n\n".join(
        [
            *EN_BODY,
            "The bank also runs programmes that help small traders to grow, among them one called",
            "UMKM naik kelas",
            ".",
            "A recent poll put him at two percent nationwide.",
        ]
    )
    assert (SPLIT, 5) in found(text, "en")


PT_BODY = [
    "A empresa israelense apresentou nesta semana uma nova bateria para carros elétricos.",
    "Segundo a fabricante, a bateria pode ser carregada em apenas cinco minutos.",
]


def test_a_quotation_opening_in_lower_case_goes_on_with_the_sentence_before_it() -> None:
    text = "\n\n".join(
        [
            *PT_BODY,
            "Por enquanto, a empresa também garantiu ao site que suas baterias",
            "“usam metade do cobalto” em comparação com outras baterias do mercado.",
            "Os primeiros testes devem começar no próximo ano.",
        ]
    )
    assert found(text, "pt") == [(SPLIT, 5)]  # reported where the sentence breaks off


def test_a_quotation_opening_a_sentence_of_its_own_is_no_split() -> None:
    text = "\n\n".join(
        [
            *PT_BODY,
            "Por enquanto, a empresa também garantiu ao site que suas baterias",
            "“Usamos metade do cobalto em comparação com outras baterias”, disse o diretor.",
            "Os primeiros testes devem começar no próximo ano.",
        ]
    )
    assert (SPLIT, 5) not in found(text, "pt")


ID_AD_CODE = "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1538457328715-0'); });"


def test_an_ad_script_after_a_cut_paragraph_is_no_list_it_leads_in_to() -> None:
    cut = '"Data terakhir yang saya terima, varian'
    text = "\n\n".join([*ID_BODY[:3], cut, ID_AD_CODE, ID_LAST])
    assert ("truncation/paragraph-end", 7) in found(text, "id")


def test_a_lead_in_before_items_ending_on_semicolons_is_still_one() -> None:
    lead = "Syarat yang harus dipenuhi setiap peserta lomba itu adalah"
    items = ["Berusia paling rendah 18 tahun;", "Memiliki kartu tanda penduduk;", "Sehat jasmani dan rohani."]
    text = "\n\n".join([*ID_BODY[:3], lead, *items, ID_LAST])
    assert found(text, "id") == []

"""truncation: the cases it must catch, and the look-alikes it deliberately leaves alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from newslint.checks import base
from newslint.checks.truncation import Compiled, lone, sentences
from newslint.engine import Options, lint_document
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule, load_rules

ID_DANGLING = ["dan", "yang", "di", "untuk", "kepada", "pada", "the", "and", "of", "to"]


def rule(mode: str, **params: Any) -> Rule:
    raw = {
        "id": f"truncation/{mode}",
        "check": "truncation",
        "severity": "warning",
        "message": "{reason}",
        "with": {"mode": mode, **params},
    }
    return build_rule(Path("test.yaml"), "test", raw)


PARAGRAPH_END = rule("paragraph-end", dangling_words=ID_DANGLING)
WEAK = rule("paragraph-end", dangling_words=ID_DANGLING, evidence="weak")
SPLIT = rule("split-sentence", continuation_openers=["serta", "maupun"], weak_openers=["khususnya", "telah"])
MARKER = rule("marker", markers=["[...]", "(bersambung)"])


SUFFIX = {"markdown": "md", "text": "txt", "html": "html"}


def flagged(text: str, check: Rule = PARAGRAPH_END, fmt: str = "markdown", language: str = "xx") -> list[int]:
    """Source lines the rule reports in ``text`` (in a language without word lists unless
    ``language`` names one)."""
    doc = read_string(text, f"draft.{SUFFIX[fmt]}")[0]
    result = lint_document(doc, RuleSet((check,)), Options(language=language))
    return [f.line for f in result.findings if f.rule == check.id]


TIDY = "Pemerintah membuka pendaftaran beasiswa pada Senin. Pendaftar wajib mengisi formulir."
CLOSE = "Panitia akan mengumumkan hasil seleksi pada bulan depan melalui situs resmi."


def article(middle: str) -> str:
    """A tidy article of complete paragraphs with ``middle`` as its second paragraph."""
    return f"{TIDY}\n\n{middle}\n\n{CLOSE}\n\n{TIDY}"


@pytest.mark.parametrize(
    "middle",
    [
        # a word no sentence ends on
        "Penerbangan perdana ke Bandara Komodo dilayani maskapai Airasia dengan rute Kuala Lumpur dan",
        # a comma, a spaced dash
        "Bahkan komposisi kamera belakangnya pun tidak berbeda dari versi sebelumnya,",
        "They wanted us on our knees and they used every trick - internally, externally -",
        # a quotation that opens and never closes, in any style
        "“Saya difahamkan dia memerlukan kira-kira enam minggu untuk pulih sepenuhnya",
        'He said: "We know it is renowned for its views and the walks along the coast',
        "Der Trainer sagte: „Wir müssen jetzt schnell nach vorne schauen und wieder",
        "Le ministre a déclaré : « Nous allons investir dans les hôpitaux de la région",
        # a bracket that opens and never closes
        "Pemerintah menyiapkan anggaran untuk program itu (termasuk bantuan bagi pekerja rentan",
        # a word cut in the middle: "pendaftar" is used in full elsewhere
        "Panitia mengatakan jumlah pendaftar tahun ini meningkat dibandingkan tahun lalu pend",
    ],
)
def test_strong_evidence_is_a_warning(middle: str) -> None:
    assert flagged(article(middle)) == [3]
    assert flagged(article(middle), WEAK) == []  # reported once, by the strong rule


@pytest.mark.parametrize(
    "middle",
    [
        # a full sentence, then a fragment
        "Pada saat itu, perusahaan sabunnya bernama Fa Wings. Pada awalnya perusahaan",
        "Akhir Juli, 42% dari mereka sudah divaksin. Pada Agustus, 60% dari mereka sudah menerima",
        # the same in scripts without capitals or spaces
        "하지만 그때 그 시절보다 빛이 나는 존재는 아니었다. 꾸준히 연기를 해왔지만 그녀는 대개",
        "Как отмечается, скорость меняется после обновления. Разработчики пока не объяснили почему",
        # the article's only unfinished sentence
        "At the same time, however, those who believe",
        "Kepala BPBD mengatakan warga di bantaran sungai diminta mengungsi sebelum ketinggian air",
        "The report also suggested the U.S. might not be the “jobs machine”",  # a phrase in quotes
        "Как отмечается, после обновления скорость персонажа заметно меняется",
    ],
)
def test_weak_evidence_is_its_own_rule(middle: str) -> None:
    assert flagged(article(middle), WEAK) == [3]
    assert flagged(article(middle)) == []


@pytest.mark.parametrize(
    "middle",
    [
        # one long sentence without a full stop: a missing full stop alone is not a cut (the
        # weak rule may still mention it as the article's only unfinished sentence)
        "Dalam perutusan khas sempena pengumuman Pelan Pemulihan Negara hari ini Perdana Menteri "
        "berkata negara bersedia untuk beralih kepada fasa keempat selepas kadar vaksinasi "
        "mencapai sasaran yang ditetapkan oleh kerajaan",
    ],
)
def test_a_missing_full_stop_alone_is_not_a_warning(middle: str) -> None:
    assert flagged(article(middle)) == []


@pytest.mark.parametrize(
    "middle",
    [
        "‘Unprecedented’ strandings",  # heading
        "Who the rules apply to",  # under six words, a heading may end on a preposition
        "Meal Prep Menu for Eating Plan A",  # "A" is a label, not the article "a"
        "Demonstrators march in Seoul on Thursday. Anthony Wallace / AFP - Getty Images",  # credit
        "MADAR berarti tidak berperasaan atau tebal telinga. Jawaban: A",  # a label
        "I can’t thank him enough. Good luck, my friend. pic.twitter.com/dUO6AJlMxR",  # a link
        "We hope to see you again at next year's festival! 🙂",  # an emoji ends it
        "Pelajari dulu sejarahnya dari berbagai sumber. Bukan dengan satu mata.\u2060\u2060",
        "Pocket published his first novel in 1980.*",  # a footnote mark
        "राम खुद धर्म हैं और उनके मंदिर की प्राण प्रतिष्ठा में जाने से कोई कैसे मना कर सकता है।",
        "“Kesan buruk pasti akan dirasai ASEAN,” ujarnya",  # attribution missing its full stop
        "Gajah itu menjadi rumah bagi 127 ekor Gajah Sumatra.Ikuti Whatsapp Channel Republika",
        "1. Prioritize, prioritize, prioritize",  # a list item
        "Related: Rich are paying more in taxes but not as much as they used to",  # a teaser
        "Siapa idola Nono? Ada di halaman berikutnya",  # a short teaser trails off
        "He said the report was “deeply flawed”",  # a short sentence: may be a caption
        "Tips Menyaksikan Hujan Meteor Lyrids dari Indonesia Malam Ini",  # Title Case
        "하지만 그때 그 시절보다 빛이 나는 존재는 아니었다 꾸준히 연기를 해왔지만",  # no capitals
    ],
)
def test_look_alikes_are_left_alone(middle: str) -> None:
    assert flagged(article(middle)) == []


CUT = "At the same time, officials who had opposed the new bridge over the river"
CAPTION = "Residents walk past the flooded market in the old town on Friday morning"


@pytest.mark.parametrize(
    "text, fmt, language",
    [
        (article(CUT), "markdown", "en"),
        (
            article("Menurut kepala dinas, pendaftar dari keluarga kurang mampu akan diprioritaskan dalam seleksi"),
            "markdown",
            "id",
        ),
        # plain text whose first paragraph ends like a sentence, so is not a title
        (f"{TIDY}\n\n{CUT}\n\n{CLOSE}", "text", "xx"),
    ],
)
def test_the_only_unfinished_sentence_is_reported(text: str, fmt: str, language: str) -> None:
    assert len(flagged(text, WEAK, fmt=fmt, language=language)) == 1


@pytest.mark.parametrize(
    "text, fmt, language",
    [
        # one of a kind: other unfinished paragraphs in sentence case (headings, captions)
        (f"{TIDY}\n\n{CUT}\n\n{CLOSE}\n\n{CAPTION}\n\n{TIDY}", "markdown", "xx"),
        # a caption beside an image, a heading in bold type
        (f"{TIDY}\n\n![Flood](flood.jpg)\n\n{CAPTION}\n\n{CLOSE}", "markdown", "xx"),
        (
            f"<p>{TIDY}</p><figure><img src='f.jpg'><figcaption>{CAPTION}</figcaption></figure><p>{CLOSE}</p>",
            "html",
            "xx",
        ),
        (f"<p>{TIDY}</p><p><strong>{CAPTION}</strong></p><p>{CLOSE}</p>", "html", "xx"),
        # the standfirst under a title; a byline with a machine date
        (f"Judul Berita Hari Ini\n\n{CUT}\n\n{CLOSE}\n\n{TIDY}", "text", "xx"),
        (article("Posted by the newsroom team and our readers on 2019-02-15, all posts"), "markdown", "xx"),
        # it introduces a list
        (f"{TIDY}\n\n{CUT}\n\n- the first item\n- the second item\n\n{CLOSE}", "markdown", "xx"),
        # too few words, or too few function words of the language
        (article("Residents of the old town still remember"), "markdown", "en"),
        (article("Prime Minister visits flood victims in southern Kerala districts"), "markdown", "en"),
        # a snippet of two paragraphs
        (f"{TIDY}\n\n{CUT}", "markdown", "xx"),
    ],
)
def test_unfinished_sentences_that_are_not_cuts(text: str, fmt: str, language: str) -> None:
    assert flagged(text, WEAK, fmt=fmt, language=language) == []


@pytest.mark.parametrize(
    "words, sentence",
    [
        ("Jelasnya, TARGET merupakan projek pembangunan Pusat Pemprosesan Getah Krip", True),
        ("Perdana Menteri, Tan Sri Muhyiddin Yassin berkata, negara bersedia", True),
        ("Tips Menyaksikan Hujan Meteor", False),
        ("Jokowi Takziah ke Rumah Duka Tjahjo Kumolo", False),
        ("Eve Door & Window brings automations to your Siri setup", True),
    ],
)
def test_sentence_case_counts_a_name_once(words: str, sentence: bool) -> None:
    assert lone.sentence_case(sentences.WORD.findall(words)[1:]) is sentence


def test_the_article_end_and_its_last_paragraph() -> None:
    cut = "Now you know a natural progression you can use to step into a role that will grow"
    assert flagged(f"{TIDY}\n\n{CLOSE}\n\n{cut}", WEAK) == [5]
    # two paragraphs are a snippet, and a list's last item is not the article's end
    assert flagged(f"{TIDY}\n\n{cut}", WEAK) == []
    item = "If you already have a Hulu account, visit your account page to upgrade"
    assert flagged(f"{TIDY}\n\n{CLOSE}\n\n{item}\n\n{cut}", WEAK) == []


def test_a_paragraph_introducing_a_list_is_not_cut() -> None:
    text = f"{TIDY}\n\nPisahkan deretan tersebut menjadi dua sub deret dengan\n\n- larik satu\n- larik dua"
    assert flagged(text) == []


def test_captions_style_article_counts_only_strong_evidence() -> None:
    captions = [
        "Kauri carves a traditional design at his home. Kauri is a member of the recovery group",
        "Buck Cullen stores a pair of whale jawbones. Cullen is an integral member of the team",
    ]
    weak = "Pada saat itu, perusahaan sabunnya bernama Fa Wings. Pada awalnya perusahaan"
    strong = "Penerbangan perdana dilayani maskapai Airasia dengan rute Kuala Lumpur dan"
    text = "\n\n".join([TIDY, *captions, weak, strong, CLOSE])
    assert flagged(text) == [9]


def test_a_sentence_split_at_its_link_text() -> None:
    text = (
        "Pemerintah Provinsi berencana merevitalisasi kawasan Pasar Baru,\n\nJakarta Pusat\n\n"
        ", menggunakan anggaran daerah tahun 2026.\n\nWakil Gubernur Jakarta\n\nRano Karno\n\n"
        "menyatakan, selama ini perhatian pemerintah terlalu terpusat pada taman kota."
    )
    assert flagged(text, SPLIT) == [1, 3, 7, 9]
    assert flagged(text) == []  # the paragraph-end mode leaves breaks to this mode


def test_a_sentence_split_at_several_link_texts() -> None:
    # "Dikutip dari" / "BBC," / "Senin (9/6/2025), ...": a name's link ending on a comma
    # goes on, and so does the piece before it
    text = (
        "Burung itu semakin disukai karena kemampuannya bertambah.\n\nDikutip dari\n\nBBC,\n\n"
        "Senin (9/6/2025), burung kakatua itu sering kali bikin takjub wisatawan."
    )
    assert flagged(text, SPLIT, fmt="text") == [3, 5]
    # after a dateline's lone dash, every short piece up to the story is the first sentence
    text = "Judul Berita\n\nJakarta\n\n-\n\nPresiden\n\nPrabowo\n\nSubianto memimpin rapat terbatas hari ini."
    assert flagged(text, SPLIT, fmt="text") == [3, 5, 7, 9]


@pytest.mark.parametrize(
    "text, lines",
    [
        # a letter's salutation; records of an ads.txt file
        ("Surat Pembaca\n\n2021-08-19\n\nSAUDARA PENGARANG,\n\nSaya ingin menyampaikan keluhan tentang jalan.", []),
        ("Iklan\n\nsmartadserver.com,4073,DIRECT,\n\nadtrue.com,2341,DIRECT,", []),
        # the list item before a lead-in broken at a link is not part of its sentence
        (
            "Reservasi gratis mulai 7 Juni 2025\n\nWajib reservasi kunjungan di\n\nancol.com\n\n"
            ", paling lambat H-1 sebelum kunjungan",
            [3, 5],
        ),
    ],
)
def test_link_text_look_alikes(text: str, lines: list[int]) -> None:
    assert flagged(text, SPLIT, fmt="text") == lines


def test_a_name_in_the_only_unfinished_sentence_is_not_a_list() -> None:
    # more capitalised words than lower-case ones, but one name of several words counts once
    cut = "Sebelum berada di City, Nolito bermain untuk kesebelasan La Liga lainnya, Celta Vigo"
    assert not sentences.list_like(cut)
    assert sentences.list_like("Anies Baswedan, Ganjar Pranowo dan Prabowo Subianto")
    assert len(flagged(article(cut), WEAK, language="id")) == 1


def test_a_sentence_after_a_phrase_and_its_colon_is_not_a_list() -> None:
    cut = "Car Michaël Georget, dont le domaine (Le Temps retrouvé) se partage entre le"
    following = "Et pour cause : depuis 2006, il pratique exclusivement la culture en biodynamie."
    fr = rule("paragraph-end", dangling_words=["le", "entre"])
    assert flagged(f"{TIDY}\n\n{cut}\n\n{following}\n\n{CLOSE}", fr) == [3]
    assert flagged(f"{TIDY}\n\n{cut}\n\nLarik 1: 54, 58, 62\n\n{CLOSE}", fr) == []


@pytest.mark.parametrize(
    "text, lines",
    [
        ("JAKARTA, KOMPAS.com –\n\nPemerintah membuka pendaftaran beasiswa pada Senin.", [1]),
        ("Buku panduan itu diterbitkan dengan judul UMKM Go Global\n\n.\n\nBuku lain menyusul.", [1]),
        (
            "The minister said the new rules would protect workers in the sector and their\n\n"
            "families, starting from next year, according to the statement.",
            [1],
        ),
    ],
)
def test_breaks_are_reported_where_the_sentence_stops(text: str, lines: list[int]) -> None:
    assert flagged(text, SPLIT) == lines


def test_a_dateline_split_by_a_lone_dash() -> None:
    # plain text: in Markdown a lone "-" would be an empty list item
    text = "Presiden Resmikan Tol Baru\n\nJakarta\n\n-\n\nPresiden meresmikan jalan tol baru."
    assert flagged(text, SPLIT, fmt="text") == [3, 5]


@pytest.mark.parametrize(
    "text",
    [
        "A CPU profile should be read like this:\n\nthe x-axis shows the stack profile population\n\n"
        "the y-axis shows stack depth and the names of the functions",  # list after a colon
        "ancol\n\ntaman impian jaya ancol",  # tag lines
        "started\n\ncompute the next trigger timestamp in Assoc",  # table cells
        "Prices of rice rose again this week in the capital\n\n"
        "iPhone sales fell by a tenth in the same period, the company said.",
        "#include <std/disclaimer.h>\n\nuse at your own risk, as always, and read the manual first.",
        "Pemkab mengalokasikan anggaran yang memadai.\n\nSelain itu, dilakukan sinkronisasi data.",
    ],
)
def test_things_that_are_not_breaks(text: str) -> None:
    assert flagged(text, SPLIT) == []


def test_hard_wrapped_text_is_reported_once() -> None:
    lines = [
        "The details of how each guard affects the behaviour of the object are",
        "described in the specification. For example, you may not append or set a",
        "header on a guarded object. Similarly, inserting a cookie into a response",
        "header is not allowed so that workers may not set cookies via synthesised",
        "responses, which the specification explains at some length in its notes.",
    ]
    text = "\n\n".join(lines)
    assert flagged(text, SPLIT) == [1]
    assert flagged(text) == []


SEED_LIKE = (
    "Pada kesempatan tersebut, Pj Bupati mengatakan penghargaan menguatkan komitmen.\n\n"
    "“Paritrana Award 2024 ini akan semakin menguatkan komitmen seluruh pihak di daerah.\n\n"
    "Khususnya bagi para pekerja rentan di Kabupaten Tangerang, sebagaimana arahan Wapres tadi” "
    "ungkap Pj Bupati.\n\n"
    "Menurut dia, perolehan penghargaan tidak lepas dari dukungan berbagai pihak. Mulai dari "
    "pemerintah daerah, BPJS, pelaku usaha.\n\n"
    "Serta berbagai pihak yang terus berupaya mengoptimalkan cakupan kepesertaan pekerja.\n\n"
    "“Kami bekerja sama dan berkolaborasi bersama OPD lainnya, misalnya dengan Dinas Tenaga Kerja.\n\n"
    "Bagi ahli waris pekerja yang sudah terlindungi, kami juga melaksanakan pelatihan khusus,” "
    "katanya."
)


def test_openers_that_continue_a_sentence() -> None:
    # "Khususnya" closes a quotation opened above; "Serta" cannot open a sentence; "Bagi"
    # closes a quotation too but may open one, so a quote running on is not enough there.
    assert flagged(SEED_LIKE, SPLIT) == [5, 9]


@pytest.mark.parametrize(
    "line, found",
    [
        ("(bersambung)", True),
        ("[...]", True),
        ("  [...]  ", True),
        ("Cerita itu bersambung ke musim kedua, kata produsernya.", False),
    ],
)
def test_markers(line: str, found: bool) -> None:
    assert bool(flagged(f"{TIDY}\n\n{line}", MARKER)) is found


@pytest.mark.parametrize(
    "text, ends",
    [
        ("Mr. Smith went home. He slept.", ["He slept."]),
        ("1. China is big and old", []),
        ("It opened in 2023. Dia pergi.", ["Dia pergi."]),
        ("U.S. officials met. They left.", ["They left."]),
        ("Nelson D. Schwartz wrote it", []),
        ("我来了。他走了", ["他走了"]),
        ("“Saya pergi.” Dia berkata demikian", ["Dia berkata demikian"]),
        ("Daftar di pmb.upi.edu . Adapun", ["Adapun"]),
    ],
)
def test_sentence_ends(text: str, ends: list[str]) -> None:
    assert [text[i:] for i in sentences.sentence_ends(text)][-1:] == ends


@pytest.mark.parametrize(
    "text, complete",
    [
        ("Done.", True),
        ("Done”", True),
        ("Done 🙂", True),
        ("Done।", True),
        ("Done.\u200b ", True),
        ("Done,", False),
        ("Done (", False),
        ("Done “", False),
        ("Done", False),
    ],
)
def test_ends_complete(text: str, complete: bool) -> None:
    assert base.ends_complete(text) is complete


@pytest.mark.parametrize(
    "text, unclosed",
    [
        ("“Saya pergi", True),
        ("“Saya pergi,” katanya", False),
        ("„Das ist gut“, sagte er", False),
        ("„Das ist gut", True),
        ('“Kita harus kawal sampai inkrah," kata dia', False),
        ('"We will go', True),
        ('He said "we will go" and left', False),
    ],
)
def test_unclosed_quotations(text: str, unclosed: bool) -> None:
    assert sentences.opens_unclosed_quote(text) is unclosed


def test_a_paragraph_opening_another_is_found_by_search_as_by_comparing_every_pair() -> None:
    from newslint.checks.truncation import ends

    opening = "Lembaga, kementerian, dan pemerintah daerah wajib menata pegawai"
    texts = [
        opening,  # opens the third: a cut-off copy
        "Something else entirely, long enough to count as a paragraph here",
        opening + " Non-ASN sesuai ketentuan yang berlaku.",
        "Twice  the same\nparagraph, long enough to count as one here",  # equal to the next, spacing aside
        "Twice the same paragraph, long enough to count as one here",
        "Too short to count",
        "Too short to count as it goes",
        "Only once: a paragraph nothing else opens with, long enough",
    ]
    [doc] = read_string("\n\n".join(texts), "a.txt")
    prose = list(range(len(doc.blocks)))

    def naive(i: int) -> bool:
        text = " ".join(doc.blocks[i].text.split())
        return len(text) >= ends.CUT_COPY_CHARS and any(
            j != i and " ".join(doc.blocks[j].text.split()).startswith(text) for j in prose
        )

    found = ends._cut_copies(doc, prose)
    assert [found(i) for i in prose] == [naive(i) for i in prose] == [True, False, False, True, True] + [False] * 3


def test_a_word_a_sentence_seldom_ends_on_is_weak_evidence() -> None:
    aux = rule("paragraph-end", dangling_words=ID_DANGLING, evidence="weak", auxiliary_words=["estava", "have"])
    cut = "Segundo uma porta-voz da ONU, o avião, de fabricação russa, estava"
    # a caption in the article: the cut is not the only unfinished sentence, so only its last word shows it
    text = f"{TIDY}\n\n{cut}\n\n{CLOSE}\n\n{CAPTION}\n\n{TIDY}"
    assert flagged(text, aux) == [3]
    assert flagged(text, WEAK) == []
    assert flagged(text, PARAGRAPH_END) == []  # weak evidence: never a warning
    # a short line without a comma may be a heading; a list item is not a sentence
    assert flagged(f"{TIDY}\n\nThe rules they have\n\n{CLOSE}\n\n{CAPTION}\n\n{TIDY}", aux) == []
    assert flagged(f"{TIDY}\n\n- the plans they have\n- the ones they had\n\n{CLOSE}", aux) == []


@pytest.mark.parametrize(
    "text, lines",
    [
        # a dateline without its dash, and the story that opens with it
        ("Judul\n\nJAKARTA, KOMPAS.com\n\n- Suku Dinas Pendidikan membuka pendaftaran sekolah.", [3]),
        # a story's opening after a dropped dateline is no list item when its sentence goes on
        (
            "Judul\n\n- Menteri Perindustrian mengatakan peringatan yang dilakukan Presiden Amerika Serikat\n\n"
            "ke banyak negara termasuk Indonesia bukan suatu ancaman besar.",
            [3],
        ),
        # a name's link ending on a comma after a long piece that stops mid-sentence
        (
            'Judul\n\n"Rasanya seperti ditipu," kata Lauren dikutip dari\n\nBBC,\n\nSenin (9/6/2025).',
            [3, 5],
        ),
        # but a list of dash items, and a run of short items after a lead-in, are lists
        ("Judul\n\n- Menteri Perindustrian membuka pameran\n\n- Menteri Keuangan menutup pameran", []),
        ("Gejalanya antara lain:\n\nTos,\n\nFiebre,\n\nAnsiedad y fatiga.", []),
    ],
)
def test_datelines_and_openings_split_from_their_story(text: str, lines: list[int]) -> None:
    assert flagged(text, SPLIT, fmt="text") == lines


def test_a_link_text_after_a_paragraph_cut_on_a_dangling_word() -> None:
    text = (
        f"{TIDY}\n\nDalam forum yang sama, Raden menyampaikan kritik kepada\n\nWALHI\n\n"
        "Kalimantan Selatan menilai masyarakat adat akan terus dikorbankan.\n\n{CLOSE}"
    )
    assert flagged(text, PARAGRAPH_END, fmt="text") == [3]
    assert flagged(text, WEAK, fmt="text") == [5]
    # a crosshead after a complete paragraph is not a link's text
    text = f"{TIDY}\n\nRaden mengatakan hal itu di Banjarmasin.\n\nWALHI\n\n{CLOSE}"
    assert flagged(text, WEAK, fmt="text") == []


def test_an_enumeration_without_its_conjunction_is_weak_evidence() -> None:
    cut = "Selain London, Euro 2020 akan dimainkan di Azerbaijan, Belgia, Denmark, Jerman"
    text = f"{TIDY}\n\n{cut}\n\n{CLOSE}\n\n{CAPTION}\n\n{TIDY}"
    assert flagged(text, WEAK) == [3]
    assert flagged(text, PARAGRAPH_END) == []
    # closed with its conjunction; a line of tags; a clause broken by commas
    for line in (
        "Selain London, Euro 2020 akan dimainkan di Azerbaijan, Belgia, Denmark dan Jerman",
        "Politik, Ekonomi, Hukum, Olahraga, Hiburan",
        "Menurut dia, pemerintah akan membantu, tentu saja, semua warga",
    ):
        assert 3 not in flagged(f"{TIDY}\n\n{line}\n\n{CLOSE}\n\n{CAPTION}\n\n{TIDY}", WEAK)


def test_a_time_opens_the_rest_of_a_split_sentence() -> None:
    text = (
        "It was a fourth meeting of the season between the sides.\n\nDwyer's opener came in the fourth minute\n\n"
        "on 3:35 from a Kendall McFaull assist, with David Rutherford providing the assist."
    )
    assert flagged(text, SPLIT) == [3]
    assert flagged("Nilai tertinggi sebagai berikut\n\nlarik 1: 54, 58, 62 dan seterusnya sampai akhir", SPLIT) == []


def test_a_dash_dividing_sections_is_no_dateline() -> None:
    text = (
        "Judul\n\nPresiden meresmikan jalan tol baru pada Senin.\n\nJalan itu dibuka untuk umum.\n\n-\n\n"
        "Tarif Baru\n\nTarif jalan tol naik bulan depan."
    )
    assert flagged(text, SPLIT, fmt="text") == []


def test_each_packs_strong_and_weak_rules_read_the_draft_once() -> None:
    # the two paragraph-end rules of a pack share their cuts only when their parameters
    # (but the evidence) are the same: the weak rule's auxiliary words are listed in both
    ends_rules: dict[str, dict[str, Compiled]] = {}
    for r in load_rules():
        if r.check == "truncation" and r.compiled_as(Compiled).mode == "paragraph-end":
            compiled = r.compiled_as(Compiled)
            ends_rules.setdefault(str(r.languages), {})[compiled.evidence] = compiled
    assert any(pair["weak"].auxiliaries for pair in ends_rules.values())
    for pair in ends_rules.values():
        assert dataclasses.replace(pair["strong"], evidence="") == dataclasses.replace(pair["weak"], evidence="")

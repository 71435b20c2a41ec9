"""benchmarks/truncation_words.py: the words a sentence never ends on, or often does, learned from copy."""

from __future__ import annotations

from pathlib import Path

import yaml
from benchmark_modules import load

tw = load("truncation_words.py", "truncation_words")

ROOT = Path(__file__).resolve().parent.parent


def _corpus(tmp_path: Path, articles: int = tw.MIN_ARTICLES) -> Path:
    """A language's edited copy: "gegen" never ends a sentence, "Jakarta" ends most of its own."""
    folder = tmp_path / "clean"
    folder.mkdir()
    for n in range(articles):
        body = "\n\n".join(
            f"Warga kota berdemo gegen kebijakan baru itu di Jakarta. "
            f"Polisi menjaga aksi gegen rencana itu di pusat kota nomor {i}."
            for i in range(40 // articles + 1)
        )
        (folder / f"a{n}-id.md").write_text(f"---\ntitle: Demo\n---\n\n{body}\n", encoding="utf-8")
    return folder


def test_counts_learn_open_and_closing_words(tmp_path: Path) -> None:
    counts = tw.count(iter([("id", p) for p in sorted(_corpus(tmp_path).glob("*.md"))]))["id"]
    assert counts.seen["gegen"] >= 2 * tw.MIN_SEEN and counts.final["gegen"] == 0
    assert counts.final_any["jakarta"] == counts.seen_any["jakarta"] >= tw.MIN_SEEN_CLOSING
    assert "gegen" in tw.open_words(counts)
    assert "jakarta" not in tw.open_words(counts)  # only words in lower case are judged open
    assert "jakarta" in tw.closing_words(counts)
    assert "gegen" not in tw.closing_words(counts)


def test_one_article_s_words_are_in_no_list(tmp_path: Path) -> None:
    counts = tw.count(iter([("id", p) for p in sorted(_corpus(tmp_path, articles=1).glob("*.md"))]))["id"]
    assert counts.seen["gegen"] >= tw.MIN_SEEN and counts.articles["gegen"] == 1
    assert tw.open_words(counts) == [] and tw.closing_words(counts) == []


def test_a_word_seen_too_seldom_is_in_no_list() -> None:
    counts = tw.Counts()
    counts.seen["jarang"] = counts.seen_any["jarang"] = tw.MIN_SEEN - 1
    counts.final_any["kota"] = counts.seen_any["kota"] = tw.MIN_SEEN_CLOSING - 1
    counts.articles.update({"jarang": tw.MIN_ARTICLES, "kota": tw.MIN_ARTICLES})
    assert tw.open_words(counts) == [] and tw.closing_words(counts) == []


def test_a_word_ending_an_eighth_of_its_sentences_closes_one() -> None:
    # 'virus' ends 15 of the 88 sentences it is in on the tune outlets' Spanish copy: a
    # paragraph stopping on it lacks its full stop about three times likelier than it was cut
    counts = tw.Counts()
    counts.seen_any.update({"virus": 88, "contra": 88, "hewan": 16})
    counts.final_any.update({"virus": 15, "contra": 1, "hewan": 2})
    counts.articles.update({"virus": 24, "contra": 30, "hewan": 6})
    assert tw.closing_words(counts) == ["hewan", "virus"]  # 2 of 16 is an eighth; 1 of 88 is not


def test_a_word_seldom_at_a_sentence_end_is_an_inside_word() -> None:
    # 20 sentences in 603 words seen: the average word ends one in 30 of its sightings, an inside
    # word in under one in 60
    counts = tw.Counts(sentences=20)
    counts.seen_any.update({"autoridades": 20, "wireless": 18, "up": 243, "de": 274, "rara": 18, "x": 30})
    counts.final_any.update({"autoridades": 2, "wireless": 0, "up": 10, "de": 3})
    counts.articles.update({"autoridades": 9, "wireless": 9, "up": 40, "de": 40, "rara": 1, "x": 9})
    assert tw.inside_words(counts) == ["de", "wireless"]  # 'up' ends 1 in 24; 'rara' is one article's
    assert tw.inside_words(tw.Counts()) == []


def test_write_replaces_only_the_learned_lists(tmp_path: Path) -> None:
    pack = tmp_path / "truncation.yaml"
    pack.write_text(
        "rules:\n  - with:\n      # learned words: begin\n      open_words: &open [old]\n"
        "      closing_words: &closing [old]\n      # learned words: end\n      heading_words: 4\n"
        "  - with:\n      open_words: *open\n      closing_words: *closing\n",
        encoding="utf-8",
    )
    assert tw.write(pack, {"open": ["dan", "no"], "closing": ["kota"]})
    rules = yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]
    assert rules[0]["with"] == {"open_words": ["dan", "no"], "closing_words": ["kota"], "heading_words": 4}
    assert rules[1]["with"]["open_words"] == ["dan", "no"]  # "no" stays a string, not False
    unmarked = tmp_path / "unmarked.yaml"
    unmarked.write_text("rules: []\n", encoding="utf-8")
    assert not tw.write(unmarked, {"open": ["dan"]})
    assert unmarked.read_text(encoding="utf-8") == "rules: []\n"


def test_every_truncation_pack_ships_learned_lists() -> None:
    for lang in tw.LANGUAGES:
        text = (ROOT / "rules" / lang / "truncation.yaml").read_text(encoding="utf-8")
        assert tw.BEGIN in text and tw.END in text, lang
        rules = {r["id"]: r for r in yaml.safe_load(text)["rules"]}
        weak = rules["truncation/unfinished-sentence"]["with"]
        assert weak["open_words"] and weak["open_words"] == rules["truncation/paragraph-end"]["with"]["open_words"]


def test_a_number_counts_by_its_shape_and_ends_its_sentence(tmp_path: Path) -> None:
    # "... pada 2014." ends on the year, not on "pada": the word before a closing number is
    # inside its sentence, and years, counted as one shape, end a share of theirs
    folder = tmp_path / "clean"
    folder.mkdir()
    body = "\n\n".join(
        f"Klub itu pernah mendapat hukuman serupa dari federasi pada {2000 + i}. "
        f"Kontrak pemain itu bernilai {i}00 juta rupiah menurut laporan resmi klub itu."
        for i in range(12)
    )
    for n in range(tw.MIN_ARTICLES):
        (folder / f"a{n}-id.md").write_text(f"---\ntitle: Klub\n---\n\n{body}\n", encoding="utf-8")
    counts = tw.count(iter([("id", p) for p in sorted(folder.glob("*.md"))]))["id"]
    assert counts.final_any["pada"] == 0 and counts.seen_any["pada"] >= tw.MIN_SEEN
    assert counts.final_any[tw.YEAR_TOKEN] == counts.seen_any[tw.YEAR_TOKEN] >= tw.MIN_SEEN_CLOSING
    assert counts.final_any[tw.NUMBER_TOKEN] == 0 and "2014" not in counts.seen_any
    assert tw.YEAR_TOKEN in tw.closing_words(counts)
    assert "pada" in tw.open_words(counts)
    assert tw.NUMBER_TOKEN not in tw.open_words(counts)  # only words in lower case are judged open

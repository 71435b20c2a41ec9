"""langdetect's profiles held sparse: the same probabilities as langdetect's own lists, in
a fraction of the memory."""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.utils.lang_profile import LangProfile

from newslint import language

TEXTS = [
    "The council voted on Tuesday to approve the new budget for the city's schools.",
    "Pemerintah kota menyetujui anggaran baru untuk sekolah-sekolah pada hari Selasa.",
    "Kerajaan negeri meluluskan peruntukan tambahan bagi membaiki jalan kampung.",
    "Der Stadtrat hat am Dienstag den neuen Haushalt für die Schulen beschlossen.",
    "Le conseil municipal a adopté mardi le nouveau budget des écoles de la ville.",
    "El ayuntamiento aprobó el martes el nuevo presupuesto para las escuelas.",
    "A câmara municipal aprovou na terça-feira o novo orçamento para as escolas.",
    "Zastupitelstvo v úterý schválilo nový rozpočet pro městské školy a školky.",
    "Kaupunginvaltuusto hyväksyi tiistaina koulujen uuden talousarvion.",
    "Belediye meclisi salı günü okullar için yeni bütçeyi onayladı.",
    "Rada miasta przyjęła we wtorek nowy budżet dla szkół w mieście.",
    "Hội đồng thành phố đã thông qua ngân sách mới cho các trường học.",
    "mgid.com, 713808, DIRECT, d4c29acad76ce94f",
    "12345 67890 !!! ???",
]


def _stock(tier: tuple[str, ...]) -> DetectorFactory:
    """langdetect's own factory with the profiles of ``tier``, built as langdetect builds it."""
    factory = DetectorFactory()
    factory.seed = 0
    for index, code in enumerate(tier):
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as f:
            factory.add_profile(LangProfile(**json.load(f)), index, len(tier))
    return factory


def _probabilities(factory: object, text: str) -> list[tuple[str, float]] | str:
    detector = factory.create()  # type: ignore[attr-defined]
    detector.set_max_text_length(language.LANGDETECT_CHARS)
    detector.append(text)
    try:
        return [(str(p.lang), p.prob) for p in detector.get_probabilities()]
    except Exception as e:  # langdetect raises on text without features
        return type(e).__name__


@pytest.mark.parametrize("tier", [language.FIRST_TIER, language.LATIN_TIER], ids=["first", "latin"])
def test_sparse_profiles_give_langdetects_probabilities_exactly(tier: tuple[str, ...]) -> None:
    stock, sparse = _stock(tier), language._Profiles(tier)
    assert sparse.langlist == stock.langlist
    assert sparse.word_lang_prob_map.keys() == stock.word_lang_prob_map.keys()
    for text in TEXTS:
        assert _probabilities(sparse, text) == _probabilities(stock, text), text


def test_each_ngram_keeps_only_the_languages_it_has_a_probability_in() -> None:
    tier = language.FIRST_TIER
    stock, sparse = _stock(tier), language._Profiles(tier)
    for word, row in stock.word_lang_prob_map.items():
        pairs = list(language._PAIR.iter_unpack(sparse.word_lang_prob_map[word]))
        assert pairs == [(i, p) for i, p in enumerate(row) if p], word


def _held(build: object) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = build()  # type: ignore[operator]
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del kept
    return held


def test_the_latin_tier_holds_under_half_of_langdetects_lists() -> None:
    tier = language.LATIN_TIER
    assert _held(lambda: language._Profiles(tier)) * 2 < _held(lambda: _stock(tier))


WORDS = sorted({word for text in TEXTS for word in text.split()})


@settings(max_examples=60, deadline=None)
@given(picked=st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
def test_the_trials_over_sparse_profiles_give_langdetects_probabilities_exactly(picked: list[str]) -> None:
    tier = language.FIRST_TIER
    text = " ".join(picked)
    assert _probabilities(language._factory(tier), text) == _probabilities(_stock_first(), text), text


_STOCK: dict[str, DetectorFactory] = {}


def _stock_first() -> DetectorFactory:
    if "first" not in _STOCK:
        _STOCK["first"] = _stock(language.FIRST_TIER)
    return _STOCK["first"]


def test_packed_profiles_are_kept_and_read_back_as_they_were_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    tier = language.FIRST_TIER
    built = language._Profiles(tier)
    path = language._packed_path(tier)
    assert path is not None and os.path.exists(path)
    monkeypatch.setattr(language._Profiles, "_pack", _never_packed)
    kept = language._Profiles(tier)
    assert kept.langlist == built.langlist
    assert kept.word_lang_prob_map == built.word_lang_prob_map
    assert _probabilities(kept, TEXTS[0]) == _probabilities(_stock(tier), TEXTS[0])


def _never_packed(self: object, tier: tuple[str, ...]) -> None:
    raise AssertionError("packed again instead of read back")


@pytest.mark.parametrize("spoil", ["stale", "corrupt", "other-tier"])
def test_a_kept_entry_that_does_not_match_is_packed_again(
    spoil: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    tier = ("en", "id", "de")
    fresh = language._Profiles(tier)
    path = language._packed_path(tier)
    assert path is not None
    if spoil == "stale":  # a profile file changed since (another langdetect installed)
        stamps = language._profile_stamps(tier)
        assert stamps is not None
        changed = ((stamps[0][0], stamps[0][1] + 1, stamps[0][2]), *stamps[1:])
        monkeypatch.setattr(language, "_profile_stamps", lambda t: changed)
    elif spoil == "corrupt":
        Path(path).write_bytes(b"\x00 not marshal")
    else:  # an entry of another tier under this tier's name
        other = ("en", "id", "fr")
        Path(path).write_bytes(Path(_kept_entry(other)).read_bytes())
    packed: list[tuple[str, ...]] = []
    real = language._Profiles._pack

    def counting(self: language._Profiles, t: tuple[str, ...]) -> None:
        packed.append(t)
        real(self, t)

    monkeypatch.setattr(language._Profiles, "_pack", counting)
    again = language._Profiles(tier)
    assert packed == [tier]
    assert again.langlist == fresh.langlist and again.word_lang_prob_map == fresh.word_lang_prob_map


def _kept_entry(tier: tuple[str, ...]) -> str:
    language._Profiles(tier)
    path = language._packed_path(tier)
    assert path is not None
    return path


def test_installs_with_their_own_profiles_keep_an_entry_each_in_a_shared_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two installs (a pre-commit environment and the user's own, say) share one user cache
    # folder: with one entry per tier they would overwrite each other's at every run.
    from langdetect import detector_factory

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    tier = ("en", "id", "de")
    here = language._packed_path(tier)
    other = tmp_path / "other-install"
    other.mkdir()
    monkeypatch.setattr(detector_factory, "PROFILES_DIRECTORY", str(other))
    there = language._packed_path(tier)
    assert here is not None and there is not None and here != there


def test_the_first_tier_read_from_the_latin_tiers_rows_is_the_first_tier_exactly() -> None:
    first, latin = language._Profiles(language.FIRST_TIER), language._Profiles(language.LATIN_TIER)
    cut = language._Prefix(latin, len(language.FIRST_TIER))
    assert cut.langlist == first.langlist
    # (langdetect looks up n-grams of one to three characters only)
    own = {word: row for word, row in first.word_lang_prob_map.items() if 1 <= len(word) <= 3}
    assert cut.word_lang_prob_map == own
    # the cut rows are keyed by the Latin tier's strings, not strings of their own
    keys = {id(word) for word in latin.word_lang_prob_map}
    assert all(id(word) in keys for word in cut.word_lang_prob_map)
    stock = _stock_first()
    for text in TEXTS:
        assert _probabilities(cut, text) == _probabilities(stock, text), text


def test_loading_the_latin_tier_lets_the_first_tiers_own_rows_go(monkeypatch: pytest.MonkeyPatch) -> None:
    import weakref

    monkeypatch.setattr(language, "_tiers", {})
    monkeypatch.setattr(language, "_warmed", set())
    first = weakref.ref(language._factory(language.FIRST_TIER))
    assert isinstance(first(), language._Profiles)
    latin = language._factory(language.LATIN_TIER)
    # the first tier's own rows are gone: it is read from the Latin tier's
    assert first() is None
    cut = language._factory(language.FIRST_TIER)
    assert isinstance(cut, language._Prefix) and cut.langlist == latin.langlist[: len(language.FIRST_TIER)]
    assert language._factory(language.LATIN_TIER) is latin
    # loaded the other way round, the first tier is read from the Latin tier's rows at once
    monkeypatch.setattr(language, "_tiers", {})
    latin = language._factory(language.LATIN_TIER)
    assert isinstance(language._factory(language.FIRST_TIER), language._Prefix)
    assert language.detect(TEXTS[3]) == ("de", language._langdetect(TEXTS[3], language.FIRST_TIER)[1])


def test_tiers_warmed_before_a_fork_keep_their_own_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_tiers", {})
    monkeypatch.setattr(language, "_warmed", set())
    language.warm()
    first = language._factory(language.FIRST_TIER)
    language._factory(language.LATIN_TIER)  # later, lazily: the shared first tier stays
    assert language._factory(language.FIRST_TIER) is first and isinstance(first, language._Profiles)
    monkeypatch.setattr(language, "_tiers", {})
    language.warm(second_tier=True)
    assert all(isinstance(language._factory(t), language._Profiles) for t in (language.FIRST_TIER, language.LATIN_TIER))


def test_detection_reads_its_kept_profiles_without_loading_openssl(tmp_path: Path) -> None:
    # hashlib loads OpenSSL: 3.6 MB of a 5 MB draft's peak memory, for an entry's name
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from newslint import language\n"
        "for _ in range(2):\n"  # the first run packs and keeps the tier, the second reads it back
        "    language._tiers.clear()\n"
        "    language._langdetect('Der Stadtrat hat am Dienstag den Haushalt beschlossen.', language.FIRST_TIER)\n"
        "print(sorted(m for m in sys.modules if 'hashlib' in m))\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"
    assert list((tmp_path / "profiles").iterdir())  # the tier was kept, under its name

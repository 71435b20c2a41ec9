"""Language detection: langdetect, seeded, loaded lazily and once per process.

langdetect's 55 profiles take about a quarter of a second to load, more than a
pre-commit run can spare, so detection is layered, cheapest first:

1. a script that names its language (Hangul, kana, Burmese...) decides alone;
2. a long Latin text whose function words leave no doubt is
   named from them without loading langdetect at all;
3. langdetect with a small first tier of profiles (the pack languages and
   their nearest confusers), or only the profiles of the text's script;
4. the second tier, every Latin profile, when the first tier's answer is
   implausible: langdetect normalises probabilities over the profiles loaded,
   so a Czech text comes back as Portuguese at 0.9 from the first tier, and an
   answer is only trusted when the text really uses that language's function
   words.

langdetect has no Malay profile (Malay comes back as Indonesian or Tagalog), so
Indonesian and Malay are told apart afterwards by the words where the two
standards differ.

The words themselves are data: each language's ``lexicon.yaml`` in the packs
(see ``newslint.lexicon``). This module holds only how they are used.
"""

from __future__ import annotations

import functools
import operator
import re
import struct
import threading
import unicodedata
from collections import Counter
from typing import Any

from newslint import regexcache
from newslint.words import WordWork

# The languages newslint has packs for, and the nearest ones langdetect confuses
# them with. Every other Latin-script language fails the stopword check and goes
# to the second tier; keeping this tier small keeps a single-file run fast.
FIRST_TIER = ("en", "id", "tl", "de", "fr", "es", "pt", "it", "nl")
MALAY_FAMILY = frozenset({"id", "ms", "tl"})
_lock = threading.Lock()
MAX_VOTE = 3.0
_WORD = regexcache.compile(r"\w+")
_THREE_WORDS = regexcache.compile(r"\w+\W+\w+\W+\w")

# Scripts that name their language: Hangul is Korean, kana is Japanese; and
# languages langdetect has no profile for (Burmese, Khmer, Georgian...).
SCRIPT_LANGUAGES = {
    "HANGUL": "ko",
    "KANA": "ja",
    "THAI": "th",
    "HEBREW": "he",
    "GREEK": "el",
    "BENGALI": "bn",
    "GUJARATI": "gu",
    "GURMUKHI": "pa",
    "TAMIL": "ta",
    "TELUGU": "te",
    "KANNADA": "kn",
    "MALAYALAM": "ml",
    "MYANMAR": "my",
    "KHMER": "km",
    "LAO": "lo",
    "SINHALA": "si",
    "GEORGIAN": "ka",
    "ARMENIAN": "hy",
    "ETHIOPIC": "am",
    "TIBETAN": "bo",
    "THAANA": "dv",
}
# Scripts shared by several languages: only their profiles are loaded.
SCRIPT_TIERS = {
    "CJK": ("zh-cn", "zh-tw", "ja"),
    "CYRILLIC": ("ru", "uk", "bg", "mk"),
    "ARABIC": ("ar", "fa", "ur"),
    "DEVANAGARI": ("hi", "mr", "ne"),
}
# Every Latin-script profile: the second tier, for Latin text the first tier cannot place.
LATIN_TIER = FIRST_TIER + (
    "ca",
    "ro",
    "sv",
    "da",
    "no",
    "af",
    "cs",
    "cy",
    "et",
    "fi",
    "hr",
    "hu",
    "lt",
    "lv",
    "pl",
    "sk",
    "sl",
    "so",
    "sq",
    "sw",
    "tr",
    "vi",
)
ALL_TIER = LATIN_TIER + tuple(code for codes in SCRIPT_TIERS.values() for code in codes)
_KANA = ("HIRAGANA", "KATAKANA")
_KANA_LETTER = re.compile(r"[\u3041-\u30ff]")
# A Han character, a kana or a Hangul syllable carries about as much as a short
# Latin word: weighed so, one English paragraph does not outvote a Chinese story.
_DENSE = {"CJK": 3, "KANA": 3, "HANGUL": 3}
# langdetect's names for languages whose script variants newsrooms file under one code.
_CANONICAL = {"zh-cn": "zh", "zh-tw": "zh"}
# A text of this many lower-case words in a pack language is named from its
# function words alone when they clearly dominate (see _by_function_words).
QUICK_MIN_WORDS = 120
QUICK_LANGUAGES = frozenset({"en", "id", "de", "fr", "es", "pt"})
QUICK_PROBABILITY = 0.99
LANGDETECT_CHARS = 1000
SAMPLE_CHARS = 5000  # detection reads a text's first characters only
MIN_STOPWORD_RATIO = 0.12  # Indonesian prose runs as low as 0.15; a misplaced answer under 0.1
# A paragraph of this many lower-case words votes for its language when a document's
# language is checked against its own paragraphs (see _own_paragraphs).
VOTE_MIN_WORDS = 8
VOTE_LANGUAGES = QUICK_LANGUAGES | {"ms"}
# Languages written in another script than Latin (langdetect's codes and ours).
NON_LATIN = frozenset(
    {"zh", "ar", "bg", "fa", "hi", "mk", "mr", "ne", "ru", "uk", "ur"} | set(SCRIPT_LANGUAGES.values())
)


# Letters outside the Latin blocks: when a text has none, it is Latin without a
# character-by-character look at Unicode names (the common case, and a hot path).
# (The standard library's engine scans a plain class like this several times faster.)
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")


def script_of(text: str) -> str:
    """'latin' when most letters are Latin, else the main script's Unicode name ('CJK', 'KANA')."""
    if _NON_LATIN_LETTER.search(text, 0, 2000) is None:
        return "latin"
    counts: Counter[str] = Counter()
    for name, n in Counter(map(_script_of_letter, filter(str.isalpha, text[:2000]))).items():
        counts[name] += n * _DENSE.get(name, 1)
    if not counts:
        return "latin"
    if counts["KANA"] * 10 >= sum(counts.values()):
        return "KANA"  # Japanese mixes kanji with kana; Chinese has no kana
    script, _ = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "LATIN"))
    return "latin" if script == "LATIN" else script


@functools.lru_cache(maxsize=4096)
def _script_of_letter(ch: str) -> str:
    name = "LATIN" if ord(ch) < 0x250 else unicodedata.name(ch, "LATIN").split(" ")[0]
    return "KANA" if name in _KANA else name


def malay_or_indonesian(text: str, margin: float = 2.0, work: WordWork | None = None) -> str | None:
    """'ms' or 'id' from the words where the standards differ; None without clear evidence.

    Each paragraph (blocks are separated by blank lines) votes with at most
    ``MAX_VOTE``, so that one pasted paragraph full of the other standard's
    words cannot outvote the rest of the article.
    """
    work = work or WordWork()
    score = sum(max(-MAX_VOTE, min(MAX_VOTE, work.malay_score(p))) for p in text.split("\n\n"))
    if abs(score) < margin:
        return None
    return "ms" if score > 0 else "id"


# The tiers of profiles this process has loaded. A tier whose languages open a longer
# tier that has loaded too is read from that tier's rows (``_Prefix``): loading the Latin
# tier lets the first tier's own rows go, the same numbers again, and the Latin tier's
# take their memory (a 5 MB English draft's two paragraphs of SQL ask both tiers, late in
# its lint, at its peak); the rows cut to the first tier share the Latin tier's strings.
# The tiers ``warm`` loads before a fork keep their own rows: the workers share them, and
# letting them go in a worker would copy the pages it frees.
_tiers: dict[tuple[str, ...], Any] = {}
_warmed: set[tuple[str, ...]] = set()


def _factory(tier: tuple[str, ...]) -> Any:
    """A seeded langdetect factory holding only the profiles of ``tier``, packed
    (``_Profiles``), or read from a longer loaded tier that starts with them (``_Prefix``).
    (Called under ``_lock``.)"""
    found = _tiers.get(tier)
    if found is not None:
        return found
    for longer, profiles in _tiers.items():
        if isinstance(profiles, _Profiles) and len(longer) > len(tier) and longer[: len(tier)] == tier:
            found = _tiers[tier] = _Prefix(profiles, len(tier))
            return found
    shorter = [t for t in _tiers if len(t) < len(tier) and tier[: len(t)] == t and t not in _warmed]
    for t in shorter:
        del _tiers[t]  # let go before this tier loads, which reuses their memory (cut from it when asked again)
    profiles = _tiers[tier] = _Profiles(tier)
    return profiles


class _Profiles:
    """langdetect's profiles of one tier, in the shape its Detector reads them, but sparse.

    langdetect keeps, for every n-gram of every profile, a list with one probability per
    language of the tier, mostly zeros: the 31 Latin profiles took 12 MB that way, more
    than a 5 MB draft's lint may add. Here each n-gram keeps only the languages it has
    a probability in, packed in one bytes object as (language index, probability)
    pairs; ``_SparseDetector`` applies them exactly as langdetect applies its lists (a
    language without the n-gram gets ``weight + 0.0``, which is ``weight``)."""

    def __init__(self, tier: tuple[str, ...]) -> None:
        self.seed = 0
        path = _packed_path(tier)
        kept = _read_packed(path, tier) if path is not None else None
        if kept is not None:
            self.langlist, self.word_lang_prob_map = kept
            return
        self.langlist = []
        self.word_lang_prob_map = {}
        self._pack(tier)
        if path is not None:
            _write_packed(path, tier, self.langlist, self.word_lang_prob_map)

    def _pack(self, tier: tuple[str, ...]) -> None:
        import json
        import os

        from langdetect import detector_factory

        rows = self.word_lang_prob_map
        for index, code in enumerate(tier):
            with open(os.path.join(detector_factory.PROFILES_DIRECTORY, code), encoding="utf-8") as f:
                profile = json.load(f)
            self.langlist.append(profile["name"])
            n_words = profile["n_words"]
            for word, freq in profile["freq"].items():
                # (langdetect's add_profile: n-grams of one to three characters only)
                pair = _PAIR.pack(index, 1.0 * freq / n_words[len(word) - 1]) if 1 <= len(word) <= 3 else b""
                rows[word] = rows.get(word, b"") + pair

    def create(self) -> Any:
        return _detector_class()(self)


_PAIR = struct.Struct("<Bd")


class _Prefix:
    """The tier of the first ``size`` languages of a loaded tier, from its rows.

    The languages keep their indices, and each row lists its languages in the tier's
    order, so a row's pairs for these languages are its first ones: cut to them, the
    rows are exactly this tier's own (an n-gram none of these languages has is not one
    of its n-grams). They are held in a dict of their own, keyed by the longer tier's
    strings (langdetect looks every n-gram of a text up in it: a mapping that cut the
    rows at each look-up made a call 0.6 ms slower). langdetect only looks up n-grams
    of one to three characters, the rows that hold pairs."""

    def __init__(self, profiles: _Profiles, size: int) -> None:
        self.seed = 0
        self.langlist = profiles.langlist[:size]
        self.word_lang_prob_map = _cut_rows(profiles.word_lang_prob_map, size)

    def create(self) -> Any:
        return _detector_class()(self)


def _cut_rows(rows: dict[str, bytes], size: int) -> dict[str, bytes]:
    """The rows that hold pairs for the first ``size`` languages, cut to those pairs (a
    pair opens with its language's index; a row whose pairs are all theirs is shared)."""
    cut: dict[str, bytes] = {}
    step = _PAIR.size
    for word, row in rows.items():
        if row and row[0] < size:
            end = step
            while end < len(row) and row[end] < size:
                end += step
            cut[word] = row if end == len(row) else row[:end]
    return cut


# The packed profiles of a tier are kept in the user cache folder (see ``newslint.rulecache``):
# reading them back takes a tenth of the time of parsing langdetect's JSON profiles and
# packing them again (0.15 s for the Latin tier). An entry is keyed on the tier, the profile
# files (path, size and modification time) and the Python version (marshal's format); one
# that does not match, or cannot be read, is rebuilt from the profiles.
PACKED_FORMAT = 1


def _packed_path(tier: tuple[str, ...]) -> str | None:
    import os
    import sys

    from newslint.rulecache import cache_dir, digest

    folder = cache_dir()
    if folder is None:
        return None
    from langdetect import detector_factory

    # the profiles' folder is in the name: installs that share the cache folder keep an entry each
    # (a checksum, not hashlib's: loading OpenSSL took 3.6 MB, the largest part of what the
    # first langdetect call of a run added to its peak memory; an entry is checked on reading)
    where = os.path.abspath(detector_factory.PROFILES_DIRECTORY)
    name = digest("\0".join((where, *tier)).encode())
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return os.path.join(folder, "profiles", f"{name}-{version}-{PACKED_FORMAT}.marshal")


def _profile_stamps(tier: tuple[str, ...]) -> tuple[tuple[str, int, int], ...] | None:
    """Each profile file of the tier: its path, size and modification time (None if one
    cannot be read: the profiles are then parsed, and fail as they would have)."""
    import os

    from langdetect import detector_factory

    stamps = []
    for code in tier:
        path = os.path.join(detector_factory.PROFILES_DIRECTORY, code)
        try:
            stat = os.stat(path)
        except OSError:
            return None
        stamps.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def _read_packed(path: str, tier: tuple[str, ...]) -> tuple[list[str], dict[str, bytes]] | None:
    import marshal

    stamps = _profile_stamps(tier)
    if stamps is None:
        return None
    try:
        with open(path, "rb") as f:
            entry = marshal.load(f)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 4 and entry[:2] == (PACKED_FORMAT, tier)):
        return None
    kept_stamps, (langlist, rows) = entry[2], entry[3]
    if kept_stamps != stamps or not isinstance(langlist, list) or not isinstance(rows, dict):
        return None
    if len(langlist) != len(tier) or not all(isinstance(name, str) for name in langlist):
        return None
    return langlist, rows


def _write_packed(path: str, tier: tuple[str, ...], langlist: list[str], rows: dict[str, bytes]) -> None:
    import marshal
    from pathlib import Path

    from newslint.rulecache import write_atomic

    stamps = _profile_stamps(tier)
    if stamps is not None:
        write_atomic(Path(path), marshal.dumps((PACKED_FORMAT, tier, stamps, (langlist, rows))))


@functools.cache
def _detector_class() -> Any:
    """langdetect's Detector, reading the sparse rows of ``_Profiles``."""
    from langdetect.detector import Detector

    class _SparseDetector(Detector):
        def _detect_block(self) -> None:
            """langdetect's trials, with the same random draws and the same arithmetic, but
            each n-gram's factors worked out once per trial (the weight is the trial's): a
            trial draws up to a thousand n-grams from a few hundred."""
            from langdetect.lang_detect_exception import ErrorCode, LangDetectException

            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            size = len(self.langlist)
            self.langprob = [0.0] * size
            rows = self.word_lang_prob_map
            # each n-gram drawn by its place in ``ngrams``, and known by its number among the
            # distinct ones: ``random.choice(ngrams)`` is ``ngrams[random._randbelow(len(ngrams))]``,
            # the same draws without a call of ``choice`` each
            number: dict[str, int] = {}
            numbers = [number.setdefault(word, len(number)) for word in ngrams]
            pairs = [tuple(_PAIR.iter_unpack(rows[word])) for word in number]
            below, count = self.random._randbelow, len(ngrams)
            self.random.seed(self.seed)
            for _ in range(self.n_trial):
                prob = self._init_probability()
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ  # (as _update_lang_prob works it out)
                factors_of: list[list[float] | None] = [None] * len(pairs)
                i = 0
                while True:
                    n = numbers[below(count)]
                    factors = factors_of[n]
                    if factors is None:
                        factors = factors_of[n] = [weight] * size
                        for index, p in pairs[n]:
                            factors[index] = weight + p
                    prob[:] = map(operator.mul, prob, factors)
                    if i % 5 == 0 and (_normalized(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT):
                        break
                    i += 1
                for j in range(size):
                    self.langprob[j] += prob[j] / self.n_trial

        def _update_lang_prob(self, prob: list[float], word: str | None, alpha: float) -> bool:
            row = self.word_lang_prob_map.get(word) if word is not None else None
            if row is None:
                return False
            weight = alpha / self.BASE_FREQ
            factors = [weight] * len(prob)
            for index, p in _PAIR.iter_unpack(row):
                factors[index] = weight + p
            prob[:] = map(operator.mul, prob, factors)  # prob[i] *= factors[i], in one pass
            return True

    return _SparseDetector


def _normalized(prob: list[float]) -> float:
    """langdetect's ``_normalize_prob``: each probability divided by their sum, in place;
    the largest (probabilities are never negative: the largest is langdetect's maximum)."""
    total = sum(prob)
    prob[:] = [p / total for p in prob]
    return max(prob)


def warm(second_tier: bool = False) -> None:
    """Load the first tier of profiles now (before worker processes fork, say), and the
    second tier too when ``second_tier``, each with rows of its own (see ``_tiers``)."""
    with _lock:
        for tier in (FIRST_TIER, LATIN_TIER) if second_tier else (FIRST_TIER,):
            if not isinstance(_tiers.get(tier), _Profiles):
                _tiers[tier] = _Profiles(tier)
            _warmed.add(tier)


def let_go() -> None:
    """Let go of the tiers of profiles loaded since start-up, not those ``warm`` loaded (a
    long draft's lint calls this once its language checks are done: asked again, a tier
    loads again, 40 ms for the Latin tier, from the packed copy kept in the cache folder)."""
    with _lock:
        for tier in [t for t in _tiers if t not in _warmed]:
            del _tiers[tier]


def _langdetect(text: str, tier: tuple[str, ...]) -> tuple[str, float]:
    with _lock:  # a langdetect Detector is not thread-safe while it is being built
        detector = _factory(tier).create()
        # langdetect's cost grows with the text; 1,000 characters decide a language as well.
        detector.set_max_text_length(LANGDETECT_CHARS)
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except Exception:  # langdetect raises on text without features
            return "und", 0.0
    return _CANONICAL.get(str(best.lang), str(best.lang)), float(best.prob)


def _plausible(lang: str, words: int, ratios: dict[str, float]) -> bool:
    """Does the text (``words`` lower-case words) use ``lang``'s function words as much as any
    other profiled language's?"""
    if lang not in ratios or words < 8:
        return True  # nothing to check against, or too little text to judge
    own = max(ratios[lang], ratios.get("ms", 0.0) if lang in MALAY_FAMILY else 0.0)
    return own >= MIN_STOPWORD_RATIO and own >= 0.75 * max(ratios.values())


def _refine_malay(text: str, lang: str, ratios: dict[str, float], work: WordWork) -> str:
    """Tagalog, Indonesian or Malay: langdetect's answer among the three is unreliable."""
    if ratios.get("tl", 0.0) > max(ratios.get("id", 0.0), ratios.get("ms", 0.0)):
        return "tl"
    return malay_or_indonesian(text, work=work) or ("id" if lang == "tl" else lang)


def detect(text: str, work: WordWork | None = None) -> tuple[str, float]:
    """Best language code and its probability; ``('und', 0.0)`` when unsure.

    ``work`` holds the lexicon and the document's word work (see ``WordWork``).
    """
    sample = text[:SAMPLE_CHARS]
    if _THREE_WORDS.search(sample) is None and len(_WORD.findall(sample)) < 3:
        return "und", 0.0
    script = script_of(sample)
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script], 1.0
    if script == "CJK" and _KANA_LETTER.search(sample) is None:
        return "zh", 1.0  # Han characters without a single kana: Japanese always mixes them in
    if script != "latin":
        return _langdetect(sample, SCRIPT_TIERS.get(script, ALL_TIER))
    work = work or WordWork()
    lang, prob = _detect_latin(sample, work)
    own = _own_paragraphs(sample, lang, work)
    if own is not None:
        return _detect_latin(own, work)
    return lang, prob


def _detect_latin(sample: str, work: WordWork) -> tuple[str, float]:
    found = work.words(sample)
    words, ratios = found.lower, found.ratios()
    quick = _by_function_words(words, ratios)
    if quick is None and not any(_plausible(code, words, ratios) for code in FIRST_TIER):
        # no answer of the first tier would be trusted: the second is asked at once, as it
        # would be after the first (a short English paragraph in an Indonesian story)
        lang, prob = _langdetect(sample, LATIN_TIER)
    else:
        lang, prob = quick or _langdetect(sample, FIRST_TIER)
        if prob < 0.8 or not _plausible(lang, words, ratios):
            lang, prob = _langdetect(sample, LATIN_TIER)
    if lang in MALAY_FAMILY:
        lang = _refine_malay(sample, lang, ratios, work)
    return lang, prob


def _paragraph_language(text: str, work: WordWork) -> str | None:
    """The pack language a paragraph's function words clearly name ('id' for the Malay
    family), or None (too short, or no clear winner). Only the pack languages compete:
    Catalan shares so many of Spanish's function words that neither would be clear."""
    found = work.words(text)
    if found.lower < VOTE_MIN_WORDS:
        return None
    ratios = {code: r for code, r in found.ratios().items() if code in VOTE_LANGUAGES}
    ratios["id"] = max(ratios.pop("id", 0.0), ratios.pop("ms", 0.0))
    best = max(ratios, key=ratios.__getitem__)
    runner_up = max((r for code, r in ratios.items() if code != best), default=0.0)
    if ratios[best] < MIN_STOPWORD_RATIO or ratios[best] < 1.5 * runner_up:
        return None
    return best


def _own_paragraphs(sample: str, lang: str, work: WordWork) -> str | None:
    """The paragraphs in the article's own language, when the whole text was named after
    fewer of its paragraphs than another language has.

    A draft's language comes from all its text, so one long pasted paragraph (an
    agency's story in Portuguese inside a short Malay one) can outweigh the article's
    own shorter paragraphs. Here each paragraph whose function words clearly name a
    language votes once, whatever its length: when another language has more votes
    than the one detected (or as many, and the first vote), the text of that language's
    paragraphs is detected again on its own. None when the vote agrees, or when no
    paragraph votes for the language detected (its text is then lines too short to vote).
    """
    if "\n\n" not in sample:
        return None
    family = "id" if lang in MALAY_FAMILY or lang == "ms" else lang
    votes: dict[str, list[str]] = {}
    for paragraph in sample.split("\n\n"):
        named = _paragraph_language(paragraph, work)
        if named is not None:
            votes.setdefault(named, []).append(paragraph)
    if family not in votes:
        return None  # the text's own language has no paragraph to outvote (a list, a table)
    first = next(iter(votes))  # (a dict keeps the order its keys came in)
    best = max(votes, key=lambda code: (len(votes[code]), code == first))
    if best == family:
        return None
    return "\n\n".join(votes[best])


def _by_function_words(words: int, ratios: dict[str, float]) -> tuple[str, float] | None:
    """A long text whose function words leave no doubt, named without loading langdetect.

    Only for the pack languages: their unlisted relatives (Galician, Luxembourgish,
    Javanese) have no langdetect profile either. Dutch is left out because
    Afrikaans, which langdetect knows, shares its function words.
    """
    if words < QUICK_MIN_WORDS:
        return None
    ratios = dict(ratios)
    ratios["id"] = max(ratios.pop("id", 0.0), ratios.pop("ms", 0.0))  # one family here; refined later
    best = max(ratios, key=ratios.__getitem__)
    runner_up = max((r for lang, r in ratios.items() if lang != best), default=0.0)
    if best in QUICK_LANGUAGES and ratios[best] >= 0.2 and ratios[best] >= 2 * runner_up:
        return best, QUICK_PROBABILITY
    return None

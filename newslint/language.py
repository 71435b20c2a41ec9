"""Language detection: langdetect, seeded, loaded lazily and once per process.

langdetect's 55 profiles take about a quarter of a second to load, more than a
pre-commit run can spare, so detection is layered, cheapest first:

1. a script that names its language (Hangul, kana, Burmese...) decides alone;
2. a long Latin text whose function words (``STOPWORDS``) leave no doubt is
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
standards differ (``MALAY_WEIGHTS``).
"""

from __future__ import annotations

import contextlib
import functools
import operator
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import regex

# The languages newslint has packs for, and the nearest ones langdetect confuses
# them with. Every other Latin-script language fails the stopword check and goes
# to the second tier; keeping this tier small keeps a single-file run fast.
FIRST_TIER = ("en", "id", "tl", "de", "fr", "es", "pt", "it", "nl")
MALAY_FAMILY = frozenset({"id", "ms", "tl"})
_lock = threading.Lock()
_T = TypeVar("_T")
_WORD = regex.compile(r"\w+")
# Runs of letters. The standard library's engine finds them faster than regex's
# \p{L}+; its class also takes number characters such as "½", left out here.
_LETTER_RUN = re.compile(r"[^\W\d_\u00B2\u00B3\u00B9\u00BC-\u00BE\u2150-\u218F]+")
_THREE_WORDS = regex.compile(r"\w+\W+\w+\W+\w")

# Function words per language: the words any paragraph of real prose in the
# language is made of, whatever its topic. Used to check that a text really is
# in the language langdetect names, and to find paragraphs that are not.
STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "en": """the of and to a in is it that was for on are with as he she they be at by this
        have from or had not but what all were we when your can said there an which their
        if has will would who been more its about up out them than so into could her his
        him also some these did other no only over new after our most then many may any
        where how just those such through because while before between both being each
        during under since against without again until within whose very should does""",
    "id": """yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau
        oleh karena bahwa sudah telah ada bisa dapat tersebut kata para sebagai namun
        tetapi hingga sampai lebih menjadi seperti jika kalau agar supaya masih belum hanya
        saja pun lagi kami kita mereka dia ia saya anda tak bukan setelah sebelum sejak
        serta maupun antara terhadap kepada tentang bagi yaitu yakni bila ketika sedang
        harus sangat lalu kemudian pula begitu secara sehingga melalui menurut sebuah
        seorang semua setiap banyak beberapa sekitar saat nya""",
    "ms": """yang dan di ke dari ini itu dengan untuk pada ialah adalah dalam tidak akan juga
        atau oleh kerana bahawa sudah telah ada boleh dapat tersebut kata para sebagai
        namun tetapi hingga sehingga lebih menjadi seperti jika kalau agar supaya masih
        belum hanya sahaja pun lagi kami kita mereka dia ia beliau saya anda tak bukan
        selepas sebelum sejak serta mahupun antara terhadap kepada mengenai bagi iaitu
        apabila ketika sedang perlu amat lalu kemudian pula begitu secara melalui menerusi
        menurut sebuah seorang semua setiap banyak beberapa daripada manakala turut nya""",
    "tl": """ang ng mga sa na at ay si ni kay nang para hindi ito iyon iyan niya nila kanyang
        kanilang din rin po ko mo ka siya sila kami tayo namin natin may mayroon wala kung
        pero dahil upang noong ngayon lamang lang ba pa naman ating aming kaniya dito doon""",
    "de": """der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als
        auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem
        über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei
        ihr ihre seine seiner seinen wenn ich wir was schon kann können muss soll diese
        dieser dieses keine kein unter gegen sowie wieder also""",
    "fr": """le la les de des du un une et en à au aux est que qui dans pour pas sur par plus
        ne se ce cette il elle ils elles nous vous on son sa ses leur leurs avec mais ou où
        comme été être avait ont sont fait tout tous aussi entre après avant sans sous d l
        qu n s c j y lui même dont cet ces""",
    "es": """el la los las de del y en a que un una es por con para no se su sus al lo como
        más pero ya o fue ha han este esta estos estas sobre entre sin también muy cuando
        desde hasta donde porque le les era son está están ser hay todo todos otro otros
        durante tras según""",
    "pt": """o a os as de do da dos das e em no na nos nas um uma que é por com para não se
        seu sua seus suas ao aos à às como mais mas foi ser são está estão pelo pela pelos
        pelas também muito quando desde até onde porque ele ela eles elas isso este esta
        esse essa já ou entre sem sobre há tem""",
    "it": """il lo la i gli le di del della dei delle e è in a da con per non che un una uno si
        su sono al alla ai come più ma anche o ha hanno questo questa quello quella nel
        nella tra fra dopo prima se essere stato stata era sua suo suoi loro degli dal""",
    "nl": """de het een en van in is dat op te zijn met voor niet aan er om ook als bij door
        maar naar dan wordt werd was hij zij ze wij we hun heeft hebben nog uit tot over of
        al zo wel geen meer deze dit die kan""",
    "ca": """el la els les de del i a en que un una és per amb no es al com més però o va van
        seu seva seus aquest aquesta també molt quan des fins on perquè hi ha són està
        entre sense sobre pel dels""",
    "ro": """și în de la cu pe a al ale un o este sunt că nu se ca pentru care mai din dar sau
        fost fi după prin acest această lui ei lor său sale foarte fără între despre până
        când unde""",
    "sv": """och i att det som en på är av för med till den inte har de om ett var men sig så
        från vid han hon vi ni kan ska skulle efter också eller när nu bara mot under hade
        sina sin sitt där då dem mycket utan""",
    "da": """og i at det som en på er af for med til den ikke har de om et var men sig så fra
        ved han hun vi kan skal skulle efter også eller når nu kun mod under havde sine sin
        sit der da dem meget uden blev""",
    "no": """og i at det som en på er av for med til den ikke har de om et var men seg så fra
        ved han hun vi kan skal skulle etter også eller når nå bare mot under hadde sine
        sin sitt der da dem mye uten ble""",
}.items()}

def _weighted(words: str, weight: float) -> dict[str, float]:
    return dict.fromkeys(words.split(), weight)


# Words where Malaysian Malay and Indonesian differ: spelling doublets
# (kerana/karena, isteri/istri), vocabulary (polis/polisi, pejabat/kantor),
# month and weekday names (Ogos/Agustus, Khamis/Kamis) and each side's
# colloquial particles. Positive weights speak for Malay, negative for
# Indonesian; 2 for words the other standard (almost) never uses, 1 for
# strong preferences. Words both use in news copy (negeri, mahkamah, sehingga,
# tidak, jabatan, which means "post" in Indonesian) are deliberately absent.
_MS_WORDS = {**_weighted("""bahawa kerana iaitu selepas kenderaan isteri rasmi fikir berfikir
    fikiran faham kes peratus bilion trilion wang polis telefon televisyen universiti aktiviti
    kualiti komuniti kapasiti identiti fasiliti majoriti integriti prioriti pelbagai mahupun
    manakala sahaja kakitangan pesakit doktor ubat ubatan hospital sukan kempen
    pertubuhan pelancongan pelancong perubatan memaklumkan dimaklumkan maklumat sebarang
    baharu mendapati didapati terbabit membabitkan menerusi berbanding dijangka
    menjangkakan dianggarkan tempoh cabaran siasatan menyiasat penyiasatan tertuduh peguam
    mangsa kemalangan motosikal lori jurucakap akhbar majlis kanak jawatankuasa setiausaha
    pengarah syarikat pensyarah peperiksaan mahu elektrik bekalan pelaburan pelabur
    perniagaan peniaga usahawan bisnes kilang percuma insurans bajet projek zon filem muzik
    fizikal saiz teksi basikal lebuhraya keretapi jiran belia justeru sempena bersempena
    antarabangsa tempatan kejohanan pingat jurulatih isnin khamis jumaat julai ogos disember
    didedahkan mendedahkan serantau lapan sifar minit bahagian sebahagian tempahan menempah mesyuarat
    pindaan rang mengundi pengundi undi kerusi parlimen pengerusi timbalan penganalisis
    tentera askar perisikan jenayah penjenayah dadah rogol samun rasuah reman pendakwaan
    pendakwa seksyen sesyen penguatkuasaan kastam imigresen inggeris perancis sepanyol
    itali jepun eropah bumiputera pelarian jangkitan dijangkiti wabak rawatan jururawat
    kesihatan sihat kewangan eksport talian emel rangkaian peranti biasiswa pengangkutan
    mengikut berikutan susulan ekoran setakat seramai pentadbiran perkhidmatan
    mencadangkan berjaya kelab solat aidilfitri aidiladha""", 2.0),
    **_weighted("""kerajaan beliau ialah mempunyai semalam apabila berkata kenyataan semasa
    sekiranya encik puan datuk dato pasukan jualan pemandu kereta bas lelaki bapa mac jun
    naib bekas penyelidik petang hutang kos perbelanjaan kadar macam memberitahu menambah
    mendakwa cadangan saingan perlawanan surau kesatuan warganegara laman dakwanya
    tambahnya ringgit bhd""", 1.0)}
_ID_WORDS = {**_weighted("""bahwa karena yaitu kendaraan istri resmi pikir berpikir pikiran
    paham kasus persen miliar triliun uang telepon televisi universitas aktivitas kualitas
    komunitas kapasitas identitas fasilitas mayoritas integritas prioritas maupun pasien
    dokter obat kemarin besok kantor mobil sepeda karyawan perusahaan nggak enggak gak
    banget aja udah gimana bikin kayak sih kok dong deh lho loh yuk nih tuh provinsi
    kabupaten kecamatan kelurahan pengadilan dinas pariwisata wisatawan kampanye
    pengemudi sopir truk koran majelis bapak direktur perseroan dosen mau listrik pasokan
    investasi bisnis pabrik gratis pajak asuransi proyek zona musik fisik taksi bandara
    tetangga justru internasional kejuaraan medali senin kamis jumat maret juni juli agustus
    desember pebruari nopember diperkirakan memperkirakan penyidik penyidikan terdakwa
    kecelakaan tantangan delapan konferensi wib nol menit sore kebijakan bagian amandemen
    kursi parlemen mantan tentara intelijen pidana narkoba narkotika pemerkosaan perampokan
    korupsi jaksa kejaksaan bea imigrasi serikat perserikatan inggris prancis spanyol
    italia jepang tiongkok eropa selandia pengungsi terinfeksi wabah perawat sebagian
    kesehatan sehat keuangan utang biaya ekspor impor jaringan perangkat beasiswa
    transportasi administrasi pelayanan layanan usulan berhasil klub salat shalat musala
    musholla idulfitri iduladha ustadz imbuhnya pungkasnya bebernya membeberkan""", 2.0),
    **_weighted("""memiliki mengatakan pemerintah bisa harus saat sejumlah terkait hal
    pria berbagai saja terjadi pernyataan tim pelatih lokal setempat yakni pemesanan rapat
    analis peneliti penelitian infeksi tabungan uni ternyata tuturnya ramadhan rupiah""", 1.0)}
MALAY_WEIGHTS: dict[str, float] = {**{w: -v for w, v in _ID_WORDS.items()}, **_MS_WORDS}
# Two-word terms whose parts alone say nothing ("rumah sakit" = hospital), and
# Indonesian attributions with "dia" where Malay copy writes "katanya"/"beliau".
MALAY_BIGRAMS: dict[tuple[str, str], float] = {
    ("rumah", "sakit"): -2.0, ("juru", "bicara"): -2.0, ("sepeda", "motor"): -2.0,
    ("sepak", "bola"): -2.0, ("kata", "dia"): -2.0, ("ujar", "dia"): -2.0, ("jelas", "dia"): -2.0,
    ("orang", "ramai"): 2.0, ("pilihan", "raya"): 2.0, ("dalam", "talian"): 2.0,
    ("warga", "emas"): 2.0, ("lapangan", "terbang"): 2.0, ("kapal", "terbang"): 2.0,
    ("bola", "sepak"): 2.0, ("tahun", "lepas"): 2.0, ("minggu", "lepas"): 2.0,
    ("bulan", "lepas"): 2.0, ("luar", "negara"): 1.0,
}
_CLITICS = ("nya", "lah", "kah", "pun")
MAX_VOTE = 3.0
# Every weighted word also with a clitic ("bagiannya", "kerajaanlah"); the bare word wins.
_WEIGHTS_WITH_CLITICS: dict[str, float] = {
    **{word + clitic: weight for word, weight in MALAY_WEIGHTS.items() for clitic in _CLITICS},
    **MALAY_WEIGHTS,
}
_WEIGHTED_WORDS = frozenset(_WEIGHTS_WITH_CLITICS)
_BIGRAM_STARTS = frozenset(first for first, _ in MALAY_BIGRAMS)
# Indonesian copy dates events as "Rabu (12/3/2025)"; Malaysian copy does not.
_ID_PAREN_DATE = regex.compile(r"\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)")

# Scripts that name their language: Hangul is Korean, kana is Japanese; and
# languages langdetect has no profile for (Burmese, Khmer, Georgian...).
SCRIPT_LANGUAGES = {"HANGUL": "ko", "KANA": "ja", "THAI": "th", "HEBREW": "he", "GREEK": "el",
                    "BENGALI": "bn", "GUJARATI": "gu", "GURMUKHI": "pa", "TAMIL": "ta",
                    "TELUGU": "te", "KANNADA": "kn", "MALAYALAM": "ml", "MYANMAR": "my",
                    "KHMER": "km", "LAO": "lo", "SINHALA": "si", "GEORGIAN": "ka",
                    "ARMENIAN": "hy", "ETHIOPIC": "am", "TIBETAN": "bo", "THAANA": "dv"}
# Scripts shared by several languages: only their profiles are loaded.
SCRIPT_TIERS = {"CJK": ("zh-cn", "zh-tw", "ja"), "CYRILLIC": ("ru", "uk", "bg", "mk"),
                "ARABIC": ("ar", "fa", "ur"), "DEVANAGARI": ("hi", "mr", "ne")}
# Every Latin-script profile: the second tier, for Latin text the first tier cannot place.
LATIN_TIER = FIRST_TIER + ("ca", "ro", "sv", "da", "no", "af", "cs", "cy", "et", "fi", "hr", "hu",
                           "lt", "lv", "pl", "sk", "sl", "so", "sq", "sw", "tr", "vi")
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
MIN_STOPWORD_RATIO = 0.12  # Indonesian prose runs as low as 0.15; a misplaced answer under 0.1
# Languages written in another script than Latin (langdetect's codes and ours).
NON_LATIN = frozenset({"zh", "ar", "bg", "fa", "hi", "mk", "mr", "ne", "ru", "uk", "ur"}
                      | set(SCRIPT_LANGUAGES.values()))


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


# Word work remembered per paragraph while one document is linted (see
# document_scope): the article's detection and the mixed-paragraph check read
# the same paragraphs. Per thread, because the HTTP service lints in threads.
_scope = threading.local()


@contextlib.contextmanager
def document_scope() -> Iterator[None]:
    """Remember paragraph word lists and Malay scores until the block ends."""
    _scope.memo = {}
    try:
        yield
    finally:
        _scope.memo = None


def _remembered(kind: str, text: str, work: Callable[[str], _T]) -> _T:
    memo: dict[tuple[str, str], Any] | None = getattr(_scope, "memo", None)
    if memo is None:
        return work(text)
    key = (kind, text)
    if key not in memo:
        memo[key] = work(text)
    return memo[key]


@dataclass(frozen=True, slots=True)
class Words:
    """How many words of a text start in lower case (names and headline caps
    are not counted), and how many of those are each profiled language's
    function words."""

    lower: int
    counts: dict[str, int]

    def ratios(self) -> dict[str, float]:
        """For each profiled language, the share of the lower-case words that are its function words."""
        total = self.lower or 1
        return {lang: count / total for lang, count in self.counts.items()}


def words_of(text: str) -> Words:
    """``Words`` of a text, worked out per paragraph (blank-line separated)."""
    parts = text.split("\n\n")
    if len(parts) == 1:
        return _remembered("words", text, _paragraph_words)
    lower = 0
    counts = dict.fromkeys(STOPWORDS, 0)
    for part in parts:
        words = _remembered("words", part, _paragraph_words)
        lower += words.lower
        for lang, count in words.counts.items():
            counts[lang] += count
    return Words(lower, counts)


def _paragraph_words(text: str) -> Words:
    runs = _remembered("letters", text, _letter_runs)
    # Function words are listed in lower case, so counting them over every run
    # counts only lower-case words; the first letters are tested in C.
    return Words(sum(map(str.islower, map(_first, runs))), _stopword_counts(runs))


_first = operator.itemgetter(0)


def _stopword_counts(words: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(STOPWORDS, 0)
    index = _STOPWORD_LANGUAGES
    for word in filter(index.__contains__, words):
        for lang in index[word]:
            counts[lang] += 1
    return counts


def letter_count(text: str) -> int:
    """How many letters ``text`` has (shares the paragraph's word work)."""
    return sum(map(len, _remembered("letters", text, _letter_runs)))


def _letter_runs(text: str) -> tuple[str, ...]:
    return tuple(_LETTER_RUN.findall(text))


def _languages_of_words() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for lang, stop in STOPWORDS.items():
        for word in stop:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


# Function word -> the languages it belongs to: one dictionary look-up per word
# instead of one set test per word and language.
_STOPWORD_LANGUAGES = _languages_of_words()


def malay_score(text: str) -> float:
    """Evidence for Malay (positive) against Indonesian (negative), from differing words."""
    return _remembered("malay", text, _malay_score)


def _malay_score(text: str) -> float:
    words = " ".join(_remembered("letters", text, _letter_runs)).casefold().split()
    # Each distinct word counts once: a topic word repeated through a story
    # ("kerajaan" in a piece on old kingdoms) must not outvote the grammar.
    unique = set(words)
    score = sum(_WEIGHTS_WITH_CLITICS[w] for w in unique & _WEIGHTED_WORDS)
    if unique & _BIGRAM_STARTS:
        score += sum(MALAY_BIGRAMS[pair] for pair in MALAY_BIGRAMS.keys() & set(zip(words, words[1:], strict=False)))
    return score - (2.0 if _ID_PAREN_DATE.search(text) else 0.0)


def malay_or_indonesian(text: str, margin: float = 2.0) -> str | None:
    """'ms' or 'id' from the words where the standards differ; None without clear evidence.

    Each paragraph (blocks are separated by blank lines) votes with at most
    ``MAX_VOTE``, so that one pasted paragraph full of the other standard's
    words cannot outvote the rest of the article.
    """
    score = sum(max(-MAX_VOTE, min(MAX_VOTE, malay_score(p))) for p in text.split("\n\n"))
    if abs(score) < margin:
        return None
    return "ms" if score > 0 else "id"


@functools.lru_cache(maxsize=8)
def _factory(tier: tuple[str, ...]) -> Any:
    """A seeded langdetect factory holding only the profiles of ``tier``."""
    import json
    import os

    from langdetect import detector_factory
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    factory = DetectorFactory()
    factory.seed = 0
    for index, code in enumerate(tier):
        with open(os.path.join(detector_factory.PROFILES_DIRECTORY, code), encoding="utf-8") as f:
            factory.add_profile(LangProfile(**json.load(f)), index, len(tier))
    return factory


def warm() -> None:
    """Load the first tier of profiles now (before worker processes fork, say)."""
    _factory(FIRST_TIER)


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
    if lang not in STOPWORDS or words < 8:
        return True  # nothing to check against, or too little text to judge
    own = max(ratios[lang], ratios["ms"] if lang in MALAY_FAMILY else 0.0)
    return own >= MIN_STOPWORD_RATIO and own >= 0.75 * max(ratios.values())


def _refine_malay(text: str, lang: str, ratios: dict[str, float]) -> str:
    """Tagalog, Indonesian or Malay: langdetect's answer among the three is unreliable."""
    if ratios["tl"] > max(ratios["id"], ratios["ms"]):
        return "tl"
    return malay_or_indonesian(text) or ("id" if lang == "tl" else lang)


def detect(text: str) -> tuple[str, float]:
    """Best language code and its probability; ``('und', 0.0)`` when unsure."""
    sample = text[:5000]
    if _THREE_WORDS.search(sample) is None and len(_WORD.findall(sample)) < 3:
        return "und", 0.0
    script = script_of(sample)
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script], 1.0
    if script == "CJK" and _KANA_LETTER.search(sample) is None:
        return "zh", 1.0  # Han characters without a single kana: Japanese always mixes them in
    if script != "latin":
        return _langdetect(sample, SCRIPT_TIERS.get(script, ALL_TIER))
    found = words_of(sample)
    words, ratios = found.lower, found.ratios()
    lang, prob = _by_function_words(words, ratios) or _langdetect(sample, FIRST_TIER)
    if prob < 0.8 or not _plausible(lang, words, ratios):
        lang, prob = _langdetect(sample, LATIN_TIER)
    if lang in MALAY_FAMILY:
        lang = _refine_malay(sample, lang, ratios)
    return lang, prob


def _by_function_words(words: int, ratios: dict[str, float]) -> tuple[str, float] | None:
    """A long text whose function words leave no doubt, named without loading langdetect.

    Only for the pack languages: their unlisted relatives (Galician, Luxembourgish,
    Javanese) have no langdetect profile either. Dutch is left out because
    Afrikaans, which langdetect knows, shares its function words.
    """
    if words < QUICK_MIN_WORDS:
        return None
    ratios = dict(ratios)
    ratios["id"] = max(ratios.pop("id"), ratios.pop("ms"))  # one family here; refined later
    best = max(ratios, key=ratios.__getitem__)
    runner_up = max(r for lang, r in ratios.items() if lang != best)
    if best in QUICK_LANGUAGES and ratios[best] >= 0.2 and ratios[best] >= 2 * runner_up:
        return best, QUICK_PROBABILITY
    return None

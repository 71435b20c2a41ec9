"""``language``: the article's language, and paragraphs in another language.

Modes:

- ``unexpected``: the article is not in one of the allowed languages (the
  rule's ``allowed`` list, else the run's configured languages; with neither,
  the rule is silent).
- ``mixed-paragraph``: a paragraph of real length (``min_chars`` characters,
  ``min_words`` lower-case words) in another language than the article's.
  Short blocks ("Top", a credit line) are never checked, nor are blockquotes,
  which quote foreign text on purpose (an embedded tweet).

langdetect alone is unreliable on one paragraph, above all on short or
name-heavy ones, so a paragraph is flagged only on two independent pieces of
evidence: its function words say it is *not* in the article's language but in
another one (or it is in another script), and langdetect, asked about the
paragraph alone, agrees with probability ``min_probability``. Indonesian and
Malay share their function words, so between those two the words where the
standards differ decide (``malay_margin``), and between other close languages
(Spanish and Portuguese share "de", "que", "para") the function words only the
other language has. A detected article language (not a declared one) gives way
to the one most of its paragraphs' function words name: detection reads the
article's opening, where a long pasted paragraph can outweigh a short story's
own. A quotation in its own language, attributed in the article's ('"...," tulis
Emran'), is quoted on purpose. The cheap evidence comes first, so
langdetect only runs on the rare suspect paragraph. (A paragraph of over 120
lower-case words whose function words leave no doubt is named from them alone,
see ``newslint.language.detect``.)

Scripts without letter case (Arabic, Hebrew, Thai, Hangul, Devanagari, Han,
kana) have no lower-case words to count: a paragraph mostly in such a script,
when the article is written in another script, is judged by its letters
instead (a word's worth of letters per script, ``min_words`` words' worth) and
its length by weight (a Han character or a kana carries about a short Latin
word), then langdetect names it.
"""

from __future__ import annotations

import functools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint import language as lang_words
from newslint import regexcache
from newslint.checks.base import Context, Detector, Hit, with_defaults
from newslint.document import Block, Document
from newslint.words import Words, WordWork

if TYPE_CHECKING:
    from newslint.rules import Rule

KIND = "language"
SCOPES = ("block",)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {
        "mode": {"enum": ["unexpected", "mixed-paragraph"]},
        "allowed": {"$ref": "#/$defs/stringList", "default": []},
        "min_chars": {
            "type": "integer",
            "minimum": 1,
            "default": 100,
            "description": "mixed-paragraph: shorter paragraphs are never checked",
        },
        "min_words": {
            "type": "integer",
            "minimum": 1,
            "default": 12,
            "description": "mixed-paragraph: lower-case words a paragraph needs to be judged "
            "(names and capitals say little)",
        },
        "min_probability": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0.9,
            "description": "mixed-paragraph: least langdetect probability for the paragraph's language",
        },
        "malay_margin": {
            "type": "number",
            "exclusiveMinimum": 0,
            "default": 3.0,
            "description": "mixed-paragraph: marker-word evidence needed to call a paragraph "
            "Malay in an Indonesian article, or the reverse",
        },
    },
}

# Languages so close that a paragraph of one inside the other is not worth a finding.
CLOSE_GROUPS = (
    frozenset({"id", "ms", "tl"}),
    frozenset({"es", "ca", "gl"}),
    frozenset({"pt", "gl"}),
    frozenset({"no", "da", "sv"}),
    frozenset({"hr", "sl", "sr", "bs"}),
    frozenset({"cs", "sk"}),
    frozenset({"zh", "ja"}),
)
# A paragraph is suspect when another language's function words make up at
# least this share of its lower-case words ...
MIN_FOREIGN_RATIO = 0.2
# ... and the article language's share is at most this fraction of that (or, for
# close languages, the words only the other language has make up MIN_DISTINCT).
MAX_OWN_SHARE = 0.5
MIN_DISTINCT = 0.1
# Indonesian and Malay prose has fewer function words (long affixed words carry the
# grammar): a share of this much already points to them.
SPARSE_FOREIGN_RATIO = 0.12
# Function words this decisive (the foreign language's share, at most DECISIVE_OWN of the
# article language's) need langdetect's agreement at DECISIVE_PROBABILITY only: a short
# English quote with contractions ("We've been tested ...") leaves langdetect at 0.86.
DECISIVE_RATIO = 0.4
DECISIVE_OWN = 0.05
DECISIVE_PROBABILITY = 0.7
# A paragraph with not one of the article language's function words in its lower-case
# words (Indonesian prose in a Spanish story: "Tiga menit berselang, Persipura mampu
# menambah gol ...") is suspect without the foreign language's own; langdetect must then
# name a language that is not close to the article's at this probability.
BARE = "+"
BARE_PROBABILITY = 0.99
# A shorter paragraph, of at least this many lower-case words, is judged on the same
# absence when this share of its words are another language's function words.
SHORT_MIN_WORDS = 6
SHORT_FOREIGN_RATIO = 0.25
# Quotations, in the quotation marks of the pack languages; the words outside them
# that make an attribution (", tulis Emran pada ...", "said the minister").
_QUOTE_MARKS = '"“”«»„'
_QUOTED = regexcache.compile(r"“[^“”]*”|\"[^\"]*\"|«[^«»]*»|»[^«»]*«|„[^„“”]*[“”]")
ATTRIBUTION_WORDS = 3
# Between Malay and Indonesian, an attribution whose marker words score this much for
# the quotation's standard is in the quotation's language (a weight-2 word, or two 1s).
ATTRIBUTION_MARKERS = 2.0
_MALAY_PAIR = frozenset({"id", "ms"})
# The paragraphs outvote the detected article language with this many votes, and
# this many times the votes for it; a paragraph of this many lower-case words votes.
MIN_VOTES = 2
MAJORITY = 2
VOTE_WORDS = 6
# Letters per word in scripts without letter case, to judge a paragraph's length
# in words: Han and kana characters and Hangul syllables are dense, the
# alphabets and abugidas are not. A script missing here counts as an alphabet.
_LETTERS_PER_WORD = {"CJK": 1.5, "KANA": 1.5, "HANGUL": 2.5}
_ALPHABET_LETTERS_PER_WORD = 4.5
_DENSE_WEIGHT = 3  # a dense script's character counts as this many toward min_chars
# The scripts an article in each language is written in, where not Latin.
_ARTICLE_SCRIPTS = {
    **{lang: frozenset({script}) for script, lang in lang_words.SCRIPT_LANGUAGES.items()},
    **{lang: frozenset({script}) for script, codes in lang_words.SCRIPT_TIERS.items() for lang in codes},
    "zh": frozenset({"CJK"}),
    "ja": frozenset({"KANA", "CJK"}),
    "ko": frozenset({"HANGUL"}),
}
# langdetect calls one document may cost (a few ms each). Past them, a suspect paragraph is
# flagged only when langdetect already confirmed its language in this document; thousands of
# pasted foreign paragraphs cannot tie the check up for seconds each.
MAX_DETECT_CALLS = 64


@dataclass(frozen=True, slots=True)
class Compiled:
    """A language rule's compiled parameters: its mode, allowed languages and thresholds."""

    mode: str
    allowed: frozenset[str]
    min_chars: int
    min_words: int
    min_probability: float
    malay_margin: float


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    return Compiled(
        params["mode"],
        frozenset(params["allowed"]),
        int(params["min_chars"]),
        int(params["min_words"]),
        float(params["min_probability"]),
        float(params["malay_margin"]),
    )


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if ctx.language in (None, "und"):
        return
    if compiled.mode == "unexpected":
        allowed = compiled.allowed or ctx.allowed_languages
        if allowed and ctx.language not in allowed:
            yield Hit(0, 0, {"language": ctx.language, "allowed": ", ".join(sorted(allowed))})
        return
    detect, calls, confirmed = ctx.detect, [0], set()

    def counted(text: str) -> tuple[str, float]:
        calls[0] += 1
        return detect(text)

    # the long paragraphs' indices (a list of (index, block) pairs took 1.5 MB for a 5 MB draft)
    long = array("I", (i for i, block in enumerate(doc.blocks) if _long_prose(block, compiled)))
    article = ctx.language
    if ctx.detected:  # a declared language stands; a detected one may be outvoted
        article = paragraphs_language((doc.blocks[i].text for i in long), ctx.language, ctx.facts.words)
    for i in long:
        block = doc.blocks[i]
        if calls[0] < MAX_DETECT_CALLS:
            found = foreign_language(block.text, article, compiled, counted, ctx.facts.words)
            confirmed.add(found)
        else:
            found = _confirmed_before(block.text, article, compiled, confirmed, ctx.facts.words)
        if found:
            yield Hit(block.start, block.end, {"language": found, "article": article}, i)


def paragraphs_language(texts: Iterable[str], article: str, work: WordWork) -> str:
    """The article's language as most of its paragraphs' function words name it.

    The article's language is detected from its opening; a long foreign paragraph
    pasted near the top can outweigh a short article's own, and then every other
    paragraph would read as foreign. When the paragraphs' own language outvotes
    the detected one (``MAJORITY`` times as many paragraphs, ``MIN_VOTES`` at least),
    it is the article's language here.
    """
    votes: Counter[str] = Counter()
    malay: list[str] = []
    for text in texts:
        words = work.words(text)
        if words.lower < VOTE_WORDS:
            continue
        # the language with the most function words (the first of a tie), by its count:
        # the ratios share one denominator, so they rank as the counts do
        hits = words.hits
        if not hits:
            continue
        most = max(range(len(hits)), key=hits.__getitem__)
        best = words.languages[most]
        if hits[most] / (words.lower or 1) >= MIN_FOREIGN_RATIO:
            if best in lang_words.MALAY_FAMILY:
                best = "id"  # one family here; the marker words tell which below
                malay.append(text)
            votes[best] += 1
    if not votes:
        return article
    (top, count), own = votes.most_common(1)[0], sum(n for lang, n in votes.items() if close(lang, article))
    if close(top, article) or count < MIN_VOTES or count < MAJORITY * own:
        return article
    if top == "id":
        return lang_words.malay_or_indonesian("\n\n".join(malay), work=work) or "id"
    return top


def _confirmed_before(
    text: str, article: str, compiled: Compiled, confirmed: set[str | None], work: WordWork
) -> str | None:
    """Past the langdetect budget: the cheap evidence's language, if langdetect confirmed it before."""
    words = work.words(text)
    suspect = _suspect(text, words, article, compiled, work) if words.lower >= compiled.min_words else None
    return suspect if suspect != "*" and suspect in confirmed else None


def _long_prose(block: Block, compiled: Compiled) -> bool:
    # A blockquote (an embedded tweet, a statement quoted in its original
    # language) is foreign on purpose; so are code and headings.
    if block.kind in ("code", "heading", "quote"):
        return False
    text = block.text
    if len(text) >= compiled.min_chars:
        return True
    return len(text) + (_DENSE_WEIGHT - 1) * len(_DENSE_LETTER.findall(text)) >= compiled.min_chars


_DENSE_LETTER = regexcache.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


@functools.lru_cache(maxsize=1024)
def close(a: str, b: str) -> bool:
    """Same language, or languages a reader of one reads as the other."""
    return a == b or any(a in group and b in group for group in CLOSE_GROUPS)


def foreign_language(text: str, article: str, compiled: Compiled, detect: Detector, work: WordWork) -> str | None:
    """The language of ``text`` when it is confidently not ``article``; else None."""
    words = work.words(text)
    if words.lower >= compiled.min_words:
        suspect = _suspect(text, words, article, compiled, work)
    elif script := _caseless_foreign(text, article, compiled):
        if script in lang_words.SCRIPT_LANGUAGES:
            # one language writes it: named without langdetect, which cannot
            # split unspaced scripts such as Thai into words
            own = lang_words.SCRIPT_LANGUAGES[script]
            return None if close(own, article) else own
        suspect = "*"
    elif words.lower >= SHORT_MIN_WORDS and (short := _short_suspect(words, article, work)):
        suspect = short
    else:
        return None  # headline caps, names, numbers: too few words to judge
    if suspect is None or _quoted_in_own_words(text, article, work, suspect):
        return None
    lang, prob = detect(text)
    if words.lower < compiled.min_words and prob < BARE_PROBABILITY:
        return None  # a short paragraph: langdetect must be sure
    least = compiled.min_probability
    if suspect != "*" and _decisive(words, suspect, article, work):
        least = min(least, DECISIVE_PROBABILITY)  # strong word evidence needs less of langdetect
    if prob < least or lang in ("und", article):
        return None
    if suspect in lang_words.MALAY_FAMILY and lang in lang_words.MALAY_FAMILY:
        # langdetect cannot tell Indonesian from Malay; against an article in
        # one of them the marker words named the other, else trust detect()'s refinement
        return suspect if article in lang_words.MALAY_FAMILY else lang
    if suspect in ("*", BARE) and not close(lang, article):
        return lang if suspect == "*" or prob >= BARE_PROBABILITY else None
    return lang if lang == suspect else None


def _suspect(text: str, words: Words, article: str, compiled: Compiled, work: WordWork) -> str | None:
    """The cheap evidence: which language the paragraph seems to be in, if not the article's.

    ``'*'`` means "another script", whose language only langdetect can name.
    """
    if article in ("id", "ms"):
        other = _other_malay(work.malay_score(text), article, compiled.malay_margin)
        if other:
            return other
    script = lang_words.script_of(text)
    if (script == "latin") != _latin_article(article):
        return "*"
    if script != "latin" and script not in _ARTICLE_SCRIPTS.get(article, frozenset({script})):
        return "*"  # Cyrillic in a Greek story, say: both cased, neither Latin
    own, best_ratio, best = _own_and_foreign(words, article)
    least = SPARSE_FOREIGN_RATIO if best in lang_words.MALAY_FAMILY else MIN_FOREIGN_RATIO
    if best_ratio >= least and (
        own <= MAX_OWN_SHARE * best_ratio or _distinct_evidence(text, best, article, words, work)
    ):
        return best
    if own == 0 and script == "latin" and _bare_is_evidence(article, work):
        return BARE  # not one of the article's function words in min_words words: langdetect names it
    return None


def _short_suspect(words: Words, article: str, work: WordWork) -> str | None:
    """A short paragraph (under ``min_words`` lower-case words) of a European story: Malay or
    Indonesian copy, whose sentences are long in names and affixed words and short in function
    words ("Pada 11 Oktober lepas, Mahkamah Tinggi Shah Alam membenarkan permohonan ..."), is
    suspect when not one of its words is the article language's function word and
    SHORT_FOREIGN_RATIO of them are Malay's or Indonesian's. (Other languages are not judged
    this short: a line of code, "SELECT avg(n) FROM ... AS n", reads as French.)"""
    if not _bare_is_evidence(article, work):
        return None
    own, best_ratio, best = _own_and_foreign(words, article)
    if own == 0 and best_ratio >= SHORT_FOREIGN_RATIO and best in lang_words.MALAY_FAMILY:
        return best
    return None


def _bare_is_evidence(article: str, work: WordWork) -> bool:
    """Whether a paragraph without a single function word of ``article`` says it is not in
    ``article``: it does in the European pack languages, whose prose cannot go a dozen
    words without one; not in Malay or Indonesian, whose long affixed words carry the
    grammar ("Tiga menit berselang, Persipura mampu menambah gol via tendangan voli")."""
    return article not in lang_words.MALAY_FAMILY and bool(work.lexicon.function_words.get(article))


def _own_and_foreign(words: Words, article: str) -> tuple[float, float, str]:
    """The largest ratio of function words among the article language's family, the largest
    among the other languages, and that language (the last by name of a tie), worked out
    from the counts: the ratios share one denominator, so they rank as the counts do."""
    total, hits = words.lower or 1, words.hits
    family, foreign, foreign_languages = _places(article, words.languages)
    own = max(map(hits.__getitem__, family), default=0) / total
    # (the largest count, the last language by name of a tie: pairs compared as tuples, in C)
    count, best = max(zip(map(hits.__getitem__, foreign), foreign_languages, strict=True), default=(0, ""))
    return own, count / total, best


_PLACES: dict[str, tuple[tuple[str, ...], tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]]] = {}


def _places(article: str, languages: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    """``_family_at`` and ``_foreign_at`` of ``article`` in ``languages`` (the foreign ones'
    places and languages apart), remembered for the last tuple of languages it was asked
    with (one per lexicon, asked for every paragraph: a look-up without hashing it)."""
    kept = _PLACES.get(article)
    if kept is None or kept[0] is not languages:
        foreign = _foreign_at(article, languages)
        kept = _PLACES[article] = (
            languages,
            (_family_at(article, languages), tuple(k for k, _ in foreign), tuple(lang for _, lang in foreign)),
        )
    return kept[1]


def _decisive(words: Words, suspect: str, article: str, work: WordWork) -> bool:
    """The paragraph's function words leave no doubt: DECISIVE_RATIO of its words are
    ``suspect``'s, and hardly any the article language's."""
    ratios = words.ratios()
    own = max((ratios.get(lang, 0.0) for lang in _family(article, work.languages)), default=0.0)
    return ratios.get(suspect, 0.0) >= DECISIVE_RATIO and own <= DECISIVE_OWN


def _quoted_in_own_words(text: str, article: str, work: WordWork, suspect: str = "*") -> bool:
    """A quotation in its own language, introduced or attributed in the article's
    ('"Choppy waters made it tougher ...," tulis Emran pada salah satu keterangan'):
    quoted on purpose, not pasted. Pasted copy attributes its quotes in its own language.
    Malay and Indonesian share their function words, so between them the attribution's
    marker words decide: '"...," katanya dalam sidang akhbar' in an Indonesian story is
    Malay copy, attribution and all."""
    if not any(q in text for q in _QUOTE_MARKS):
        return False
    outside = _QUOTED.sub(" ", text)
    if outside == text:
        return False
    words = work.words(outside)
    if words.lower < ATTRIBUTION_WORDS:
        return False
    if suspect != article and {suspect, article} <= _MALAY_PAIR:
        toward = work.malay_score(outside) * (1 if suspect == "ms" else -1)
        if toward >= ATTRIBUTION_MARKERS:
            return False
    ratios = words.ratios()
    own = max((ratios.get(lang, 0.0) for lang in _family(article, work.languages)), default=0.0)
    foreign = max((ratios[lang] for lang in _foreign(article, work.languages)), default=0.0)
    return own >= MIN_FOREIGN_RATIO and own > foreign


def _distinct_evidence(text: str, foreign: str, article: str, words: Words, work: WordWork) -> bool:
    """Close languages share many function words (Spanish and Portuguese "de", "que",
    "para"), so a Portuguese paragraph still counts many Spanish ones. The words only
    one of the two has decide: ``foreign``'s own make up MIN_DISTINCT of the paragraph,
    and the article language's own at most MAX_OWN_SHARE of that."""
    lists = work.lexicon.function_words
    theirs, ours = lists.get(foreign, frozenset()), lists.get(article, frozenset())
    family = frozenset().union(*(lists.get(lang, frozenset()) for lang in _family(article, work.languages)))
    runs = work.letter_runs(text)
    foreign_only = sum(1 for w in runs if w in theirs and w not in family)
    if foreign_only < MIN_DISTINCT * words.lower:
        return False
    own_only = sum(1 for w in runs if w in ours and w not in theirs)
    return own_only <= MAX_OWN_SHARE * foreign_only


def _caseless_foreign(text: str, article: str, compiled: Compiled) -> str | None:
    """The script of a paragraph of ``min_words`` words' worth of letters in a script
    without case, other than the article's script; else None."""
    script = lang_words.script_of(text)
    if script == "latin" or script in _ARTICLE_SCRIPTS.get(article, frozenset({"latin"})):
        return None
    letters = sum(1 for ch in text if ch.isalpha() and not ch.isupper() and not ch.islower())
    per_word = _LETTERS_PER_WORD.get(script, _ALPHABET_LETTERS_PER_WORD)
    return script if letters >= compiled.min_words * per_word else None


def _other_malay(score: float, article: str, margin: float) -> str | None:
    """Malay pasted into an Indonesian story or the reverse: the differing words decide."""
    if article == "id" and score >= margin:
        return "ms"
    if article == "ms" and score <= -margin:
        return "id"
    return None


@functools.lru_cache(maxsize=64)
def _family(article: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(lang for lang in languages if close(lang, article))


@functools.lru_cache(maxsize=64)
def _foreign(article: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(lang for lang in languages if not close(lang, article))


@functools.lru_cache(maxsize=64)
def _family_at(article: str, languages: tuple[str, ...]) -> tuple[int, ...]:
    """Where ``_family``'s languages are in ``languages``."""
    return tuple(k for k, lang in enumerate(languages) if close(lang, article))


@functools.lru_cache(maxsize=64)
def _foreign_at(article: str, languages: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """``_foreign``'s languages, each with where it is in ``languages``."""
    return tuple((k, lang) for k, lang in enumerate(languages) if not close(lang, article))


def _latin_article(article: str) -> bool:
    return article not in lang_words.NON_LATIN

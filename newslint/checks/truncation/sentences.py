"""How sentences end and quotations close, in the scripts newsrooms write in.

Shared by the truncation modes (and, through ``newslint.checks.base``, by other
kinds): where a sentence ends inside a paragraph, whether a quotation opened in a
paragraph is still open at its end, and what a paragraph that is not running
prose looks like (a list item, a label, a credit, an enumeration).
"""

from __future__ import annotations

from newslint import regexcache, rx
from newslint.checks.base import TERMINAL, ends_complete, trim_end
from newslint.document import Block
from newslint.lexicon import shipped_lexicon

__all__ = ["TERMINAL", "ends_complete", "trim_end"]

# A sentence end: terminal punctuation, optional closers, then space and a capital
# or a letter of a script without case (Korean, Devanagari), possibly after an
# opening quote or bracket. CJK full stops need no space.
_SENTENCE_END = regexcache.compile(
    r"[.!?…।။]+[\"'”’»“‘)\]]*\s+(?=[\"“‘«„‚‹(\[¿¡]?[\p{Lu}\p{Lt}\p{Lo}])|[。！？｡]+[」』”’)]*(?=.)",
    rx.S,
)
WORD = regexcache.compile(r"[\p{L}\p{M}\d'’-]+")
# A list item written as a paragraph: "1. China", "2) ...", "- item", "• item", "(a) ...".
LIST_ITEM = regexcache.compile(r"^\s*(?:\d{1,3}[.)]\s|[-*•·▪►–—]\s|\(?[a-zA-Z\d]{1,4}\)\s)")
# What a credit, label, link, handle or table leaves in a fragment.
NOT_PROSE = regexcache.compile(r"[|@#©®™=<>_│─]|https?:|www\.|\.(?:com|org|net|fr|id|my)\b|\w:\s|/")
# A learned word list names numbers by their shape: a year ("em 2020", "in 1999") ends a sentence
# in a quarter to two fifths of its uses in most pack languages' edited copy, another number seldom.
YEAR_TOKEN = "<year>"
NUMBER_TOKEN = "<number>"
_YEAR_SHAPE = regexcache.compile(r"(?:1[89]|20)\d\d")
_CLOSING_OPENER = regexcache.compile(r"(?<=[\w.?!,…])“(?=\s*(?:[,.;:]|\s\p{Ll}|$))")
_GLUED_WORDS = regexcache.compile(r"[\p{Ll})]\p{Lu}\p{Ll}")


def is_prose(block: Block) -> bool:
    return block.kind in ("paragraph", "quote")


def sentence_ends(text: str, abbreviations: frozenset[str] | None = None) -> list[int]:
    """Indices just past each sentence end inside ``text`` (not counting its last one).

    A full stop after an abbreviation ("Mr.", "Sept.", "U.S."; the lexicons' lists,
    by default the shipped ones), after a single letter ("Nelson D. Schwartz") or
    after a list number at the start ("1. China") does not end a sentence.
    """
    if abbreviations is None:
        abbreviations = shipped_lexicon().abbreviations
    ends = []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _after_abbreviation(text, m.start(), abbreviations):
            continue
        ends.append(m.end())
    return ends


def _after_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    if dot == 0 or text[dot - 1].isspace():
        return False  # "pmb.upi.edu . Adapun": a loosely spaced full stop still ends
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot].strip("\"'“‘(*[").casefold()
    if word.isdigit():
        return not text[:start].strip(" -*•")  # a list number, not a year ending a sentence
    return len(word) <= 1 or "." in word or word in abbreviations


def quote_balance(text: str) -> int:
    """Opening minus closing curly or guillemet double quotes (straight ones are ambiguous).

    German opens with „ and closes with “ (which opens elsewhere): a text with „ is
    read the German way. French and Portuguese guillemets open with « and close with »;
    some German copy runs them the other way round (»…«), counted when the text
    opens that way.
    """
    low = text.count("„")
    if low:
        return low - text.count("“") - text.count("”")
    # Sloppy copy closes with “ after the quotation's punctuation ('ilha?“').
    text = _CLOSING_OPENER.sub("”", text)
    opening, closing = text.count("«"), text.count("»")
    guillemets = [c for c in text if c in "«»"]
    if guillemets and guillemets[0] == "»":
        opening, closing = closing, opening  # »German style«
    return text.count("“") + opening - text.count("”") - closing


def opens_unclosed_quote(text: str) -> bool:
    """A quotation opens in ``text`` and is not closed by its end."""
    if any(q in text for q in "“”«»„"):
        # Sloppy copy closes a curly quote with a straight one: count those as closing.
        return quote_balance(text) - text.count('"') > 0
    if text.count('"') % 2 == 0:
        return False
    # An odd straight quote opens when it starts the text or a word ('said: "We').
    last = text.rindex('"')
    return not text[:last].strip() or (text[last - 1].isspace() and text[last + 1 : last + 2].isalnum())


def short_lines(text: str) -> bool:
    """Most lines of a multi-line paragraph short: an address, records, a verse."""
    lines = text.split("\n")
    return sorted(len(line.split()) for line in lines)[len(lines) // 2] < 8


_BARE_NUMBER = regexcache.compile(r"\s*\d{1,3}\s*")


def list_like(text: str) -> bool:
    """Most comma-separated parts short, more names than words in lower case, or
    items glued together ("(XRF)X-ray diffraction (XRD)Atomic absorption"): an
    enumeration. A name of several capitalised words counts once ("bermain untuk
    kesebelasan La Liga lainnya, Celta Vigo" is a sentence), a comma ends a name."""
    if len(_GLUED_WORDS.findall(text)) >= 3:
        return True
    # A figure alone between commas is an apposition ("Remy, 41, menyuarakan ..."), no item.
    parts = [p for p in text.split(",") if not _BARE_NUMBER.fullmatch(p)]
    if len(parts) >= 4 and sum(len(p.split()) <= 4 for p in parts) * 2 > len(parts):
        return True
    names = lower = 0
    in_name = False
    for word in text.split():
        if not word[:1].isalpha():
            in_name = False
            continue
        capital = word[:1].isupper()
        names += capital and not in_name
        lower += word[:1].islower()
        in_name = capital and not word.endswith((",", ";", ":"))
    return names > lower


def reads_as_prose(fragment: str) -> bool:
    """Words, not a credit, a link, a handle or a run of capitalised names."""
    words = fragment.split()
    if not words or NOT_PROSE.search(fragment):
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if len(words) == 1:
        return not (len(words[0]) > 1 and words[0].isupper())
    # A run of capitalised words is a name or a credit ("Anthony Wallace Getty Images").
    return not all(w[:1].isupper() for w in letters)


def last_sentence(text: str) -> str:
    """The text after the paragraph's last inner sentence end."""
    ends = sentence_ends(text)
    return text[ends[-1] :] if ends else text


def open_ended(text: str) -> bool:
    """No closing punctuation at the end of a (trimmed) paragraph."""
    return not ends_complete(trim_end(text))


# Code, markup and formulas: "<code>", "x = y", "a | b", "f(x) {", "`code`" (not a
# title in angle brackets, "<Jang Noksu>").
CODE = regexcache.compile(
    r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|[{}=\\|`]|\w\(\w*\)|\w[._]\w+\(|"
    r"^\s*(?:def|var|let|const|import|return|#include)\s"
)
# A wire or outlet sign-off after the last sentence: "(Reuters)", "— AP", "dpa", "− afp",
# "Editing by ...", "Contributing: ...", "AFP contributed to this report", "(ant)",
# "(dtc/ xxx)", "[Antara", initials in parentheses.
_AGENCIES = (
    "reuters|ap|afp|dpa|apa|sda|kna|epd|efe|ansa|lusa|ant|antara|antaranews|bernama|xinhua|"
    "upi|pa|aap|cnn|bbc|dtc|dtk|detik|detikcom|kompas|okz|jpnn|sid|rtr|ots|dts|ddp|kyodo|"
    "yonhap|tass|ria|bloomberg|mena|agencia brasil|europa press|notimex|belga|anp|red|ka|jb"
)
SIGN_OFF = regexcache.compile(
    rf"""^[\W_]*(?:
        [(\[]?\s*(?:{_AGENCIES})\b(?:\s*[/,;&+]\s*[\p{{L}}.]{{1,12}}){{0,4}}\s*[)\]]?
      | \(\s*\p{{L}}{{1,8}}(?:\s*[/,-]\s*\p{{L}}{{1,8}}){{0,4}}\s*\)
      | (?:(?:editing|reporting|writing|additional\ reporting|compiled|translated|edited)\ by|
           contributing|mit\ material\ von|avec\ (?:afp|ap|reuters|agences)|
           com\ (?:agências|lusa)|con\ información\ de|dengan\ laporan|
           (?:avec|d'après)\ (?:les\ )?informations?\ d|com\ informações\ d|with\ files\ from|
           (?:\p{{L}}[\p{{L}}.'-]*(?:\ \p{{L}}[\p{{L}}.'-]*){{0,4}}[;,]\ )?version\ française\ \p{{L}}|
           (?:laporan|penulis|editor|pewarta|redaktur|reporter|fotografer)\s*:|
           (?:a\ |la\ )?entrevista\ (?:foi\ |fue\ )?(?:concedida|conduzida|realizada)\ |
           propos\ recueillis\ |interview(?:ed)?\ by\ )[^.!?]{{0,120}}
      | [^.!?]{{1,80}}?\ contributed\ to\ this\ (?:report|story|article)
    )[\W_]*$""",
    rx.I | rx.X,
)
# Any wire or outlet named in capitals after a dash, the way desks sign off a story:
# "- AGENSI", "– AL JAZEERA", "— AP/dpa", "– BERNAMA-dpa" (no list of names to keep up).
_CAPS_NAME = r"\p{Lu}[\p{Lu}\p{N}&'.]+"
DASH_SIGN_OFF = regexcache.compile(
    rf"^[-–—−]\s*{_CAPS_NAME}(?:(?:\s*[/,&+-]\s*|\s+)(?:{_CAPS_NAME}|(?i:{_AGENCIES})\b)){{0,3}}\W*$"
)


def sign_off(fragment: str) -> bool:
    """A wire or outlet sign-off, a credit or initials, not a piece of a sentence."""
    fragment = fragment.strip()
    return bool(SIGN_OFF.match(fragment) or DASH_SIGN_OFF.match(fragment))


# What follows the last full stop (a sign-off may follow in lower case: "auf Tour. dpa",
# or straight after the stop when it is a dash and a name in capitals: "... 14.-AGENSI").
_LAST_STOP = regexcache.compile(r"[.!?…。][\"”’»)\]]*(?:\s+|(?=[-–—−]\s*\p{Lu}))")


# A credit after the last full stop, a dash and one to three capitalised words, the name
# perhaps in title case or carrying a mark of its own: "... tersebut. – Agensi", "... ini.
# – KOSMO! ONLINE", "... siasatan. -KOSMO! ONLINE" (a stop inside the name splits it, so the
# tail after the last stop alone does not show it).
_CREDIT_NAME = r"\p{Lu}[\p{L}\p{N}&'.!]*"
_DASH_CREDIT_END = regexcache.compile(
    rf"[.!?…][\"”’»)\]]*\s*[-–—−]\s*{_CREDIT_NAME}(?:\s+{_CREDIT_NAME}){{0,2}}[\W_]*$"
)


# A wire or outlet named in capitals after a spaced dash, the full stop before it left out:
# "... Dr. Zaliha Mustafa – KOSMO! ONLINE".
_CAPS_CREDIT = r"\p{Lu}[\p{Lu}\p{N}&'.!]+"
_DASH_CAPS_END = regexcache.compile(rf"\w\s+[-–—−]\s*{_CAPS_CREDIT}(?:\s+{_CAPS_CREDIT}){{0,2}}[\W_]*$")


def signed_off(text: str) -> bool:
    """The paragraph ends on a sign-off after its last full stop ("... auf Tour. dpa",
    "... didedahkan. – Agensi"), or is one."""
    return sign_off(_LAST_STOP.split(text)[-1]) or bool(_DASH_CREDIT_END.search(text) or _DASH_CAPS_END.search(text))


def learned_token(word: str) -> str:
    """How a word or a number is named in the learned word lists: a word case-folded, a number by
    its shape (YEAR_TOKEN for 1800 to 2099, NUMBER_TOKEN for any other)."""
    if word[:1].isdigit():
        return YEAR_TOKEN if _YEAR_SHAPE.fullmatch(word) else NUMBER_TOKEN
    return word.casefold()

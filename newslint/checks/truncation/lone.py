"""Weak evidence of a cut, trusted only in an otherwise tidy article.

A paragraph that finished a sentence and then trails off, the article's last
paragraph reading as a sentence without an end, one long sentence without an
end, or the article's only unfinished sentence. Headings, captions and credits
end without a full stop too, but they come in kinds: an article has several of
them, or they are in Title Case, or they name no function words of the language.
"""

from __future__ import annotations

from collections.abc import Callable

from newslint import regexcache, rx
from newslint.checks.truncation.sentences import (
    CODE,
    LIST_ITEM,
    NOT_PROSE,
    WORD,
    ends_complete,
    last_sentence,
    list_like,
    reads_as_prose,
    sentence_ends,
    short_lines,
    signed_off,
    trim_end,
)
from newslint.document import Block, Document

MIN_WORDS = 4
# A paragraph shorter than this that trails off is a teaser or a caption more often
# than a cut ("Siapa idolanya? Ada di halaman berikutnya").
TRAIL_WORDS = 8
# A text of fewer paragraphs is a caption or a snippet, not an article with an end.
ARTICLE_PARAGRAPHS = 3
# A lone unfinished sentence: at least this many words, and this many function words
# of the document's language; other unfinished paragraphs in sentence case of at
# least PEER_WORDS words make it one of a kind (headings, captions), not a cut.
SENTENCE_WORDS = 8
FUNCTION_WORDS = 2
PEER_WORDS = 4
# ... and this many words in lower case (a date line, "11 February 2023, 12:58 pm", has one).
PEER_LOWER = 2
# The only unfinished sentence of an article this short, without a comma, reads as a
# crosshead as often as a cut.
CROSSHEAD_WORDS = 10
# A subheading glued to the paragraph before it names at least this many words in lower case of
# four letters or more (fewer recur after a cut sentence as often: "Com gols dos brasileiros Alex").
GLUED_HEADING_WORDS = 3
# A subheading has at most this many words of four letters or more.
HEADING_MAX_WORDS = 12

# The reason given for an article whose last paragraph reads as a sentence and has no end.
LAST_SENTENCE = "the article's last sentence has no end"

# A "Label: value" line whose value is a full sentence of this many words is prose.
LABEL_SENTENCE_WORDS = 8
# "Headline: summary" teasers and "Label: value" lines end without a full stop.
LABEL = regexcache.compile(r"^\W*\w[\w'’.-]*(?:\s+[\w'’.-]+){0,5}['’\"”]?\s*:\s")
# A closed quotation and its attribution missing only the full stop: '..., ” ujarnya',
# '...energia", explica à BBC'. Detokenized copy spaces the closing quote off
# (', ” paparnya'). A longer attribution ('," ujar Pudjihartanto di tempat yang sama')
# only in a paragraph or a sentence that opens with the quotation: elsewhere the words after a
# closed quote may go on with the sentence ('was "probably carcinogenic," based o').
# The closing quote of an attribution is within this many characters of the end.
ATTRIBUTION_CHARS = 240
_ATTRIBUTION = regexcache.compile(r"(?:[,.!?…]\s?[\"”’“»]|[\"”»]\s?,)\s*\S+(?:\s+\S+){0,2}$")
_QUOTE_ATTRIBUTION = regexcache.compile(r"^\W*[\"“«„].*(?:[,.!?…]\s?[\"”’“»]|[\"”»]\s?,)\s*\S+(?:\s+\S+){0,7}$", rx.S)


def attribution(text: str) -> bool:
    """The paragraph ends on a closed quotation's attribution, missing only its full stop."""
    if not _CLOSING_QUOTES.intersection(text[-ATTRIBUTION_CHARS:]) and "“" not in text[-ATTRIBUTION_CHARS:]:
        return False  # no quote closes near the end: most paragraphs, without reading them whole
    return bool(
        _ATTRIBUTION.search(text) or _QUOTE_ATTRIBUTION.search(text) or _QUOTE_ATTRIBUTION.search(last_sentence(text))
    )


GLUED = regexcache.compile(r"\w[.!?…][\"”’]?\p{Lu}\p{Ll}")
# A machine-written date marks a byline or a dateline ("Posted by ... on 2019-02-15").
_ISO_DATE = regexcache.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# What sets a paragraph apart as a caption or a heading in HTML or Markdown source.
_IMAGE = regexcache.compile(r"<(?:img|figure|figcaption|picture)\b|!\[", rx.I)
_BOLD_OPEN = regexcache.compile(r"<(?:strong|b)\b[^>]*>\s*$", rx.I)
# A paragraph ending on a short phrase in quotes that opened mid-sentence ('might not
# be the "jobs machine"'): the quote closes the phrase, not the sentence.
_PHRASE_WORD = r"[^\s“”\"‘’«».!?…,;:]+"
_CLOSING_QUOTES = frozenset('”"’»')  # the phrase's closing quote ends the text: a cheap test first
_QUOTED_PHRASE = regexcache.compile(
    rf"\s\p{{Ll}}[\p{{Ll}}’'-]*\s+[“\"‘«]\s?{_PHRASE_WORD}(?:\s{_PHRASE_WORD}){{0,2}}\s?[”\"’»]$"
)


def lone_sentence(
    doc: Document, prose: list[int], function_words: frozenset[str] | None, settled: frozenset[int] = frozenset()
) -> int | None:
    """The one paragraph of an article that reads as a sentence and has no end, or None.

    A paragraph that is one of a kind is cut. It must also be followed by a new
    sentence (not a list or the rest of its own sentence), and not be the
    standfirst right under the title. Paragraphs whose reading is ``settled`` (cut
    on strong evidence) are not its kind: they make no style of the article's.
    """
    unfinished = [i for i in prose if i not in settled and _unfinished(trim_end(doc.blocks[i].text))]
    if len(unfinished) != 1 or len(prose) < ARTICLE_PARAGRAPHS:
        return None
    i = unfinished[0]
    # Code after it (an ad network's script pasted in: "window._taboola = ...") is no words of its sentence.
    after = [b for b in doc.blocks[i + 1 : i + 4] if not (CODE.search(b.text) and NOT_PROSE.search(b.text))][:2]
    if after and (after[0].text.lstrip(' “"‘«„([')[:1].islower() or all(introduces_list(b) for b in after)):
        return None  # the sentence goes on, or introduces a list (a lone item is a heading)
    if i == prose[0] and i > 0 and doc.blocks[i - 1].kind in ("title", "heading"):
        return None  # a standfirst
    text = trim_end(doc.blocks[i].text)
    return i if _reads_as_sentence(text, function_words) and not _set_apart(doc, i) else None


def introduces_list(following: Block | None) -> bool:
    """The next block is a list item, numbered or bulleted, a "Label: value" line
    ("larik 1: 54, 58, 62") or an item ending on a semicolon, not a statement of code ending on
    one (an ad network's script pasted in after a cut paragraph: "googletag.cmd.push(...);")."""
    return following is not None and (
        following.kind == "list-item"
        or bool(LIST_ITEM.match(following.text))
        or _label_item(following.text)
        or (trim_end(following.text).endswith(";") and not CODE.search(following.text))
    )


def _label_item(text: str) -> bool:
    """A "Label: value" line, not a sentence opening with a phrase and a colon ("Et pour
    cause : depuis 2006, il pratique exclusivement la culture en biodynamie.")."""
    label = LABEL.match(text)
    if label is None:
        return False
    value = trim_end(text[label.end() :])
    return not (ends_complete(value) and len(value.split()) >= LABEL_SENTENCE_WORDS)


def _set_apart(doc: Document, i: int) -> bool:
    """An image next to the paragraph (a caption), or bold type around it (a heading)."""
    start = doc.blocks[i - 1].start if i else 0
    end = doc.blocks[i + 1].end if i + 1 < len(doc.blocks) else doc.size
    if _IMAGE.search(doc.text_at(start, end)):
        return True
    opening = doc.blocks[i].start
    return bool(_BOLD_OPEN.search(doc.text_at(max(0, opening - 40), opening)))


def _unfinished(text: str) -> bool:
    """A paragraph of at least PEER_WORDS words in sentence case without an end."""
    if ends_complete(text) and not (text[-1:] in _CLOSING_QUOTES and _QUOTED_PHRASE.search(text)):
        return False
    words = WORD.findall(text)
    if len(words) < PEER_WORDS or NOT_PROSE.search(text) or LIST_ITEM.match(text) or LABEL.match(text):
        return False
    if sum(w[:1].islower() for w in words) < PEER_LOWER:
        return False  # a date line ("11 February 2023, 12:58 pm"), figures and names: no sentence
    return sentence_case(words[1:]) and not signed_off(text)  # "... 65 Prozent. dpa" ends


def sentence_case(words: list[str]) -> bool:
    """At least as many words in lower case as capitalised names, a run of capitals
    counting as one name: "the minister, Tan Sri Muhyiddin Yassin, said" is a sentence,
    "Tips Menyaksikan Hujan Meteor" and "Jokowi Takziah ke Rumah Duka Tjahjo Kumolo" are
    headings."""
    names = lower = 0
    previous = ""
    for word in words:
        if word[:1].isupper() and not previous[:1].isupper():
            names += 1
        lower += word[:1].islower()
        previous = word
    return names <= lower


def _reads_as_sentence(text: str, function_words: frozenset[str] | None) -> bool:
    """One sentence of SENTENCE_WORDS words or more, with the function words of its
    language (or, for a language without a list, in a script with capitals)."""
    words = WORD.findall(text)
    if (
        len(words) < SENTENCE_WORDS
        or sentence_ends(text)
        or attribution(text)
        or _ISO_DATE.search(text)
        or list_like(text)
    ):
        return False
    if function_words is None:
        return any(w[:1].isupper() for w in words) and any(w[:1].islower() for w in words)
    return sum(w.casefold() in function_words for w in words) >= FUNCTION_WORDS


def weak_evidence(
    doc: Document,
    prose: list[int],
    candidates: list[int],
    function_words: frozenset[str] | None,
    eligible: Callable[[int], bool],
    settled: frozenset[int] = frozenset(),
) -> list[tuple[int, str]]:
    """Paragraphs among ``candidates`` (without closing punctuation, no strong evidence)
    whose cut only a tidy article makes likely, with the reason. The article's only
    unfinished sentence may also end on a quoted phrase, when ``eligible(i)`` (asked
    only of that paragraph)."""
    # Paragraphs read otherwise (a sentence split over two, a cut-off copy: neither a candidate
    # nor settled) are no style of the article's.
    if trailing_fragments(doc, sorted({*candidates, *settled})) >= 2:
        return []  # two-sentence captions or bios: the article's style, not cuts
    lone = lone_sentence(doc, prose, function_words, settled)
    if lone is not None and lone not in candidates and eligible(lone):
        candidates = sorted([*candidates, lone])  # a phrase in quotes at its end
    found = []
    leads = lead_ins(doc) if candidates else []
    for i in candidates:
        text = trim_end(doc.blocks[i].text)
        if (
            (i == prose[0] and not sentence_ends(text))
            or not _weighs_weak_evidence(leads[i], text)
            or _heading(doc, prose, i, function_words or frozenset())
        ):
            continue  # a standfirst or a deck (one sentence), a quoted tweet, a subheading
        reason = loose_end(text, _neighbours(doc, prose, i), i == prose[-1] and len(prose) >= ARTICLE_PARAGRAPHS)
        if reason and trails_off(text) and _glued_heading(doc, prose, i, function_words or frozenset()):
            continue  # a subheading glued to the paragraph before it
        if reason is None and i == lone and not _crosshead_length(text):
            reason = "the only sentence of the article without an end"
        if reason:
            found.append((i, reason))
    return found


_CLAUSE_MARK = regexcache.compile(r"[,;:]")


def _crosshead_length(text: str) -> bool:
    """A line of a crosshead's length without a comma: a crosshead without its full stop
    ("Las partículas en el aire siguen siendo el mayor problema") is as likely as a cut."""
    return len(text.split()) <= CROSSHEAD_WORDS and not _CLAUSE_MARK.search(text)


def _weighs_weak_evidence(led_in: bool, text: str) -> bool:
    """Not introduced by a colon (``led_in``, see ``lead_ins``) nor an attribution missing its full stop."""
    return not led_in and not attribution(text)


def lead_ins(doc: Document) -> list[bool]:
    """For each block, whether it follows a line ending on a colon, directly (a quoted tweet) or
    after other paragraphs without an end: the items of a list set as paragraphs without their
    bullets ("Think about it:" / "You build your website ..." / "Search engines find it ...").
    One pass over the document: walking back from each paragraph made a page of thousands of
    unfinished lines quadratic."""
    out = []
    opener = -1  # the last block before this one that is not a paragraph without an end
    for k, block in enumerate(doc.blocks):
        out.append(opener >= 0 and trim_end(doc.blocks[opener].text).endswith(":"))
        if block.kind != "paragraph" or ends_complete(trim_end(block.text)):
            opener = k
    return out


def _neighbours(doc: Document, prose: list[int], i: int) -> list[Block]:
    """The prose paragraphs before and after paragraph ``i``."""
    k = prose.index(i)
    return [doc.blocks[prose[j]] for j in (k - 1, k + 1) if 0 <= j < len(prose)]


def _heading(doc: Document, prose: list[int], i: int, function_words: frozenset[str]) -> bool:
    """A subheading: a short line whose words the next paragraph takes up ("New
    Shepard fliegt bis in 100 Kilometer Höhe" / "Das Raketensystem New Shepard fliegt
    weitgehend automatisiert."). A cut sentence's words rarely recur right after it.
    Only words of four letters or more that are not function words count."""
    words = {w.casefold() for w in WORD.findall(doc.blocks[i].text) if len(w) > 3}
    words -= function_words
    k = prose.index(i)
    if not words or len(words) > HEADING_MAX_WORDS or k + 1 >= len(prose):
        return False
    following = {w.casefold() for w in WORD.findall(doc.blocks[prose[k + 1]].text)}
    return len(words & following) * 2 >= len(words)


def _glued_heading(doc: Document, prose: list[int], i: int, function_words: frozenset[str]) -> bool:
    """The fragment after the paragraph's last full sentence is a subheading that lost its line
    break: the next paragraph takes up half its words in lower case or more (not names, which a
    story repeats anyway), as it does a subheading's ("... en las tasas de transmisión. La mala
    calidad del aire aumenta las muertes, pero no la transmisión" / "La evidencia sobre la
    influencia de la calidad del aire ...")."""
    text = trim_end(doc.blocks[i].text)
    ends = sentence_ends(text)
    fragment = WORD.findall(text[ends[-1] if ends else 0 :])
    words = {w for w in fragment if len(w) > 3 and w.islower()} - function_words
    k = prose.index(i)
    if not GLUED_HEADING_WORDS <= len(words) <= HEADING_MAX_WORDS or k + 1 >= len(prose):
        return False
    following = {w.casefold() for w in WORD.findall(doc.blocks[prose[k + 1]].text)}
    return len(words & following) * 2 >= len(words)


def loose_end(text: str, neighbours: list[Block], last: bool) -> str | None:
    """A trailing fragment after a full sentence, or an article whose last paragraph
    reads as a sentence and has no end."""
    words = text.split()
    if len(words) < MIN_WORDS or LIST_ITEM.match(text) or ("\n" in text and short_lines(text)):
        return None
    if trails_off(text):
        return "a full sentence, then a fragment without an end"
    if (
        last
        and reads_as_prose(text)
        and not list_like(text)
        and not any(_long_open(b.text, TRAIL_WORDS) for b in neighbours)
    ):
        return LAST_SENTENCE
    return None


def _long_open(text: str, long_words: int) -> bool:
    """Another paragraph of list length that also ends open: a run of list items."""
    return not ends_complete(text) and len(text.split()) >= min(long_words, 10)


def trails_off(text: str) -> bool:
    """A full sentence, then a fragment that reads as prose (not a credit or a label)."""
    if "\n" in text and short_lines(text):
        return False
    ends = sentence_ends(text)
    if not ends or len(text.split()) < TRAIL_WORDS:
        return False
    tail = text[ends[-1] :]
    # "... kata dia.Ikuti Whatsapp Channel": a widget glued on, reported by markup rules
    return reads_as_prose(tail) and not attribution(text) and not GLUED.search(tail)


def trailing_fragments(doc: Document, prose: list[int]) -> int:
    """How many paragraphs trail off after a full sentence (captions' style when >= 2)."""
    count = 0
    for i in prose:
        text = trim_end(doc.blocks[i].text)
        if not ends_complete(text) and not LIST_ITEM.match(text) and trails_off(text):
            count += 1
    return count

"""``blocks``: page chrome recognised by the shape of a run of lines and where it sits.

Scrapers keep what surrounds an article: lists of related headlines, menus, and
text wrapped at a fixed width. No phrase names them; their shape and their place
do. The kind reads the document's lines once (shared by all its rules) and
judges each run of short lines by its context, in the manner of jusText: the
article's prose is the lines long enough to be sentences and ending like them;
a run of short lines before the first of them or after the last is outside the
article.

Modes:

- ``related-list``: a run of ``min_run`` or more headline-shaped lines (3 to 22
  words, opening with a capital, a digit or a quote, ending without a full stop,
  or with "?", "!" or an ellipsis; "Section | Headline"; a Markdown link whose
  text is a headline) that sits outside the article's prose, or between prose
  paragraphs when the run is ``min_inner_run`` lines or longer. A run introduced
  by a sentence ending in a colon (a list lead-in) is the article's own list, and
  so is a run in a document with no prose at all (a list, a poem). Lines marked with a
  link's arrow ("Most Sent »", "World » More") are marked as links are. A run after the
  article right before another run that is reported closes the page as its end does.
- ``nav-menu``: the same, for runs of menu items of one to three words
  ("DEPORTES" / "MÚSICA"; "Toyota" / "Ford" / "Nissan") outside the prose; in sentence case too
  ("Estilo de vida", "More from NBC") at the page's top, with only its short lines above them, and
  a block of items in capitals beside the article's headline or deck.
- ``hard-wrap``: a paragraph broken into lines at a fixed width (and then the page: its other
  mid-sentence breaks, one per paragraph or before a capital): a line that ends
  mid-sentence (on a letter, a digit or a comma) and goes on in lower case on the
  next line of the same paragraph, where the paragraph has ``min_run`` such breaks
  and its broken lines are long (verse has short lines). In Markdown a line break
  inside a paragraph is a space, so only breaks written as hard breaks (two
  trailing spaces or a backslash) count there.

- ``repeated-title``: a body line that is the headline again (``repeats.title_repeats``).
- ``repeated-line``: a long line said again word for word inside a paragraph of several
  lines, where a comparison of whole paragraphs cannot see it (``repeats.repeated_lines``).
- ``recurrence``: a short line printed three or more times in a row, or once per post of
  a comment thread that ends the page, or a block of short lines printed both before the
  article and after it (a menu at the page's top and foot) (``repeats.recurring``).
- ``labelled-list``: a related-links widget under its label: a line that is only one of
  the rule's ``labels`` ("Baca Juga", "Read also:"), then ``min_run`` or more headline
  lines in a row. The first headline is reported with its label by the pack's
  ``markup/widget-line`` (``headline_after``); this mode reports the ones after it.
- ``doubled-headline``: a headline printed twice in a row after the article's last
  paragraph, as a video widget prints its title (and the title again as its caption).
- ``tail-section``: the section that opens the page's tail: a line that is only one of the
  rule's ``labels`` (a header of the page's chrome: "3 Comments", "Leave a Reply", "Most
  Popular", "More from <site>"; case, counts, brackets and closing punctuation aside; a
  label ending in " *" takes one to six words after it), after the article's first
  paragraph. The header is the evidence: every line after it is reported, whatever its
  shape, up to the end of the page (``until: page``, a comment thread), or, with
  ``until: prose``, when the article does not go on after it (no paragraph of two
  sentences or of 40 words, no quoted speech) and two lines or more follow: only its
  headline-shaped lines otherwise. A notice of the section (the rule's ``notice``: "Comments
  are closed", "You must be logged in to comment") at the start of a short line opens it as
  its header does.
- ``vocabulary-run``: a panel of the page's furniture told by its words: ``min_run`` or more
  adjacent lines in the vocabulary of the rule's ``terms`` (an account's: log in, password,
  register), each a control's label of a few words or a line that speaks to the reader
  (``address``: "your", "click"), with two different terms at least; one short line between
  two of them ("or") is part of the run.
- ``broken-prompt``: a prompt broken into lines at its links: ``min_run`` or more
  fragments of one to three words, none ending a sentence, right before a line that goes
  on from them in lower case and ends on one of the rule's ``labels`` (the channel it
  points at, "WhatsApp Channel :").
- ``teaser-pairs``: a teaser list that has no header: ``min_run`` or more pairs in a row of a
  section's label (one to three capitalised words, "Liga Dunia", "Trend") and one teaser
  (a single sentence or a headline) before the article's first paragraph or after its last,
  about other things than the article (few teasers share its words, few labels are its
  words), under three different labels at least (not "Question" / "Answer"), with no
  sentence of the article between it and the page's edge. After the
  article, the short lines right after the last pair (the teasers' dates), up to the
  article's sign-off, are the widget's too: lines between the widget and the page's end
  (jusText's short-between-bad).

- ``teaser-stamps``: a teaser list told by the stamp it prints once per teaser (a date, a time
  ago, a time of day with a section: "June 20, 2024", "20 hours ago by MacRumors Staff", "10:59 |
  FOOTBALL"): three or more stamps after the article (four before it), each within two lines of
  the next, with the lines between them; or stamps in a row with the headlines right above them.
  Times alone (a live report) and lines between the stamps that carry on the article (a timeline)
  are left alone (``teaser_stamps``).
- ``link-bar``: a menu printed on one line outside the article, ``min_run`` links or more joined by
  one separator with or without spaces ("About us/Advertise with us/Privacy Policy/Sitemap").

A run gives one hit per line: each of its lines is deletable. ``where`` limits a
rule to runs at the article's ``edge`` (before or after its prose) or ``inside``
it (between prose), so strong and weak evidence can carry different severities.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from newslint import regexcache, rx
from newslint.checks import repeats
from newslint.checks.base import Context, Hit, block_hit, trim_end, with_defaults
from newslint.checks.truncation.sentences import sign_off
from newslint.document import Block, Document
from newslint.language import SAMPLE_CHARS

if TYPE_CHECKING:
    from newslint.facts import Facts
    from newslint.rules import Rule

KIND = "blocks"
SCOPES = ("line",)
# The modes that read the document's lines with their shapes (``lines_of``), shared by their rules.
LINE_MODES = (
    "labelled-list",
    "doubled-headline",
    "broken-prompt",
    "tail-section",
    "vocabulary-run",
    "reader-thread",
    "teaser-pairs",
    "teaser-stamps",
    "link-bar",
    "cut-teasers",
)
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mode"],
    "properties": {
        "mode": {
            "enum": [
                "related-list",
                "nav-menu",
                "hard-wrap",
                "repeated-title",
                "recurrence",
                "repeated-line",
                *LINE_MODES,
            ]
        },
        "min_run": {
            "type": "integer",
            "minimum": 2,
            "default": 5,
            "description": "lines in a run of unmarked lines (mid-sentence breaks in a paragraph)",
        },
        "min_marked_run": {
            "type": "integer",
            "minimum": 2,
            "default": 3,
            "description": "lines in a run of links or 'Section | Headline' lines",
        },
        "labels": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "labelled-list: the widget labels a run of headlines sits under (case, colon "
            "ignored); broken-prompt: the words of the line the fragments lead to; tail-section: the "
            "headers that open the page's tail; reader-thread: the words by which a story says it is an "
            "interview (its answers after it speak in the first person)",
        },
        "notice": {
            "type": "string",
            "default": "",
            "description": "tail-section: a regular expression (case ignored) for a notice that opens the "
            "section as its header does ('Comments are closed', 'You must be logged in to comment'), "
            "matched at the start of a short line",
        },
        "closing": {
            "type": "string",
            "default": "",
            "description": "tail-section: a regular expression (case ignored) for a line that closes the "
            "article (the site's copyright line); the article's sign-off does too. Three lines or more "
            "after it that do not carry on the article are the page's tail",
        },
        "terms": {
            "type": "string",
            "default": "",
            "description": "vocabulary-run: a regular expression (case ignored) for the words of the "
            "furniture (account: log in, password, register); cut-teasers: the link that may follow a "
            "teaser's ellipsis ('mehr', 'Read more'), matched at the line's end",
        },
        "requires": {
            "$ref": "#/$defs/stringList",
            "default": [],
            "description": "vocabulary-run: strings (in lower case) one of which every match of 'terms' "
            "contains ('log', 'pass', 'account'): a line that has none of them, case folded, is skipped "
            "without running 'terms' on it. List one for every alternative of 'terms', or leave it empty",
        },
        "address": {
            "type": "string",
            "default": "",
            "description": "vocabulary-run: a regular expression (case ignored) for the words that "
            "address the reader or the page's controls (your, click, forgot): a line longer than a "
            "label needs one",
        },
        "reported": {
            "type": "string",
            "default": "",
            "description": "reader-thread: a regular expression (case ignored) for the words that report "
            "speech ('said', 'sagte', 'kata'): a line with one is the article quoting someone",
        },
        "signoff": {
            "type": "string",
            "default": "",
            "description": "reader-thread: a regular expression (case ignored), matched at a line's start, "
            "for a line that closes the story, the writer's bio ('Jane Smith is a freelance writer', "
            "'... is the author of'): a thread is sought only after the last such line",
        },
        "ordinary": {
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/stringList"},
            "default": {},
            "description": "reader-thread: per language code, the words of 'terms' and 'address' that "
            "are that language's own ordinary words, not a reader's voice (Spanish 'mes', month, is the "
            "French 'my'): in an article in that language they do not make a line speak",
        },
        "until": {
            "enum": ["page", "prose"],
            "default": "prose",
            "description": "tail-section: the section runs to the end of the page, or only while the "
            "article does not go on in it",
        },
    },
}

# Shapes of a line
PROSE, HEADLINE, MENU, OTHER = "prose", "headline", "menu", "other"
PROSE_WORDS = 25  # a line this long is prose whatever its end
PROSE_CHARS = 100  # ... and one this long that ends like a sentence
HEADLINE_WORDS = (3, 22)
HEADLINE_CHARS = 180
MENU_WORDS = 3
MENU_CHARS = 32
MENU_LETTERS = 2
GAP = 1  # lines of another shape a run may hold between two of its own
LABEL_WORDS = 8  # a label above a run is this short
CLOSING_WORDS = 8  # the lines after a run that closes the page are this short
ITEM_WORDS = 6  # a long list whose middle line is shorter than this is items, not headlines
ITEM_RUN = 10  # ... and long is this many lines (a site's closing links are fewer)
WRAP_CHARS = 40  # a broken line at least this long is prose wrapped at a width, not verse
WRAP_WORDS = 6
SENTENCE_END = frozenset(".!?…。！？")
_CLOSING = "\"'”’»)]"
_OPENING = "\"'“‘«„¿¡([#"
_SPACES = " \t\u00a0\u202f"
# A full stop after two lower-case letters, then a capital: two sentences on the line
# ("U.S. State" and "Dr. Smith" are not).
_TWO_SENTENCES = regexcache.compile(r"\p{Ll}{2}[.!?][\"'”’»)]?\s+[\"“«]?\p{Lu}")
_LINK_ITEM = regexcache.compile(r"\[([^\[\]]{1,300})\]\([^()\s]{1,500}\)")
_MARKDOWN_BREAK = regexcache.compile(r"(?:  |\\)\r?$")
# Entries of a table, a list or a record set out as lines, not headlines: a score, a
# time or a date ("3 - 1", "21-13", "1:07.334", "2018.04.05"), a percentage, a link, an
# enumerator ("2.", "(A)", "#2"), a "Label: value" opening or a label ending in a colon, a
# fixture ("A vs B"), a spaced dash, a semicolon, or three commas (a line-up).
_DATA_LINE = regexcache.compile(
    r"\d\s?[-–:x/.]\s?\d|\d\s?%|:$|https?://|^\(?\w{1,2}[.)]\s|^#\d{1,3}\b|"
    r"^[^\s:]{1,20}(?:\s[^\s:]{1,20}){0,3}\s?:\s|\s[-–]\s|\svs\.?\s|;|(?:,[^,]*){3}",
    rx.IGNORECASE,
)
# A kicker before a headline ("Mozilla: Neue Firefox-Versionen alle sechs Wochen", "HLM :
# délit de famille ..."), as teaser lists print them: the short label, then a headline of
# four words or more that opens like a title and holds one number, or more with three words
# of letters at least and no more numbers than them ("Firefox 5 ab 21. Juni 2011"). "Label:
# value" records ("Tempo: 1:07.334", "Scorers: Smith 12, Jones 45, Brown 78") stay data.
KICKER_LETTERS = 3
_KICKER = regexcache.compile(r"^[^\s:]{1,20}(?:\s[^\s:]{1,20}){0,3}\s?:\s+(\S.*)$")
# "Section | Headline", as related-article widgets print them (not a table row "| a | b |").
# A line opening with one word and a comma: a step that follows from the one before.
# A site's name as its domain: a list of sources ("Sources:" then "FDA.gov" lines).
_DOMAIN = regexcache.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.\p{L}{2,6}(?:/\S*)?")
_LINKED_OPENING = regexcache.compile(r"\w+,\s")
_SECTION_HEADLINE = regexcache.compile(r"^[^|]{2,60}\s\|\s[^|]{3,}$")
# A link's text with the arrow that points at it ("Most Sent »", "Markets » More", a
# breadcrumb "Home › News"); not a French quotation closed by its guillemet ("« Le besoin ... »").
# An item's credit to the outlet that published it, closing the line: "(The Motley Fool)",
# "(AL.com)", "(Center for Retirement Research at Boston College)"; a name of up to 71 characters
# opening with a capital, not a photo credit ("(Foto: Okezone)", "(CNN Indonesia/Safir Makki)").
_CREDIT = regexcache.compile(r"\s\((\p{Lu}[^()\n:/|]{0,70}?)\)$")
CREDITED_OUTLETS = 3  # a curated list credits this many different outlets at least
_ARROW_ITEM = regexcache.compile(r"^[^«‹]{1,60}\s(?:(?:»|›)(?:\s[^«»‹›]{1,30})?|→|>>)$")
# ... or opening it ("► Floods cut roads to the coast", "→ Minister defends plan"); not "»", which
# opens a quotation in German.
_LEADING_ARROWS = "►▶▸➤➔→"


@dataclass(frozen=True, slots=True)
class Compiled:
    """A blocks rule's compiled parameters: its mode, run lengths, labels and regexes."""

    mode: str
    min_run: int
    min_marked_run: int
    labels: frozenset[str] = frozenset()
    until: str = "prose"
    notice: rx.Pattern[str] | None = None
    closing: rx.Pattern[str] | None = None
    terms: rx.Pattern[str] | None = None
    address: rx.Pattern[str] | None = None
    requires: tuple[str, ...] = ()
    reported: rx.Pattern[str] | None = None
    # reader-thread: (language, pattern of the words that are that language's ordinary words)
    ordinary: tuple[tuple[str, rx.Pattern[str]], ...] = ()
    signoff: rx.Pattern[str] | None = None
    # what the notice regex needs (``needs``), once read
    _needs: list[tuple[str, ...] | None] = field(default_factory=list, compare=False, repr=False)


def needs(rule: Rule) -> tuple[str, ...] | None:
    """Case-folded strings of which every match of a tail-section rule's ``notice`` holds one
    (``newslint.needed``), or None: the finder of strings places them in a run of many
    drafts, and a line is matched with the notice only in the blocks that hold one (most
    drafts have none: the matches, each of an 8 KB regex, were a fiftieth of a draft's lint)."""
    if rule.check != KIND or rule.params.get("mode") != "tail-section" or not rule.params.get("notice"):
        return None
    from newslint.needed import needed  # (a run of many drafts only, as pattern.needs)

    return needed(str(rule.params["notice"]), True)


def _notice_needs(rule: Rule, compiled: Compiled) -> tuple[str, ...] | None:
    if not compiled._needs:
        compiled._needs.append(needs(rule))
    return compiled._needs[0]


def compile(params: Mapping[str, Any], scope: str) -> Compiled:
    params = with_defaults(PARAMETERS, params)
    if params["mode"] == "tail-section":
        labels = frozenset(header_key(label) for label in params["labels"])
    else:
        labels = frozenset(_label_key(label) for label in params["labels"])
    patterns: dict[str, rx.Pattern[str] | None] = {}
    for name in ("notice", "closing", "terms", "address", "reported", "signoff"):
        try:
            patterns[name] = regexcache.compile(params[name], rx.IGNORECASE | rx.V0) if params[name] else None
        except rx.error as e:
            raise ValueError(f"invalid {name} regex: {e}; check brackets and escapes") from e
    if params["mode"] == "vocabulary-run" and patterns["terms"] is None:
        raise ValueError("mode vocabulary-run needs 'terms', the regex of its words")
    if params["mode"] == "reader-thread" and (patterns["terms"] is None or patterns["address"] is None):
        raise ValueError("mode reader-thread needs 'terms' (a reader's own voice) and 'address' (words to another)")
    ordinary = tuple(
        (str(language), regexcache.compile("|".join(rx.escape(w) for w in words), rx.IGNORECASE))
        for language, words in sorted(params["ordinary"].items())
        if words
    )
    return Compiled(
        params["mode"],
        int(params["min_run"]),
        int(params["min_marked_run"]),
        labels,
        str(params["until"]),
        patterns["notice"],
        patterns["closing"],
        patterns["terms"],
        patterns["address"],
        tuple(word.casefold() for word in params["requires"]),
        patterns["reported"],
        ordinary,
        patterns["signoff"],
    )


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a draft's prose: its block, where it starts there, its text and shape."""

    block_index: int
    block: Block
    start: int  # text index of the line in its block
    text: str
    shape: str


@dataclass(frozen=True, slots=True)
class Run:
    """A run of lines that reads as a widget: its lines, kind and place."""

    lines: tuple[Line, ...]
    kind: str  # related-list or nav-menu
    where: str  # "of headlines before the article's first paragraph", ...
    edge: bool
    marked: bool  # links or "Section | Headline" lines


def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
    compiled = rule.compiled_as(Compiled)
    if compiled.mode == "hard-wrap":
        yield from _hard_wrap(doc, compiled.min_run)
        return
    if compiled.mode in LINE_MODES:
        facts = ctx.facts
        lines = facts.shared(lines_of)
        if compiled.mode == "reader-thread" and compiled.terms is not None and compiled.address is not None:
            article = _shared_article(facts, lines)

            def threads(ordinary: rx.Pattern[str] | None = None) -> list[tuple[int, str]]:
                assert compiled.terms is not None and compiled.address is not None
                return reader_threads(
                    lines,
                    compiled.terms,
                    compiled.address,
                    compiled.reported,
                    compiled.min_run,
                    compiled.labels,
                    article,
                    ordinary,
                    signoff=compiled.signoff,
                )

            widget = threads()
            ordinary = _ordinary_words(compiled, ctx) if widget else None
            if ordinary is not None:
                # a thread in sight: seen again without the words that are the article's own language
                widget = threads(ordinary)
        elif compiled.mode == "teaser-pairs":
            widget = teaser_pairs(lines, compiled.min_run, _shared_article(facts, lines))
        elif compiled.mode == "teaser-stamps":
            widget = teaser_stamps(lines, _shared_article(facts, lines))
        elif compiled.mode == "link-bar":
            widget = link_bars(lines, compiled.min_run, _shared_article(facts, lines))
        elif compiled.mode == "vocabulary-run" and compiled.terms is not None:
            terms, address, requires = compiled.terms, compiled.address, compiled.requires
            if requires:
                # the blocks that hold one of the strings, and those of the strings the draft has
                # (the document's facts find them once, for every rule that names them)
                held = facts.blocks_with_any(requires)
                requires = tuple(word for word in requires if facts.blocks_with(word)) if held else ()
                widget = vocabulary_runs(lines, terms, address, compiled.min_run, requires, held) if held else []
            else:
                widget = vocabulary_runs(lines, terms, address, compiled.min_run)
        elif compiled.mode == "tail-section":
            voice = (
                Voice(compiled.terms, compiled.address, compiled.reported)
                if compiled.terms and compiled.address
                else None
            )
            notice_needs = _notice_needs(rule, compiled) if compiled.notice and facts.finds_strings else None
            widget = tail_sections(
                lines,
                compiled.labels,
                compiled.until == "page",
                compiled.notice,
                compiled.closing,
                voice,
                _shared_article(facts, lines),
                facts.indexed_blocks_with_any(notice_needs) if notice_needs else None,
            )
        elif compiled.mode == "cut-teasers":
            widget = cut_teasers(lines, compiled.min_run, compiled.terms)
        elif compiled.mode == "labelled-list":
            widget = labelled_lists(lines, compiled.labels, compiled.min_run)
        elif compiled.mode == "broken-prompt":
            widget = broken_prompts(lines, compiled.labels, compiled.min_run)
        else:
            widget = doubled_headlines(lines, _shared_article(facts, lines))
        for index, evidence in widget:
            yield line_hit(lines[index], evidence)
        return
    if compiled.mode in ("repeated-title", "recurrence", "repeated-line"):
        lines = ctx.facts.shared(lines_of)
        prose = _shared_article(ctx.facts, lines) if compiled.mode == "recurrence" else None
        found = _repeats(compiled.mode, doc, lines, prose)
        for repeat in found:
            yield line_hit(lines[repeat.index], repeat.evidence)
        return
    facts = ctx.facts
    lines = facts.shared(lines_of)
    for run in facts.once(runs_of, lambda: runs_of(doc, lines, _shared_article(facts, lines))):
        needed = compiled.min_marked_run if run.marked else compiled.min_run
        if run.kind != compiled.mode or len(run.lines) < needed:
            continue
        size = len(run.lines)
        for n, line in enumerate(run.lines, 1):
            yield line_hit(line, f"line {n} of a {size}-line run {run.where}")


# -- shapes ---------------------------------------------------------------------------------


def line_hit(line: Line, evidence: str) -> Hit:
    """A finding on one whole line, its text as the match."""
    return block_hit(
        line.block,
        line.block_index,
        line.start,
        line.start + len(line.text),
        match=line.text.strip(),
        evidence=evidence,
    )


def shape_of(text: str) -> str:
    """What a line looks like on its own: prose, a headline, a menu item or other."""
    text = trim_end(text).strip()
    link = _LINK_ITEM.fullmatch(text) if text[:1] == "[" else None  # (a link item opens with its bracket)
    if link:
        text = link.group(1).strip()
    elif text[:1] in _LEADING_ARROWS:
        text = text[1:].strip()  # a link marked with an arrow ("► Headline") reads as its text
    words = text.split(None, PROSE_WORDS)
    if not words:
        return OTHER
    if _ends_sentence(text) and (len(words) >= PROSE_WORDS or len(text) >= PROSE_CHARS):
        return PROSE
    if len(words) >= PROSE_WORDS:
        return OTHER  # long, and not a sentence: a cut paragraph, a caption run on
    if _DOMAIN.fullmatch(text):
        return OTHER  # "DailyCaller.com", "FDA.gov": a source named by its site, not a menu item
    if len(words) <= HEADLINE_WORDS[1] and _SECTION_HEADLINE.match(text):
        return HEADLINE  # "tribune | Headline": the section may be in lower case
    if not _opens_like_title(text) or len(text) > HEADLINE_CHARS:
        return OTHER
    core = _core(text)
    last = core[-1:]
    if last in ",;" or (last == "." and not core.endswith("...")):
        return OTHER
    if _TWO_SENTENCES.search(text):
        return OTHER
    if len(words) <= MENU_WORDS and len(text) <= MENU_CHARS and last not in "!?…":
        # an item has a word to read: not "M", "12" (a table's cells)
        return MENU if sum(1 for c in text if c.isalpha()) >= MENU_LETTERS else OTHER
    if HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]:
        return HEADLINE if last != ":" else OTHER
    return OTHER


def _core(text: str) -> str:
    """Text without the closing quotes, brackets and spaces at its end."""
    return text.rstrip(_CLOSING + _SPACES)


def _ends_sentence(text: str) -> bool:
    return _core(text)[-1:] in SENTENCE_END


def _opens_like_title(text: str) -> bool:
    for char in text.lstrip(_OPENING + _SPACES)[:1]:
        if char.isalpha():
            return char.isupper()  # a caseless script has no headline shape to read
        return char.isdigit()
    return False


def _lead_in(line: Line) -> bool:
    """A sentence that introduces what follows ("The ministry named five projects:"),
    not a label in capitals ("RELATED COVERAGE:") nor a widget's prompt with a colon
    inside ("Sign up: it is free and you can:")."""
    text = trim_end(line.text).strip()
    if not text.endswith(":") or text.count(":") > 1 or len(text.split()) < 3:
        return False
    return any(c.islower() for c in text)


# -- runs -----------------------------------------------------------------------------------


def lines_of(doc: Document) -> list[Line]:
    """The non-blank lines of the body, with their shapes (the title and code are not body)."""
    out = []
    for b, block in enumerate(doc.blocks):
        if block.kind in ("title", "code"):
            continue
        for start, text in block.lines():
            text = text.removesuffix("\r")  # a CRLF line of raw HTML in Markdown keeps its CR
            if text.strip():
                out.append(Line(b, block, start, text, shape_of(text)))
    return out


def _repeats(mode: str, doc: Document, lines: list[Line], article: Sequence[int] | None = None) -> list[repeats.Repeat]:
    if mode == "repeated-title":
        return title_repeats(doc, lines)
    if mode == "recurrence":
        return recurrences(lines, doc.nesting, article)
    texts = [line.text for line in lines]
    return repeats.repeated_lines(texts, ["\n" in line.block.text.strip() for line in lines])


def title_repeats(doc: Document, lines: list[Line]) -> list[repeats.Repeat]:
    """The body lines that repeat the headline (a title from metadata may be printed
    again as the body's heading at its top), alone or with a kicker or the site's name."""
    texts = [line.text for line in lines]
    heading_allowed = doc.format != "text"
    found = repeats.title_repeats(doc.title, texts, heading_allowed=heading_allowed)
    if not doc.title:
        return found
    taken = {repeat.index for repeat in found}
    more = [
        repeats.Repeat(i, "the headline repeated in the body, with a kicker or the site's name")
        for i in _titled_repeats(doc.title, texts)
        if i not in taken and not (heading_allowed and i < repeats.EDGE_LINES)
    ]
    return sorted(found + more, key=lambda repeat: repeat.index) if more else found


# A headline's kicker or the site's name beside it: "BREAKING: <headline>", "<headline> | Site",
# "<headline> - Site", "Section » <headline>".
_TITLE_AFFIX = regexcache.compile(r"\s+[|–—-]\s+|:\s+|\s+[»›]\s+")
TITLE_AFFIX_WORDS = 4  # a kicker or a site's name is this short


def _title_cores(text: str) -> set[str]:
    """The headline of a line without a short kicker before it or a site's name after it
    (normalised as ``repeats.words_key``), the line itself among them."""
    out = {repeats.words_key(text)}
    parts = _TITLE_AFFIX.split(text.strip())
    if len(parts) >= 2:
        if len(parts[0].split()) <= TITLE_AFFIX_WORDS:
            out.add(repeats.words_key(" ".join(parts[1:])))
        if len(parts[-1].split()) <= TITLE_AFFIX_WORDS:
            out.add(repeats.words_key(" ".join(parts[:-1])))
    return out


def _titled_repeats(title: str, texts: list[str]) -> list[int]:
    """The lines that are the headline with a short kicker before it or the site's name after
    it (not the headline alone, which ``repeats.title_repeats`` reports; nor a line that is only
    a part of a headline that has a kicker itself: that is a crosshead)."""
    key = repeats.words_key(title)
    if len(key.split()) < 3:
        return []
    out = []
    for i, text in enumerate(texts):
        if len(text) > len(title) + 80 or not _TITLE_AFFIX.search(text):
            continue  # (no kicker or site name beside it, or much longer than the headline)
        if repeats.words_key(text) != key and key in _title_cores(text):
            out.append(i)
    return out


def recurrences(
    lines: list[Line], nesting: Mapping[int, int] | None = None, article: Sequence[int] | None = None
) -> list[repeats.Repeat]:
    """Short lines printed again and again: in a row, or once per post of a comment thread
    (a line in both is reported once), or as a block printed again outside the article's prose
    (``article``: ``_article_prose(lines)``, worked out when not given). Items of a nested list at
    different depths (``nesting``, a block's start: its depth) are the list's structure, not a
    row: an outline's "Item one" under "Item one"."""
    levels = None
    if nesting:
        levels = [nesting.get(line.block.start, 1) if line.block.kind == "list-item" else 0 for line in lines]
    if article is None:
        article = _article_prose(lines)
    top, foot = (article[0], article[-1]) if article else (len(lines), -1)
    outside = [-1 if k < top else 1 if k > foot else 0 for k in range(len(lines))]
    found = repeats.recurring([line.text for line in lines], [line.shape == PROSE for line in lines], levels, outside)
    first: dict[int, repeats.Repeat] = {}
    for repeat in found:
        first.setdefault(repeat.index, repeat)
    return [first[i] for i in sorted(first)]


def runs_of(doc: Document, lines: list[Line] | None = None, article: Sequence[int] | None = None) -> list[Run]:
    """The runs of headline or menu lines outside the article's prose (worked out once),
    from the document's ``lines_of`` and their ``_article_prose`` (given when already
    worked out)."""
    if lines is None:
        lines = lines_of(doc)
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []  # no article to be outside of: a list, a poem, a menu page
    first, last = article[0], article[-1]
    prose = frozenset(article)
    runs = []
    members = [i for i, line in enumerate(lines) if line.shape in (HEADLINE, MENU)]
    group: list[int] = []
    for i in members:
        # one line of another shape inside a run (a long headline) does not end it
        if group and (
            i - group[-1] > GAP + 1 or any(not _bridged(lines[k], k, prose) for k in range(group[-1] + 1, i))
        ):
            runs.append(group)
            group = []
        group.append(i)
    if group:
        runs.append(group)
    judged = [_judge(lines, group, first, last) for group in runs]
    # after the article, a run right before another run of the page's chrome closes the page as
    # well as its end does (jusText's short-between-bad, a run at a time; from the end back)
    for n in range(len(runs) - 2, -1, -1):
        after = judged[n + 1]
        near = runs[n + 1][0] - runs[n][-1] <= GAP + 1
        if judged[n] is None and runs[n][0] > last and near and after is not None and _reported(after):
            judged[n] = _judge(lines, runs[n], first, last, chrome_after=True)
    return [_with_label(run, lines, group[0]) for group, run in zip(runs, judged, strict=True) if run is not None]


def _reported(run: Run) -> bool:
    """Whether a run is long enough for the shipped rules to report it (their defaults)."""
    needed = PARAMETERS["properties"]["min_marked_run" if run.marked else "min_run"]["default"]
    return run.edge and len(run.lines) >= needed


def _with_label(run: Run, lines: list[Line], i: int) -> Run:
    """The run with the label just above it ("RELATED COVERAGE:", "Baca juga:"), when it
    has one: a short line ending in a colon that is not a sentence's lead-in."""
    if not run.edge or i == 0 or _lead_in(lines[i - 1]):
        return run
    text = trim_end(lines[i - 1].text).strip()
    if not text.endswith(":") or text.count(":") > 1 or len(text.split()) > LABEL_WORDS:
        return run
    return replace(run, lines=(lines[i - 1], *run.lines))


def _bridged(line: Line, index: int, prose: frozenset[int]) -> bool:
    """Whether a run goes on over this line: one long headline ending like a sentence
    (prose shape, but no prose near it)."""
    return line.shape == PROSE and index not in prose


def _shared_article(facts: Facts, lines: list[Line]) -> Sequence[int]:
    """``_article_prose`` of the document's ``lines_of`` (``lines``), worked out once for the
    kind's rules that read it (three tail sections, the doubled headlines, the runs), held
    as an array (four bytes a line of a long draft's prose, to the end of its lint)."""
    return facts.once(_article_prose, lambda: array("I", _article_prose(lines)))


def _article_prose(lines: list[Line]) -> list[int]:
    """The prose lines that have prose near them (a paragraph of the article, not one
    long question in a list of headlines), or every prose line when none has."""
    prose = [i for i, line in enumerate(lines) if line.shape == PROSE]
    near = GAP + 1
    supported = [
        i
        for n, i in enumerate(prose)
        if (n and i - prose[n - 1] <= near) or (n + 1 < len(prose) and prose[n + 1] - i <= near)
    ]
    return supported or prose


def _judge(lines: list[Line], group: list[int], first: int, last: int, chrome_after: bool = False) -> Run | None:
    """The run a group of headline or menu lines makes, or None; ``chrome_after``: another
    run of the page's chrome follows it (it closes the page as the page's end does)."""
    members = tuple(lines[k] for k in group)
    i, j = group[0], group[-1] + 1
    if i > 0 and _lead_in(lines[i - 1]):
        return None  # the article's own list, introduced by its lead-in
    if _credited(members):
        return None  # a reading list the column curates, each item crediting its outlet
    if j <= first:
        where, edge = "before the article's first paragraph", True
    elif i > last:
        where, edge = "after the article's last paragraph", True
    else:
        where, edge = "between paragraphs of the article", False
    if _data_lines(members) * 5 >= len(members) * 2:
        return None  # a table or a schedule ("15:55 WIB | Free Practice 1"), a line-up
    marked = _marked(members)
    if marked:
        menus = sum(1 for line in members if line.shape == MENU)
        kind = "nav-menu" if marked.startswith("links marked") and menus * 2 > len(members) else "related-list"
        return Run(members, kind, f"of {marked} {where}", edge, True)
    if not edge or _records(members):
        return None
    menus = sum(1 for line in members if line.shape == MENU)
    if menus * 2 > len(members):
        if all(_capitalised(line.text) for line in members):
            return Run(members, "nav-menu", f"of menu items {where}", edge, False)
        if (
            j <= first
            and _opens_page(lines, i)
            and any(_SENTENCE_CASE.search(line.text) for line in members)
            and not any(_BYLINE.match(line.text.strip()) for line in members)
            and not _items_of(lines, first, last, members)
        ):
            # items in sentence case ("Estilo de vida", "More from NBC") with nothing but the page's
            # short lines above them: the site's menu at the page's top (a list of names joined by
            # "e" or "and" is no menu; a headline-shaped line right above the article is its deck)
            items = members[:-1] if members[-1].shape != MENU else members
            return Run(items, "nav-menu", f"of menu items {where}, at the page's top", edge, False)
        block = _capitalised_block(lines, group)
        if block and not _items_of(lines, first, last, block):
            # the menu's items in capitals, with the article's headline or deck right next to them
            return Run(block, "nav-menu", f"of menu items {where}", edge, False)
        return None
    if menus * 4 > len(members) and not (chrome_after or _closes_page(lines, j)):
        return None  # short labels among longer lines (a plan, a programme), unless they close the page
    if menus * 4 > len(members) and len(members) >= ITEM_RUN and _median_words(members) < ITEM_WORDS:
        return None  # a long list of a few words an item ("Egypt", "Executive orders"): the article's own
    exclaimed = sum(1 for line in members if _core(line.text)[-1:] in "!?")
    if exclaimed * 4 > len(members):
        return None  # short sentences calling out to the reader: a post's closing lines
    if _verse(members):
        return None  # an epigraph or a poem: its lines go on from one another
    return Run(members, "related-list", f"of headlines {where}", edge, False)


# A line opening with a conjunction that joins it to the line before ("But", "Mas", "Und", "Tapi"):
# a verse's line or a sentence's part, never a headline of its own. (Not "o", an article in Portuguese.)
_JOINED = regexcache.compile(
    r"(?i:and|but|or|nor|yet|e|mas|ou|nem|y|pero|ni|et|mais|und|aber|oder|doch|dan|tapi|tetapi|atau|namun|serta)"
    r"\s+\S"
)


def _verse(members: tuple[Line, ...]) -> bool:
    """Whether a run of short lines is verse (an epigraph, a poem, a song), not a list of headlines:
    two of its lines or more, and a quarter or more, open with a conjunction joining them to the line
    before."""
    joined = sum(1 for line in members if _JOINED.match(line.text.strip()))
    return joined >= 2 and joined * 4 >= len(members)


# A byline or a credit among short lines: the article's header, not a menu's item.
_BYLINE = regexcache.compile(
    r"(?i:by|von|par|por|oleh|de|door|av)\s+\p{Lu}|\p{Lu}[\w.]*\s*:\s"
    r"|(?i:source|sources|quelle|fonte|fuente|sumber|photo|foto|credit|cr[ée]dito?)\b"
)


# A word in lower case of four letters or more: an item in sentence case ("Estilo de vida"), not
# names joined by a conjunction ("Henrique e Juliano", "Simon & Garfunkel").
_SENTENCE_CASE = regexcache.compile(r"(?<!\S)\p{Ll}{4,}")
MENU_COHESION = 5  # a list whose items name the article's things this often (1 in 5) is the article's


def _items_of(lines: list[Line], first: int, last: int, members: tuple[Line, ...]) -> bool:
    """Whether a list's items are the article's things: one in ``MENU_COHESION`` holds a long word
    or a name of its prose (the nominees of an award it reports on), as a site's menu does not."""
    words: set[str] = set()
    names: set[str] = set()
    for line in lines[first : last + 1]:
        words |= _long_words(line.text)
        names |= _names(line.text)
    shared = sum(1 for line in members if _long_words(line.text) & words or set(_NAME_WORD.findall(line.text)) & names)
    return shared * MENU_COHESION >= len(members)


_NAME_WORD = regexcache.compile(r"\p{Lu}\p{Ll}{3,}")


def _opens_page(lines: list[Line], i: int) -> bool:
    """Whether only short lines, none of them a sentence of prose, come before line ``i``."""
    return all(line.shape != PROSE and len(line.text.split(None, CLOSING_WORDS)) <= CLOSING_WORDS for line in lines[:i])


def _capitalised_block(lines: list[Line], group: list[int]) -> tuple[Line, ...]:
    """The longest block of adjacent menu items in capitals in a group ("DEPORTES" / "Cultura"), when
    it is as long as a reported run; empty otherwise."""
    best: list[int] = []
    block: list[int] = []
    for k in group:
        line = lines[k]
        if line.shape == MENU and _capitalised(line.text) and (not block or k == block[-1] + 1):
            block.append(k)
        else:
            block = [k] if line.shape == MENU and _capitalised(line.text) else []
        if len(block) > len(best):
            best = list(block)
    return tuple(lines[k] for k in best) if len(best) >= PARAMETERS["properties"]["min_run"]["default"] else ()


def _credited(members: tuple[Line, ...]) -> bool:
    """A reading list the article curates ("Research and Insight:" then "Older adults'
    savings took a beating in 2021: Study (ThinkAdvisor)"): most items close on the name
    of the outlet that published them, in brackets, and the names differ (a site's own
    related headlines name no outlet; "(Video)" on every item is a label, not a credit)."""
    credits = [m.group(1).casefold() for line in members if (m := _CREDIT.search(trim_end(line.text).strip()))]
    return len(credits) * 3 >= len(members) * 2 and len(set(credits)) >= CREDITED_OUTLETS


def _median_words(members: tuple[Line, ...]) -> int:
    counts = sorted(len(line.text.split()) for line in members)
    return counts[len(counts) // 2]


def _closes_page(lines: list[Line], j: int) -> bool:
    """Whether only short lines, none of them a sentence of prose, follow line ``j - 1``:
    the run is part of the page's closing chrome, not a plan with its text after it."""
    return all(line.shape != PROSE and len(line.text.split(None, CLOSING_WORDS)) <= CLOSING_WORDS for line in lines[j:])


def _marked(members: tuple[Line, ...]) -> str:
    """What marks a run as a widget's list whatever its place: links, or "Section | Headline"."""
    texts = [trim_end(line.text).strip() for line in members]
    if sum(1 for t in texts if _LINK_ITEM.fullmatch(t)) * 2 > len(texts):
        return "linked headlines"
    if sum(1 for t in texts if _SECTION_HEADLINE.match(t)) * 2 > len(texts):
        return "'Section | Headline' lines"
    if sum(1 for t in texts if _ARROW_ITEM.match(t) or t[:1] in _LEADING_ARROWS) * 2 > len(texts):
        return "links marked with an arrow"
    return ""


def _records(members: tuple[Line, ...]) -> bool:
    """Entries of a table or of similar records (results, a line-up, "Artigo 14, ..."),
    not headlines: steps opening with a linking word, or most lines opening with the same
    word as another."""
    texts = [trim_end(line.text).strip() for line in members]
    linked = sum(1 for t in texts if _LINKED_OPENING.match(t))
    if linked * 4 > len(texts):
        return True  # steps that lean on each other ("Lalu, ...", "Then, ..."): the article's own
    openings = [t.split(None, 1)[0].casefold() for t in texts]
    counts: dict[str, int] = {}
    for word in openings:
        counts[word] = counts.get(word, 0) + 1
    return sum(1 for word in openings if counts[word] > 1) * 2 > len(openings)


def _data_lines(members: tuple[Line, ...]) -> int:
    """How many lines are entries of a table or a record (a link's text is read, not its address)."""
    count = 0
    for line in members:
        text = trim_end(line.text).strip()
        link = _LINK_ITEM.fullmatch(text) if text[:1] == "[" else None  # (a link item opens with its bracket)
        count += _is_data(link.group(1) if link else text)
    return count


def _is_data(text: str) -> bool:
    """Whether a line reads as a table's entry or a record, not a headline: a kicker before
    a headline ("Mozilla: Neue Firefox-Versionen alle sechs Wochen") is a headline."""
    if _DATA_LINE.search(text) is None:
        return False
    kicker = _KICKER.match(text.strip())
    if kicker is None:
        return True
    rest = kicker.group(1)
    words = rest.split()
    numbers = sum(1 for word in words if any(c.isdigit() for c in word))
    # a headline's numbers are a version, a date, a model ("Firefox 5 ab 21. Juni 2011"): one, or
    # more with three words of letters at least and as many as them; a record's numbers are its
    # values, listed with commas ("Smith 12, Jones 45, Brown 78")
    letters = len(words) - numbers
    numbered = numbers <= 1 or (letters >= KICKER_LETTERS and numbers <= letters and "," not in rest)
    headline = len(words) >= 4 and numbered and _opens_like_title(rest)
    return not headline or _DATA_LINE.search(rest) is not None


def _capitalised(text: str) -> bool:
    """Every word opens with a capital or is not a word ("Mercedes Benz", "TELEVISIÓN")."""
    return all(not word[:1].islower() for word in text.split())


# -- widgets told by their label or by a doubled title --------------------------------------


def _label_key(text: str) -> str:
    """A label as compared: case, spaces and the closing colon or dash ignored."""
    return " ".join(trim_end(text).strip().rstrip(":：-–—»>").split()).casefold()


def labelled_lists(lines: list[Line], labels: frozenset[str], min_run: int) -> list[tuple[int, str]]:
    """The second and later headlines of each run of ``min_run`` or more headline lines
    right under a line that is only a widget's label; a table's entries are not headlines."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if len(line.text) > 60 or _label_key(line.text) not in labels:
            continue
        j = i + 1
        while j < len(lines) and lines[j].shape == HEADLINE and not _is_data(lines[j].text):
            if j + 1 < len(lines) and lines[j + 1].text.strip() == lines[j].text.strip():
                break  # a headline printed twice is another widget (markup/doubled-headline)
            j += 1
        size = j - i - 1
        if size >= min_run:
            label = trim_end(line.text).strip()
            out.extend((k, f"headline {k - i} of {size} under the label '{label}'") for k in range(i + 2, j))
    return out


def doubled_headlines(lines: list[Line], article: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """Headline lines printed exactly twice in a row after the article's last paragraph,
    with only the page's short closing lines after them (both copies; three or more in a
    row are markup/recurring-line's). ``article``: ``_article_prose(lines)``, when worked out."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    texts = [trim_end(line.text).strip() for line in lines]
    out: list[tuple[int, str]] = []
    for i in range(article[-1] + 1, len(lines) - 1):
        if lines[i].shape != HEADLINE or texts[i] != texts[i + 1] or _DATA_LINE.search(texts[i]):
            continue  # a table's entry said twice is not a headline
        if texts[i - 1] == texts[i] or (i + 2 < len(lines) and texts[i + 2] == texts[i]):
            continue
        if not _closes_page(lines, i + 2):
            continue  # text goes on after it: a caption printed twice, not the page's closing widget
        out.append((i, "a headline printed twice in a row after the article's last paragraph"))
        out.append((i + 1, "the headline above printed again after the article's last paragraph"))
    return out


# -- the page's tail, opened by a header of its chrome --------------------------------------

TAIL_HEADER_CHARS = 80  # a header is a short line
TAIL_WILD_WORDS = 6  # the words a label's " *" takes ("More from The Daily Beast")
TAIL_PARAGRAPH_WORDS = 40  # a line this long after a header is the article going on
TAIL_WIDGET_HEADLINES = 3  # a widget the article goes on after lists this many (one, then a crosshead, is not)
THREAD_POST_WORDS = 4  # the middle line of a comment thread is this long (a table's cells are shorter)
_HEADER_SEPARATORS = regexcache.compile(r"\s+[•·|]\s+")
_HEADER_NOISE = regexcache.compile(r"[\d.,]+|[\[\](){}<>«»›‹\"“”'‘’:：!?…→↓▼•·|*_–—-]+", rx.V1)
_HEADER_COUNT = regexcache.compile(r"(?<!\w)\d[\d.,]*(?!\w)")
_QUOTED_SPEECH = regexcache.compile(r"^[\"“„«‘'”]\s?\p{L}")


def header_key(text: str, counted: bool = False) -> str:
    """A header as compared: case, brackets and punctuation aside, and its count aside
    ("3 Comments", "Comments (3)", "{ 3 comments }" are "comments") or, ``counted``,
    read as "#" ("# comments": a label written so needs its count, "1 Comment" where a
    table's column says "Comment"); a label's closing " *" is kept as the wildcard."""
    text = trim_end(text).strip()
    wild = text.endswith(" *")
    text = text.removesuffix(" *")
    if counted or text.startswith("#"):
        text = _HEADER_COUNT.sub(" # ", text)
    key = " ".join(_HEADER_NOISE.sub(" ", text).split()).casefold()
    return f"{key} *" if wild and key else key


def _is_header(text: str, labels: frozenset[str]) -> bool:
    """Whether a line is only a header of the page's chrome, or two such headers joined
    by a separator ("210 Comments • Add a comment")."""
    if len(text) > TAIL_HEADER_CHARS:
        return False
    parts = _HEADER_SEPARATORS.split(trim_end(text).strip())
    return all(_header_part(part, labels) for part in parts)


def _header_part(text: str, labels: frozenset[str]) -> bool:
    key = header_key(text)
    if not key:
        return False
    if key in labels or header_key(text, counted=True) in labels:
        return True
    if _core(text)[-1:] in SENTENCE_END:
        return False  # a sentence ("Mais de 6.500 presos serão afetados."), not a name after a label
    words = key.split()
    names = _HEADER_NOISE.sub(" ", text).split()  # the same words, their case kept
    for n in range(1, min(len(words), 8)):
        head = " ".join(words[:n])
        if f"{head} *" in labels and len(words) - n <= TAIL_WILD_WORDS:
            return len(names) == len(words) and not names[n][:1].islower()  # "More from The Courier"
    return False


def _goes_on(line: Line) -> bool:
    """Whether a line after a header is the article going on: a paragraph of two sentences
    or more, a long one, or quoted speech."""
    text = trim_end(line.text).strip()
    words = len(text.split())
    if line.shape != PROSE and words < TAIL_PARAGRAPH_WORDS:
        return _QUOTED_SPEECH.match(text) is not None and words >= LABEL_WORDS
    return words >= TAIL_PARAGRAPH_WORDS or _TWO_SENTENCES.search(text) is not None or text[:1] in '"“„«'


_LONG_WORD = regexcache.compile(r"\p{L}{6,}")
_QUOTATION = regexcache.compile(r"[\"“„«]\s?\p{L}[^\"“”„«»]{0,300}?\s[^\"“”„«»]{0,300}?\s[^\"“”„«»]{0,300}?[\"”“»]")
TAIL_COHESION = 3  # a tail whose lines share words with the article this often (1 in 3) is the article
CLOSING_COHESION = 5  # ... after the article's close, where only its bio or a correction may follow, 1 in 5


_NAME = regexcache.compile(r"(?<=\S\s+)\p{Lu}\p{Ll}{3,}")


def _long_words(text: str) -> set[str]:
    return {word.casefold() for word in _LONG_WORD.findall(text)}


def _names(text: str) -> set[str]:
    """The capitalised words inside a sentence (names: "Obrador", "Thüringen")."""
    return set(_NAME.findall(text))


def _article_goes_on(lines: list[Line], header: int, rest: range, strict: bool = False) -> bool:
    """Whether the lines after a header carry on the article rather than list other stories:
    one in three of them (one in five, ``strict``) shares two long words or a name with the
    article above (teasers are about other things), or one quotes someone."""
    above: set[str] = set()
    names: set[str] = set()
    for line in lines[:header]:
        above |= _long_words(line.text)
        names |= _names(line.text)
    if any(_QUOTATION.search(lines[k].text) for k in rest):
        return True
    cohesive = sum(1 for k in rest if len(_long_words(lines[k].text) & above) >= 2 or _names(lines[k].text) & names)
    return cohesive * (CLOSING_COHESION if strict else TAIL_COHESION) >= len(rest) > 0


def _is_notice(text: str, notice: rx.Pattern[str] | None) -> bool:
    """Whether a line is a notice of the section (``notice`` at its start): a short line,
    not a sentence that goes on to report it; or a longer one whose first sentence, the
    notice's, is short (a disclaimer with the section's house rules after it)."""
    if notice is None:
        return False
    text = trim_end(text).strip()
    size = len(text.split(None, NOTICE_LINE_WORDS))
    if size > NOTICE_LINE_WORDS:
        return False
    found = notice.match(text)
    if found is None:
        return False
    if size <= NOTICE_WORDS:
        return True
    # a longer line: the notice's own sentence is short, the section's house rules follow it
    end = _NOTICE_END.search(text, found.end())
    return end is not None and len(text[: end.start() + 1].split()) <= NOTICE_WORDS


NOTICE_WORDS = 30  # a section's notice is a sentence or two: "Comments are closed."
NOTICE_LINE_WORDS = 60  # ... with the section's house rules after it, when its own sentence is short:
# "Os comentários não representam a opinião do site; a responsabilidade é do autor da mensagem.
# Em respeito a todos os leitores, não são publicados comentários que contenham ..."
_NOTICE_END = regexcache.compile(r"[.!?](?=\s|$)")


CLOSING_TAIL = 3  # lines after the article's close that make a tail (a bio or a correction is one)
CLOSING_CHARS = 200  # a closing line is short


def _closes(text: str, closing: rx.Pattern[str] | None) -> bool:
    """Whether a line closes the article: its sign-off, or the rule's ``closing`` (a copyright line)."""
    if closing is None or len(text) > CLOSING_CHARS:
        return False
    text = trim_end(text).strip()
    return sign_off(text) or closing.match(text) is not None


def tail_sections(
    lines: list[Line],
    labels: frozenset[str],
    to_end: bool,
    notice: rx.Pattern[str] | None = None,
    closing: rx.Pattern[str] | None = None,
    voice: Voice | None = None,
    article: Sequence[int] | None = None,
    notice_blocks: AbstractSet[int] | None = None,
) -> list[tuple[int, str]]:
    """The header lines (or notices) that open the page's tail after the article's first
    paragraph, and the lines after each: all of them to the end of the page (``to_end``),
    or, when the article goes on after the header, only the headline-shaped lines before it
    does. A line that closes the article (``closing``) opens a tail of ``CLOSING_TAIL`` lines
    or more; it is not reported itself (its own rules report a copyright line).
    ``article``: ``_article_prose(lines)``, when worked out (the kind's rules share it).
    ``notice_blocks``: the blocks that hold a string every match of ``notice`` holds, when
    known: a line of another block is no notice."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    out: list[tuple[int, str]] = []
    i = article[0] + 1
    if to_end:
        # a thread's header may follow a story of one paragraph that no other prose line is near
        # (a short post whose readers' posts are the page's other prose): the story starts there
        i = min(i, next((k + 1 for k, line in enumerate(lines) if line.shape == PROSE), i))
    while i < len(lines):
        line = lines[i]
        closer = _closes(line.text, closing)
        is_notice = False
        if not closer and not _is_header(line.text, labels):
            no_notice = notice_blocks is not None and line.block_index not in notice_blocks  # (then no match)
            is_notice = not no_notice and _is_notice(line.text, notice)
            if not is_notice:
                i += 1
                continue
        header = trim_end(lines[i].text).strip()
        if len(header) > TAIL_HEADER_CHARS:
            header = header[: TAIL_HEADER_CHARS - 3].rstrip() + "..."
        rest = range(i + 1, len(lines))
        if not to_end:
            # the article's sign-off ("(fem/ddn)") after the widget closes it: the widget sat inside
            rest = range(i + 1, next((k for k in rest if sign_off(lines[k].text)), len(lines)))
        going_on = None if to_end else next((k for k in rest if _goes_on(lines[k])), None)
        if going_on is None and not to_end and _article_goes_on(lines, i, rest, strict=closer):
            break  # sentences that carry on the article's subject after a read-also label
        if not rest:
            break  # a header alone at the page's end: markup/widget-line's, with nothing under it
        if to_end and _median_words(tuple(lines[k] for k in rest)) < THREAD_POST_WORDS:
            break  # cells of a table under its "Comments" column, not readers' posts
        if to_end and not _thread_like(
            lines,
            i,
            rest,
            voice,
            lambda text: _is_header(text, labels) or _is_notice(text, notice),
            counted=is_notice or _HEADER_COUNT.search(header) is not None,
        ):
            i += 1
            continue  # the article goes on after the header or notice: it is the story's own line
        if closer:
            if going_on is None and len(rest) >= CLOSING_TAIL:
                out.extend((k, f"line {k - i} of the page's tail after the article's close ('{header}')") for k in rest)
                break
            i = going_on if going_on is not None else len(lines)
            continue
        if going_on is None and (to_end or len(rest) > 1 or lines[rest[0]].shape in (HEADLINE, MENU)):
            out.append((i, f"a header of the page's tail ('{header}')"))
            out.extend((k, f"line {k - i} of the page's tail under '{header}'") for k in rest)
            break
        if going_on is None:
            break  # one sentence after a header is the article's last paragraph, not a list of teasers
        ahead = [k for k in range(i + 1, going_on) if lines[k].shape in (HEADLINE, MENU)]
        if len(ahead) >= TAIL_WIDGET_HEADLINES and len(ahead) == going_on - i - 1:
            out.append((i, f"a header of the page's chrome ('{header}')"))
            out.extend((k, f"headline {k - i} under '{header}'") for k in ahead)
        i = going_on
    return out


THREAD_NEAR_END = 2  # this few lines after a thread's header or notice are its posts, whatever they say
THREAD_SPOKEN = 3  # ... more are posts when one in three speaks in a reader's voice
THREAD_STAMPS = 3  # a short line printed this often under a header is each post's stamp or button
_STAMP_DIGITS = regexcache.compile(r"\d+")


def _thread_like(
    lines: list[Line],
    header: int,
    rest: range,
    voice: Voice | None,
    marker: Callable[[str], bool],
    counted: bool = False,
) -> bool:
    """Whether the lines after a thread's header or notice look like a thread, not the
    article going on: the page ends within ``THREAD_NEAR_END`` lines; or they do not carry
    on the article's words (``_article_goes_on``, strictly); or another of the thread's
    headers or notices is among them (``marker``: the form's "You need to be registered to
    comment" under the posts); or a short line recurs ``THREAD_STAMPS`` times, numbers
    masked (each post's "Posted on 04/13/2011", "Reply"); or one post in ``THREAD_SPOKEN``
    speaks in a reader's voice (``_speaks``).
    Under a header that counts its posts ("160 commentaires", "Comments (12)") or a notice of
    the section ("Os comentários não representam a opinião do site"), which no article prints
    as a crosshead, a post's tone counts as its voice too (``_chatty``: a question or an
    exclamation, a trailing ellipsis, a lower-case opening, an "@")."""
    if len(rest) <= THREAD_NEAR_END or not _article_goes_on(lines, header, rest, strict=True):
        return True
    if any(marker(lines[k].text) for k in rest):
        return True
    stamps: dict[str, int] = {}
    for k in rest:
        text = trim_end(lines[k].text).strip()
        if len(text.split(None, LABEL_WORDS)) <= LABEL_WORDS:
            key = _STAMP_DIGITS.sub("0", text.casefold())
            stamps[key] = stamps.get(key, 0) + 1
    if stamps and max(stamps.values()) >= THREAD_STAMPS:
        return True
    if voice is None:
        return False
    posts = [k for k in rest if len(lines[k].text.split(None, THREAD_POST_MIN_WORDS)) >= THREAD_POST_MIN_WORDS]
    spoken = sum(1 for k in posts if voice.speaks(lines[k].text) or (counted and _chatty(lines[k].text)))
    return spoken * THREAD_SPOKEN >= len(posts) > 0


_CHATTY = regexcache.compile(r"[!?]|\.\.\.|…|(?<!\w)@|^\s*\p{Ll}")


def _chatty(text: str) -> bool:
    """Whether a line has a reader's tone: outside quotation marks, a question or an
    exclamation, an ellipsis, an "@", or a lower-case opening."""
    text = trim_end(text).strip()
    if not text or text[:1] in _QUOTE_OPENINGS:
        return False
    return _CHATTY.search(_QUOTED_SPAN.sub(" ", text)) is not None


# -- a teaser list without a header: section labels, each with one teaser ---------------------

PAIR_TEASER_WORDS = (4, 40)  # a teaser is one sentence of this many words
PAIR_LABELS = 3  # the sections of a teaser list are this many (not "Question" / "Answer")


def _pair_label(line: Line) -> bool:
    """A section's label above a teaser: a menu item whose every word is capitalised."""
    text = trim_end(line.text).strip()
    return line.shape == MENU and _capitalised(text) and not _is_data(text) and not text.endswith(":")


def _pair_teaser(line: Line) -> bool:
    """One teaser: a headline, or a single sentence of a few words (not two sentences)."""
    text = trim_end(line.text).strip()
    if line.shape == HEADLINE:
        return not _is_data(text)
    words = len(text.split())
    if not PAIR_TEASER_WORDS[0] <= words <= PAIR_TEASER_WORDS[1] or not _ends_sentence(text):
        return False
    return _opens_like_title(text) and _TWO_SENTENCES.search(text) is None


def _about_the_article(lines: list[Line], first: int, last: int, pairs: list[int]) -> bool:
    """Whether the pairs starting at ``pairs`` carry on the article rather than tease other
    stories: one in three has a teaser sharing two long words or a name with its prose, or a
    label whose words are all the article's (a glossary of its terms)."""
    words: set[str] = set()
    names: set[str] = set()
    vocabulary: set[str] = set()
    for line in lines[first : last + 1]:
        words |= _long_words(line.text)
        names |= _names(line.text)
        vocabulary |= {word.casefold() for word in _WORD.findall(line.text)}
    shared = 0
    for k in pairs:
        teaser = lines[k + 1].text
        label = {word.casefold() for word in _WORD.findall(lines[k].text)}
        if len(_long_words(teaser) & words) >= 2 or _names(teaser) & names or (label and label <= vocabulary):
            shared += 1
    return shared * TAIL_COHESION >= len(pairs)


_WORD = regexcache.compile(r"\p{L}+")


def _pair(lines: list[Line], i: int) -> bool:
    return _pair_label(lines[i]) and _pair_teaser(lines[i + 1])


def teaser_pairs(lines: list[Line], min_run: int, article: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """Runs of ``min_run`` or more (label, teaser) pairs in a row outside the article's
    prose (before its first paragraph or after its last) with no sentence of the article
    between them and the page's edge, and the short lines right after the last pair, up
    to the article's sign-off. ``article``: ``_article_prose(lines)``, when worked out."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    first, last = article[0], article[-1]
    out: list[tuple[int, str]] = []
    i = 0
    while i + 1 < len(lines):
        if first <= i <= last or not _pair(lines, i):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and not first <= j + 1 <= last and _pair(lines, j):
            j += 2
        pairs = (j - i) // 2
        labels = {_label_key(lines[k].text) for k in range(i, j, 2)}
        outside = lines[j:] if i > last else lines[:i]
        if (
            pairs < min_run
            or len(labels) < PAIR_LABELS
            or any(_sentence(line) for line in outside)
            or _about_the_article(lines, first, last, list(range(i, j, 2)))
        ):
            i = j if j > i else i + 1
            continue
        where = "before the article's first paragraph" if j <= first else "after the article's last paragraph"
        for k in range(i, j):
            role = "label" if (k - i) % 2 == 0 else "teaser"
            out.append((k, f"{role} of pair {(k - i) // 2 + 1} of {pairs} section-and-teaser pairs {where}"))
        k = j
        while i > last and k < len(lines) and _trailing(lines[k]):  # (before the article: its byline)
            out.append((k, f"a short line right after {pairs} section-and-teaser pairs"))
            k += 1
        i = k
    return out


def _sentence(line: Line) -> bool:
    """A line of the article: a sentence of more than ``CLOSING_WORDS`` words."""
    text = trim_end(line.text).strip()
    return _ends_sentence(text) and len(text.split(None, CLOSING_WORDS)) > CLOSING_WORDS


def _trailing(line: Line) -> bool:
    """A short line of the widget after its teasers (a date, a time), not the article's sign-off."""
    text = trim_end(line.text).strip()
    return line.shape != PROSE and len(text.split(None, CLOSING_WORDS)) <= CLOSING_WORDS and not sign_off(text)


# -- a teaser list told by its stamps: each teaser's date, time or byline ----------------------

STAMP_WORDS = 10  # a stamp is short: "By George Fitzmaurice February 07, 2024", "10:59 | FOOTBALL"
STAMP_CHARS = 80
STAMP_REST_WORDS = 4  # ... its words besides the date: a section, a writer, "by", "Video"
STAMP_RUN = 3  # stamps of a teaser list after the article (a story's own dates are one or two)
STAMP_RUN_BEFORE = 4  # ... before it, where the story's byline, date and update stamp are three
STAMP_GAP = 2  # lines between two stamps of a list: its teaser, a label
STAMP_LINE_WORDS = 40  # a teaser between two stamps is a headline or a sentence or two
STAMP_TEASERS = 2  # headlines right above a block of stamps are twice the stamps at most
# A date inside a line ("June 20, 2024", "FitzmauriceFebruary 07, 2024", "20 juin 2024", "06/11/18",
# "01.03.2022", "2024-06-20"), a time of day ("10:59", "17:59 Uhr", "21h30"), a time ago.
_STAMP_DATE = regexcache.compile(
    r"\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)|(?<!\d)\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+(?:19|20)\d\d(?!\d)"
    r"|(?<![\d.,])\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d(?![\d.,])|(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)"
)
_STAMP_TIME = regexcache.compile(r"(?<![\d.,])\d{1,2}[:h]\d{2}(?![\d.,])(?:\s*(?:[ap]\.?m\.?)(?!\w))?", rx.IGNORECASE)
_STAMP_SEPARATORS = regexcache.compile(r"[|•·,:;()\[\]/–—-]+")


def stamp_of(text: str) -> str:
    """What a line is a stamp of, or "": "date" (a date, a time ago), "time" (a time of day with a
    label, "10:59 | FOOTBALL"), "bare time" (a time alone: a live report's entry, not a teaser's).
    Besides the date a stamp has a few words at most, each capitalised (a section, a writer) or a
    short linking word ("by", "le", "von"); it is no sentence."""
    text = trim_end(text).strip()
    if len(text) > STAMP_CHARS or len(text.split(None, STAMP_WORDS)) > STAMP_WORDS or _ends_sentence(text):
        return ""
    rest, dated = _STAMP_DATE.subn(" ", text)
    rest, ago = repeats.RELATIVE_TIME.subn(" ", rest)
    rest, timed = _STAMP_TIME.subn(" ", rest)
    if not (dated or ago or timed):
        return ""
    words = _STAMP_SEPARATORS.sub(" ", rest).split()
    if len(words) > STAMP_REST_WORDS or any(w[:1].islower() and len(w) > 3 for w in words):
        return ""  # a sentence with a date in it ("the vote was held on June 5, 2024")
    if dated or ago:
        return "date"
    return "time" if words else "bare time"


def teaser_stamps(lines: list[Line], article: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """Teaser lists told by their stamps, outside the article's prose: ``STAMP_RUN`` or more
    stamps (``STAMP_RUN_BEFORE`` before the article), each within ``STAMP_GAP`` lines of the next
    (each teaser's date printed under or over it, "Business" / "June 20, 2024"), and the lines
    between them; or stamps in a row (the list's dates printed as a block), with the headlines
    right above them, twice as many as the stamps at most, up to a line that shares the
    article's words. Not times alone (a live report's entries),
    and not when the lines between the stamps carry on the article (a timeline of its events).
    ``article``: ``_article_prose(lines)``, when worked out."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    first, last = article[0], article[-1]
    kinds = [
        stamp_of(line.text) if (k < first or k > last) and line.shape != PROSE else "" for k, line in enumerate(lines)
    ]
    at = [k for k, kind in enumerate(kinds) if kind]
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(at):
        # a list prints its stamps at one stride: in a row, or each one line (or two) from the next
        m = n
        stride = at[n + 1] - at[n] if n + 1 < len(at) else 0
        side = at[n] < first
        while m + 1 < len(at) and at[m + 1] - at[m] == stride <= STAMP_GAP + 1 and (at[m + 1] < first) == side:
            m += 1
        group = at[n : m + 1]
        found = _stamped(lines, kinds, group, first, last)
        out.extend(found)
        n = m + 1 if found or m == n else m  # (a group too short to report: its last stamp may open the next)
    return out + _shuffled_stamps(lines, first, last)


STAMP_RUN_INSIDE = 4  # stamps of a teaser list among the article's lines, their dates out of order
STAMP_TURNS = 2  # ... that many steps forward in time and as many back, at least
STAMP_TEASER_WORDS = 80  # ... each teaser between them a headline and its lead, not a long paragraph
_NUMERIC_DATE = regexcache.compile(
    r"(?<![\d.,])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)?\d\d)(?![\d.,])|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"
)


def _shuffled_stamps(lines: list[Line], first: int, last: int) -> list[tuple[int, str]]:
    """A teaser list among the article's own lines (its teasers are sentences, so they read as
    the article's prose), told by its stamps: ``STAMP_RUN_INSIDE`` or more lines that are each
    only a numeric date ("01.09.17"), one teaser between each and the next, whose dates go back
    and forth in time (``STAMP_TURNS`` steps each way, whether read day first or month first).
    The dated entries of a timeline follow each other in order; a list of other stories is
    ordered by something else."""
    at = [k for k in range(first, last + 1) if lines[k].shape != PROSE and _date_key(lines[k].text, True)]
    out: list[tuple[int, str]] = []
    n = 0
    while n < len(at):
        m = n
        while m + 1 < len(at) and at[m + 1] - at[m] == 2:
            m += 1
        group = at[n : m + 1]
        n = m + 1
        between = [k + 1 for k in group[:-1]]
        if len(group) < STAMP_RUN_INSIDE or not _shuffled(lines, group):
            continue
        if any(len(lines[k].text.split(None, STAMP_TEASER_WORDS)) > STAMP_TEASER_WORDS for k in between):
            continue
        if any(sign_off(trim_end(lines[k].text).strip()) for k in between):
            continue
        sample = trim_end(lines[group[0]].text).strip()
        evidence = f"a teaser list of {len(group)} stamps like '{sample}' whose dates are out of order"
        out.extend((k, evidence) for k in range(group[0], group[-1] + 1))
    return out


def _date_key(text: str, day_first: bool) -> tuple[int, int, int] | None:
    """A line that is only a numeric date, as (year, month, day), or None."""
    match = _NUMERIC_DATE.fullmatch(trim_end(text).strip())
    if match is None:
        return None
    if match.group(4):
        return int(match.group(4)), int(match.group(5)), int(match.group(6))
    a, b, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    day, month = (a, b) if day_first else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return (year + 2000 if year < 100 else year), month, day


def _shuffled(lines: list[Line], group: list[int]) -> bool:
    """Whether the group's dates turn back and forth in time, read day first and month first."""
    for day_first in (True, False):
        read = [_date_key(lines[k].text, day_first) for k in group]
        keys = [key for key in read if key is not None]
        if len(keys) < len(read):
            continue  # not dates when read this way ("08/27/17" day first)
        steps = list(zip(keys, keys[1:]))  # noqa: B905 - the list and its tail
        forth = sum(1 for a, b in steps if b > a)
        back = sum(1 for a, b in steps if b < a)
        if forth < STAMP_TURNS or back < STAMP_TURNS:
            return False
    return True


def _stamped(lines: list[Line], kinds: list[str], group: list[int], first: int, last: int) -> list[tuple[int, str]]:
    """The lines of one group of stamps to report (see ``teaser_stamps``)."""
    before = group[0] < first
    if len(group) < (STAMP_RUN_BEFORE if before else STAMP_RUN):
        return []
    if all(kinds[k] == "bare time" for k in group):
        return []  # a live report's times: its entries are the article's
    between = [k for k in range(group[0], group[-1] + 1) if not kinds[k]]
    if any(len(lines[k].text.split(None, STAMP_LINE_WORDS)) > STAMP_LINE_WORDS for k in between):
        return []
    if any(sign_off(trim_end(lines[k].text).strip()) for k in between):
        return []  # the article's sign-off among them: its own dates
    above: list[int] = []
    if not between and not before:
        # the teasers right above a block of stamps, up to a line that shares the article's words
        k = group[0] - 1
        while k > last and len(above) < STAMP_TEASERS * len(group) and _stamp_teaser(lines[k]):
            if _carries_article(lines, first, last, [k]):
                break
            above.append(k)
            k -= 1
    if between and _carries_article(lines, first, last, between):
        return []  # a timeline of the article's own events, each under its date
    sample = trim_end(lines[group[0]].text).strip()
    where = "before the article's first paragraph" if before else "after the article's last paragraph"
    evidence = f"a teaser list of {len(group)} stamps like '{sample}' {where}"
    return [(k, evidence) for k in sorted(above) + list(range(group[0], group[-1] + 1))]


def _stamp_teaser(line: Line) -> bool:
    """A teaser right above a block of stamps: a headline (no full stop: a short sentence may be
    the article's last paragraph), not a label ("ALSO", "Related:") nor the article's sign-off."""
    text = trim_end(line.text).strip()
    return line.shape == HEADLINE and not text.endswith(":") and not sign_off(text) and not _is_data(text)


def _carries_article(lines: list[Line], first: int, last: int, teasers: list[int]) -> bool:
    """Whether teasers carry on the article: one in three shares two long words or a name
    with its prose (teasers of other stories are about other things)."""
    words: set[str] = set()
    names: set[str] = set()
    for line in lines[first : last + 1]:
        words |= _long_words(line.text)
        names |= _names(line.text)
    shared = sum(1 for k in teasers if len(_long_words(lines[k].text) & words) >= 2 or _names(lines[k].text) & names)
    return shared * TAIL_COHESION >= len(teasers)


# -- a menu printed on one line, its links joined by a separator -------------------------------

BAR_SEPARATORS = "|/•·»"
BAR_ITEM_WORDS = 6  # a link's text is short: "Terms of Use & Grievance Redressal"
BAR_CHARS = 300
_BAR_LABEL = regexcache.compile(r"^[^:|/•·»]{1,40}:\s*")  # "Visite también: elcomercio.pe| peru21.pe| ..."
_ACRONYM = regexcache.compile(r"[\p{Lu}\d&.-]{1,8}")


def link_bars(lines: list[Line], min_items: int, article: Sequence[int] | None = None) -> list[tuple[int, str]]:
    """Lines outside the article's prose that are only a menu's links joined by one separator, with
    or without spaces around it ("About us/Advertise with us/Privacy Policy/Feedback/Sitemap",
    "Visite también: elcomercio.pe| peru21.pe| peru.com| depor.com"): ``min_items`` links or more,
    each of one to ``BAR_ITEM_WORDS`` words opening with a capital, or a site's domain; no figures
    but in domains, no sentence, no address, and not a credit of agencies in capitals
    ("AFP/Reuters/AP")."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    first, last = article[0], article[-1]
    out: list[tuple[int, str]] = []
    for k, line in enumerate(lines):
        if first <= k <= last or line.shape == PROSE:
            continue
        items = _bar_items(trim_end(line.text).strip(), min_items)
        if items:
            out.append((k, f"{len(items)} links joined by '{items[0][0]}' on one line, outside the article"))
    return out


# The text of a link: words, "&" and apostrophes ("Terms of Use & Grievance Redressal", "Editor's picks").
_BAR_ITEM = regexcache.compile(r"[\p{L}&'’.]+(?:[ -][\p{L}&'’.]+)*")


def _split_bar(text: str, sep: str, labelled: bool = True) -> list[str]:
    """A bar's items (a label before them set aside when ``labelled``), its trailing separators aside."""
    body = _BAR_LABEL.sub("", text, count=1) if labelled else text
    items = [item.strip() for item in body.split(sep)]
    while items and not items[-1]:
        items.pop()  # a trailing separator ("... Code of Ethics//")
    return items


def _bar_items(text: str, min_items: int) -> list[tuple[str, str]]:
    """The (separator, item) pairs of a line that is a link bar, or [] (see ``link_bars``)."""
    if len(text) > BAR_CHARS or text[:1] in BAR_SEPARATORS or "://" in text or "www." in text.casefold():
        return []
    counts = {sep: text.count(sep) for sep in BAR_SEPARATORS}
    sep = max(counts, key=lambda c: counts[c])
    if counts[sep] < min_items - 1 or _ends_sentence(text):
        return []
    items = _split_bar(text, sep)
    domains = sum(1 for item in items if _DOMAIN.fullmatch(item))
    if domains * 4 < len(items) * 3:
        # links named by their text: a label before them is the line's own, not a bar's ("Path A: ...")
        items = _split_bar(text, sep, labelled=False)
    if len(items) < min_items or any(not item for item in items):
        return []
    for item in items:
        if _DOMAIN.fullmatch(item):
            continue
        if not _BAR_ITEM.fullmatch(item) or not _opens_like_title(item):
            return []  # a figure, a comma, a bracket, a dash between words: a title, a list of the article's
        if len(item.split(None, BAR_ITEM_WORDS)) > BAR_ITEM_WORDS:
            return []
    if sum(1 for item in items if _ACRONYM.fullmatch(item)) * 2 >= len(items):
        return []  # agencies credited in capitals ("AFP/Reuters/AP/DPA"), a list of codes
    return [(sep, item) for item in items]


# -- a run of lines in the vocabulary of the page's furniture ---------------------------------

VOCABULARY_LABEL_WORDS = 5  # a line this short is a control's label ("Register via", "Not Registered?")
VOCABULARY_LINE_WORDS = 60  # a longer line is an article's paragraph, whatever its words
VOCABULARY_TERMS = 2  # a panel speaks of two things at least (a password and an account)


def vocabulary_runs(
    lines: list[Line],
    terms: rx.Pattern[str],
    address: rx.Pattern[str] | None,
    min_run: int,
    requires: tuple[str, ...] = (),
    held: AbstractSet[int] | None = None,
) -> list[tuple[int, str]]:
    """Runs of ``min_run`` or more adjacent lines in the furniture's vocabulary (``terms``),
    each a control's label or a line that addresses the reader (``address``), using
    ``VOCABULARY_TERMS`` different words at least; one short line of another kind between
    two of them ("or", "One last thing!") is part of the run. One sentence of an article
    about passwords is no run. A line without any of the strings every term contains
    (``requires``, case folded) is not searched (most lines of most drafts). ``held``: the
    indices of the blocks that hold one of them, when the document's facts found them (with
    ``requires`` cut to those it has): the lines of other blocks are not looked at; else a
    line is looked at for those of the strings that the document has somewhere."""
    if requires and held is None:
        requires = _present(requires, lines)
        if not requires:
            return []  # no line holds a string that every match of the terms contains
    if held is not None and not (held and requires):
        return []

    def may_hold(index: int) -> bool:
        """Whether a line may hold terms: in a block with one of the strings, not an
        article's paragraph, and holding one of the strings itself."""
        if held is not None and lines[index].block_index not in held:
            return False  # (no string of ``requires`` in its block)
        text = trim_end(lines[index].text)
        if len(text.split(None, VOCABULARY_LINE_WORDS)) > VOCABULARY_LINE_WORDS:
            return False  # an article's paragraph, whatever its words
        if requires:
            folded = text.casefold()
            return any(word in folded for word in requires)
        return True

    # A run has ``min_run`` lines with terms: a draft with fewer lines that may hold them
    # (most) is not searched for the terms at all.
    if requires or held is not None:
        candidates = {k for k in range(len(lines)) if may_hold(k)}
        if len(candidates) < min_run:
            return []
    else:
        candidates = None

    def words_of(index: int, text: str) -> set[str]:
        if candidates is not None and index not in candidates:
            return set()
        size = len(text.split(None, VOCABULARY_LINE_WORDS))
        if size > VOCABULARY_LINE_WORDS:
            return set()  # an article's paragraph, whatever its words
        if address is None and size > VOCABULARY_LABEL_WORDS:
            return set()  # without words that speak to the reader only a label counts: skip the search
        found = {" ".join(m.group(0).casefold().split()) for m in terms.finditer(text)}
        if not found:
            return found
        if size <= VOCABULARY_LABEL_WORDS or (address is not None and address.search(text)):
            return found
        return set()

    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        found = words_of(i, trim_end(lines[i].text))
        if not found:
            i += 1
            continue
        members, used, last, j = [i], set(found), i, i + 1
        while j < len(lines):
            more = words_of(j, trim_end(lines[j].text))
            if more:
                members.append(j)
                used |= more
                last = j
            elif j - last > 1 or len(lines[j].text.split(None, LABEL_WORDS)) > LABEL_WORDS:
                break
            j += 1
        if len(members) >= min_run and len(used) >= VOCABULARY_TERMS:
            size = last - i + 1
            shown = ", ".join(sorted(used)[:4])
            out.extend((k, f"line {k - i + 1} of {size} about {shown}") for k in range(i, last + 1))
        i = last + 1
    return out


PRESENT_PIECE = 1 << 16  # characters of lines folded together to look for strings in


def _present(strings: tuple[str, ...], lines: list[Line]) -> tuple[str, ...]:
    """Those of ``strings`` (case folded) that some line holds, case folded: each looked
    for in the lines folded together, a piece of them at a time (a long draft is not
    folded whole at once), not line by line."""
    found: list[str] = []
    left = list(strings)
    k = 0
    while k < len(lines) and left:
        piece: list[str] = []
        size = 0
        while k < len(lines) and size < PRESENT_PIECE:
            piece.append(lines[k].text)
            size += len(lines[k].text) + 1
            k += 1
        folded = "\n".join(piece).casefold()
        found += [word for word in left if word in folded]
        left = [word for word in left if word not in found]
    return tuple(word for word in strings if word in found)


# -- teasers cut short: a run of lines that each stop at an ellipsis ------------------------

CUT_WORDS = 4  # a cut teaser has this many words at least (a lone "Mehr ..." is a link's)
_ELLIPSES = ("...", "…", "[...]", "[…]", "(...)", "(…)")


def cut_teasers(lines: list[Line], min_run: int, more: rx.Pattern[str] | None) -> list[tuple[int, str]]:
    """Runs of ``min_run`` lines or more in a row that each stop at an ellipsis, perhaps with the
    link to the rest after it (``more``: "mehr", "Read more"): a teaser list printing the first
    words of other stories ("Prime Minister Brian Cowen announced Saturday th...", "... [...]
    mehr..."). An article's paragraphs trail off so one at a time, not line after line; a line that
    opens with a quotation mark is someone's speech trailing off."""
    out: list[tuple[int, str]] = []
    run: list[int] = []
    for k in range(len(lines) + 1):
        if k < len(lines) and _cut_short(lines[k].text, more):
            run.append(k)
            continue
        if len(run) >= min_run:
            size = len(run)
            out.extend((j, f"teaser {n} of {size} in a row cut short with an ellipsis") for n, j in enumerate(run, 1))
        run = []
    return out


def _cut_short(text: str, more: rx.Pattern[str] | None) -> bool:
    text = trim_end(text).strip()
    if text[:1] in _QUOTE_OPENINGS or len(text.split(None, CUT_WORDS)) < CUT_WORDS:
        return False
    link = more.search(text) if more is not None else None
    if link is not None:
        text = text[: link.start()].rstrip()
    return text.endswith(_ELLIPSES)


# -- a readers' thread with no header: posts in a reader's voice after the story ------------

THREAD_POST_MIN_WORDS = 4  # a line this long may be a post (a handle, "Reply", a date are shorter)
THREAD_ARTICLE_LINES = 5  # the story above a thread has this many lines of its own at least (a shorter
# one may be an interview's lead, its answers after it in the first person, their questions lost)
THREAD_SPEAKING = 2  # a thread's posts speak in a reader's voice: one in two at least
THREAD_ARTICLE_VOICE = 5  # ... and the story's own lines at most one in five
THREAD_POST_MEDIAN = 60  # readers' posts are short: the middle one has at most this many words
THREAD_ADDRESSED = 3  # a story whose lines say "you" this often (one in three) speaks to its reader
THREAD_QUESTIONS = 2  # a story with this many lines that are only questions (or a third of the posts) is an interview
# What marks a reader's post whatever its language: an "@handle", an emoticon, "!!", "??", "?!".
_POST_MARK = regexcache.compile(r"(?:^|\s)@\w|(?<![\w:/])[:;=]-?[()DPp](?!\w)|\?\?|!!|\?!")
# "Name:" or "Name - " opening a line: an interview's or a transcript's speaker, not a post.
_SPEAKER = regexcache.compile(r"^\p{Lu}[\w.]{0,20}(?:\s\p{Lu}[\w.]{0,20}){0,3}\s?[:–-]\s")
_QUOTE_OPENINGS = "\"'“‘«„"
_QUOTED_SPAN = regexcache.compile(r"[\"“„«][^\"“”„«»]*[\"”“»]")


@dataclass(frozen=True, slots=True)
class Voice:
    """The words of a reader's own voice (``own``: first person, "lol"), of one reader
    addressing another (``address``: second person) and of reported speech (``reported``)."""

    own: rx.Pattern[str]
    address: rx.Pattern[str]
    reported: rx.Pattern[str] | None = None

    def speaks(self, text: str) -> bool:
        return _speaks(text, self.own, self.address, self.reported)


def _speaks(
    text: str,
    voice: rx.Pattern[str],
    address: rx.Pattern[str],
    reported: rx.Pattern[str] | None,
    ordinary: rx.Pattern[str] | None = None,
) -> bool:
    """Whether a line speaks in a reader's own voice: outside quotation marks, a word of
    ``voice`` (first person, "lol"), a post's mark ("@name", an emoticon, "!!"), or a word
    of ``address`` (second person) in a question or an exclamation. A line that opens with
    a quotation mark or a speaker's label, or reports speech (``reported``), is the article's.
    A word that is whole a word of ``ordinary`` (the article's language's own) does not count."""
    text = trim_end(text).strip()
    if not text or text[:1] in _QUOTE_OPENINGS or _SPEAKER.match(text):
        return False
    bare = _QUOTED_SPAN.sub(" ", text)
    voiced = _says(bare, voice, ordinary) or _POST_MARK.search(bare) is not None
    if not voiced and not (_core(text)[-1:] in "?!" and _says(bare, address, ordinary)):
        return False
    # (reported speech is sought last: few lines speak at all, and its search is as costly)
    return reported is None or reported.search(text) is None


def _says(text: str, words: rx.Pattern[str], ordinary: rx.Pattern[str] | None) -> bool:
    """Whether ``text`` holds a word of ``words`` that is not whole a word of ``ordinary``."""
    if ordinary is None:
        return words.search(text) is not None
    return any(ordinary.fullmatch(m.group().strip()) is None for m in words.finditer(text))


_NOT_WORD = regexcache.compile(r"[^\w\s]+")


def _names_any(text: str, words: frozenset[str]) -> bool:
    """Whether a line holds one of ``words`` (or word pairs) whole, case and punctuation aside."""
    padded = f" {' '.join(_NOT_WORD.sub(' ', text.casefold()).split())} "
    return any(f" {word} " in padded for word in words)


def _ordinary_words(compiled: Compiled, ctx: Context) -> rx.Pattern[str] | None:
    """The pattern of the words that are the document's own language's ordinary words (a
    rule's ``ordinary``), or None. The language is the document's, else detected from its
    prose (a run that selects no language-bound rule has not detected it)."""
    if not compiled.ordinary:
        return None
    language = ctx.language
    if language is None:
        language, _ = ctx.detect(ctx.facts.prose_head(SAMPLE_CHARS))
    return next((pattern for code, pattern in compiled.ordinary if code == language), None)


def reader_threads(
    lines: list[Line],
    voice: rx.Pattern[str],
    address: rx.Pattern[str],
    reported: rx.Pattern[str] | None,
    min_posts: int,
    interview: frozenset[str] = frozenset(),
    article: Sequence[int] | None = None,
    ordinary: rx.Pattern[str] | None = None,
    signoff: rx.Pattern[str] | None = None,
) -> list[tuple[int, str]]:
    """A readers' thread that no header opens: from a line in a reader's voice (``_speaks``),
    two of the next three posts speaking too, to the end of the page, where ``min_posts``
    posts or more speak and they are one in ``THREAD_SPEAKING`` at least of the lines long
    enough to be posts, the middle post ``THREAD_POST_MEDIAN`` words long at most, after
    a story of ``THREAD_ARTICLE_LINES`` lines or more that speaks
    in its own voice (one line in ``THREAD_ARTICLE_VOICE`` at most). A story with
    ``THREAD_QUESTIONS`` lines that are only questions is an interview, and one that says
    "you" in one line of ``THREAD_ADDRESSED`` speaks to its reader (a blog post, a guide):
    their later lines speak so too; so does a story that names itself an interview (a word of
    ``interview``) and its answers. ``article``: ``_article_prose(lines)``, when worked out.
    ``ordinary``: the words of ``voice`` and ``address`` that are the article's language's own
    ordinary words (Spanish "mes", month, not the French "my"): they do not make a line speak.
    ``signoff``: a line that closes the story (the writer's bio): a thread starts after the last
    one, as lines before it are the story's own (a feature whose second half speaks in the
    first person, "my wife and I", then "Jane Smith is the author of ...")."""
    if article is None:
        article = _article_prose(lines)
    if not article:
        return []
    posts = [
        k
        for k in range(article[0], len(lines))
        if len(lines[k].text.split(None, THREAD_POST_MIN_WORDS)) >= THREAD_POST_MIN_WORDS
    ]
    # A thread starts after THREAD_ARTICLE_LINES posts at least, and its posts are the ones
    # that must speak: the story's first posts are read only when a thread is in sight,
    # and the later ones only while enough of them are left to speak.
    later = posts[THREAD_ARTICLE_LINES:]
    speaking: set[int] = set()
    for n, k in enumerate(later):
        if len(speaking) + len(later) - n < min_posts:
            return []  # too few posts left to make a thread, whatever they say
        if _speaks(lines[k].text, voice, address, reported, ordinary):
            speaking.add(k)
    if len(speaking) < min_posts:
        return []
    # (sought only with a thread in sight: the story's close, past which a thread may start)
    closed = -1
    if signoff is not None:
        closed = max((k for k in range(article[0], len(lines)) if signoff.match(lines[k].text.strip())), default=-1)
    story_read = False
    for n, start in enumerate(posts):
        if start not in speaking or n < THREAD_ARTICLE_LINES or start <= closed:
            continue
        if sum(1 for k in posts[n : n + 3] if k in speaking) < 2:
            continue
        tail = posts[n:]
        spoken = sum(1 for k in tail if k in speaking)
        if spoken < min_posts or spoken * THREAD_SPEAKING < len(tail):
            continue
        head = posts[:n]
        if not story_read:
            speaking.update(
                k for k in posts[:THREAD_ARTICLE_LINES] if _speaks(lines[k].text, voice, address, reported, ordinary)
            )
            story_read = True
        if sum(1 for k in head if k in speaking) * THREAD_ARTICLE_VOICE > len(head):
            continue
        if _median_words(tuple(lines[k] for k in tail)) > THREAD_POST_MEDIAN:
            continue  # paragraphs of a story's length (a first-person account it prints), not readers' posts
        asked = [k for k in posts[: n + len(tail)] if _core(trim_end(lines[k].text))[-1:] == "?"]
        in_tail = sum(1 for k in asked if k >= start)
        if len(asked) - in_tail >= THREAD_QUESTIONS or (in_tail >= THREAD_QUESTIONS and in_tail * 3 >= len(tail)):
            return []  # an interview: questions on lines of their own, answers in the first person
        if interview and any(_names_any(lines[k].text, interview) for k in head):
            return []  # the story says it is an interview: the answers after it speak in the first person
        addressed = sum(1 for k in head if address.search(_QUOTED_SPAN.sub(" ", lines[k].text)))
        if addressed * THREAD_ADDRESSED >= len(head):
            return []  # a story that speaks to its reader ("you") throughout: a blog post, a guide
        size = len(lines) - start
        evidence = f"{spoken} of its {len(tail)} posts in a reader's own voice after the story"
        return [
            (k, f"line {k - start + 1} of {size} of a readers' thread, {evidence}") for k in range(start, len(lines))
        ]
    return []


def broken_prompts(lines: list[Line], anchors: frozenset[str], min_run: int) -> list[tuple[int, str]]:
    """The fragments of a prompt broken at its links: ``min_run`` or more lines of one to
    three words, none ending a sentence, right before a line that opens in lower case (it
    goes on from them) and ends on an anchor, pointing at the channel's link."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        text = trim_end(line.text).strip()
        pointer = text.rstrip(" :").casefold()
        if not text[:1].islower() or not any(pointer.endswith(anchor) for anchor in anchors):
            continue  # the prompt's line ends pointing at its channel ("... WhatsApp Channel :")
        j = i
        while j > 0 and _fragment(lines[j - 1].text):
            j -= 1
        if i - j >= min_run:
            out.extend((k, f"fragment {k - j + 1} of {i - j} of a prompt broken at its links") for k in range(j, i))
    return out


def _fragment(text: str) -> bool:
    text = trim_end(text).strip()
    return 0 < len(text.split(None, MENU_WORDS)) <= MENU_WORDS and not _ends_sentence(text) and not text.endswith(":")


# -- hard wraps -----------------------------------------------------------------------------


def _hard_wrap(doc: Document, min_breaks: int) -> Iterator[Hit]:
    """Paragraphs with ``min_breaks`` mid-sentence breaks; once one has them, the page is
    wrapped at a width, and a paragraph's single break, or a break before a capital (a name
    going on: "Big League / Politics"), is the same wrapping."""
    found = [(b, block, _breaks(doc, block)) for b, block in enumerate(doc.blocks) if _wrappable(block)]
    if not any(sum(1 for *_, lower in breaks if lower) >= min_breaks for *_, breaks in found):
        return
    for b, block, breaks in found:
        full = sum(1 for *_, lower in breaks if lower) >= min_breaks
        for n, (start, text, _) in enumerate(breaks, 1):
            yield block_hit(
                block,
                b,
                start,
                start + len(text),
                match=text.strip(),
                evidence=(
                    f"break {n} of {len(breaks)} in this paragraph, mid-sentence"
                    if full
                    else "a break mid-sentence on a page wrapped at a fixed width"
                ),
            )


def _wrappable(block: Block) -> bool:
    return block.kind not in ("title", "code", "heading") and "\n" in block.text


def _breaks(doc: Document, block: Block) -> list[tuple[int, str, bool]]:
    """The lines of a block that end mid-sentence with the next line going on: (start,
    text, whether the next opens in lower case)."""
    lines = list(block.lines())
    out = []
    for (start, text), (_, following) in zip(lines, lines[1:], strict=False):
        opening = _broken(text, following)
        if opening and (doc.format != "markdown" or _hard_break(doc, block, start, text)):
            out.append((start, text, opening.islower()))
    return out


def _broken(text: str, following: str) -> str:
    """The letter the next line opens with, when a long line ends mid-sentence (on a word
    or a comma) and a word follows; "" otherwise."""
    text = trim_end(text).removesuffix("\\")  # Markdown's backslash hard break
    if len(text) < WRAP_CHARS or len(text.split(None, WRAP_WORDS)) < WRAP_WORDS or "|" in text:
        return ""  # verse, a record with no spaces (an ads.txt line), a "Section | Headline" line
    last = _core(text)[-1:]
    if not (last.isalnum() or last == ","):
        return ""
    opening = following.lstrip().lstrip("\"'“‘«(")[:1]
    return opening if opening.isalpha() else ""


def _hard_break(doc: Document, block: Block, start: int, text: str) -> bool:
    """In Markdown, whether the source line ends with a hard line break."""
    line, _ = doc.position(block.source_offset(start))
    return _MARKDOWN_BREAK.search(doc.line_text(line)) is not None

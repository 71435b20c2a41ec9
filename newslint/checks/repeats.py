"""Lines a page repeats: the evidence behind the ``blocks`` kind's ``repeated-title`` and
``recurrence`` modes, kept apart from the shapes of runs.

- A body line that is the headline again (case, punctuation and spacing aside): a
  scraper that kept the page's own heading under the title it already took, once or
  twice, or again lower down.
- A short line the page prints over and over: three or more times in a row (a share
  button per network, a timestamp per item of a live list, numbers masked), or once
  per reader post in a comment thread after the article ("Valorar" / "Reply" after
  each post), with the posts between.

Each function reads the document's lines once and works out its keys in one pass;
the keys are compared whole, so the cost is linear in the number of lines.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newslint import regexcache

RECUR_WORDS = 12  # a recurring line is a label, a button or a stamp, not a sentence
THREAD_WORDS = 4  # the line repeated after each reader post: "Valorar", "Reply", "Report"
THREAD_GAP = 5  # at most four lines (a handle, a post, a date) between two of them
POST_WORDS = 4  # a post: a line of at least this many words between two of them
REPEAT_WORDS = 8  # a line this long said twice is a copy, not a refrain or a label
EDGE_LINES = 3  # the first lines of a body that may print the headline as its heading
# A time of day ("13:12", "9.05", "21h30"): lines alike but for their numbers are a table's
# rows ("33% (31% before)"), unless each is a stamp of an item the page lost.
_TIME = regexcache.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
# ... or each line is only a date, as a list of items that lost their headlines prints it
# ("April 14, 2011", "14 April 2011", "14.04.2011", "2011-04-14"), a time after it allowed.
_DATE_ONLY = regexcache.compile(
    r"(?i)[\W_]*(?:\p{L}+\s*,?\s+)?(?:\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)"
    r"(?:[,\s]+(?:at\s+|um\s+|à\s+|pukul\s+)?\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|[a-z]{2,4}))?)?[\W_]*"
)


# ... or each line is only a slot of a schedule grid: a day, days or a part of the week and a
# time of day ("Weekdays 7p et", "Saturday 2:30p et", "Mo-Fr 20:15 Uhr", "Lundi 20h30",
# "Sábados 21h", "Senin-Jumat 19.00 WIB"), as a broadcaster's programme grid prints it
# without its shows' names.
_DAY = (
    r"(?:week(?:day|end|night)s?|daily|every\s*day|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?"
    r"|mon|tue|wed|thu|fri|sat|sun|werktags|t[äa]glich|wochentags|(?:mon|diens|donners|frei|sams|sonn)tags?|mittwochs?"
    r"|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|en\s+semaine|tous\s+les\s+jours"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?|diario|entre\s+semana|(?:segunda|ter[çc]a|quarta"
    r"|quinta|sexta)(?:-feira)?s?|diariamente|senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad|isnin|khamis|jumaat"
    r"|setiap\s+hari)"
)
_SLOT_TIME = r"\d{1,2}(?:[:.h]\d{2}\s*(?:[ap]\.?m?\.?)?|\s*[ap]\.?m?\.?(?![^\W\d_])|\s*(?:uhr|h)(?![^\W\d_]))"
_SLOT_ONLY = regexcache.compile(
    rf"(?i)[\W_]*{_DAY}\.?(?:\s*(?:-|–|to|bis|à|a|al|até|hingga|sampai|s/d|&|and|und|et|y|e|dan|,)\s*{_DAY}\.?)?"
    rf"[,:\s]+(?:at\s+|um\s+|à\s+|a\s+las\s+|às\s+|pukul\s+|jam\s+)?{_SLOT_TIME}"
    rf"(?:\s*(?:-|–|to|bis|à|a|até|hingga|sampai)\s*{_SLOT_TIME})?"
    r"(?:\s*(?:et|pt|ct|mt|est|edt|pst|pdt|gmt|bst|utc|cet|cest|wib|wita|wit|myt|uhr|h))?[\W_]*"
)
SLOT_RUN = 4  # a grid prints this many slots in a row (a show's times are one or two)


@dataclass(frozen=True, slots=True)
class Repeat:
    """A repeated line: its index in the lines given, and why it counts."""

    index: int  # in the sequence of lines given
    evidence: str


def words_key(text: str, mask_digits: bool = False) -> str:
    """A line's words, case, accents' form and punctuation aside ("NBC fired Kelly." =
    "NBC Fired Kelly"); with ``mask_digits`` every number reads 0 ("13:12 WIB" = "13:09 WIB").

    Several modes key the same lines of a document: the keys of the last few hundred lines
    of up to KEPT_CHARS are kept. The key is ``plain_words_key``'s, which reads the text a
    character at a time: here two regexes key it, after the characters beyond ASCII (each
    classed once) are made spaces or "0" where they are not letters."""
    if len(text) > KEPT_CHARS:
        return _words_key(text, mask_digits)
    return _kept_words_key(text, mask_digits)


KEPT_CHARS = 1500


def _words_key(text: str, mask_digits: bool) -> str:
    if text.isascii():  # NFKC leaves ASCII as it is, and its case folding is lower()
        folded = text.lower()
        separators = _ASCII_SEPARATORS
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        # The characters beyond ASCII, each classed once as plain_words_key classes it:
        # the separators among them become spaces, a masked digit "0"; the letters, marks
        # and other digits are kept.
        for char in set(_BEYOND_ASCII.findall(folded)):
            kind = _KINDS.get(char) or _kind_of(char)
            if kind == " " or (kind == "0" and mask_digits):
                folded = folded.replace(char, kind)
        separators = _SEPARATORS
    if mask_digits:
        folded = _ASCII_DIGITS.sub("0", folded)
    return separators.sub(" ", folded).strip()


_kept_words_key = functools.lru_cache(maxsize=512)(_words_key)
_ASCII_DIGITS = re.compile("[0-9]+")
_ASCII_SEPARATORS = re.compile("[^a-z0-9_]+")
# Once the separators beyond ASCII are spaces, the characters beyond ASCII left are kept:
# the separators are the ASCII characters but a-z, 0-9 and "_" (written as their ranges,
# not as "[^a-z0-9_\u0080-\U0010ffff]", which took 2 ms of every run to compile).
_SEPARATORS = re.compile("[\x00-\x2f\x3a-\x5e\x60\x7b-\x7f]+")
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")
# A character beyond ASCII: "0" a digit, "k" a letter or mark (kept), " " a separator.
_KINDS: dict[str, str] = {}
KINDS_KEPT = 1 << 16


def _kind_of(char: str) -> str:
    if char.isdigit():
        kind = "0"
    elif char.isalpha() or unicodedata.category(char) in ("Mn", "Mc"):
        kind = "k"
    else:
        kind = " "
    if len(_KINDS) >= KINDS_KEPT:
        _KINDS.clear()
    _KINDS[char] = kind
    return kind


def plain_words_key(text: str, mask_digits: bool = False) -> str:
    """``words_key``, a character at a time."""
    out = []
    for char in unicodedata.normalize("NFKC", text).casefold():
        if char.isdigit():
            if not mask_digits:
                out.append(char)
            elif not out or out[-1] != "0":
                out.append("0")
        elif char.isalpha() or char == "_" or unicodedata.category(char) in ("Mn", "Mc"):
            out.append(char)
        elif out and out[-1] != " ":
            out.append(" ")
    return "".join(out).strip()


def title_repeats(title: str | None, texts: Sequence[str], heading_allowed: bool) -> list[Repeat]:
    """The body lines that repeat the title. With ``heading_allowed`` (a title from
    metadata), a repeat among the first lines is the page's heading and is left alone."""
    if not title:
        return []
    key = words_key(title)
    if len(key.split()) < 3:
        return []  # "Bola", "Opinion": a section name, not a headline to repeat
    out = []
    for i, text in enumerate(texts):
        if words_key(text) == key and not (heading_allowed and i < EDGE_LINES):
            out.append(Repeat(i, "the headline repeated in the body"))
    return out


def repeated_lines(texts: Sequence[str], shared: Sequence[bool]) -> list[Repeat]:
    """The long lines that say an earlier line again, word for word (case and punctuation
    aside), where one of the two shares its paragraph with other lines (``shared``): a
    paragraph-level comparison cannot see them, since neither is a paragraph of its own.

    A line's key is held by its hash only, with where it was first seen (``_Seen``); the
    key itself only once a later line hashes alike and its key proves equal (or is another
    key of the same hash). The keys of every line, each a copy of its line, took 5 MB more
    for a 5 MB draft of distinct paragraphs."""
    seen = _Seen()
    out = []
    for i, text in enumerate(texts):
        if len(text.split(None, REPEAT_WORDS)) <= REPEAT_WORDS - 1:
            continue
        key = words_key(text)
        state = seen.earlier(key, lambda first: words_key(texts[first]))
        if state is None:
            seen.first(key, i, shared[i])
            continue
        first, was_shared = state
        if shared[i] or was_shared:
            out.append(Repeat(i, f"the same words as line {first + 1} of the body"))
        seen.again(key, first, was_shared or shared[i])
    return out


class _Seen:
    """Keys seen, each with the first line it was seen on and whether a line of it shares
    its paragraph: a key seen once is held by its hash (the line's key is worked out again
    when a later line hashes alike), a key seen again whole."""

    def __init__(self) -> None:
        self._by_hash: dict[int, int] = {}  # hash -> first line * 2 + shared
        self._keys: dict[str, int] = {}  # the keys seen again (or sharing a hash) -> the same

    def earlier(self, key: str, key_of: Callable[[int], str]) -> tuple[int, bool] | None:
        """Where ``key`` was first seen and whether it was shared then, or None when new;
        ``key_of(line)`` works out the key of an earlier line again."""
        state = self._keys.get(key)
        if state is None:
            state = self._by_hash.get(hash(key))
            if state is None or key_of(state >> 1) != key:
                return None
            del self._by_hash[hash(key)]  # the key is held whole from now on
        return state >> 1, bool(state & 1)

    def first(self, key: str, line: int, shared: bool) -> None:
        state = line * 2 + shared
        if hash(key) in self._by_hash:  # another key of the same hash holds it
            self._keys[key] = state
        else:
            self._by_hash[hash(key)] = state

    def again(self, key: str, first: int, shared: bool) -> None:
        self._keys[key] = first * 2 + shared


def recurring(texts: Sequence[str], prose: Sequence[bool], levels: Sequence[int] | None = None) -> list[Repeat]:
    """Lines of a short line repeated three or more times in a row, and of a comment
    thread told by the line repeated after each post (``prose`` marks the lines that
    read as sentences). With ``levels`` (a list item's nesting depth, by line), lines
    alike at different depths of one list are not a row."""
    keys = [_short_key(text) for text in texts]
    row_keys = (
        keys if levels is None else [f"{key}\0{level}" if key else key for key, level in zip(keys, levels, strict=True)]
    )
    return _in_a_row(texts, row_keys) + _slots(texts) + _threads(texts, keys, prose)


def _slots(texts: Sequence[str]) -> list[Repeat]:
    """Runs of ``SLOT_RUN`` or more lines that are each only a schedule slot (a day and a
    time): a programme grid that lost its shows' names."""
    out: list[Repeat] = []
    start = 0
    for i in range(len(texts) + 1):
        if i < len(texts) and _slot(texts[i]):
            continue
        size = i - start
        if size >= SLOT_RUN:
            out.extend(Repeat(k, f"slot {k - start + 1} of a {size}-line schedule grid") for k in range(start, i))
        start = i + 1
    return out


def _slot(text: str) -> bool:
    text = text.strip()
    return len(text) <= 40 and any(c.isdigit() for c in text) and _SLOT_ONLY.fullmatch(text) is not None


def _short_key(text: str) -> str:
    if len(text.split(None, RECUR_WORDS)) > RECUR_WORDS:
        return ""
    key = words_key(text, mask_digits=True)
    return key if sum(1 for c in key if c.isalpha()) >= 2 else ""


def _in_a_row(texts: Sequence[str], keys: list[str]) -> list[Repeat]:
    out: list[Repeat] = []
    start = 0
    for i in range(1, len(keys) + 1):
        if i < len(keys) and keys[i] and keys[i] == keys[start]:
            continue
        size = i - start
        if keys[start] and size >= 3 and _same_or_stamps(texts[start:i]):
            out.extend(Repeat(k, f"line {k - start + 1} of {size} alike in a row") for k in range(start, i))
        start = i
    return out


def _same_or_stamps(texts: Sequence[str]) -> bool:
    """The same line each time, or a timestamp or a date alone each time (numbers may differ)."""
    first = words_key(texts[0])
    if all(words_key(t) == first for t in texts) or all(_TIME.search(t) for t in texts):
        return True
    return all(_DATE_ONLY.fullmatch(t.strip()) for t in texts)


# A post's stamp in a comment thread: when it was posted, and who says or wrote it ("Posted
# on 04/13/2011 01:51 PM", "wrote on October 28, 2010 @ 3:29 PM", "3 hours ago", "Anna says:"),
# in every pack language. Each post prints it above or below its text. Reporting verbs
# ("said:", "sagte:", "kata:") are left out: an interview's transcript prints them too.
_RELATIVE_TIME = regexcache.compile(
    r"(?i)\b(?:\d+|an?|one|eine[mn]?|un[ea]?|uma?|se)\s*(?:min(?:ute)?s?|minuten?|minutos?|menit|minit|"
    r"hours?|hrs?|stunden?|heures?|horas?|jam|days?|tagen?|jours?|d[ií]as?|hari|weeks?|wochen?|semaines?|"
    r"semanas?|minggu|months?|monaten?|mois|meses|m[eê]s|bulan|years?|jahren?|ans?|años?|anos?|tahun)\s+"
    r"(?:ago|(?:yang\s+)?lalu|lepas)\b|\b(?:vor|il\s+y\s+a|hace|h[áa])\s+(?:\d+|einer?|un[ea]?|uma?)\s+\p{L}+"
)
_POSTED = regexcache.compile(
    r"(?i)^(?:\S+(?:\s+\S+){0,3}\s+)?(?P<verb>says|wrote|posted|replied|commented|schrieb|"
    r"a\s+[ée]crit|escribi[óo]|escreveu|menulis|membalas|berkomentar|komen)(?:\s+(?:on|at|am|le|el|em|pada|pukul|um|à)\b.*|\s*:)?$"
)
STAMP_WORDS = 10  # a stamp with a date and a time: "Posted on Apr 13, 2011 at 01:51 PM"


def _stamp_key(text: str) -> str:
    """The key of a post's stamp (names, numbers and times aside), or "" when not one."""
    text = text.strip()
    if len(text.split(None, STAMP_WORDS)) > STAMP_WORDS:
        return ""
    if _RELATIVE_TIME.search(text) and len(text.split()) <= 6:
        return "<posted some time ago>"
    posted = _POSTED.match(text)
    if posted is None:
        return ""
    if not (_TIME.search(text) or _DATE_IN_LINE.search(text) or text.endswith(":")):
        return ""  # "Anna says" in passing: a stamp has its colon, a date or a time
    return "<stamp> " + posted.group("verb").casefold()


_DATE_IN_LINE = regexcache.compile(r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d|\b(?:19|20)\d\d\b")


def _threads(texts: Sequence[str], keys: list[str], prose: Sequence[bool]) -> list[Repeat]:
    """A short line recurring once per post, with a post between each two, where the
    page ends in it (nothing after the last but short lines): one hit per line of the
    thread, from the first post to the last. A post's stamp ("Posted on ...", "3 hours
    ago", "Anna says:") opens its post: the thread runs on to the post after the last."""
    places: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key and "0" not in key and len(key.split()) <= THREAD_WORDS:
            places.setdefault(key, []).append(i)
    for i, text in enumerate(texts):
        stamp = _stamp_key(text)
        if stamp:
            places.setdefault(stamp, []).append(i)
    out: list[Repeat] = []
    for key, found in places.items():
        if len(found) < 3 or any(not 1 < b - a <= THREAD_GAP for a, b in zip(found, found[1:], strict=False)):
            continue
        last = found[-1]
        if key.startswith("<"):
            last = min(len(texts) - 1, found[-1] + found[-1] - found[-2] - 1)  # the last post, after its stamp
        if any(prose[k] for k in range(last + 1, len(texts))):
            continue  # the article goes on after it: a label of its own structure
        posts = sum(
            1
            for a, b in zip(found, found[1:], strict=False)
            if any(len(texts[k].split()) >= POST_WORDS for k in range(a + 1, b))
        )
        if posts < len(found) - 1:
            continue
        if key.startswith("<"):
            first = found[0]
            evidence = f"a thread of {len(found)} posts, each opened by a stamp like '{texts[found[0]].strip()}'"
        else:
            first = max(0, found[0] - (found[1] - found[0]) + 1)
            evidence = f"a thread of {len(found)} posts, each closed by '{texts[found[0]].strip()}'"
        if not any(prose[k] for k in range(first)):
            continue  # no article before it
        out.extend(Repeat(k, evidence) for k in range(first, last + 1))
    return out

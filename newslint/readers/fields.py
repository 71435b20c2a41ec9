"""The article fields every front door checks alike: the date and the language code.

The publish-check service, a CMS export's records and an archive audit's records are
judged by the same functions, so that a record one door refuses is refused by all.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newslint.errors import ArticleError
from newslint.readers import frontmatter

if TYPE_CHECKING:
    from newslint.readers.cms import Article

# ISO 639-1, plus the codes langdetect names ('zh-cn', 'zh-tw' reduce to 'zh') and Filipino.
LANGUAGE_CODES = frozenset(
    {
        "aa",
        "ab",
        "ae",
        "af",
        "ak",
        "am",
        "an",
        "ar",
        "as",
        "av",
        "ay",
        "az",
        "ba",
        "be",
        "bg",
        "bh",
        "bi",
        "bm",
        "bn",
        "bo",
        "br",
        "bs",
        "ca",
        "ce",
        "ch",
        "co",
        "cr",
        "cs",
        "cu",
        "cv",
        "cy",
        "da",
        "de",
        "dv",
        "dz",
        "ee",
        "el",
        "en",
        "eo",
        "es",
        "et",
        "eu",
        "fa",
        "ff",
        "fi",
        "fj",
        "fo",
        "fr",
        "fy",
        "ga",
        "gd",
        "gl",
        "gn",
        "gu",
        "gv",
        "ha",
        "he",
        "hi",
        "ho",
        "hr",
        "ht",
        "hu",
        "hy",
        "hz",
        "ia",
        "id",
        "ie",
        "ig",
        "ii",
        "ik",
        "io",
        "is",
        "it",
        "iu",
        "ja",
        "jv",
        "ka",
        "kg",
        "ki",
        "kj",
        "kk",
        "kl",
        "km",
        "kn",
        "ko",
        "kr",
        "ks",
        "ku",
        "kv",
        "kw",
        "ky",
        "la",
        "lb",
        "lg",
        "li",
        "ln",
        "lo",
        "lt",
        "lu",
        "lv",
        "mg",
        "mh",
        "mi",
        "mk",
        "ml",
        "mn",
        "mr",
        "ms",
        "mt",
        "my",
        "na",
        "nb",
        "nd",
        "ne",
        "ng",
        "nl",
        "nn",
        "no",
        "nr",
        "nv",
        "ny",
        "oc",
        "oj",
        "om",
        "or",
        "os",
        "pa",
        "pi",
        "pl",
        "ps",
        "pt",
        "qu",
        "rm",
        "rn",
        "ro",
        "ru",
        "rw",
        "sa",
        "sc",
        "sd",
        "se",
        "sg",
        "si",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sq",
        "sr",
        "ss",
        "st",
        "su",
        "sv",
        "sw",
        "ta",
        "te",
        "tg",
        "th",
        "ti",
        "tk",
        "tl",
        "tn",
        "to",
        "tr",
        "ts",
        "tt",
        "tw",
        "ty",
        "ug",
        "uk",
        "ur",
        "uz",
        "ve",
        "vi",
        "vo",
        "wa",
        "wo",
        "xh",
        "yi",
        "yo",
        "za",
        "zh",
        "zu",
        "fil",
        "zh-cn",
        "zh-tw",
    }
)
_ISO_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2})(:\d{2})?(?:[.,](\d{1,9}))?)?"
    r"(Z|z|[+-]\d{2}:?\d{2})?"
)


def check_fields(article: Article) -> Article:
    """What no door judges an article by: a date or a language that is not one (the
    publish-check service answers 400, a CMS export's record or an archive record is an
    ``input/article-shape`` error). Raises ArticleError naming the field."""
    if article.published_at is not None and parse_date(article.published_at) is None:
        raise ArticleError(
            "published_at",
            f"'published_at' is not a date: {article.published_at!r} (use ISO 8601, e.g. '2024-09-12T03:00:00Z')",
        )
    if article.language is not None and not known_language(article.language):
        raise ArticleError(
            "language", f"'language' is not a language code: {article.language!r} (use e.g. 'en', 'id' or 'en-GB')"
        )
    return article


def parse_date(value: str) -> dt.datetime | None:
    """An ISO 8601 date or date-time, or an RFC 2822 one ('Thu, 12 Sep 2024 03:00:00 GMT')."""
    text = value.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        day, clock, seconds, fraction, zone = iso.groups()
        zone = "+00:00" if zone in ("Z", "z") else zone or ""
        zone = zone[:3] + ":" + zone[-2:] if zone else ""
        fraction = "." + fraction[:6].ljust(6, "0") if fraction else ""
        try:  # Python 3.10's fromisoformat reads only this normal form
            return dt.datetime.fromisoformat(f"{day}T{clock or '00:00'}{seconds or ':00'}{fraction}{zone}")
        except ValueError:
            return None
    # Here, not at the top: email.utils brings socket, random and email's codecs with it
    # (32 million instructions, an eighth of a Python CLI's start), and a draft's or a
    # CMS's date is nearly always the ISO form above.
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def known_language(value: str) -> bool:
    """'en', 'en-GB', 'id_ID', 'zh-TW': a code whose language part is a known one."""
    code = value.strip().replace("_", "-").casefold()
    return code in LANGUAGE_CODES or frontmatter.language_code(code) in LANGUAGE_CODES

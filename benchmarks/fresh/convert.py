"""Build the fresh precision set: clean news copy from sources no rule was tuned on.

    python benchmarks/fresh/convert.py [--mirror /work/.mirror] [--out /work/data/fresh]

Reads repository snapshots (``fetch`` puts them under /work/.mirror/<owner>+<name>/repo)
with ``git show`` and writes /work/data/fresh/clean/<lang>/<outlet>/<id>.md in the format
of the field corpus (front matter: title/date/url where the source gives them, lang,
outlet, source repository@commit:path). Samples are deterministic (every k-th row), so
a rebuild gives the same files. The counts are written to MANIFEST.yaml next to this file.
"""

from __future__ import annotations

import argparse
import ast
import csv
import html
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import yaml

HERE = Path(__file__).resolve().parent
csv.field_size_limit(10**8)


@dataclass
class Article:
    lang: str
    outlet: str
    ident: str
    text: str
    path: str
    title: str = ""
    date: str = ""
    url: str = ""
    author: str = ""


@dataclass
class Source:
    repo: str
    paths: list[str]
    licence: str
    note: str
    read: Callable[[Source, Path], Iterator[Article]]
    rev: str = "HEAD"  # a commit when the data was deleted from the repository later


def git_show(mirror: Path, repo: str, path: str, rev: str = "HEAD") -> str:
    git_dir = mirror / repo.replace("/", "+") / "repo"
    out = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{rev}:{path}"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def head_commit(mirror: Path, repo: str, rev: str = "HEAD") -> str:
    git_dir = mirror / repo.replace("/", "+") / "repo"
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "rev-parse", rev], capture_output=True, check=True, text=True
    )
    return out.stdout.strip()


def paragraphs(lines: list[str]) -> str:
    return "\n\n".join(ln.strip() for ln in lines if ln.strip()) + "\n"


def read_detik(src: Source, mirror: Path) -> Iterator[Article]:
    """1,000 detik.com articles (Oct 2025); the body keeps the site's line breaks."""
    rows = list(csv.DictReader(io.StringIO(git_show(mirror, src.repo, src.paths[0]))))
    for i, row in enumerate(rows):
        if i % 6:
            continue
        yield Article(
            lang="id",
            outlet="detik",
            ident=f"detik-{row['id']}",
            text=paragraphs(row["isi_berita"].replace("\r", "\n").split("\n")),
            path=src.paths[0],
            title=row["judul"].strip(),
            date=row["tanggal"].strip(),
            url=row["tautan"].strip(),
        )


def read_news_similarity(src: Source, mirror: Path) -> Iterator[Article]:
    """kontan.co.id and kompas.com business news (Jan 2019), one row an article.

    Kompas keeps its paragraph breaks as runs of three or more spaces; kontan has none.
    """
    for path in src.paths:
        outlet = Path(path).stem
        for row in csv.DictReader(io.StringIO(git_show(mirror, src.repo, path))):
            body = row["content"].replace("\xa0", " ")
            parts = re.split(r"\s{3,}|\n+", body)
            yield Article(
                lang="id",
                outlet=outlet,
                ident=f"{outlet}-{row['']}",
                text=paragraphs(parts),
                path=path,
                title=row["title"].strip(),
                date=row["date"].strip(),
                url=row["url"].strip(),
            )


def read_10kgnad(src: Source, mirror: Path) -> Iterator[Article]:
    """derStandard.at articles of the 10kGNAD test split: label;'text', one line each.

    The dataset's extraction joined the paragraphs into one and removed straight quotes;
    the text is kept as it is (one paragraph), with no title (the set has none).
    """
    reader = csv.reader(io.StringIO(git_show(mirror, src.repo, src.paths[0])), delimiter=";", quotechar="'")
    for i, row in enumerate(reader):
        if i % 7 or len(row) < 2:
            continue
        yield Article(
            lang="de", outlet="derstandard", ident=f"derstandard-test-{i}", text=paragraphs([row[1]]), path=src.paths[0]
        )


MS_MONTHS = "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember"


def read_malaysian_outlets(src: Source, mirror: Path) -> Iterator[Article]:
    """Berita Harian, Buletin TV3 and Astro Awani articles (April-May 2025), one row each.

    Berita Harian gives "Oleh <author> - <date>" and the body's paragraph lines (rows whose
    body is the site's bot check, "Verify you are human...", are left out); Buletin TV3 opens
    the body with an "Oleh: <author>" line and ends every article with the same WhatsApp
    channel prompt, which is the site's chrome and is dropped; Astro Awani gives the lead
    paragraph only. Every k-th row is kept (k per outlet in ``keep``).
    """
    keep = {"beritaharian": 4, "buletintv3": 7, "astroawani": 5}
    for path in src.paths:
        name = Path(path).stem
        outlet = "beritaharian" if "beritaharian" in name else "buletintv3" if "buletin" in name else "astroawani"
        rows = list(csv.DictReader(io.StringIO(git_show(mirror, src.repo, path).lstrip("\ufeff"))))
        seen: set[str] = set()
        usable = []
        for row in rows:
            body = row["Story"].replace("\r", "\n").strip()
            if row["URL"] in seen or not body or body.startswith("Verify you are human"):
                continue
            if outlet != "astroawani" and len(body) < 300:
                continue
            seen.add(row["URL"])
            usable.append(row)
        for i, row in enumerate(usable):
            if i % keep[outlet]:
                continue
            lines = row["Story"].replace("\r", "\n").split("\n")
            if outlet == "buletintv3" and lines and lines[-1].startswith("Ikuti sekarang! WhatsApp Channel"):
                lines = lines[:-1]
            author, date = "", row["Date"].strip()
            m = re.match(r"Oleh (.+?) - (.+)$", date)
            if m:
                author, date = m.group(1).strip(), m.group(2).strip()
            slug = row["URL"].rstrip("/").rsplit("/", 1)[-1][:40]
            yield Article(
                lang="ms",
                outlet=outlet,
                ident=f"{outlet}-{'p2' if 'part2' in path else 'p1'}-{i}-{slug}",
                text=paragraphs(lines),
                path=path,
                title=row["Title"].strip(),
                date=date,
                url=row["URL"].strip(),
                author=author,
            )


def read_otempo(src: Source, mirror: Path) -> Iterator[Article]:
    """O Tempo (Belo Horizonte) politics pages and its "Café com Política" programme, 2023-2025.

    One row an article with its subtitle, date, reporter and paragraph lines; rows whose
    text is the scraper's "Erro ao coletar texto" or under 300 characters are left out.
    The scrape lost the spaces around in-text links ("peloAparteapontaram"); kept as given.
    """
    rows = list(csv.DictReader(io.StringIO(git_show(mirror, src.repo, src.paths[0], src.rev))))
    usable = [
        r for r in rows if len(r["texto_completo"].strip()) >= 300 and "Erro ao coletar" not in r["texto_completo"]
    ]
    for i, row in enumerate(usable):
        if i % 4 and i % 7:  # every 4th row, and every 7th (the first sample measured)
            continue
        slug = row["link_noticia"].rstrip("/").rsplit("/", 1)[-1][:40]
        yield Article(
            lang="pt",
            outlet="otempo",
            ident=f"otempo-{i}-{slug}",
            text=paragraphs(row["texto_completo"].replace("\r", "\n").split("\n")),
            path=src.paths[0],
            title=row["titulo"].strip(),
            date=f"{row['data_pura'].strip()} {row['horario'].strip()}".strip(),
            url=row["link_noticia"].strip(),
            author=row["nome_reporter"].strip(),
        )


def read_breitbart(src: Source, mirror: Path) -> Iterator[Article]:
    """Breitbart articles (Nov-Dec 2020) of a fake-news classifier's scrape: title, author
    list, text with blank lines between paragraphs, no date. Every distinct title once.
    Embedded tweets survive as one-line remnants ("... pic.twitter.com/... — Name (@handle) date")."""
    seen: set[str] = set()
    for i, row in enumerate(csv.DictReader(io.StringIO(git_show(mirror, src.repo, src.paths[0], src.rev)))):
        title = row["Title"].strip()
        if title in seen or len(row["Text"].strip()) < 300:
            continue
        seen.add(title)
        authors = re.findall(r"'([^']+)'", row["Author"])
        yield Article(
            lang="en",
            outlet="breitbart",
            ident=f"breitbart-{i}",
            text=paragraphs(row["Text"].replace("\r", "\n").split("\n")),
            path=src.paths[0],
            title=title,
            author=", ".join(authors),
        )


# A sentence end glued to the next paragraph's first letter or opening quote: the scrape
# joined the paragraphs without a space (inside a paragraph the sentences keep theirs).
GLUED_END = re.compile(r"(?<=[A-Za-z0-9)\]%])([.!?])([\"\u201d]?)(?=[\"\u201c\u2018]?[A-Z])")
# A crosshead glued to the paragraph after it ("... lebih telusSementara itu, ..."): three
# or more words, the last one lower-case and running into a capitalised word with no space
# (so "aplikasi MySejahtera" and "ke HelpDesk" stay whole).
GLUED_CROSSHEAD = re.compile(r"^([A-Z0-9][^\s.!?]*(?: [^\s.!?]+){1,8}? [a-z]+)([A-Z][a-z]+[ ,])")
SOCIAL_LISTENING_TAIL = {
    # where the page chrome after the article body starts (the rest of the row is dropped)
    "sinarharian": re.compile(r"Sinar Karangkraf Sdn\. Bhd\."),
    "hmetro": re.compile(r"(?!)"),
    "therakyatpost": re.compile(r"Kongsi(?:kan)? cerita menarik|\u00a9 20\d\d The Rakyat Post"),
}


def unglue(body: str) -> list[str]:
    """Split a body whose paragraphs were joined without a space back into paragraphs."""
    text = body.replace("\xa0", " ").replace("\r", " ").replace("\n", " ")
    pieces: list[str] = []
    start = 0
    for m in GLUED_END.finditer(text):
        word = re.search(r"(\S+)$", text[start : m.start()])
        if word is None or len(word.group(1)) < 2:
            continue  # an initial ("S.Hassan"), not a sentence end
        end = m.end()
        if m.group(2) == '"' and text[start:end].count('"') % 2 == 1:
            end -= 1  # the straight quote opens the next paragraph
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    out: list[str] = []
    for part in (p.strip() for p in pieces):
        m = GLUED_CROSSHEAD.match(part)
        if m and len(m.group(1)) <= 80:
            out.extend([m.group(1), part[len(m.group(1)) :]])
        elif part:
            out.append(part)
    return out


def read_social_listening(src: Source, mirror: Path) -> Iterator[Article]:
    """Sinar Harian, Harian Metro and The Rakyat Post (BM edition) scrapes of 2022-2023.

    Each row is one article with its paragraphs joined without a space; they are split
    again at a sentence end glued to a capital or an opening quote (``unglue``), so a
    paragraph that ended without a full stop stays joined to the next one. Sinar Harian
    rows end with the page's related-headline list and footer, The Rakyat Post rows with
    a social-media prompt and copyright line: that tail is dropped (from the first
    paragraph that holds the footer, or the paragraph of glued headlines just before it).
    The widget lines inside the body (The Rakyat Post's Telegram prompt, "BACA JUGA:"
    links, tweet remnants) are kept: they are what a scrape carries. Every k-th row.
    """
    keep = {"sinarharian": 15, "hmetro": 6, "therakyatpost": 4}
    for path in src.paths:
        outlet = "sinarharian" if "sinarharian" in path else "hmetro" if "hmetro" in path else "therakyatpost"
        rows = list(csv.DictReader(io.StringIO(git_show(mirror, src.repo, path), newline="")))
        seen: set[str] = set()
        usable = []
        for row in rows:
            link = (row.get("Link") or "").strip()
            body = (row.get("Content") or "").strip()
            if link in seen or len(body) < 300:
                continue
            if outlet == "therakyatpost" and "/trpbm/" not in link:
                continue  # the English edition's articles share the file
            seen.add(link)
            usable.append(row)
        for i, row in enumerate(usable):
            if i % keep[outlet]:
                continue
            parts = unglue(row["Content"])
            tail = next((k for k, p in enumerate(parts) if SOCIAL_LISTENING_TAIL[outlet].search(p)), len(parts))
            if outlet == "sinarharian" and tail < len(parts) and tail > 0:
                tail -= 1  # the glued related-headline list before the footer
                while tail > 0 and not re.search(r"[.!?\u201d\"]$", parts[tail - 1]):
                    tail -= 1
            parts = parts[:tail]
            if not parts:
                continue
            link = row["Link"].strip()
            slug = link.rstrip("/").rsplit("/", 1)[-1][:40]
            date = row["Date"].strip()
            if row.get("Time"):
                date = f"{date} {row['Time'].strip()}"
            yield Article(
                lang="ms",
                outlet=outlet,
                ident=f"{outlet}-{i}-{slug}",
                text=paragraphs(parts),
                path=path,
                title=(row.get("Title") or row.get("Article_Title") or "").strip(),
                date=date,
                url=link,
                author=(row.get("Author Name") or "").strip() if outlet == "therakyatpost" else "",
            )


KOSMO_FOOTER = re.compile(r"Hak cipta terpelihara\s*\u00a9")


def read_kosmo(src: Source, mirror: Path) -> Iterator[Article]:
    """Kosmo! (Media Mulia), the same project's scrape of March 2023: every usable row.

    The body is stored as the text of a Python bytes literal (``b'...'`` with UTF-8 escapes); it is
    decoded, the headline the scrape glued to its start and the copyright footer glued to its end are
    cut off, and the paragraphs (joined without a space) are split again as for the other outlets of
    the project (``unglue``). The wire sign-offs (" – Agensi", " – AFP") stay on their paragraphs.
    """
    raw = subprocess.run(
        ["git", "--git-dir", str(mirror / src.repo.replace("/", "+") / "repo"), "show", f"{src.rev}:{src.paths[0]}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", errors="replace")
    seen: set[str] = set()
    for i, row in enumerate(csv.DictReader(io.StringIO(raw, newline=""))):
        link = (row.get("Link") or "").strip()
        content = (row.get("Content") or "").strip()
        if not link or link in seen or not content.startswith("b"):
            continue
        seen.add(link)
        try:
            body = ast.literal_eval(content).decode("utf-8")
        except (ValueError, SyntaxError, UnicodeDecodeError):
            continue
        title = " ".join((row.get("Article Title") or "").split())
        if title and body.startswith(title):
            body = body[len(title) :]
        footer = KOSMO_FOOTER.search(body)
        if footer:
            body = body[: footer.start()]
        parts = unglue(body)
        if sum(len(p) for p in parts) < 300:
            continue
        slug = link.rstrip("/").rsplit("/", 1)[-1][:40]
        yield Article(
            lang="ms",
            outlet="kosmo",
            ident=f"kosmo-{i}-{slug}",
            text=paragraphs(parts),
            path=src.paths[0],
            title=title,
            date=" ".join((row.get("Date & Time") or "").split()),
            url=link,
        )


WIKINEWS_NAME = re.compile(r"^\d+ - (?P<title>.+) \((?P<date>\d{4}-\d\d-\d\d)\)$")


def read_wikinews_de(src: Source, mirror: Path) -> Iterator[Article]:
    """German Wikinews articles (2005-2015) of a quotation-attribution dataset: every 8th document.

    Each JSON file keeps the article's text as the dump gives it (``originalText``: paragraphs
    separated by a blank line); the title and date come from the document name ("<id> - <title>
    (<date>)"). A single line break inside a paragraph is wiki source wrapping, shown as a space
    on the published page, and is joined. Wikinews articles carry no byline by design.
    """
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", "--name-only", src.rev, "data"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    names = sorted(n for n in listing.split("\0") if n.endswith(".json"))
    for i, name in enumerate(names):
        if i % 8:
            continue
        doc = json.loads(git_show(mirror, src.repo, name, src.rev))
        meta = WIKINEWS_NAME.match(doc.get("documentName", ""))
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", doc.get("originalText", ""))]
        paras = [p for p in paras if p]
        if not paras or meta is None:
            continue
        yield Article(
            lang="de",
            outlet="wikinews-de",
            ident=f"wikinews-de-{name.rsplit('/', 1)[-1].split(' ', 1)[0]}",
            text=paragraphs(paras),
            path=name.rsplit("/", 1)[0] + "/",
            title=meta.group("title"),
            date=meta.group("date"),
        )


TEMARIO_MONTHS = {"fe": 2, "ab": 4, "ju": 6, "jl": 7}


def read_temario_jb(src: Source, mirror: Path) -> Iterator[Article]:
    """Jornal do Brasil (1996) texts of the TeMário summarisation corpus, kept in a course project.

    TeMário's source texts are plain text in ISO-8859-1: the headline, a blank line, the deck, then
    the paragraphs, a blank line between. The headline goes to the front matter, the deck stays the
    first paragraph (as printed); the date comes from the file name ("in96ab18-b": 18 April 1996).
    Only the Jornal do Brasil texts (Internacional "in96", Política "po96") are read: the Folha de
    S. Paulo ones are a field outlet's.
    """
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    folder = src.paths[0]
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-z", "--name-only", f"{src.rev}:{folder}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    for name in sorted(n for n in listing.split("\0") if re.match(r"(?:in|po)96[a-z]{2}\d\d-[a-z]\.txt$", n)):
        raw = subprocess.run(
            ["git", "--git-dir", str(git_dir), "show", f"{src.rev}:{folder}{name}"], check=True, capture_output=True
        ).stdout.decode("iso-8859-1")
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw.replace("\r", ""))]
        paras = [p for p in paras if p]
        if len(paras) < 3:
            continue
        month = TEMARIO_MONTHS.get(name[4:6])
        yield Article(
            lang="pt",
            outlet="jornal-do-brasil",
            ident=f"jb-{name[:-4]}",
            text=paragraphs(paras[1:]),
            path=folder,
            title=paras[0],
            date=f"1996-{month:02d}-{name[6:8]}" if month else "",
        )


# --- Orange Actu pages of the OrangeSum summarisation corpus (Tixierae/OrangeSum) ------------------
#
# The corpus keeps the raw HTML of every page it scraped from actu.orange.fr (2011-2020) in
# ``data/docs/raw/<n>.txt``. Orange Actu prints its own desk's rewrites of agency copy ("Orange avec
# AFP", "Orange avec Media Services"), agency dispatches as the agency filed them ("AFP") and the
# copy of content partners (6Medias, franceinfo, Le HuffPost...), each credited in the page's
# ``author`` meta. Three of them are outlets of no earlier set and are kept, each as its own outlet.
ORANGE_OUTLETS = (
    (re.compile(r"Orange avec\b"), "orange-actu"),
    (re.compile(r"6m[eé]dias$", re.I), "6medias"),
    (re.compile(r"afp$", re.I), "afp-fr"),
)
ORANGE_KEEP = {"orange-actu": 16, "6medias": 6, "afp-fr": 8}
ORANGE_STEP = 20  # every 20th page of the corpus is looked at, then every k-th of each outlet kept


def orange_body(raw: str) -> tuple[dict[str, str], list[str]]:
    """The meta tags and the paragraphs of the ``articleBody`` element of an Orange Actu page.

    The body holds ``<p>`` elements, runs of text split by ``<br/><br/>`` and loose text between
    embedded players; each break (``</p>``, ``<br>``) ends a paragraph. The first ``<p class="date">``
    (the credit and publication date) goes to the front matter. Text the page prints glued
    ("...au tabloïd.Les tentatives ...") stays glued, as published.
    """
    meta = {}
    for m in re.finditer(r'<meta content="([^"]*)" (?:property|name|itemprop)="([^"]+)"', raw):
        meta.setdefault(m.group(2), html.unescape(m.group(1)).strip())
    start = next((m.start() for m in re.finditer(r'<div(?: class="[^"]*")? itemprop="articleBody">', raw)), -1)
    end = raw.find("<!-- articleBody -->", start)
    if start < 0 or end < 0:
        return meta, []
    body = raw[start:end]
    body = re.sub(r"(?is)<(script|style|noscript|iframe)\b.*?</\1>", " ", body)
    body = re.sub(r'(?is)<p class="date">.*?</p>', " ", body)
    body = re.sub(r"(?is)<!--.*?-->", " ", body)
    body = re.sub(r"(?i)<br\s*/?>|</?p\b[^>]*>|</?div\b[^>]*>|</?h[1-6]\b[^>]*>|</?li\b[^>]*>", "\n\n", body)
    body = html.unescape(re.sub(r"<[^>]+>", "", body)).replace("\xa0", " ")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    return meta, [p for p in paras if p]


def read_orangesum(src: Source, mirror: Path) -> Iterator[Article]:
    """Orange Actu's own desk, 6Medias and AFP copy from the OrangeSum corpus's raw pages."""
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-z", "--name-only", f"{src.rev}:{src.paths[0]}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    names = sorted((n for n in listing.split("\0") if re.fullmatch(r"\d+\.txt", n)), key=lambda n: int(n[:-4]))
    seen: dict[str, int] = {}
    for name in names[::ORANGE_STEP]:
        raw = git_show(mirror, src.repo, src.paths[0] + name, src.rev)
        meta, paras = orange_body(raw)
        credit = meta.get("author", "")
        outlet = next((o for pat, o in ORANGE_OUTLETS if pat.search(credit.strip())), None)
        url = meta.get("og:url", "")
        if outlet is None or "/videos/" in url or len(paras) < 3:
            continue
        seen[outlet] = seen.get(outlet, 0) + 1
        if (seen[outlet] - 1) % ORANGE_KEEP[outlet]:
            continue
        yield Article(
            lang="fr",
            outlet=outlet,
            ident=f"{outlet}-{name[:-4]}",
            text=paragraphs(paras),
            path=src.paths[0],
            title=meta.get("og:title", ""),
            date=meta.get("article:published_time", "")[:10],
            url=url,
            author=credit.strip(),
        )


# --- Pages saved whole by a scraper's tests (mitul-kalariya/scrapping-webs) -------------------------
#
# The repository keeps one branch per outlet; each branch's ``<spider>/test/data/*.json`` holds the
# raw HTML of a few article pages next to what the spider parsed. The spider's own text is not used
# (it prepends link texts to their paragraphs); the body is taken again from the HTML: the element
# holding the most paragraph text, and in it, in page order, its paragraphs, crossheads, list items
# and quotations. Page furniture the CMS marks as such (share bars, related links, ads, embeds,
# captions) is left out by its class; what the CMS does not mark stays, as it was published.

VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "svg",
    "figure",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "header",
    "form",
    "button",
    "iframe",
    "template",
    "select",
    "video",
    "audio",
    "picture",
    "object",
    "dialog",
    "title",
}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "li", "blockquote"}
FURNITURE = re.compile(
    r"related|newsletter|share|social|promo|advert|\bads?\b|\bad-|-ad\b|outbrain|taboola|comment|subscri|"
    r"breadcrumb|caption|credit|read-?also|lire-?aussi|a-lire|sponsor|recommend|popular|most-read|teaser|embed|"
    r"tweet|instagram|video|player|tags?\b|keywords|author-bio|byline|timestamp|cookie|modal|banner",
    re.I,
)


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent


class _PageTree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root
        self.meta: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        if tag == "meta":
            self.meta.append(node.attrs)
        self.cur.children.append(node)
        if tag not in VOID_TAGS:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        if tag == "meta":
            self.meta.append(node.attrs)
        self.cur.children.append(node)

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def _text(node: _Node) -> str:
    out: list[str] = []

    def walk(x: _Node | str) -> None:
        if isinstance(x, str):
            out.append(x)
        elif x.tag == "br":
            out.append(" ")
        elif x.tag not in SKIP_TAGS:
            for c in x.children:
                walk(c)

    walk(node)
    return re.sub(r"\s+", " ", "".join(out).replace("\xa0", " ").replace("\u200b", "")).strip()


def _furniture(node: _Node) -> bool:
    if node.tag in ("html", "body", "main", "article"):
        return False
    marks = (node.attrs.get("class", "") + " " + node.attrs.get("id", "")).strip()
    return bool(marks) and bool(FURNITURE.search(marks))


def page_paragraphs(raw: str) -> tuple[dict[str, str], list[str]]:
    """The meta tags and the body paragraphs of an article page."""
    tree = _PageTree()
    tree.feed(raw)
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}

    def score(x: _Node | str, junk: bool) -> None:
        if isinstance(x, str) or x.tag in SKIP_TAGS:
            return
        nodes[id(x)] = x
        junk = junk or _furniture(x)
        if x.tag == "p" and not junk and x.parent is not None:
            n = len(_text(x))
            if n >= 30:
                scores[id(x.parent)] = scores.get(id(x.parent), 0) + n
                if x.parent.parent is not None:
                    scores[id(x.parent.parent)] = scores.get(id(x.parent.parent), 0) + n / 2
        for c in x.children:
            score(c, junk)

    score(tree.root, False)
    meta = {}
    for attrs in tree.meta:
        key = attrs.get("property") or attrs.get("name") or ""
        if key in ("og:title", "og:url", "article:published_time", "author") and attrs.get("content"):
            meta.setdefault(key, attrs["content"].strip())
    if not scores:
        return meta, []
    paras: list[str] = []

    def emit(x: _Node | str) -> None:
        if isinstance(x, str) or x.tag in SKIP_TAGS or _furniture(x):
            return
        if x.tag in BLOCK_TAGS and not (
            x.tag == "blockquote" and any(not isinstance(c, str) and c.tag == "p" for c in x.children)
        ):
            text = _text(x)
            if text:
                paras.append("- " + text if x.tag == "li" else text)
            return
        for c in x.children:
            emit(c)

    emit(nodes[max(scores, key=lambda k: scores[k])])
    return meta, paras


# host -> outlet; the outlets of the field corpus keep their field names (see README.md)
SCRAPER_OUTLETS = {
    "20minutes.fr": "20minutes",
    "bfmtv.com": "bfmtv",
    "huffingtonpost.fr": "huffpost-fr",
    "mediapart.fr": "mediapart",
    "tf1info.fr": "tf1info",
    "francetvinfo.fr": "francetvinfo",
    "linternaute.com": "linternaute",
    "lemonde.fr": "lemondefr",
    "lepoint.fr": "lepoint",
    "leparisien.fr": "leparisien",
    "tvanouvelles.ca": "tvanouvelles",
    "cbc.ca": "cbc",
    "ctvnews.ca": "ctvnews",
    "globalnews.ca": "globalnews",
    "theglobeandmail.com": "globeandmail",
    "nationalpost.com": "nationalpost",
    "cp24.com": "cp24",
    "economictimes.indiatimes.com": "economictimes",
    "timesnownews.com": "timesnownews",
    "indianexpress.com": "indianexpress",
    "republicworld.com": "republicworld",
    "en.yna.co.kr": "yonhap-en",
    "asia.nikkei.com": "nikkei-asia",
    "ndtv.com": "ndtv",
    "economist.com": "economist",
    "tagesschau.de": "tagesschau",
    "bild.de": "bild",
    "n-tv.de": "n-tv",
    "stern.de": "stern",
    "sueddeutsche.de": "sz",
    "welt.de": "welt",
    "zdf.de": "zdf",
    "zeit.de": "zeit",
    "terra.com.br": "terra",
    "metropoles.com": "metropoles",
    "g1.globo.com": "g1",
    "oglobo.globo.com": "o-globo",
    "r7.com": "r7",
}
SCRAPER_LANGS = {"fr", "en", "de", "pt", "es"}


def _scraper_refs(mirror: Path, repo: str) -> list[str]:
    git_dir = mirror / repo.replace("/", "+") / "repo"
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "for-each-ref", "--format=%(refname:short)", "refs/heads"],
        capture_output=True,
        check=True,
        text=True,
    )
    return sorted(out.stdout.split())


def read_scraper_fixtures(src: Source, mirror: Path) -> Iterator[Article]:
    """Article pages saved whole as test fixtures, one branch per outlet (French, English, German, Portuguese)."""
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    seen_blobs: set[str] = set()
    seen_urls: set[str] = set()
    for ref in _scraper_refs(mirror, src.repo):
        listing = subprocess.run(
            ["git", "--git-dir", str(git_dir), "ls-tree", "-r", ref], capture_output=True, check=True, text=True
        ).stdout
        commit = head_commit(mirror, src.repo, ref)
        for line in listing.splitlines():
            info, path = line.split("\t", 1)
            if not re.search(r"/test/data/test_article_\d+\.json$", path):
                continue
            blob = info.split()[2]
            if blob in seen_blobs:
                continue
            seen_blobs.add(blob)
            data = json.loads(git_show(mirror, src.repo, path, ref))
            for item in data if isinstance(data, list) else [data]:
                raw = (item.get("raw_response") or {}).get("content") or ""
                lang_m = re.search(r"<html[^>]*\blang=\"([a-zA-Z]{2})", raw)
                lang = lang_m.group(1).lower() if lang_m else ""
                if lang not in SCRAPER_LANGS:
                    continue
                meta, paras = page_paragraphs(raw)
                url = meta.get("og:url", "")
                canon = re.search(r"<link[^>]*rel=\"canonical\"[^>]*href=\"([^\"]+)\"", raw)
                if not url and canon:
                    url = canon.group(1)
                host = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
                outlet = SCRAPER_OUTLETS.get(host)
                if outlet is None or url in seen_urls:
                    continue
                # a paywalled teaser, a video page or a list of prices is not an article body
                prose = [p for p in paras if len(p) >= 40 and re.search(r"[a-zà-ÿ]{3,} [a-zà-ÿ]{2,}", p)]
                if len(prose) < 4 or sum(len(p) for p in prose) < 800:
                    continue
                seen_urls.add(url)
                yield Article(
                    lang=lang,
                    outlet=outlet,
                    ident=f"{outlet}-{ref.replace('/', '_')}-{path.rsplit('_', 1)[-1].removesuffix('.json')}",
                    text="\n\n".join(paras) + "\n",
                    path=f"{path.rsplit('/', 1)[0]}/ (branch {ref} @ {commit[:12]})",
                    title=meta.get("og:title", ""),
                    date=meta.get("article:published_time", ""),
                    url=url,
                    author=meta.get("author", ""),
                )


# --- Spanish outlets ----------------------------------------------------------------------------------


NEWS_SCRAPPER_OUTLETS = {
    "elpais": ("es", "el-pais"),
    "elmundo": ("es", "el-mundo"),
    "marketwatch": ("en", "marketwatch"),
}


def read_news_scrapper(src: Source, mirror: Path) -> Iterator[Article]:
    """El País, El Mundo (22 Feb 2022) and MarketWatch (26 Feb 2022): every article of one day's scrape.

    One paragraph a line; the deck (subtitle) is printed first, as on the page.
    """
    for path in src.paths:
        lang, outlet = NEWS_SCRAPPER_OUTLETS[path.split("/")[1]]
        data = json.loads(git_show(mirror, src.repo, path, src.rev))
        for i, (url, row) in enumerate(data.items()):
            body = [ln for ln in (row.get("body") or "").split("\n") if ln.strip()]
            if sum(len(b) for b in body) < 500:
                continue
            deck = (row.get("subtitle") or "").strip()
            yield Article(
                lang=lang,
                outlet=outlet,
                ident=f"{outlet}-{i:03d}",
                text=paragraphs(([deck] if deck else []) + body),
                path=path,
                title=(row.get("title") or "").strip(),
                date=row.get("date") or "",
                url=url.split("?")[0],
                # one MarketWatch byline spans lines and starts with its own "By"
                author=re.sub(r"^By\s+", "", " ".join((row.get("author") or "").split())),
            )


ES_GLUED_END = re.compile(r"(?<=[a-záéíóúñü0-9)\"”»])([.!?])(?=[A-ZÁÉÍÓÚÑ¿¡\"“«][a-záéíóúñü])")


def read_eltiempo(src: Source, mirror: Path) -> Iterator[Article]:
    """El Tiempo (Bogotá), every article of a scrape of 14 May 2020; the paragraphs as a list.

    Some paragraph breaks were lost in the scrape ("depredadores.A pesar de que"): the text is split
    again at a sentence end glued to a capital (abbreviations in capitals such as "EE.UU." are kept).
    """
    text = git_show(mirror, src.repo, src.paths[0], src.rev)
    rows = list(csv.reader(io.StringIO(text), delimiter="¬"))
    for i, row in enumerate(rows[1:]):
        if len(row) < 4:
            continue
        try:
            body = ast.literal_eval(row[0])
        except (ValueError, SyntaxError):
            continue
        paras: list[str] = []
        for p in body:
            paras.extend(ES_GLUED_END.sub(r"\1\n", p.replace("\xa0", " ")).split("\n"))
        paras = [p.strip() for p in paras if p.strip()]
        if sum(len(p) for p in paras) < 500:
            continue
        yield Article(
            lang="es",
            outlet="el-tiempo",
            ident=f"eltiempo-{i:03d}",
            text=paragraphs(paras),
            path=src.paths[0],
            title=row[2].strip(),
            date=" ".join(row[1].split()),
            url=row[3].strip(),
        )


NOTICIA_OUTLETS = {
    "www.huffingtonpost.es": "huffpost-es",
    "eltelevisero.huffingtonpost.es": "huffpost-es",
    "www.cope.es": "cope",
    "cadenaser.com": "cadena-ser",
    "www.mundodeportivo.com": "mundo-deportivo",
    "www.elplural.com": "elplural",
    "www.esdiario.com": "esdiario",
    "www.ole.com.ar": "ole",
    "www.vozpopuli.com": "vozpopuli",
}
NOTICIA_KEEP = {"huffpost-es": 3, "cope": 2}  # every k-th article of the outlet, sorted by URL; the rest all


def read_noticia(src: Source, mirror: Path) -> Iterator[Article]:
    """Spanish articles of the NoticIA clickbait-summarisation corpus (2021-2023), one JSON line each.

    The zip is encrypted with the password its README publishes ('hitz', a guard against crawlers
    feeding it to language-model training). ``web_text`` is the page's text as the corpus extracted
    it, one paragraph a line: the body with what the extraction kept around it (a date stamp, a
    photo caption, a copyright footer, related headlines), kept as given. Only outlets named in
    neither manifest are read (their host in NOTICIA_OUTLETS); short-link URLs (bit.ly...) are left
    out because their outlet is unknown.
    """
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    raw = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{src.rev}:{src.paths[0]}"], capture_output=True, check=True
    ).stdout
    rows: list[dict[str, str]] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in ("train.jsonl", "dev.jsonl", "test.jsonl"):
            for line in z.read(name, pwd=b"hitz").decode("utf-8").splitlines():
                if line.strip():
                    rows.append(json.loads(line))
    by_outlet: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        outlet = NOTICIA_OUTLETS.get(urlparse(row["web_url"]).netloc)
        if outlet:
            by_outlet.setdefault(outlet, []).append(row)
    for outlet, items in sorted(by_outlet.items()):
        items.sort(key=lambda r: r["web_url"])
        for i, row in enumerate(items):
            if i % NOTICIA_KEEP.get(outlet, 1):
                continue
            slug = re.sub(r"[^a-z0-9-]+", "-", urlparse(row["web_url"]).path.lower()).strip("-")[-48:].strip("-")
            yield Article(
                lang="es",
                outlet=outlet,
                ident=f"{outlet}-{i}-{slug}",
                text=paragraphs(row["web_text"].replace("\r", "\n").split("\n")),
                path=src.paths[0],
                title=row["web_headline"].strip(),
                url=row["web_url"].strip(),
            )


def _xlsx_rows(raw: bytes) -> list[list[str]]:
    """The cells of the first sheet of an .xlsx file, row by row (inline and shared strings)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(f"{ns}si"):
                shared.append("".join(t.text or "" for t in si.iter(f"{ns}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out: list[list[str]] = []
    for row in sheet.iter(f"{ns}row"):
        cells = []
        for c in row.findall(f"{ns}c"):
            v = c.find(f"{ns}v")
            if c.get("t") == "inlineStr":
                cells.append("".join(t.text or "" for t in c.iter(f"{ns}t")))
            elif c.get("t") == "s" and v is not None:
                cells.append(shared[int(v.text or 0)])
            else:
                cells.append(v.text or "" if v is not None else "")
        out.append(cells)
    return out


def read_liputan6(src: Source, mirror: Path) -> Iterator[Article]:
    """Liputan6.com articles (March 2026) a text-mining course project scraped into a spreadsheet.

    One row an article (no, url, judul, text). The scrape joined the paragraphs into one line,
    lost the spaces around in-text links ('Komisi IIIDPRAhmad Sahroniturun') and left the ad
    slot's label 'Advertisement' in the text; paragraphs are split again at runs of three or more
    spaces and at the ad label, which is dropped (it is the page's ad slot, not copy). The glued
    link words are kept as given.
    """
    git_dir = mirror / src.repo.replace("/", "+") / "repo"
    raw = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{src.rev}:{src.paths[0]}"], capture_output=True, check=True
    ).stdout
    rows = _xlsx_rows(raw)
    for row in rows[1:]:
        if len(row) < 4 or len(row[3].strip()) < 300:
            continue
        url = row[1].strip()
        body = row[3].replace("\xa0", " ")
        parts = [p for chunk in re.split(r"\s{3,}", body) for p in re.split(r"\s*\bAdvertisement\b\s*", chunk)]
        m = re.search(r"/read/(\d+)/", url)
        yield Article(
            lang="id",
            outlet="liputan6",
            ident=f"liputan6-{m.group(1) if m else row[0]}",
            text=paragraphs(parts),
            path=src.paths[0],
            title=row[2].strip(),
            url=url,
        )


SOURCES = [
    Source(
        repo="gabriellaclairine/indonesian-news-summarization-dataset",
        paths=["data_berita.csv"],
        licence="none stated (README: research dataset); publisher detik.com owns the text",
        note="every 6th of 1,000 articles; the body as the dataset gives it (a few site widget lines remain)",
        read=read_detik,
    ),
    Source(
        repo="svmihar/news-similarity",
        paths=["csv/kontan.csv", "csv/kompas.csv"],
        licence="none stated; publishers own the text",
        note="all rows of the two outlets' files (bisnis.csv left out: its paragraphs are glued without spaces)",
        read=read_news_similarity,
    ),
    Source(
        repo="tblock/10kGNAD",
        paths=["test.csv"],
        licence="CC-BY-NC-SA-4.0 (dataset), MIT (code)",
        note="every 7th row of the test split; paragraphs joined, quote marks inside them removed by the extraction",
        read=read_10kgnad,
    ),
    Source(
        repo="jorre-bot/malaysia-fake-news-detection",
        paths=[
            "berita harian/beritaharian_articles.csv",
            "berita harian/beritaharian_articles_part2.csv",
            "buletin utama/buletin_utama.csv",
            "awani/astroawani_articles.csv",
            "awani/astroawani_articles_part2.csv",
        ],
        licence=(
            "MIT (repository code); the articles are the publishers' (bharian.com.my, buletintv3.my, astroawani.com)"
        ),
        note=(
            "the repository's own scrapes of real news (its fake_news_1964.csv is generated text and is not used); "
            "Berita Harian every 4th usable row (bot-check pages left out), Buletin TV3 every 7th (the trailing "
            "WhatsApp-channel prompt dropped), Astro Awani every 5th (lead paragraph only)"
        ),
        read=read_malaysian_outlets,
    ),
    Source(
        repo="htrajano/otempo-scraper-news",
        paths=["dados/noticias_otempo_café_com_política_separado_230625_testelimpeza2.csv"],
        licence="MIT (repository); the articles are the publisher's (otempo.com.br)",
        note=(
            "every 4th and every 7th usable row of a scrape of O Tempo's politics pages (deleted from the "
            "repository after this commit); the scrape lost the spaces around in-text links"
        ),
        read=read_otempo,
        rev="03fa57348f0500f90826f2a887f3eb70d149b421",
    ),
    Source(
        repo="nissimanjayil/Fake-News-Detection",
        paths=["Dataset/Breitbart.csv"],
        licence="none stated; the articles are the publisher's (breitbart.com)",
        note=(
            "every distinct title of the repository's Breitbart scrape (its BBC, CNN, Guardian, Onion and Infowars "
            "files are field outlets and are not used); no dates; embedded tweets left as one-line remnants"
        ),
        read=read_breitbart,
    ),
    Source(
        repo="oscar6688/Social-Listening-Project",
        paths=[
            "Link 1 - sinarharian/sinarharian_with_text.csv",
            "Link 2 - hmetro /hemetro_with_text.csv",
            "Link 5 - rakyat_post/rakya_post_with_text.csv",
        ],
        licence="none stated; the articles are the publishers' (sinarharian.com.my, hmetro.com.my, therakyatpost.com)",
        note=(
            "the repository's own scrapes (2022-2023; its Kosmo file is 50 rows of byte-string text and its Harakah "
            "file titles only, not used); paragraphs were joined without a space and are split again at glued "
            "sentence ends; the page tail (related headlines, footer, share prompt) dropped, in-body widget lines "
            "kept; the English edition of The Rakyat Post left out; Sinar Harian every 15th row, Harian Metro "
            "every 6th, The Rakyat Post BM every 4th"
        ),
        read=read_social_listening,
    ),
    Source(
        repo="mitul-kalariya/scrapping-webs",
        paths=[],
        licence="none stated; the pages are the publishers'",
        note=(
            "raw HTML of article pages kept as a scraper's test fixtures, one branch per outlet; the body "
            "taken again from the HTML (the paragraphs of the element holding the most paragraph text; page "
            "furniture the CMS marks by class left out); French, English, German and Portuguese pages whose "
            "body has at least 4 prose paragraphs (paywalled teasers, video pages and price lists left out)"
        ),
        read=read_scraper_fixtures,
    ),
    Source(
        repo="pablo-leo/news-scrapper",
        paths=["newspapers/elpais/news_2022-02-22.json", "newspapers/elmundo/news_2022-02-22.json"],
        licence="none stated; the articles are the publishers' (elpais.com, elmundo.es)",
        note=(
            "every article of one day's scrape (a commit before the data was deleted); the deck (subtitle) "
            "printed as the first paragraph, as on the page; embedded tweets left as plain lines"
        ),
        read=read_news_scrapper,
        rev="52de1fa99aee85da93da1e779a567b820f436d5c",
    ),
    Source(
        repo="pablo-leo/news-scrapper",
        paths=["newspapers/marketwatch/news_2022-02-26.json"],
        licence="none stated; the articles are the publisher's (marketwatch.com)",
        note=(
            "every article of one day's scrape (26 Feb 2022; a commit before the data was deleted); the deck "
            "printed as the first paragraph, as on the page; in-body 'For more:' / 'Read:' links left in"
        ),
        read=read_news_scrapper,
        rev="3b0bb4caac16cf28487df0d99ad039a9d2f5e967",
    ),
    Source(
        repo="oscar6688/Social-Listening-Project",
        paths=["Link 4 - kosmo/kosmo.csv"],
        licence="none stated; the articles are the publisher's (kosmo.com.my, Media Mulia Sdn. Bhd.)",
        note=(
            "every usable row of the project's Kosmo! scrape (March 2023), stored as bytes literals and decoded; "
            "the glued headline and copyright footer cut off, the paragraphs split again at glued sentence ends"
        ),
        read=read_kosmo,
        rev="808cf747484a448e0d5b9f6721ba1f9b6b505ad0",
    ),
    Source(
        repo="uhh-lt/german-news-quotation-attribution-2024",
        paths=["data/"],
        licence="CC-BY-NC-SA-4.0 (the dataset); the articles are German Wikinews text, CC-BY-2.5",
        note=(
            "every 8th document (sorted by path) of the dataset's dev/test/train splits: German Wikinews "
            "articles from the articles XML dump (2005-2015); wiki line wrapping inside a paragraph joined; "
            "no bylines (Wikinews has none)"
        ),
        read=read_wikinews_de,
        rev="74e7bd6d1b57b662865f570c4d1de26ff15d2689",
    ),
    Source(
        repo="rodrigolousada/ist-meic-ipr-projects",
        paths=["Proj1/TeMario/Textos-fonte/"],
        licence=(
            "MIT (the course project's code); TeMário corpus (NILC, research use); "
            "the articles are the publisher's (Jornal do Brasil)"
        ),
        note=(
            "the 40 Jornal do Brasil texts (1996, Internacional and Política) of the TeMário summarisation corpus "
            "as a course project keeps it; ISO-8859-1 decoded; the headline to the front matter, the deck kept "
            "first; the 60 Folha de S. Paulo texts are a field outlet's and are not used"
        ),
        read=read_temario_jb,
        rev="803574ef52b39db6c736b231a620e786a7cc58d9",
    ),
    Source(
        repo="JoseSalamancaCoy/Web_scraping_PeriodicosCO",
        paths=["Scraping/eltiempo_2020_05_14_articles.csv"],
        licence="none stated; the articles are the publisher's (eltiempo.com)",
        note=(
            "every article of the scrape; paragraph breaks lost in the scrape restored at glued sentence ends; "
            "inline '(Le puede interesar: ...)' links left in"
        ),
        read=read_eltiempo,
        rev="24199ad2080858046da2673fac6f00f0e2f892b2",
    ),
    Source(
        repo="Tixierae/OrangeSum",
        paths=["data/docs/raw/"],
        licence="CC-BY-SA-4.0 (the dataset); the articles are the publishers' (Orange, 6Medias, AFP)",
        note=(
            "raw actu.orange.fr pages (2011-2020) kept by the OrangeSum summarisation corpus; every 20th page "
            "looked at, then every 16th of Orange's own desk ('Orange avec AFP', 'Orange avec Media Services'), "
            "every 6th of 6Medias and every 8th of AFP kept (by the page's author meta); the articleBody "
            "element's paragraphs, the deck first; video pages and pages of fewer than 3 paragraphs left out; "
            "the other partners' copy (franceinfo, Le HuffPost, BFMTV...) not used"
        ),
        read=read_orangesum,
        rev="e6f8a6e3b71006ad62b450bedbb5e88e2236657b",
    ),
    Source(
        repo="ikergarcia1996/NoticIA",
        paths=["dataset/noticIA.zip"],
        licence=(
            "CC-BY-NC-SA-4.0 (the dataset; research use, no commercial use, not for training models that "
            "generate articles or clickbait); the articles are the publishers'"
        ),
        note=(
            "the NoticIA clickbait-summarisation corpus's article text (2021-2023) for the outlets new to both "
            "manifests: HuffPost España (with its El Televisero section) every 3rd, COPE every 2nd, the rest all; "
            "the page text as the corpus extracted it (date stamps, captions, copyright footers, related "
            "headlines left in: judged as defects where flagged)"
        ),
        read=read_noticia,
        rev="c86bfd72d6cf13f1d0a43d77bd09123a6488e7d6",
    ),
    Source(
        repo="khaira505/STK-Liputan6",
        paths=["data/articles.xlsx"],
        licence="none stated; the articles are the publisher's (liputan6.com)",
        note=(
            "every article (body of 300+ characters) of a course project's scrape of 50 Liputan6 pages (March "
            "2026); paragraphs split again at space runs and at the ad slot's 'Advertisement' label (dropped); "
            "words glued where links were kept as given"
        ),
        read=read_liputan6,
        rev="af9741b44bd6626c421cf1678104f1fb0065e1d9",
    ),
]


def front_matter(a: Article, source: str) -> str:
    meta: dict[str, str] = {}
    if a.title:
        meta["title"] = a.title
    if a.author:
        meta["author"] = a.author
    if a.date:
        meta["date"] = a.date
    meta.update({"lang": a.lang, "outlet": a.outlet, "source": source})
    if a.url:
        meta["url"] = a.url
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=Path("/work/data/fresh"))
    ap.add_argument(
        "--only",
        metavar="OWNER/NAME",
        help="convert this repository's sources alone; the other entries of MANIFEST.yaml are kept as they are",
    )
    args = ap.parse_args(argv)
    manifest: list[dict[str, object]] = []
    if args.only:  # the other repositories' entries stay where they are; this one's are written after them
        old = yaml.safe_load((HERE / "MANIFEST.yaml").read_text())["sources"]
        manifest = [m for m in old if m["repository"] != args.only]
    for src in SOURCES:
        if args.only and src.repo != args.only:
            continue
        commit = head_commit(args.mirror, src.repo, src.rev)
        counts: dict[tuple[str, str, str], int] = {}
        for a in src.read(src, args.mirror):
            target = args.out / "clean" / a.lang / a.outlet / f"{a.ident}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(front_matter(a, f"{src.repo}@{commit[:12]}:{a.path}") + a.text, encoding="utf-8")
            key = (a.lang, a.outlet, a.path)
            counts[key] = counts.get(key, 0) + 1
        for (lang, outlet, path), n in sorted(counts.items()):
            manifest.append(
                {
                    "repository": src.repo,
                    "commit": commit,
                    "path": path,
                    "licence": src.licence,
                    "outlet": outlet,
                    "language": lang,
                    "count": n,
                    "note": src.note,
                }
            )
    header = "# Sources of the fresh precision set (written by benchmarks/fresh/convert.py).\n"
    (HERE / "MANIFEST.yaml").write_text(
        header + yaml.safe_dump({"sources": manifest}, allow_unicode=True, sort_keys=False, width=10_000)
    )
    print(sum(int(str(m["count"])) for m in manifest), "articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build the field corpus from snapshots of public repositories.

    python benchmarks/field/ingest.py [--mirror DIR] [--out DIR]

Reads each source listed in ``SOURCES`` out of a bare git snapshot under
``--mirror`` (default /work/.mirror, one ``owner+name`` folder per repository),
and writes:

- ``OUT/clean/<lang>/<outlet>/<id>.md``: edited copy as published, Markdown with
  YAML front matter (title, author and date where the source gives them, lang,
  outlet, source);
- ``OUT/scraped/<lang>/<site>/<id>.txt``: raw scraper output, junk and all, first
  line the title;
- ``benchmarks/field/MANIFEST.yaml``: every source with repository, commit, path,
  licence and what came out of it (outlet, language, count, clean|scraped).

The text is copied as the source holds it. The only changes are line endings,
trailing blanks, and for clean copy one blank line between paragraphs (a
Markdown draft's paragraph break). Sources are read at the commit named in
``SOURCES``, so a rebuild gives the same files.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_OUT = Path("/work/data/field")
MIN_WORDS = 80  # shorter items are teasers or captions, not articles


@dataclass
class Article:
    lang: str
    outlet: str
    ident: str
    title: str
    text: str
    path: str
    author: str = ""
    date: str = ""
    url: str = ""


@dataclass
class Source:
    name: str
    repo: str
    commit: str
    licence: str
    kind: str  # clean | scraped
    read: Callable[[Git], Iterator[Article]]
    note: str = ""
    paths: list[str] = field(default_factory=list)


class Git:
    """Read files of one commit of a bare snapshot."""

    def __init__(self, mirror: Path, repo: str, commit: str) -> None:
        base = mirror / repo.replace("/", "+") / "repo"
        self.git_dir = base / ".git" if (base / ".git").is_dir() else base
        self.commit = commit

    def _git(self, *args: str) -> bytes:
        cmd = ["git", f"--git-dir={self.git_dir}", *args]
        return subprocess.run(cmd, check=True, capture_output=True).stdout

    def ls(self, under: str) -> list[str]:
        out = self._git("ls-tree", "-r", "-z", "--name-only", self.commit, "--", under)
        return [p for p in out.decode("utf-8").split("\0") if p]

    def read(self, path: str) -> bytes:
        return self._git("show", f"{self.commit}:{path}")

    def text(self, path: str) -> str:
        return self.read(path).decode("utf-8", errors="replace")


# -- helpers --------------------------------------------------------------------------------


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unknown"


def short_id(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:10]


def paragraphs(text: str) -> str:
    """Clean copy as Markdown: one paragraph a line-group, blank line between."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.strip() for ln in text.split("\n")]
    return "\n\n".join(ln for ln in lines if ln) + "\n"


def raw_lines(text: str) -> str:
    """Scraped copy as saved: line endings and trailing blanks normalised only."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(ln.rstrip() for ln in text.split("\n")).strip("\n") + "\n"


def words(text: str) -> int:
    return len(text.split())


def xlsx_rows(data: bytes) -> list[dict[str, str]]:
    """Rows of the first sheet of an .xlsx file, keyed by the header row."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    book = zipfile.ZipFile(io.BytesIO(data))
    shared: list[str] = []
    if "xl/sharedStrings.xml" in book.namelist():
        root = ET.fromstring(book.read("xl/sharedStrings.xml"))
        shared = ["".join(t.text or "" for t in si.iter(ns + "t")) for si in root.iter(ns + "si")]
    sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    table: list[dict[str, str]] = []
    for row in sheet.iter(ns + "row"):
        cells: dict[str, str] = {}
        for c in row.iter(ns + "c"):
            col = re.match(r"[A-Z]+", c.get("r", "")).group()  # type: ignore[union-attr]
            v = c.find(ns + "v")
            if c.get("t") == "s" and v is not None and v.text:
                cells[col] = shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(ns + "t"))
            else:
                cells[col] = v.text or "" if v is not None else ""
        table.append(cells)
    header = table[0]
    return [{header[k].strip().lower(): v for k, v in r.items() if k in header} for r in table[1:]]


# -- sources --------------------------------------------------------------------------------

ES_OUTLETS = {
    "el pais": "el-pais",
    "el universal": "el-universal",
    "bbc": "bbc-mundo",
    "bbc news": "bbc-mundo",
    "bbc mundo": "bbc-mundo",
    "cnn": "cnn-espanol",
    "cnn espanol": "cnn-espanol",
    "cnn en espanol": "cnn-espanol",
    "cnnespanol": "cnn-espanol",
    "el financiero": "el-financiero",
    "el economista": "el-economista",
    "la jornada": "la-jornada",
    "vanguardia": "la-vanguardia",
    "la vanguardia": "la-vanguardia",
    "el comercio": "el-comercio",
    "ny times": "nytimes-es",
    "the new york times": "nytimes-es",
    "milenio": "milenio",
    "excelsior": "excelsior",
    "forbes": "forbes-mexico",
    "huffpost": "huffpost-es",
    # one outlet under several spellings in the corpus: one name, so one group
    "france24": "france-24",
    "france 24": "france-24",
    "noticia onu": "news-onu",
    "noticias onu": "news-onu",
    "news onu": "news-onu",
    "eluniverso": "el-universo",
    "universo": "el-universo",
    "el universo": "el-universo",
    "dw made for minds": "dw",
    "dw": "dw",
}


def _es_outlet(source: str) -> str:
    key = slug(source).replace("-", " ")
    return ES_OUTLETS.get(key, slug(source))


def read_fnc_spanish(git: Git) -> Iterator[Article]:
    """Spanish Fake News Corpus, test split: the news marked true (1), by source.

    The train and development splits mask every number as *NUMBER*, so only the test
    split (unmasked) is used.
    """
    path = "test.xlsx"
    for row in xlsx_rows(git.read(path)):
        if row.get("category", "").strip() != "1" or not row.get("source"):
            continue
        text = row.get("text", "")
        if "*NUMBER*" in text or words(text) < MIN_WORDS:
            continue
        outlet = _es_outlet(row["source"])
        yield Article(
            lang="es",
            outlet=outlet,
            ident=f"fnc-{row.get('id', '').strip() or short_id(text)}",
            title=row.get("headline", "").strip(),
            text=paragraphs(text),
            path=path,
            url=row.get("link", "").strip(),
        )


def _site_of(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0].lower()
    return re.sub(r"^(www|m|amp)\.", "", host)


def read_fakenewsnet_scraped(git: Git) -> Iterator[Article]:
    """FakeNewsNet (old version): pages as the newspaper library scraped them."""
    base = "datasets/fake_news_net/data/FakeNewsNet-old-version/Data"
    for path in git.ls(base):
        if not path.endswith("-Webpage.json"):
            continue
        d = json.loads(git.text(path))
        text = d.get("text") or ""
        site = _site_of(d.get("canonical_link") or d.get("url") or d.get("source") or "")
        if words(text) < MIN_WORDS or not site:
            continue
        title = (d.get("title") or "").strip()
        yield Article(
            lang="en",
            outlet=slug(site.replace(".", "-")),
            ident=Path(path).stem.lower(),
            title=title,
            text=raw_lines(text),
            path=path,
            url=d.get("url") or "",
        )


def read_fake_vs_satire(git: Git) -> Iterator[Article]:
    """Fake-news and satire stories as scraped for Golbeck et al. 2018: title, URL, text."""
    base = "datasets/fake_news_vs_satire/data/story_text"
    for path in git.ls(base):
        if not path.endswith(".txt") or "/ditched/" in path:
            continue
        title, _, rest = git.text(path).replace("\r\n", "\n").partition("\n")
        url, _, text = rest.partition("\n")
        site = _site_of(url.strip())
        if not url.startswith("http") or not site or words(text) < MIN_WORDS:
            continue
        kind = "satire" if "/Satire/" in path else "fake"
        yield Article(
            lang="en",
            outlet=slug(site.replace(".", "-")),
            ident=f"{kind}-{Path(path).stem}",
            title=title.strip(),
            text=raw_lines(text),
            path=path,
            url=url.strip(),
        )


def read_wmt24_news(git: Git) -> Iterator[Article]:
    """WMT 2024 English sources of the news domain: one paragraph a line, a JSONL line per line."""
    text_path, meta_path = "txt/sources/en-de.txt", "txt/metadata/en-de.jsonl"
    lines = git.text(text_path).split("\n")
    metas = [json.loads(m) for m in git.text(meta_path).splitlines() if m.strip()]
    docs: dict[str, list[str]] = {}
    for line, meta in zip(lines, metas, strict=False):
        if meta.get("domain") == "news":
            docs.setdefault(meta["docid"], []).append(line.strip())
    for docid, paras in docs.items():
        body = "\n".join(paras[1:])
        if words(body) < MIN_WORDS:
            continue
        yield Article(
            lang="en",
            outlet=_wmt_outlet(docid.removeprefix("test-en-news_")),
            ident=f"wmt24-{slug(docid)}",
            title=paras[0],
            text=paragraphs(body),
            path=f"{text_path} + {meta_path}",
        )


def _wmt_outlet(docid: str) -> str:
    name = re.sub(r"\.\d+$", "", docid)
    name = re.sub(r"^(www\.|en\.|de\.|fr\.)", "", name)
    name = re.sub(r"\.(com|de|fr|at|ch|be|co\.uk|net|org)$", "", name)
    return slug(name.replace(".", "-").replace("_", "-"))


def wmt_reader(paths: list[str], langs: set[str]) -> Callable[[Git], Iterator[Article]]:
    """WMT test sets: news documents in their original language (origlang = source).

    Each <seg> is a sentence as the outlet published it; the first one is the headline.
    Where a document keeps its paragraphs (<p>), they are kept; where the whole
    document is one <p>, each sentence becomes a paragraph, as many outlets set them.
    """

    def read(git: Git) -> Iterator[Article]:
        for path in paths:
            root = ET.fromstring(git.read(path))
            for doc in root.iter("doc"):
                src = doc.find("src")
                lang = src.get("lang", "") if src is not None else ""
                if src is None or lang not in langs or doc.get("origlang") != lang:
                    continue
                if doc.get("domain", "news") != "news":
                    continue
                paras = [[(seg.text or "").strip() for seg in p.iter("seg")] for p in src.iter("p")]
                segs = [s for p in paras for s in p if s]
                if len(segs) < 4:
                    continue
                title = segs[0]
                if len(paras) > 1:
                    body = [" ".join(s for s in p if s) for p in paras]
                    body[0] = " ".join(s for s in paras[0][1:] if s)
                else:
                    body = segs[1:]
                text = "\n".join(b for b in body if b)
                if words(text) < MIN_WORDS:
                    continue
                docid = doc.get("id", "")
                yield Article(
                    lang=lang,
                    outlet=_wmt_outlet(docid),
                    ident=f"wmt-{slug(docid)}",
                    title=title,
                    text=paragraphs(text),
                    path=path,
                )

    return read


NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "``"}


def detokenize(tokens: list[str]) -> str:
    """Undo word tokenization: glue punctuation back, pair straight double quotes."""
    out = ""
    quote_open = False
    glue_next = True
    tokens = [t for t in tokens if t.strip()]
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "-" and out.endswith("-"):  # "--" was split into "-", "-"
            out += tok
            continue
        # a hyphen inside a word ("undang-undang", "obat-obatan") or a slash in a date (15/9)
        if (tok == "-" and nxt[:1].islower() and out[-1:].isalpha()) or (
            tok == "/" and nxt[:1].isdigit() and out[-1:].isdigit()
        ):
            out += tok
            glue_next = True
            continue
        if tok == '"':
            if quote_open:
                out += tok
                glue_next = False
            else:
                out += ("" if glue_next else " ") + tok
                glue_next = True
            quote_open = not quote_open
            continue
        if glue_next or tok in NO_SPACE_BEFORE or tok.startswith("'"):
            out += tok
        else:
            out += " " + tok
        glue_next = tok in NO_SPACE_AFTER
    return out.replace("``", "\u201c").replace("''", "\u201d")


def read_indosum(git: Git) -> Iterator[Article]:
    """IndoSum development folds: news from ten Indonesian outlets (via Shortir), tokenized.

    Paragraph and sentence boundaries are the source's; words are detokenized here.
    At most INDOSUM_PER_OUTLET articles per outlet, first come first served.
    """
    taken: Counter[str] = Counter()
    for fold in range(1, 6):
        path = f"indosum/dev.0{fold}.jsonl"
        for line in git.text(path).splitlines():
            d = json.loads(line)
            outlet = slug(d["source"])
            if taken[outlet] >= INDOSUM_PER_OUTLET:
                continue
            paras = d["paragraphs"]
            if isinstance(paras, str):  # this copy stores the lists as Python literals
                paras = ast.literal_eval(paras)
            text = "\n".join(detokenize([tok for sent in para for tok in sent]) for para in paras)
            if words(text) < MIN_WORDS:
                continue
            taken[outlet] += 1
            yield Article(
                lang="id",
                outlet=outlet,
                ident=f"indosum-{slug(d['id'])[:60]}",
                title="",
                text=paragraphs(text),
                path=path,
                url=d.get("source_url", ""),
            )


INDOSUM_PER_OUTLET = 80
FACTNEWS_OUTLETS = {"folha": "folha-de-s-paulo", "estadao": "estadao", "oglobo": "o-globo"}


def read_factnews(git: Git) -> Iterator[Article]:
    """FactNews: Brazilian news (Folha, Estadão, O Globo) as numbered sentences per article.

    Paragraph breaks are not in the data: each sentence becomes a paragraph.
    """
    path = "dataset/factnews_dataset.csv"
    rows = list(csv.DictReader(io.StringIO(git.text(path))))
    docs: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        docs.setdefault(r["file"], []).append((int(r["id_sente"]), r["sentences"].strip()))
    for name, sents in docs.items():
        if name.endswith("_titulo"):
            continue
        outlet = next((v for k, v in FACTNEWS_OUTLETS.items() if k in name.lower()), "")
        text = "\n".join(t for _, t in sorted(sents) if t)
        if not outlet or words(text) < MIN_WORDS:
            continue
        title = " ".join(t for _, t in sorted(docs.get(name + "_titulo", [])))
        yield Article(
            lang="pt", outlet=outlet, ident=f"factnews-{slug(name)}", title=title, text=paragraphs(text), path=path
        )


class _SimpleHTML(HTMLParser):
    """Blocks of a plain article page: h1 (title), h2/h3 (section headings), p."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self._tag = ""
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "p", "li"):
            self._tag, self._buf = tag, []
        elif tag == "br" and self._tag:
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
            if text:
                self.blocks.append((tag, text))
            self._tag = ""

    def handle_data(self, data: str) -> None:
        if self._tag:
            self._buf.append(data)


def read_wikinews_fr(git: Git) -> Iterator[Article]:
    """French Wikinews articles (2012) of the TopicRank keyphrase corpus, as their HTML pages."""
    path = "src/WikinewsKeyphraseCorpus-master.zip"
    book = zipfile.ZipFile(io.BytesIO(git.read(path)))
    for name in sorted(book.namelist()):
        if not name.endswith(".html"):
            continue
        parser = _SimpleHTML()
        parser.feed(book.read(name).decode("utf-8"))
        title = next((t for tag, t in parser.blocks if tag == "h1"), "")
        body = [("## " + t if tag in ("h2", "h3") else t) for tag, t in parser.blocks if tag != "h1"]
        text = "\n".join(body)
        if words(text) < MIN_WORDS:
            continue
        yield Article(
            lang="fr",
            outlet="wikinews-fr",
            ident=f"wikinews-{Path(name).stem}",
            title=title,
            text=paragraphs(text),
            path=f"{path}!{name}",
        )


class _ParagraphScraper(HTMLParser):
    """What a naive scraper keeps of a saved page: the text of every <p>, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.lines: list[str] = []
        self._in: list[str] = []
        self._buf: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in ("p", "h1", "title"):
            self._in.append(tag)
            self._buf = []
        elif tag == "br" and self._in:
            self._buf.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif self._in and tag == self._in[-1]:
            self._in.pop()
            text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
            if tag == "p" and text:
                self.lines.append(text)
            elif tag == "h1" and text and not self.h1:
                self.h1 = text
            elif tag == "title" and text and not self.title:
                self.title = text
            self._buf = []

    def handle_data(self, data: str) -> None:
        if self._in and not self._skip:
            self._buf.append(data)


def read_scraper_fixture_pages(git: Git) -> Iterator[Article]:
    """Saved article pages of an Indonesian news scraper's tests, scraped as a naive scraper would."""
    base = "test/fixtures/websites"
    for path in git.ls(base):
        if "singlepage" not in path or not path.endswith(".html"):
            continue
        page = _ParagraphScraper()
        page.feed(git.text(path))
        site = Path(path).parent.name
        lang = "en" if site == "tempo-english" else "id"
        text = "\n".join(page.lines)
        if words(text) < MIN_WORDS:
            continue
        yield Article(
            lang=lang,
            outlet=slug(site),
            ident=f"scraperfix-{Path(path).stem}",
            title=page.h1 or page.title,
            text=raw_lines(text),
            path=path,
        )


def saved_pages_reader(pages: list[tuple[str, str, str]], prefix: str) -> Callable[[Git], Iterator[Article]]:
    """Saved article pages of an extractor's test fixtures (path, language, site), scraped as a
    naive scraper would: the text of every <p> in page order, junk and all."""

    def read(git: Git) -> Iterator[Article]:
        for path, lang, site in pages:
            page = _ParagraphScraper()
            page.feed(git.text(path))
            text = "\n".join(page.lines)
            if words(text) < MIN_WORDS:
                continue
            yield Article(
                lang=lang,
                outlet=slug(site.replace(".", "-")),
                ident=f"{prefix}-{slug(Path(path).stem)}",
                title=page.h1 or page.title,
                text=raw_lines(text),
                path=path,
            )

    return read


GOOSE_PAGES = [
    ("tests/data/content/test_elmondo1.html", "es", "elmundo.es"),
    ("tests/data/content/test_elpais.html", "es", "elpais.com"),
    ("tests/data/content/test_issue4.html", "fr", "slate.fr"),
    ("tests/data/content/test_lefigaro.html", "fr", "lefigaro.fr"),
    ("tests/data/content/test_liberation.html", "fr", "liberation.fr"),
    ("tests/data/content/test_wiwo.html", "de", "handelsblatt.com"),
]
PARSER_PAGES = [
    ("fixtures/epaper.zeit.de.html", "de", "zeit.de"),
    ("fixtures/www.abendblatt.de.html", "de", "abendblatt.de"),
    ("fixtures/www.spektrum.de.html", "de", "spektrum.de"),
    ("fixtures/ici.radio-canada.ca.html", "fr", "radio-canada.ca"),
    ("fixtures/www.lemonde.fr.html", "fr", "lemonde.fr"),
]

SLASHER_PAGES = [
    (f"spec/cases/{site}.html", "id", site)
    for site in ("kompas", "liputan6", "merdeka", "okezone", "suara", "tribunnews", "viva")
]


def lusa_reader(folder: str, prefix: str) -> Callable[[Git], Iterator[Article]]:
    """Lusa wire copy: title, blank line, one paragraph a line."""

    def read(git: Git) -> Iterator[Article]:
        for path in git.ls(folder):
            raw = git.text(path).replace("\r\n", "\n")
            title, _, body = raw.partition("\n")
            if words(body) < MIN_WORDS:
                continue
            yield Article(
                lang="pt",
                outlet="lusa",
                ident=f"{prefix}-{slug(Path(path).stem)}",
                title=title.strip(),
                text=paragraphs(body),
                path=path,
            )

    return read


def read_ptbr_news(git: Git) -> Iterator[Article]:
    """Brazilian web news, 500 articles in five topic folders: title, standfirst, body.

    The dataset does not name the outlet of each article (its copy reads as G1, ge,
    Valor, Terra and others), so the whole collection is one source group. The
    standfirst (second line) is kept as the first paragraph, as published; the
    ChatGPT summaries in ``__summarization__`` are left out.
    """
    for path in git.ls("."):
        if path.startswith("__") or not path.endswith(".txt") or "/" not in path:
            continue
        raw = git.text(path).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        title, _, body = raw.strip("\n").partition("\n")
        if words(body) < MIN_WORDS:
            continue
        folder = slug(str(Path(path).parent))
        yield Article(
            lang="pt",
            outlet=PTBR_NEWS_OUTLET,
            ident=f"ptbrnews-{folder}-{Path(path).stem}",
            title=title.strip(),
            text=paragraphs(body),
            path=path,
        )


PTBR_NEWS_OUTLET = "web-br-mixed"

WMT_LICENCE = "WMT test data, for research use; publishers own the text"

SOURCES: list[Source] = [
    Source(
        name="fnc-spanish",
        repo="jpposadas/FakeNewsCorpusSpanish",
        commit="732f4870abd8d3f5ab4956fd92b040a7913614e3",
        licence="CC-BY-4.0",
        kind="clean",
        read=read_fnc_spanish,
        note="True news of the test split, copied by the corpus authors from each outlet",
    ),
    Source(
        name="fakenewsnet-old",
        repo="pmacinec/fake-news-datasets",
        commit="0ea4a5ccaf7698cb44ba01855295989a8e26e144",
        licence="MIT (collection); FakeNewsNet research data, text owned by the publishers",
        kind="scraped",
        read=read_fakenewsnet_scraped,
        note="Article pages scraped with the newspaper library: share counters, captions, "
        "newsletter and related-story lines left in",
    ),
    Source(
        name="fake-vs-satire",
        repo="pmacinec/fake-news-datasets",
        commit="0ea4a5ccaf7698cb44ba01855295989a8e26e144",
        licence="MIT (collection); Golbeck et al. 2018 research data, text owned by the publishers",
        kind="scraped",
        read=read_fake_vs_satire,
        note="Fake-news and satire stories as their scraper saved them (title, URL, text)",
    ),
    Source(
        name="idnews-scraper-fixtures",
        repo="anpandu/indonesian-news-scraper",
        commit="9a5174e425f5c26363776f2a083d8ab0e39859cd",
        licence="MIT (scraper); pages owned by the publishers",
        kind="scraped",
        read=read_scraper_fixture_pages,
        note="The scraper's saved test pages (2015-2016); text of every <p> in page order, as a naive "
        "scraper keeps it: read-also lines, captions, footers and widgets left in",
    ),
    Source(
        name="wmt21-news",
        repo="wmt-conference/wmt21-news-systems",
        commit="f41750dadbf2ba6ab01ca5380347d253298a3427",
        licence=WMT_LICENCE,
        kind="clean",
        read=wmt_reader(
            ["xml/newstest2021.fr-de.all.xml", "xml/newstest2021.de-fr.all.xml", "xml/newstest2021.en-is.all.xml"],
            {"en", "de", "fr"},
        ),
        note="News test set documents in their original language, sentence-segmented by WMT",
    ),
    Source(
        name="wmt22-news",
        repo="wmt-conference/wmt22-news-systems",
        commit="20240a2e96a50e823ea8cdf37fd8af52547146e3",
        licence=WMT_LICENCE,
        kind="clean",
        read=wmt_reader(
            [
                "xml/wmttest2022.fr-de.all.xml",
                "xml/wmttest2022.de-fr.all.xml",
                "xml/wmttest2022.en-hr.all.xml",
                "xml/wmttest2022.en-zh.all.xml",
            ],
            {"en", "de", "fr"},
        ),
        note="General test set, news domain only, documents in their original language",
    ),
    Source(
        name="wmt24-news",
        repo="wmt-conference/wmt24-news-systems",
        commit="bfa937ee53586aa173d68657b89b8642693f7b66",
        licence=WMT_LICENCE,
        kind="clean",
        read=read_wmt24_news,
        note="General test set 2024, English sources of the news domain, one paragraph a line",
    ),
    Source(
        name="indosum-dev",
        repo="CalDev-id/INDOSUM2",
        commit="9280c93074959f0d99f1d48e9a2369373ff84248",
        licence="CC-BY-SA-4.0 (IndoSum, Kurniawan and Louvan 2018)",
        kind="clean",
        read=read_indosum,
        note="Copy of kata-ai/indosum's data; development folds, at most 80 articles per outlet; "
        "tokenized by the source and detokenized here (no headline in the data)",
    ),
    Source(
        name="wikinews-fr",
        repo="boudinfl/wikinews-2013-pre",
        commit="8ab885018297334ddaa869bbed38bd77cd0276b4",
        licence="Apache-2.0 (collection); Wikinews text CC-BY-2.5",
        kind="clean",
        read=read_wikinews_fr,
        note="French Wikinews 2012, from the keyphrase corpus's archive of the pages",
    ),
    Source(
        name="clever-lusa",
        repo="DiogoFolques/CLEVER",
        commit="f9e8a4d6fcf09d953fbfb287f1a48ba172ea0d40",
        licence="see repository (dataset sample); Lusa owns the text",
        kind="clean",
        read=lusa_reader("dataset_sample/news_articles", "clever"),
        note="Sample of Lusa election news (European Portuguese)",
    ),
    Source(
        name="claimpt-lusa",
        repo="LIAAD/ClaimPT",
        commit="317a170356036a189408ae9b774a44be3e55ccad",
        licence="see repository (dataset sample); Lusa owns the text",
        kind="clean",
        read=lusa_reader("dataset_sample/news_articles", "claimpt"),
        note="Sample of Lusa news (European Portuguese)",
    ),
    Source(
        name="factnews",
        repo="franciellevargas/FactNews",
        commit="4d6fbaf42cdc0b4b85d0ed4d0b0db1e3391001e9",
        licence="none stated (research dataset, Vargas et al. RANLP 2023); publishers own the text",
        kind="clean",
        read=read_factnews,
        note="Brazilian news (2006-2022) of Folha de S.Paulo, Estadão and O Globo, 100 stories covered by all "
        "three. The dataset keeps sentences, not paragraphs, in its own order (sorted, not the article's): "
        "each sentence is a paragraph here, so these articles test sentence-level rules, not structure",
    ),
    Source(
        name="ptbr-news",
        repo="mauricio-seiji/Dataset-news-articles-pt-br",
        commit="f84986779c20b0413c458ed7aa392e90a5f95c7b",
        licence="none stated; publishers own the text",
        kind="clean",
        read=read_ptbr_news,
        note="500 Brazilian web news articles (economy, entertainment, science, sports, politics) with title "
        "and standfirst; outlets not named by the dataset, so one group (web-br-mixed)",
    ),
    Source(
        name="goose3-fixtures",
        repo="goose3/goose3",
        commit="c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7",
        licence="Apache-2.0 (extractor); pages owned by the publishers",
        kind="scraped",
        read=saved_pages_reader(GOOSE_PAGES, "goose3"),
        note="The extractor's saved Spanish, French and German test pages (El Mundo, El País, Slate.fr, Le Figaro, "
        "Libération, Handelsblatt); text of every <p> in page order, as a naive scraper keeps it",
    ),
    Source(
        name="postlight-parser-fixtures",
        repo="postlight/parser",
        commit="e8ba7ece291efa4d915d50dd4deeec17d54359f2",
        licence="Apache-2.0 or MIT (parser); pages owned by the publishers",
        kind="scraped",
        read=saved_pages_reader(PARSER_PAGES, "parser"),
        note="The parser's saved German and French test pages (Zeit, Abendblatt, Spektrum, Radio-Canada, Le Monde); "
        "text of every <p> in page order, as a naive scraper keeps it",
    ),
    Source(
        name="slasher-fixtures",
        repo="hafizbadrie/slasherrb",
        commit="9f36a9713d1fe07755f1ea64eb481194b53d1d2c",
        licence="MIT (extractor); pages owned by the publishers",
        kind="scraped",
        read=saved_pages_reader(SLASHER_PAGES, "slasher"),
        note="An Indonesian content extractor's saved test pages (2015; removed from the repository later, read "
        "at the last commit that has them); text of every <p> in page order, as a naive scraper keeps it",
    ),
]


# -- writing --------------------------------------------------------------------------------


def front_matter(a: Article, source: Source) -> str:
    meta: dict[str, str] = {"title": a.title}
    if a.author:
        meta["author"] = a.author
    if a.date:
        meta["date"] = a.date
    meta.update({"lang": a.lang, "outlet": a.outlet, "source": f"{source.repo}@{source.commit[:12]}:{a.path}"})
    if a.url:
        meta["url"] = a.url
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{dumped}---\n\n"


def write(a: Article, source: Source, out: Path) -> Path:
    if source.kind == "clean":
        target = out / "clean" / a.lang / a.outlet / f"{a.ident}.md"
        body = front_matter(a, source) + a.text
    else:
        target = out / "scraped" / a.lang / a.outlet / f"{a.ident}.txt"
        body = (a.title or "(no title)") + "\n\n" + a.text
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def ingest(mirror: Path, out: Path, only: set[str] | None = None) -> list[dict[str, object]]:
    if not only:  # a full rebuild starts from nothing, so no stale file survives
        for part in ("clean", "scraped"):
            shutil.rmtree(out / part, ignore_errors=True)
    manifest: list[dict[str, object]] = []
    seen: set[str] = set()
    for source in SOURCES:
        if only and source.name not in only:
            continue
        git = Git(mirror, source.repo, source.commit)
        counts: Counter[tuple[str, str]] = Counter()
        paths: dict[tuple[str, str], set[str]] = {}
        for a in source.read(git):
            digest = hashlib.sha1(re.sub(r"\s+", " ", a.text).strip().lower().encode()).hexdigest()
            if digest in seen:  # the same article twice (several sources copy one story)
                continue
            seen.add(digest)
            write(a, source, out)
            counts[(a.lang, a.outlet)] += 1
            paths.setdefault((a.lang, a.outlet), set()).add(a.path)
        for (lang, outlet), n in sorted(counts.items()):
            manifest.append(
                {
                    "source": source.name,
                    "repository": source.repo,
                    "commit": source.commit,
                    "paths": _summarise(sorted(paths[(lang, outlet)])),
                    "licence": source.licence,
                    "outlet": outlet,
                    "language": lang,
                    "count": n,
                    "kind": source.kind,
                    "note": source.note,
                }
            )
        print(f"{source.name}: {sum(counts.values())} articles, {len(counts)} outlets", file=sys.stderr)
    return manifest


def _summarise(paths: list[str]) -> list[str]:
    """Up to 3 paths, then the folder with a count, so the manifest stays readable."""
    if len(paths) <= 3:
        return paths
    folders = Counter(str(Path(p).parent) for p in paths)
    return [f"{folder}/ ({n} files)" for folder, n in sorted(folders.items())]


def holdout(lang: str, outlet: str) -> bool:
    """The split rule: an outlet is held out when the SHA-256 of "lang/outlet" is even.

    It depends on the outlet's name alone, so adding sources never moves an outlet
    from one group to the other.
    """
    return int(hashlib.sha256(f"{lang}/{outlet}".encode()).hexdigest(), 16) % 2 == 0


def same_sites_split(target: Path, groups: dict[str, dict[str, list[str]]], key: str = "scraped") -> bool:
    """Whether the split file ``target`` already names exactly the sites of ``groups`` (in any
    groups). A rebuild then keeps the file as it is: once a round has read a set's misses, its
    split says ``tune``, and rebuilding the set must not make it held out again."""
    if not target.exists():
        return False
    kept = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}).get(key) or {}

    def sites(split: dict[str, dict[str, list[str]]]) -> dict[str, list[str]]:
        return {lang: sorted(s for group in by_group.values() for s in group) for lang, by_group in split.items()}

    return sites(kept) == sites(groups)


def split_of(folder: Path) -> dict[str, dict[str, list[str]]]:
    """The outlets (or sites) of ``folder/<lang>/<outlet>/`` per language, as ``tune`` and ``holdout``."""
    split: dict[str, dict[str, list[str]]] = {}
    for lang_dir in sorted(p for p in folder.glob("*") if p.is_dir()):
        outlets = sorted(p.name for p in lang_dir.iterdir() if p.is_dir())
        split[lang_dir.name] = {
            "tune": [o for o in outlets if not holdout(lang_dir.name, o)],
            "holdout": [o for o in outlets if holdout(lang_dir.name, o)],
        }
    return split


def write_split(out: Path, target: Path) -> None:
    split = {part: split_of(out / part) for part in ("clean", "scraped")}
    header = (
        "# Outlets (clean) and sites (scraped) per language, split into the group rules may be\n"
        "# tuned on and the group they are judged on. Rule: holdout when the SHA-256 of\n"
        '# "<lang>/<outlet>" (as an integer) is even; see holdout() in ingest.py.\n'
    )
    target.write_text(header + yaml.safe_dump(split, sort_keys=False, width=120), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--only", action="append", help="ingest only this source (repeatable)")
    ap.add_argument("--manifest", type=Path, default=HERE / "MANIFEST.yaml")
    args = ap.parse_args(argv)
    manifest = ingest(args.mirror, args.out, set(args.only) if args.only else None)
    header = "# Every source of the field corpus (written by benchmarks/field/ingest.py).\n"
    args.manifest.write_text(
        header + yaml.safe_dump({"sources": manifest}, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
    )
    write_split(args.out, HERE / "split.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the Malay and Indonesian scraped set (/work/data/scrapedms) from public repositories.

    python benchmarks/scrapedms/convert.py [--mirror /work/.mirror] [--out /work/data/scrapedms]

Output, one file a page: /work/data/scrapedms/<lang>/<site>/<id>.txt, the title on the first
line, a blank line, then the text as scraped, junk and all. Three kinds of source:

- saved Indonesian news pages (Detik, CNN Indonesia, Sindonews, Tirto) whose text is not in
  <p> elements, so the <p> reduction of the second scraped set gives nothing: each is reduced
  the way a selector scraper reads it, the text of the site's article container with a line
  break at every block element and <br>;
- a Malaysian repository's own scrapes of Berita Harian and Buletin TV3 (one row an article,
  paragraphs on their own lines): the rows the fresh precision set does not use, as scraped;
- another's scrapes of Sinar Harian, Harian Metro and The Rakyat Post (BM), whose paragraphs
  were joined without a space: split again at glued sentence ends (the fresh set's
  ``unglue``), the page tail it drops kept; again only rows the fresh set does not use.

Sources, with commit, path and licence, are listed in MANIFEST.yaml next to this script; the
split of sites into tune and holdout in split.yaml (holdout when SHA-256 of "<lang>/<site>"
is even, the field corpus's rule).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
csv.field_size_limit(10**8)


sys.path.insert(0, str(HERE.parent))
from scriptload import load as _load  # noqa: E402 - importable once benchmarks/ is on the path

ingest = _load("field_ingest", HERE.parent / "field" / "ingest.py")
fresh = _load("fresh_convert", HERE.parent / "fresh" / "convert.py")

DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_OUT = Path("/work/data/scrapedms")
PER_SITE = 8  # rows taken from each scraped-row outlet
MIN_WORDS = 80


@dataclass
class Page:
    lang: str
    site: str
    ident: str
    title: str
    text: str
    path: str


@dataclass
class Source:
    repo: str
    commit: str
    licence: str
    note: str
    paths: list[str] = field(default_factory=list)


# -- saved pages: the article container's text, block by block ------------------------------

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "iframe", "svg", "template"}
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip


class ContainerText(HTMLParser):
    """The text of the first element ``selector`` names (``#id`` or a class), one line a block."""

    def __init__(self, selector: str) -> None:
        super().__init__(convert_charrefs=True)
        self.selector = selector
        self.depth = 0  # open elements inside the container (0: not inside)
        self.done = False
        self.skip = 0
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.h1 = ""
        self._in_h1 = False
        self._h1_buf: list[str] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if text:
            self.lines.append(text)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and not self.h1:
            self._in_h1, self._h1_buf = True, []
        if self.done:
            return
        if self.depth == 0:
            named = dict(attrs)
            if self.selector.startswith("#"):
                hit = named.get("id") == self.selector[1:]
            else:
                hit = self.selector in (named.get("class") or "").split()
            if hit and tag not in VOID_TAGS:
                self.depth = 1
            return
        if tag in VOID_TAGS:
            if tag in BLOCK_TAGS:
                self._flush()
            return
        self.depth += 1
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth and not self.done and tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = re.sub(r"\s+", " ", "".join(self._h1_buf)).strip()
        if self.depth == 0 or self.done or tag in VOID_TAGS:
            return
        self.depth -= 1
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self._flush()
        if self.depth == 0:
            self._flush()
            self.done = True

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self._h1_buf.append(data)
        if self.depth and not self.done and not self.skip:
            self.buf.append(data)


# The article container each site's pages put the story in (what a selector scraper reads).
CRF_SITES = {
    "detik-news": ("detik.com", "#detikdetailtext"),
    "detik-finance": ("detik.com", "#detikdetailtext"),
    "detik-sepakbola": ("detik.com", "#detikdetailtext"),
    "cnn-indonesia": ("cnnindonesia.com", "#detikdetailtext"),
    "sindo": ("sindonews.com", "article"),
    "tirto": ("tirto.id", "content-detail-holder"),
}


def _crf_site(path: str) -> tuple[str, str] | None:
    stem = Path(path).stem
    key = "tirto" if stem == "tirto" else (stem.split(".")[1] if stem.count(".") == 2 else "")
    return CRF_SITES.get(key)


def read_crf(git: ingest.Git, src: Source) -> Iterator[Page]:
    for path in sorted(p for p in git.ls("data") if p.endswith(".html")):
        site = _crf_site(path)
        if site is None:
            continue  # sites the second scraped set already holds
        parser = ContainerText(site[1])
        parser.feed(git.text(path))
        parser.close()
        text = "\n".join(parser.lines)
        if len(text.split()) < MIN_WORDS:
            continue
        src.paths.append(path)
        yield Page("id", site[0], ingest.slug(Path(path).stem)[:60], parser.h1, text, path)


# -- scraped rows ---------------------------------------------------------------------------


def read_jorre(git: ingest.Git, src: Source) -> Iterator[Page]:
    """Berita Harian and Buletin TV3 rows the fresh set leaves out (it keeps every k-th usable row)."""
    keep = {"beritaharian": 4, "buletintv3": 7}
    paths = ["berita harian/beritaharian_articles.csv", "buletin utama/buletin_utama.csv"]
    for path in paths:
        outlet = "beritaharian" if "beritaharian" in path else "buletintv3"
        site = {"beritaharian": "bharian.com.my", "buletintv3": "buletintv3.my"}[outlet]
        rows = list(csv.DictReader(io.StringIO(git.text(path).lstrip("\ufeff"))))
        seen: set[str] = set()
        usable = []
        for row in rows:  # the fresh set's filter, so its row numbers are the same
            body = row["Story"].replace("\r", "\n").strip()
            if row["URL"] in seen or not body or body.startswith("Verify you are human"):
                continue
            if len(body) < 300:
                continue
            seen.add(row["URL"])
            usable.append(row)
        taken = 0
        for i, row in enumerate(usable):
            if i % keep[outlet] != 2:  # rows two after each fresh row: never a fresh article
                continue
            lines = [ln.strip() for ln in row["Story"].replace("\r", "\n").split("\n")]
            text = "\n".join(ln for ln in lines if ln)
            slug = row["URL"].rstrip("/").rsplit("/", 1)[-1][:40]
            src.paths.append(path) if path not in src.paths else None
            yield Page("ms", site, f"{outlet}-{i}-{ingest.slug(slug)}", row["Title"].strip(), text, path)
            taken += 1
            if taken == PER_SITE:
                break


def read_social_listening(git: ingest.Git, src: Source) -> Iterator[Page]:
    """Sinar Harian, Harian Metro and The Rakyat Post (BM) rows the fresh set leaves out, tail kept."""
    keep = {"sinarharian": 15, "hmetro": 6, "therakyatpost": 4}
    sites = {"sinarharian": "sinarharian.com.my", "hmetro": "hmetro.com.my", "therakyatpost": "therakyatpost.com"}
    paths = [
        "Link 1 - sinarharian/sinarharian_with_text.csv",
        "Link 2 - hmetro /hemetro_with_text.csv",
        "Link 5 - rakyat_post/rakya_post_with_text.csv",
    ]
    for path in paths:
        outlet = "sinarharian" if "sinarharian" in path else "hmetro" if "hmetro" in path else "therakyatpost"
        rows = list(csv.DictReader(io.StringIO(git.text(path), newline="")))
        seen: set[str] = set()
        usable = []
        for row in rows:  # the fresh set's filter, so its row numbers are the same
            link = (row.get("Link") or "").strip()
            body = (row.get("Content") or "").strip()
            if link in seen or len(body) < 300:
                continue
            if outlet == "therakyatpost" and "/trpbm/" not in link:
                continue
            seen.add(link)
            usable.append(row)
        taken = 0
        for i, row in enumerate(usable):
            if i % keep[outlet] != 2:
                continue
            parts = fresh.unglue(row["Content"])
            if not parts:
                continue
            link = row["Link"].strip()
            slug = link.rstrip("/").rsplit("/", 1)[-1][:40]
            title = (row.get("Title") or row.get("Article_Title") or "").strip()
            src.paths.append(path) if path not in src.paths else None
            yield Page("ms", sites[outlet], f"{outlet}-{i}-{ingest.slug(slug)}", title, "\n".join(parts), path)
            taken += 1
            if taken == PER_SITE:
                break


SOURCES = [
    (
        "feryandi/CRF-Article-Extractor",
        "b97903f200e879e8b24d10381ee4262dc0f5ff80",
        "none stated (repository); the pages are the publishers'",
        "a CRF content extractor's saved pages (Indonesian news, 2018): the Detik, CNN Indonesia, Sindonews "
        "and Tirto pages, whose text is outside <p>; the text of the site's article container",
        read_crf,
    ),
    (
        "jorre-bot/malaysia-fake-news-detection",
        "af3b53a6e46e286d7f4deeeb7eef6585e4911143",
        "MIT (repository code); the articles are the publishers' (bharian.com.my, buletintv3.my)",
        f"the repository's own scrapes (April-May 2025); {PER_SITE} rows an outlet, usable rows two after each "
        "row the fresh set keeps (bot-check pages left out), as scraped",
        read_jorre,
    ),
    (
        "oscar6688/Social-Listening-Project",
        "808cf747484a448e0d5b9f6721ba1f9b6b505ad0",
        "none stated; the articles are the publishers' (sinarharian.com.my, hmetro.com.my, therakyatpost.com)",
        f"the repository's own scrapes (2022-2023); {PER_SITE} rows an outlet, rows two after each row the fresh "
        "set keeps; paragraphs joined without a space split again at glued sentence ends, page tail kept",
        read_social_listening,
    ),
]


def build(mirror: Path, out: Path) -> list[dict[str, object]]:
    manifest: list[dict[str, object]] = []
    for repo, commit, licence, note, reader in SOURCES:
        git = ingest.Git(mirror, repo, commit)
        src = Source(repo, commit, licence, note)
        count = 0
        for page in reader(git, src):
            site = ingest.slug(page.site.replace(".", "-"))
            target = out / page.lang / site / f"{page.ident}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{page.title}\n\n{ingest.raw_lines(page.text)}", encoding="utf-8")
            count += 1
        manifest.append(
            {"repository": repo, "commit": commit, "licence": licence, "note": note, "pages": count, "paths": src.paths}
        )
    return manifest


def write_split(out: Path, target: Path) -> None:
    groups = ingest.split_of(out)
    if ingest.same_sites_split(target, groups):
        return  # (a split a round has since made ``tune`` stays so)
    header = (
        "# Sites of the Malay and Indonesian scraped set per language, split into the group rules may be\n"
        '# tuned on and the group they are judged on: holdout when SHA-256 of "<lang>/<site>" is even.\n'
    )
    body = yaml.safe_dump({"scraped": groups}, sort_keys=True, allow_unicode=True)
    target.write_text(header + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="snapshots folder (default %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default %(default)s)")
    args = ap.parse_args(argv)
    if not args.mirror.is_dir():
        print(f"convert.py: no snapshots folder at {args.mirror}", file=sys.stderr)
        return 2
    try:
        manifest = build(args.mirror, args.out)
    except Exception as exc:  # a missing snapshot or commit: say which, no traceback
        print(f"convert.py: {exc}", file=sys.stderr)
        return 1
    header = "# Sources of the Malay and Indonesian scraped set (/work/data/scrapedms), written by convert.py.\n"
    (HERE / "MANIFEST.yaml").write_text(
        header + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8"
    )
    write_split(args.out, HERE / "split.yaml")
    total = sum(int(str(m["pages"])) for m in manifest)
    print(f"{total} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

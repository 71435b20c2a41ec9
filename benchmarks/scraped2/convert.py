"""Build the second scraped set (/work/data/scraped2) from saved news pages of public repositories.

    python benchmarks/scraped2/convert.py [--mirror /work/.mirror] [--out /work/data/scraped2]

Every page is reduced to what a naive scraper keeps of it: the text of every <p>, in page
order, junk and all (the same reduction as benchmarks/field/ingest.py). Output, one file a
page: /work/data/scraped2/<lang>/<site>/<id>.txt, the title on the first line, a blank line,
then the text as scraped. The sources, with commit, path and licence, are listed in
MANIFEST.yaml next to this script; the split of sites into tune and holdout in split.yaml
(the field corpus's rule: holdout when SHA-256 of "<lang>/<site>" is even).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("field_ingest", HERE.parent / "field" / "ingest.py")
assert _spec and _spec.loader
ingest = importlib.util.module_from_spec(_spec)
sys.modules["field_ingest"] = ingest
_spec.loader.exec_module(ingest)

MIN_WORDS = 80


@dataclass(frozen=True)
class Page:
    path: str
    lang: str
    site: str


@dataclass
class Source:
    repo: str
    commit: str
    licence: str
    note: str
    pages: list[Page]


# Java extractor's saved test pages (2011-2014). Pages that are not news or magazine
# articles (Q&A, wikis, video, social, product pages, how-to and personal blogs) are left out.
SNACKTORY_DE = {
    "br-online": "br.de",
    "faz": "faz.net",
    "golem": "golem.de",
    "heise": "heise.de",
    "spiegel": "spiegel.de",
    "taz": "taz.de",
}
SNACKTORY_EN = {
    "aolnews": "aolnews.com",
    "bbc_noscript": "bbc.co.uk",
    "bloomberg": "bloomberg.com",
    "boingboing": "boingboing.net",
    "businessweek": "businessweek.com",
    "businessweek2": "businessweek.com",
    "cnbc": "cnbc.com",
    "cnet": "cnet.com",
    "cnn": "cnn.com",
    "cnn2": "cnn.com",
    "cracked": "cracked.com",
    "economist": "economist.com",
    "engadget": "engadget.com",
    "engadget2": "engadget.com",
    "espn": "espn.com",
    "espn2": "espn.com",
    "espn3": "espn.com",
    "foxnews": "foxnews.com",
    "foxsports": "foxsports.com",
    "gawker": "gawker.com",
    "gigaom": "gigaom.com",
    "gizmodo": "gizmodo.com",
    "huffingtonpost": "huffingtonpost.com",
    "lifehacker": "lifehacker.com",
    "mashable": "mashable.com",
    "msnbc": "msnbc.com",
    "nature": "nature.com",
    "newsweek": "newsweek.com",
    "nyt": "nytimes.com",
    "nyt2": "nytimes.com",
    "politico": "politico.com",
    "readwriteweb": "readwriteweb.com",
    "reuters": "reuters.com",
    "rian": "rian.ru",
    "sciencemag": "sciencemag.org",
    "scientificamerican": "scientificamerican.com",
    "sfgate": "sfgate.com",
    "shockya": "shockya.com",
    "slamonline": "slamonline.com",
    "sportingnews": "sportingnews.com",
    "sportsillustrated": "si.com",
    "starmagazine": "starmagazine.com",
    "techcrunch": "techcrunch.com",
    "techcrunch2": "techcrunch.com",
    "theatlantic": "theatlantic.com",
    "thedailybeast": "thedailybeast.com",
    "thefrisky": "thefrisky.com",
    "time": "time.com",
    "tokyo_protest": "japantimes.co.jp",
    "universetoday": "universetoday.com",
    "usatoday": "usatoday.com",
    "usatoday2": "usatoday.com",
    "venturebeat": "venturebeat.com",
    "washingtonpost": "washingtonpost.com",
    "wired": "wired.com",
    "wsj": "wsj.com",
    "yahoo": "yahoo.com",
    "yomiuri": "yomiuri.co.jp",
    "yomiuri2": "yomiuri.co.jp",
}


# Pages the Kotlin successor of that extractor added (2016-2018); the ones it copied from it are not used again.
CRUX_PAGES = [
    ("bbc-amp", "en", "bbc.co.uk"),
    ("bbc", "en", "bbc.co.uk"),
    ("folha_uol_com_br", "pt", "folha.uol.com.br"),
    ("guardian-amp", "en", "theguardian.com"),
    ("hackernoon", "en", "hackernoon.com"),
    ("khaama", "en", "khaama.com"),
    ("mashable2", "en", "mashable.com"),
    ("news24", "en", "news24.com"),
    ("newyorker", "en", "newyorker.com"),
    ("npr", "en", "npr.org"),
    ("retraction_watch", "en", "retractionwatch.com"),
    ("wired-bitcoin", "en", "wired.com"),
    ("wired-volcano", "en", "wired.com"),
]
READABILIPY_PAGES = [
    ("tests/data/conservativehq.com-1_full_page.html", "en", "conservativehq.com"),
    ("tests/data/davidwolfe.com-1_full_page.html", "en", "davidwolfe.com"),
]


def _snacktory_pages() -> list[Page]:
    base = "src/test/resources/de/jetwick/snacktory/"
    pages = [Page(f"{base}{stem}.html", "de", site) for stem, site in SNACKTORY_DE.items()]
    pages += [Page(f"{base}{stem}.html", "en", site) for stem, site in SNACKTORY_EN.items()]
    return pages


CRF_SITES = {
    "tempo": "tempo.co",
    "cnn-indonesia": "cnnindonesia.com",
    "republika": "republika.co.id",
    "detik-news": "detik.com",
    "detik-finance": "detik.com",
    "detik-sepakbola": "detik.com",
    "kompas": "kompas.com",
    "sindo": "sindonews.com",
    "pos-kota": "poskotanews.com",
}


def _crf_pages(paths: list[str]) -> list[Page]:
    pages = []
    for p in paths:
        stem = Path(p).stem
        if stem == "tirto":
            pages.append(Page(p, "id", "tirto.id"))
            continue
        parts = stem.split(".")
        if len(parts) == 3 and parts[1] in CRF_SITES:
            pages.append(Page(p, "id", CRF_SITES[parts[1]]))
    return pages


def sources(mirror: Path) -> list[Source]:
    out = [
        Source(
            "karussell/snacktory",
            "c05c5ec338922b3f9a40cd35597ba8094f9162b0",
            "Apache-2.0 (repository); the pages are the publishers'",
            "a Java article extractor's saved test pages (2011-2014), English and German news sites",
            _snacktory_pages(),
        ),
    ]
    out.append(
        Source(
            "chimbori/crux",
            "4aa31ad9b6ce3c954edbda3e69be581fafb010f4",
            "Apache-2.0 (repository); the pages are the publishers'",
            "a Kotlin article extractor's saved test pages (2016-2018; removed from the repository later, read at "
            "the last commit that has them); only the pages it did not take over from snacktory",
            [Page(f"test_data/{stem}.html", lang, site) for stem, lang, site in CRUX_PAGES],
        )
    )
    out.append(
        Source(
            "alan-turing-institute/ReadabiliPy",
            "947b229a90030588c77a98c2186d796693453d4c",
            "MIT (repository); the pages are the publishers'",
            "a Python article extractor's saved full test pages (2018)",
            [Page(path, lang, site) for path, lang, site in READABILIPY_PAGES],
        )
    )
    crf = ingest.Git(mirror, "feryandi/CRF-Article-Extractor", "b97903f200e879e8b24d10381ee4262dc0f5ff80")
    out.append(
        Source(
            "feryandi/CRF-Article-Extractor",
            crf.commit,
            "none stated (repository); the pages are the publishers'",
            "a CRF content extractor's training, validation and test pages (Indonesian news, 2018)",
            _crf_pages([p for p in crf.ls("data") if p.endswith(".html")]),
        )
    )
    out.append(
        Source(
            "Tagazoc/heraldic",
            "9da60030600bbb900451acbd6a8d4ccef6e20d37",
            "AGPL-3.0 (repository); the page is the publisher's",
            "a French media-analysis tool's saved test page (Libération, 2017; its three copies are one article)",
            [Page("tests/medias/article_liberation_update.htm", "fr", "liberation.fr")],
        )
    )
    return out


def convert(page_html: str) -> tuple[str, str]:
    scraper = ingest._ParagraphScraper()
    scraper.feed(page_html)
    title = scraper.h1 or scraper.title
    return re.sub(r"\s+", " ", title).strip(), "\n".join(scraper.lines)


def build(mirror: Path, out: Path) -> Iterator[dict[str, object]]:
    return write_pages(mirror, out, sources(mirror), page_ident)


def page_ident(page: Any) -> str:
    """A page's file name in the set: its saved file's stem."""
    return ingest.slug(Path(page.path).stem)[:60]


def write_pages(
    mirror: Path, out: Path, srcs: Iterable[Any], ident: Callable[[Any], str]
) -> Iterator[dict[str, object]]:
    """Reduce each source's pages as a naive scraper would and write them under ``out``
    (as ``<lang>/<site>/<ident(page)>.txt``); yield each source's manifest entry."""
    for src in srcs:
        git = ingest.Git(mirror, src.repo, src.commit)
        kept: list[str] = []
        for page in src.pages:
            raw = git.read(page.path)
            text_html = raw.decode("utf-8", errors="replace")
            if text_html.count("\ufffd") > 20:
                text_html = raw.decode("cp1252", errors="replace")
            title, text = convert(text_html)
            if len(text.split()) < MIN_WORDS:
                continue
            site = ingest.slug(page.site.replace(".", "-"))
            target = out / page.lang / site / f"{ident(page)}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{title}\n\n{ingest.raw_lines(text)}", encoding="utf-8")
            kept.append(page.path)
        yield {
            "repository": src.repo,
            "commit": src.commit,
            "licence": src.licence,
            "note": src.note,
            "pages": len(kept),
            "paths": kept,
        }


def write_split(out: Path, target: Path) -> None:
    groups = ingest.split_of(out)
    if ingest.same_sites_split(target, groups):
        return  # (a split a round has since made ``tune`` stays so)
    head = (
        "# Sites of the second scraped set per language, split into the group rules may be tuned on\n"
        '# and the group they are judged on: holdout when SHA-256 of "<lang>/<site>" is even.\n'
    )
    target.write_text(head + yaml.safe_dump({"scraped": groups}, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=Path("/work/data/scraped2"))
    args = ap.parse_args(argv)
    manifest = list(build(args.mirror, args.out))
    head = "# Sources of the second scraped set (/work/data/scraped2), written by convert.py.\n"
    (HERE / "MANIFEST.yaml").write_text(
        head + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    write_split(args.out, HERE / "split.yaml")
    for m in manifest:
        print(f"{m['repository']}: {m['pages']} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())

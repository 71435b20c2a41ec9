"""Build the third scraped set (/work/data/scrapedx) from saved news pages of public repositories.

    python benchmarks/scrapedx/convert.py [--mirror /work/.mirror] [--out /work/data/scrapedx]

A measurement set: its pages come from sites that are in none of the earlier sets (the field
corpus, the fresh precision set, the second scraped set, the Malay and Indonesian scraped set),
and no rule was written or tuned while looking at them. Every site is in the ``holdout`` group.

Every page is reduced as the second scraped set reduces its pages (``convert`` of
benchmarks/scraped2/convert.py: the text of every <p>, in page order, junk and all). Output,
one file a page: /work/data/scrapedx/<lang>/<site>/<id>.txt, the title on the first line, a
blank line, then the text as scraped. Sources, with commit, path and licence: MANIFEST.yaml
next to this script.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


sys.path.insert(0, str(HERE.parent))
from scriptload import load as _load  # noqa: E402 - importable once benchmarks/ is on the path

scraped2 = _load("scraped2_convert", HERE.parent / "scraped2" / "convert.py")
ingest = scraped2.ingest

DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_OUT = Path("/work/data/scrapedx")


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


# A metadata scraper's integration-test pages (saved 2016-2024): the news and trade-press
# articles only, and only sites no earlier set has (BBC, Bloomberg, CNET, Engadget, Mashable,
# NPR, Reuters, TechCrunch, USA Today, VentureBeat, Wired, WSJ, Yahoo, The Verge and the
# Guardian are in the second scraped set or the field corpus). Left out as not news pages:
# podcasts, social posts, shops, company and product pages, personal blogs, press releases,
# Wikipedia, a topic page of teasers (Quartz), and pages whose text is not in <p>.
METASCRAPER_EN = {
    "anandtech": "anandtech.com",
    "arstechnica": "arstechnica.com",
    "atlasobscura": "atlasobscura.com",
    "bukvy": "bykvu.com",
    "business-today": "businesstoday.in",
    "cio": "cio.com",
    "computerworld": "computerworld.com",
    "crn": "crn.com",
    "economic-times": "economictimes.indiatimes.com",
    "entrepreneur": "entrepreneur.com",
    "eweek": "eweek.com",
    "fast-company": "fastcompany.com",
    "financial-times": "ft.com",
    "forbes": "forbes.com",
    "fortune": "fortune.com",
    "hola": "hola.com",
    "information-week": "informationweek.com",
    "itpro": "itpro.com",
    "jewish-business-news": "jewishbusinessnews.com",
    "los-angeles-times": "latimes.com",
    "mac-rumors": "macrumors.com",
    "marketing-land": "marketingland.com",
    "nbcnews": "nbcnews.com",
    "san-francisco-chronicle": "sfchronicle.com",
    "sfstandard": "sfstandard.com",
    "silicon-angle": "siliconangle.com",
    "silicon-beat": "siliconbeat.com",
    "silicon-valley-business-journal": "bizjournals.com",
    "stuff": "stuff.co.nz",
    "techmonitor": "techmonitor.ai",
    "the-boston-globe": "bostonglobe.com",
    "the-register": "theregister.com",
    "vice": "vice.com",
    "zdnet": "zdnet.com",
}
METASCRAPER_PT = [
    ("packages/metascraper-uol/test/fixtures/entretenimento.html", "pt", "entretenimento.uol.com.br"),
    ("packages/metascraper-uol/test/fixtures/torcedores.html", "pt", "torcedores.com"),
]

# A PHP article extractor's saved test pages (2012-2024). Le Monde and Libération are field
# sites; its two copies of one 20 Minutes article count once; blogs, error pages and a
# magazine's home page (Rolling Stone) left out.
GRABY_PAGES = [
    ("tests/fixtures/content/20minutes-authors.html", "fr", "20minutes.fr"),
    ("tests/fixtures/content/20minutes-jsonld.html", "fr", "20minutes.fr"),
    (
        "tests/fixtures/content/https___www.clubic.com_carte-graphique_carte-graphique-amd_"
        "article-478936-1-radeon-hd-7750-7770.html",
        "fr",
        "clubic.com",
    ),
    ("tests/fixtures/content/https___www.presseportal.de_pm_103258_2930232.html", "de", "presseportal.de"),
    (
        "tests/fixtures/content/https___www.xataka.com_movilidad_coches-vendidos-2023-2024-espana.html",
        "es",
        "xataka.com",
    ),
    (
        "tests/fixtures/content/https___www.motherjones.com_politics_2012_02_"
        "mac-mcclelland-free-online-shipping-warehouses-labor_.html",
        "en",
        "motherjones.com",
    ),
]

# A Ruby crawler's saved pages of one Brazilian news site (2018-2020): the article pages.
ANTAGONISTA_PAGES = [
    ("spec/brasil__a-balela-de-juca.html", "pt", "oantagonista.com"),
    ("spec/brasil__confirmado-lula-sera-preso-na-segunda-feira-26.html", "pt", "oantagonista.com"),
    ("spec/brasil__moro-sou-grato.html", "pt", "oantagonista.com"),
    ("spec/tv__resumao-antagonista-pimenta-na-lava-jato.html", "pt", "oantagonista.com"),
    ("spec/video__braga_netto_um_militar_na_casa_civil.html", "pt", "oantagonista.com"),
]


# A read-it-later server's saved test page of a Next INpact article (2019); its AOC page is the
# site's home page and its other Next INpact page a login form, both left out.
WALLABAG_PAGES = [("tests/fixtures/nextinpact-article.html", "fr", "nextinpact.com")]

# A German news scraper's saved test page of one tagesschau.de article (2022).
TAGESSCHAU_PAGES = [("tests/data/article.html", "de", "tagesschau.de")]


def sources() -> list[Source]:
    meta = [Page(f"packages/metascraper/test/integration/{d}/input.html", "en", s) for d, s in METASCRAPER_EN.items()]
    meta += [Page(p, lang, site) for p, lang, site in METASCRAPER_PT]
    return [
        Source(
            "microlinkhq/metascraper",
            "20423f52ef9b4a07d3b25e56e34d2756b3291250",
            "MIT (repository); the pages are the publishers'",
            "a metadata scraper's saved integration-test pages (news and trade press, 2016-2024) and its "
            "UOL plugin's test pages",
            meta,
        ),
        Source(
            "j0k3r/graby",
            "3e7695203c4c57dac2998780972450ced372b960",
            "MIT (repository, composer.json); the pages are the publishers'",
            "a PHP article extractor's saved test pages (French, German, Spanish and English news)",
            [Page(p, lang, site) for p, lang, site in GRABY_PAGES],
        ),
        Source(
            "crineu/antagonista",
            "a7d73bbcbebfde5a19c9e23f4afb6e6d20eb8376",
            "none stated (repository); the pages are the publisher's",
            "a Ruby crawler's saved pages of O Antagonista (Brazil, 2018-2020)",
            [Page(p, lang, site) for p, lang, site in ANTAGONISTA_PAGES],
        ),
        Source(
            "wallabag/wallabag",
            "5afc37df9303cf983864c288d46bb23f12221695",
            "MIT (repository, COPYING.md); the page is the publisher's",
            "a read-it-later server's saved test page of a Next INpact article (2019)",
            [Page(p, lang, site) for p, lang, site in WALLABAG_PAGES],
        ),
        Source(
            "TheFerry10/TagesschauScraper",
            "46ece53675758788a41d0217ad6333cffcd59f6c",
            "GPL-3.0 (repository); the page is the publisher's",
            "a news scraper's saved test page of a tagesschau.de article (March 2022)",
            [Page(p, lang, site) for p, lang, site in TAGESSCHAU_PAGES],
        ),
    ]


def ident_of(page: Page) -> str:
    path = Path(page.path)
    stem = path.parent.name if path.name == "input.html" else path.stem
    return ingest.slug(stem)[:60]


def build(mirror: Path, out: Path) -> Iterator[dict[str, object]]:
    return scraped2.write_pages(mirror, out, sources(), ident_of)


def write_split(out: Path, target: Path, head: str) -> None:
    """Every site in ``holdout``: the set measures, nothing is tuned on it. A split.yaml that
    already names exactly these sites is kept as it is: once a round has read a set's misses,
    its file says ``tune``, and a rebuild must not turn the set back into a held-out one."""
    groups: dict[str, dict[str, list[str]]] = {}
    for lang, by_group in ingest.split_of(out).items():
        groups[lang] = {"holdout": sorted(by_group["tune"] + by_group["holdout"])}
    if ingest.same_sites_split(target, groups):
        return
    target.write_text(head + yaml.safe_dump({"scraped": groups}, sort_keys=False, allow_unicode=True), encoding="utf-8")


def run_held_out(
    argv: list[str] | None,
    *,
    doc: str,
    here: Path,
    default_out: Path,
    build: Callable[[Path, Path], Iterator[dict[str, object]]],
    name: str,
) -> int:
    """A held-out scraped set's converter: pages to ``--out``, then MANIFEST.yaml and
    split.yaml (every site held out) next to the script in ``here``. ``name`` names the
    set in both files' headers."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args(argv)
    manifest = list(build(args.mirror, args.out))
    head = f"# Sources of the {name} ({default_out}), written by convert.py.\n"
    (here / "MANIFEST.yaml").write_text(
        head + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    split_head = textwrap.fill(
        f"Sites of the {name} per language. Every site is held out: the set measures rules "
        "written on other sites, and no rule is tuned on it.",
        width=92,
        initial_indent="# ",
        subsequent_indent="# ",
    )
    write_split(args.out, here / "split.yaml", split_head + "\n")
    for m in manifest:
        print(f"{m['repository']}: {m['pages']} pages")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_held_out(
        argv, doc=__doc__ or "", here=HERE, default_out=DEFAULT_OUT, build=build, name="third scraped set"
    )


if __name__ == "__main__":
    sys.exit(main())

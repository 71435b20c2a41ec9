"""Build the ninth held-out scraped set (/work/data/scraped9) from saved news pages of public repositories.

    python benchmarks/scraped9/convert.py [--mirror /work/.mirror] [--out /work/data/scraped9]

A measurement set: its pages come from sites that are in none of the earlier sets (the field
corpus, the fresh precision sets, the scraped sets scraped2, scrapedms, scrapedx and scraped8),
from repositories no earlier set read, and no rule was written or tuned while looking at them.
Every site is in the ``holdout`` group.

Every page is reduced as the second scraped set reduces its pages (``convert`` of
benchmarks/scraped2/convert.py: the text of every <p>, in page order, junk and all). Output,
one file a page: /work/data/scraped9/<lang>/<site>/<id>.txt, the title on the first line, a
blank line, then the text as scraped. Sources, with commit, path and licence: MANIFEST.yaml
next to this script.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent


sys.path.insert(0, str(HERE.parent))
from scriptload import load as _load  # noqa: E402 - importable once benchmarks/ is on the path

# The third scraped set's converter: its page reduction (the second set's), its records and its
# held-out MANIFEST.yaml and split.yaml writer.
scrapedx = _load("scrapedx_convert", HERE.parent / "scrapedx" / "convert.py")
scraped2 = scrapedx.scraped2
ingest = scrapedx.ingest
Page = scrapedx.Page
Source = scrapedx.Source

DEFAULT_OUT = Path("/work/data/scraped9")


# A publication-date extractor's saved test pages (saved 2016-2017), one a site, under
# tests/resources/<lang>/<name>/page.html. Its English pages: the news, trade and magazine sites no
# earlier set has. Left out: sites of earlier sets (ABC News, Al Jazeera, Ars Technica, BBC,
# Business Insider, CBC, CBS Sports, CNBC, CNET, CNN, Daily Mail, E! Online, Engadget, ESPN,
# Express, Forbes, Fortune, Fox News, Gizmodo, Huffington Post, Independent, LA Times, Mashable,
# NBC News, NDTV, Newsweek, NPR, New York Daily News, New York Times, People, Politico, Quartz,
# Reuters, Rolling Stone, SB Nation, Scientific American, Sports Illustrated, TechCrunch,
# Telegraph, Boston Globe, Economist, Guardian, The Verge, TMZ, USA Today, Vulture, Washington
# Post, Wired, WSJ, Yahoo, ZDNet), Medium (a personal post), CORDIS and sci-tech-today (no text
# kept), the Tribune and McClatchy papers that share templates with sites of the eighth set
# (Baltimore Sun, Morning Call, News & Observer, Sacramento Bee), and, for want of time to
# label them, the longest pages (Eco-Business, ExtremeTech, indy100, Kotaku, MMA Junkie, MTV News,
# NFL, Ozy, Phys.org, Portland Tribune, TheStreet, WPXI).
FERRET_EN = {
    "9to5mac": "9to5mac.com",
    "alligator": "alligator.org",
    "androidheadlines": "androidheadlines.com",
    "artnet": "artnet.com",
    "belfasttelegraph": "belfasttelegraph.co.uk",
    "billboard": "billboard.com",
    "bleedingcool": "bleedingcool.com",
    "canadajournal": "canadajournal.net",
    "capitalgazette": "capitalgazette.com",
    "comicbook": "comicbook.com",
    "detroidfreepress": "freep.com",
    "digitaltrends": "digitaltrends.com",
    "etonline": "etonline.com",
    "ew": "ew.com",
    "gamespot": "gamespot.com",
    "hbr": "hbr.org",
    "hollywoodreporter": "hollywoodreporter.com",
    "ibtimes": "ibtimes.com",
    "innovatorsmag": "innovatorsmag.com",
    "intouchweekly": "intouchweekly.com",
    "irishtimes": "irishtimes.com",
    "j14": "j-14.com",
    "kron4": "kron4.com",
    "masslive": "masslive.com",
    "mongabay": "mongabay.com",
    "nasdaq": "nasdaq.com",
    "nj": "nj.com",
    "nzherald": "nzherald.co.nz",
    "philly": "philly.com",
    "photonicsonline": "photonicsonline.com",
    "sentinelsource": "sentinelsource.com",
    "slashgear": "slashgear.com",
    "space": "space.com",
    "stltoday": "stltoday.com",
    "thehill": "thehill.com",
    "thehindu": "thehindu.com",
    "timesofmalta": "timesofmalta.com",
    "tpm": "talkingpointsmemo.com",
    "usnews": "usnews.com",
    "vanityfair": "vanityfair.com",
    "variety": "variety.com",
    "whnt": "whnt.com",
    "wtsp": "wtsp.com",
}

# Its Portuguese pages: Brazilian news outlets and legal-news sites no earlier set has. Left out:
# sites of earlier sets (Estadão, Folha, Terra, UOL, Yahoo), MSN (a copy of another outlet's
# story), pages with under 80 words of <p> text, and the news pages of courts, prosecutors,
# public defenders, assemblies, ministries, bar sections and associations (institutional
# press releases, not news outlets).
FERRET_PT = {
    "agencia-brasil": "agenciabrasil.ebc.com.br",
    "anda": "anda.jor.br",
    "consultor-juridico": "conjur.com.br",
    "correio_da_bahia": "correio24horas.com.br",
    "epoca": "epoca.globo.com",
    "espaco-vital": "espacovital.com.br",
    "exame": "exame.abril.com.br",
    "g1": "g1.globo.com",
    "gazeta-do-povo": "gazetadopovo.com.br",
    "ig": "ig.com.br",
    "imaster": "imasters.com.br",
    "internet-legal": "internetlegal.com.br",
    "jornal-ordem-rs": "jornaldaordem.com.br",
    "portal-justificando": "justificando.com",
    "r7": "r7.com",
    "sbt": "sbt.com.br",
    "veja": "veja.abril.com.br",
}

# A news-metadata library's cached test pages (fetched 2019-2023; many are Wayback Machine
# captures): the news articles, in the seven languages, of sites no earlier set has. Left out:
# sites of earlier sets (Bloomberg, CNN, Fox News, New York Times, Washington Post, Boston Globe,
# CBC, bizjournals, UOL Entretenimento, SDP Noticias, La Nación, France 24), pages that are not
# news articles (home pages, feeds, tag pages, a calendar, a market report, a bible, a lyrics
# site, a video embed, university, law-firm and government pages, a WordPress blog post, a
# press-release page), pages in other languages, duplicates of one page under other names,
# Radio Aliança and WDSU (the capture is an error page), Uniradio Informa (under the 80 words a
# page needs) and Kenya Today (its 10,000 words are mostly reader comments).
METADATA_PAGES = [
    ("cached-httpsthekenyatimescomcountieskisumutradersalertedaboutcartelsinstallsissuance", "en", "thekenyatimes.com"),
    ("cached-httpswwwkpbsorgnews2019jul09migrantscameroonprotestimmigrationprocesstiju", "en", "kpbs.org"),
    (
        "cached-httpswebarchiveorgwebhttpswwwthestarcombusinesseconomyopinion20190823whatthefedcouldlearnfromcanadahtml",
        "en",
        "thestar.com",
    ),
    (
        "cached-httpswwwtrussvilletribunecom20220302threestudentsfromcenterpointreceiveacademicscholarships",
        "en",
        "trussvilletribune.com",
    ),
    ("cached-httpswwwindiatimescomnewsindia75thindependencedayindiaaugust15576959html", "en", "indiatimes.com"),
    (
        "cached-httpswwwbanduolcombrbandnewsfmriodejaneironoticiasacusadodeassassinarnamoradaafacadastemprisaoconvertidaempreventiva16574059",
        "pt",
        "band.uol.com.br",
    ),
    (
        "cached-httpswebarchiveorgwebhttpswwwcanarias7esculturacimientosartesescenicas20220718203045nthtml",
        "es",
        "canarias7.es",
    ),
    (
        "cached-httpswebarchiveorgwebhttpswwwpagina12comar338796coronavirusenargentinaseregistraron26053casosy561m",
        "es",
        "pagina12.com.ar",
    ),
    (
        "cached-httpwwwdiariobahiadecadizcomnoticiassanfernandocavadayromeromantienenotroencuentrocondefensaparanegociar"
        "ladesafectaciondesueloencamposotorequerirauntiempoindeterminado",
        "es",
        "diariobahiadecadiz.com",
    ),
    (
        "cached-httpswebarchiveorgwebhttpwwwozapcomactuinvitessalutlesterriensrecoitflorentpagnyetfredericlopez544047",
        "fr",
        "ozap.com",
    ),
    (
        "cached-httpswebarchiveorgwebhttpswwwjpnncomnewskamrussamadppkmdaruratdihentikanangkakematianberpotensitembus5000perhari",
        "id",
        "jpnn.com",
    ),
]


def sources() -> list[Source]:
    ferret = [Page(f"tests/resources/en/{name}/page.html", "en", site) for name, site in FERRET_EN.items()]
    ferret += [Page(f"tests/resources/pt/{name}/page.html", "pt", site) for name, site in FERRET_PT.items()]
    return [
        Source(
            "victormartinez/ferret",
            "2cadfa47d0842656c7c56136c004cf9ba488df9f",
            "none stated for the repository (README: authored and maintained by Victor Martinez; "
            "GOOSE-LICENSE.txt, Apache-2.0, covers the code taken from python-goose); the pages are the publishers'",
            "a publication-date extractor's saved test pages (English and Brazilian news, saved 2016-2017)",
            ferret,
        ),
        Source(
            "mediacloud/metadata-lib",
            "23948e286dbadf9d05cae697de22c7e505304d05",
            "Apache-2.0 (repository, LICENSE); the pages are the publishers'",
            "a news-metadata library's cached test pages (news sites in several languages, 2019-2023, many "
            "of them Wayback Machine captures)",
            [Page(f"mcmetadata/test/fixtures/{name}", lang, site) for name, lang, site in METADATA_PAGES],
        ),
    ]


def ident_of(page: Page) -> str:
    path = Path(page.path)
    if path.name == "page.html":
        return ingest.slug(path.parent.name)[:60]
    return ingest.slug(page.site.replace(".", "-"))[:60]


def build(mirror: Path, out: Path) -> Iterator[dict[str, object]]:
    return scraped2.write_pages(mirror, out, sources(), ident_of)


def main(argv: list[str] | None = None) -> int:
    return scrapedx.run_held_out(
        argv, doc=__doc__ or "", here=HERE, default_out=DEFAULT_OUT, build=build, name="ninth held-out scraped set"
    )


if __name__ == "__main__":
    sys.exit(main())

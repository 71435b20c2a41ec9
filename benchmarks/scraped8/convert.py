"""Build the eighth held-out scraped set (/work/data/scraped8) from saved news pages of public repositories.

    python benchmarks/scraped8/convert.py [--mirror /work/.mirror] [--out /work/data/scraped8]

A measurement set: its pages come from sites that are in none of the earlier sets (the field
corpus, the fresh precision sets, the second and third scraped sets, the Malay and Indonesian
scraped set), and no rule was written or tuned while looking at them. Every site is in the
``holdout`` group.

Every page is reduced as the second scraped set reduces its pages (``convert`` of
benchmarks/scraped2/convert.py: the text of every <p>, in page order, junk and all). Output,
one file a page: /work/data/scraped8/<lang>/<site>/<id>.txt, the title on the first line, a
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

DEFAULT_OUT = Path("/work/data/scraped8")


# An article parser's saved test pages (saved 2016-2022), one a site: the English news and magazine
# articles of sites no earlier set has. The field corpus already reads its German and French
# pages (Abendblatt, Spektrum, Zeit, Le Monde, Radio-Canada); sites of the earlier sets (BBC,
# Bloomberg, CNN, CNBC, CNET, NBC News, NPR, Reuters, the New York Times, the Washington Post,
# Wired, Yahoo, the Guardian, The Verge, Politico, Fortune, Fast Company, Ars Technica, LA Times,
# MacRumors, Mashable, Huffington Post, the Atlantic, the New Yorker, Sports Illustrated, NDTV,
# Opposing Views, The Political Insider, Engadget, Yomiuri...) are left out, and so are pages
# that are not news articles (Reddit, Twitter, YouTube, GitHub, LinkedIn, Medium, pastebin, a
# clinical-trials record, a preprint server, a lyrics site, wikis, company and party sites,
# the parser's own blog, the White House archive), an aggregator's copy of another site's story
# (MSN), a shopping-deals list (Mental Floss), InfoQ's page (in Japanese), New York magazine's
# 95-paragraph feature (too long to label in the time), two pages whose <p> text is under the 80
# words a page needs (Times of India, Refinery29), and the Japanese and Chinese pages.
PARSER_EN = [
    "247sports.com",
    "www.americanow.com",
    "www.androidcentral.com",
    "www.aol.com",
    "www.broadwayworld.com",
    "www.bustle.com",
    "www.buzzfeed.com",
    "www.cbssports.com",
    "www.chicagotribune.com",
    "deadline.com",
    "deadspin.com",
    "www.dmagazine.com",
    "www.eonline.com",
    "www.fool.com",
    "forward.com",
    "gothamist.com",
    "hellogiggles.com",
    "www.inquisitr.com",
    "www.investmentexecutive.com",
    "www.ladbible.com",
    "www.littlethings.com",
    "www.miamiherald.com",
    "news.nationalgeographic.com",
    "newrepublic.com",
    "www.nydailynews.com",
    "observer.com",
    "pagesix.com",
    "people.com",
    "www.phoronix.com",
    "pitchfork.com",
    "www.popsugar.com",
    "www.prospectmagazine.co.uk",
    "qz.com",
    "www.rawstory.com",
    "www.recode.net",
    "www.rollingstone.com",
    "sandiegouniontribune.com",
    "www.sbnation.com",
    "thefederalistpapers.org",
    "www.thepennyhoarder.com",
    "thoughtcatalog.com",
    "www.tmz.com",
    "uproxx.com",
    "www.usmagazine.com",
    "www.vulture.com",
    "www.westernjournalism.com",
    "www.apartmenttherapy.com",
    "www.today.com",
    "www.vox.com",
    "www.slate.com",
]

# A Spanish media scraper's saved article pages (2017): the Spanish-language sites no earlier
# set has. ABC, El Confidencial, elDiario, El Mundo, El País, El Periódico, ESdiario, La Razón,
# La Vanguardia, OKdiario and HuffPost are in earlier sets; the Catalan pages (Ara, Nació
# Digital), the BBC, a World Bank page and a Medium post are left out.
LIQEN_ES = [
    ("elespanol", "elespanol.com"),
    ("europapress", "europapress.es"),
    ("gestion_pe", "gestion.pe"),
    ("lainformacion", "lainformacion.com"),
    ("lavozdegalicia", "lavozdegalicia.es"),
    ("libertaddigital", "libertaddigital.com"),
    ("publico", "publico.es"),
    ("revistafal", "revistafal.com"),
    ("revistavenezolana", "revistavenezolana.com"),
]


def sources() -> list[Source]:
    return [
        Source(
            "postlight/parser",
            "e8ba7ece291efa4d915d50dd4deeec17d54359f2",
            "MIT or Apache-2.0 (repository, LICENSE-MIT and LICENSE-APACHE); the pages are the publishers'",
            "an article parser's saved test pages (English news and magazines, saved 2016-2022)",
            [Page(f"fixtures/{host}.html", "en", host.removeprefix("www.")) for host in PARSER_EN],
        ),
        Source(
            "CommonActionForum/liqen-scraper",
            "6201cb7a7c200980d9aa505bfe8726b35a9cb6fa",
            "MIT (repository, package.json); the pages are the publishers'",
            "a media scraper's saved test pages of Spanish and Latin American news sites (2017)",
            [Page(f"__tests__/__html__/{stem}.html", "es", site) for stem, site in LIQEN_ES],
        ),
    ]


def ident_of(page: Page) -> str:
    return ingest.slug(Path(page.path).stem)[:60]


def build(mirror: Path, out: Path) -> Iterator[dict[str, object]]:
    return scraped2.write_pages(mirror, out, sources(), ident_of)


def main(argv: list[str] | None = None) -> int:
    return scrapedx.run_held_out(
        argv, doc=__doc__ or "", here=HERE, default_out=DEFAULT_OUT, build=build, name="eighth held-out scraped set"
    )


if __name__ == "__main__":
    sys.exit(main())

"""Build the tenth held-out scraped set (/work/data/scraped10): Indonesian, French and German.

    python benchmarks/scraped10/convert.py [--mirror /work/.mirror] [--out /work/data/scraped10]

A measurement set made for the language groups the ninth set lacked: its pages come from sites
that are in none of the earlier sets' scraped splits (the field corpus, scraped2, scrapedms,
scrapedx, scraped8, scraped9), from repositories no earlier set read, and no rule was written or
tuned while looking at them. Every site is in the ``holdout`` group.

Two kinds of source:

- saved pages (HTML as fetched, 2020) of a web-crawl homework, reduced as the second scraped set
  reduces its pages (``convert`` of benchmarks/scraped2/convert.py: the text of every <p>, in
  page order, junk and all);
- a news crawler's own scrapes of Indonesian sites (2022-2023), stored in CSV with one row an
  article and the article's paragraphs as the crawler's selector returned them (a Python list
  literal), junk and all: one line a paragraph, the empty ones dropped, the headline as title.

Output, one file a page: /work/data/scraped10/<lang>/<site>/<id>.txt, the title on the first
line, a blank line, then the text as scraped. Sources, with commit, path and licence:
MANIFEST.yaml next to this script.
"""

from __future__ import annotations

import ast
import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
csv.field_size_limit(10**8)


sys.path.insert(0, str(HERE.parent))
from scriptload import load as _load  # noqa: E402 - importable once benchmarks/ is on the path

# The third scraped set's converter: the second set's page reduction, its records, and the
# held-out MANIFEST.yaml and split.yaml writer.
scrapedx = _load("scrapedx_convert", HERE.parent / "scrapedx" / "convert.py")
scraped2 = scrapedx.scraped2
ingest = scrapedx.ingest
Page = scrapedx.Page
Source = scrapedx.Source

DEFAULT_OUT = Path("/work/data/scraped10")
MIN_WORDS = 80


@dataclass(frozen=True)
class RowPage:
    """One article of a crawler's CSV file: the row whose ``link`` is this URL."""

    path: str
    lang: str
    site: str
    link: str


GEORGE = "GitHub_Program_Files/HW_3/raw/"
# A web-crawl homework's saved pages (the pages tweets about Covid-19 linked to, fetched in
# October 2020), one file a URL, named "<n>--<host>". Kept: the Indonesian, French and German
# news articles of sites no earlier set has. Left out: home pages, section and tag pages,
# institutional, company and shop pages, blogs and personal sites, pages in other languages,
# pages under 80 words of <p> text, and sites of earlier sets (Le Monde, Le Figaro and
# Libération's blogs, Merdeka, Tribunnews).
GEORGE_PAGES = [
    ("198--www.beritasatu.com", "id", "beritasatu.com"),
    ("24---metrobali.com", "id", "metrobali.com"),
    ("317--beritamanado.com", "id", "beritamanado.com"),
    ("621--zonajakarta.pikiran-rakyat.com", "id", "pikiran-rakyat.com"),
    ("129--lecourrier-du-soir.com", "fr", "lecourrier-du-soir.com"),
    ("133--reflets.info", "fr", "reflets.info"),
    ("14---www.leparisien.fr", "fr", "leparisien.fr"),
    ("255--www.bfmtv.com", "fr", "bfmtv.com"),
    ("278--www.presse-citron.net", "fr", "presse-citron.net"),
    ("31---www.valeursactuelles.com", "fr", "valeursactuelles.com"),
    ("385--reseauinternational.net", "fr", "reseauinternational.net"),
    ("397--www.sudouest.fr", "fr", "sudouest.fr"),
    ("420--www.lopinion.fr", "fr", "lopinion.fr"),
    ("427--www.dw.com", "fr", "dw.com"),
    ("432--www.rfi.fr", "fr", "rfi.fr"),
    ("653--www.rfi.fr", "fr", "rfi.fr"),
    ("766--www.rfi.fr", "fr", "rfi.fr"),
    ("780--www.rfi.fr", "fr", "rfi.fr"),
    ("736--actu.orange.fr", "fr", "actu.orange.fr"),
    ("593--www.welt.de", "de", "welt.de"),
    ("66---www.krone.at", "de", "krone.at"),
    ("887--polizei.news", "de", "polizei.news"),
]

# A news crawler's result files (its own scrapes, July 2022 and March 2023): the rows of the
# Indonesian sites no earlier set has. Left out: Antara, CNN Indonesia, JPNN, Kompas, Sindonews,
# Tempo and Tirto (sites of earlier sets) and Investor.id (its rows have no text). Rows taken:
# per site, the usable rows (a parsable paragraph list of 80 to 450 words, each URL once) in file
# order, then every k-th of them (k = usable rows // rows wanted), the first 8 (Beritasatu, Media
# Indonesia), 10 (CNBC Indonesia) or 6 (IDX Channel); then, per site, the two rows halfway between
# the first three of those (positions k // 2 and k + k // 2), listed last.
DREXEL_ROWS = [
    ("BERITASATU_2022_07_24_15_02_01", "beritasatu.com", "https://www.beritasatu.com/bola/955551/liga-inggris-gabriel-jesus-ungkap-alasan-gabung-arsenal?page=all"),
    ("BERITASATU_2023_03_16_20_13_05", "beritasatu.com", "https://www.beritasatu.com/megapolitan/1032956/potongan-tubuh-dalam-koper-di-bogor-polisi-periksa-4-saksi?page=all"),
    ("BERITASATU_2023_03_16_20_13_05", "beritasatu.com", "https://www.beritasatu.com/internasional/1032823/rusia-cari-puingpuing-drone-milik-as-yang-jatuh-di-laut-hitam?page=all"),
    ("BERITASATU_2023_03_16_20_51_51", "beritasatu.com", "https://www.beritasatu.com/nasional/1032745/sah-saldi-isra-terpilih-sebagai-wakil-ketua-mk?page=all"),
    ("BERITASATU_2023_03_16_20_51_51", "beritasatu.com", "https://www.beritasatu.com/megapolitan/1032062/mahasiswi-ui-bunuh-diri-jelang-wisuda-diduga-ingin-persatukan-kedua-orang-tua-yang-berpisah?page=all"),
    ("BERITASATU_2023_03_16_20_51_51", "beritasatu.com", "https://www.beritasatu.com/ekonomi/1032600/mantan-menpora-zainudin-amali-jadi-komisaris-bank-mandiri?page=all"),
    ("BERITASATU_2023_03_16_20_51_51", "beritasatu.com", "https://www.beritasatu.com/ototekno/1032729/mahasiswa-its-ciptakan-kapal-robot-yang-lincah-bermanuver?page=all"),
    ("BERITASATU_2023_03_17_05_30_06", "beritasatu.com", "https://www.beritasatu.com/lifestyle/1032331/jadi-nominasi-soundtrack-terbaik-lagu-naatu-naatu-bollywood-goyang-panggung-oscar-2023?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/market/20230317144114-17-422631/hipka-mau-boyong-10-umkm-buat-ipo-dalam-5-tahun?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/market/20230316153529-17-422283/ganas-bi-gerak-cepat-lakukan-ini-lawan-momok-seram-di-ri?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/news/20230316171843-4-422342/ini-kabar-terbaru-soal-korban-kebakaran-depo-bbm-plumpang?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/syariah/20230227132639-31-417278/gak-main-main-ini-modal-ri-jadi-pusat-industri-halal-2024?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/tech/20230317095510-37-422498/google-china-pamer-chatgpt-saham-malah-anjlok-kok-bisa?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/tech/20230314124632-37-421514/bjorka-beraksi-netizen-minta-ungkap-kekayaan-pns-pajak?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/lifestyle/20230312134336-33-420951/4-makanan-ini-biang-kerok-kolesterol-naik-gila-gilaan-cek?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/mymoney/20230308155520-72-420003/tips-beli-rumah-second-biar-tidak-boncos-seperti-tarzan?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/cuap-cuap-cuan/20221020153545-118-381325/investyle-why-not?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/research/20230307092856-128-419473/harga-mobil-listrik-buatan-ri-3x-lebih-mahal-dari-mobil-china?page=all"),
    ("IDXCHANNEL_2022_07_24_15_04_12", "idxchannel.com", "https://www.idxchannel.com/market-news/neraca-dagang-surplus-26-bulan-beruntun-ihsg-langsung-balik-menguat"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/market-news/intip-5-mindset-seorang-trader-agar-sukses-dan-raih-keuntungan-besar?page=all"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/foto-1/foto/peluncuran-buku-perjalanan-anak-kampung-pinggir-hutan-pedalaman-bukit-barisan?page=all"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/syariah/800-ribu-umat-muslim-dari-luar-arab-saudi-daftar-umrah-dan-ziarah-ramadan?page=all"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/milenomic/2-cara-kerja-di-jepang-melalui-kementerian-dan-lpk-terbaru-2023?page=all"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/economia/ppkm-mikro-sukses-turunkan-kasus-covid-19-di-malang?page=all"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/nusantara/509197/asyiknya-bincang-bisnis-di-sudut-arena-gernas-bbi"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/humaniora/509013/satgas-covid-19-minta-pemda-kejar-vaksinasi-booster-di-ruang-publik"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/humaniora/508916/kasus-kekerasan-anak-sebagai-dampak-etik-media-digital"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/nusantara/508765/haris-azhar-akan-gugat-hukum-penjual-batu-bara-ilegal-di-sumsel"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/nusantara/508616/kebakaran-hebat-melanda-pabrik-pupuk-dan-pestisida-di-demak"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/nusantara/508473/sahabat-ganjar-galang-dukungan-untuk-ganjar-pranowo-di-sumedang-dan-kendari"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/hiburan/508307/ariel-noah-mengaku-belum-tertarik-beli-motor-listrik"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/megapolitan/508210/video-hindari-razia-pengendara-sepeda-motor-lawan-arus-hingga-terjatuh"),
    ("BERITASATU_2022_07_24_15_02_01", "beritasatu.com", "https://www.beritasatu.com/news/955393/update-covid19-hari-ini-kasus-positif-capai-4071?page=all"),
    ("BERITASATU_2023_03_16_20_13_05", "beritasatu.com", "https://www.beritasatu.com/nasional/1032882/cara-daftar-mudik-gratis-bumn-2023-sangat-mudah-ini-syaratnya?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/market/20230317072555-17-422438/rekam-jejak-nixon-napitupulu-sang-bos-baru-btn?page=all"),
    ("CNBC_2023_03_17_08_51_08", "cnbcindonesia.com", "https://www.cnbcindonesia.com/news/20230317092204-8-422482/jurus-kabtangerang-gaet-investor-dubai-kembangkan-umkm?page=all"),
    ("IDXCHANNEL_2023_03_16_20_01_15", "idxchannel.com", "https://www.idxchannel.com/market-news/webinar-mnc-sekuritas-bedah-saham-saham-syariah"),
    ("IDXCHANNEL_2023_03_17_06_17_05", "idxchannel.com", "https://www.idxchannel.com/idxtainment/seperti-ini-ariel-noah-jelaskan-manfaat-vaksin-covid-19?page=all"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/hiburan/509110/timur-angkat-isu-privasi-lewat-single-ruang-batas-publik"),
    ("MEDIAINDONESIA_2022_07_24_15_03_59", "mediaindonesia.com", "https://mediaindonesia.com/ekonomi/508980/investasi-kek-kendal-capai-rp27-triliun-serap-12-ribu-pekerja"),
]  # fmt: skip


def sources() -> list[Source]:
    return [
        Source(
            "GeorgeMarche/project-portfolio",
            "a2e4508617b6b361286040ddb44f6b9c9d430dfa",
            "none stated for the repository (a personal portfolio of course projects); the pages are the publishers'",
            "a web-crawl homework's saved pages (HTML as fetched in October 2020 from URLs in tweets)",
            [Page(GEORGE + name, lang, site) for name, lang, site in GEORGE_PAGES],
        ),
        Source(
            "imanueldrexel/news-scraping",
            "d070bcd2e1de36d10d6ac7f37aa66bfb6ebbed8b",
            "none stated for the repository; the articles are the publishers'",
            "a news crawler's own scrapes of Indonesian sites (CSV result files, July 2022 and March 2023): "
            "each article's paragraphs as its selector returned them",
            [RowPage(f"news_result/{name}.csv", "id", site, link) for name, site, link in DREXEL_ROWS],
        ),
    ]


def ident_of(page: Page | RowPage) -> str:
    if isinstance(page, RowPage):
        tail = page.link.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        return ingest.slug(tail)[:60]
    return ingest.slug(Path(page.path).name)[:60]


def _rows(git: ingest.Git, path: str, cache: dict[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    if path not in cache:
        reader = csv.DictReader(io.StringIO(git.text(path)))
        cache[path] = {}
        for row in reader:
            cache[path].setdefault(row["link"], row)
    return cache[path]


def read_page(git: ingest.Git, page: Page | RowPage, cache: dict[str, dict[str, dict[str, str]]]) -> tuple[str, str]:
    """A page's title and its text as scraped."""
    if isinstance(page, RowPage):
        row = _rows(git, page.path, cache)[page.link]
        paragraphs = ast.literal_eval(row["extracted_text"])
        return row["headline"].strip(), "\n".join(p.strip() for p in paragraphs if p.strip())
    raw = git.read(page.path)
    text_html = raw.decode("utf-8", errors="replace")
    if text_html.count("\ufffd") > 20:
        text_html = raw.decode("cp1252", errors="replace")
    return scraped2.convert(text_html)


def build(mirror: Path, out: Path) -> Iterator[dict[str, object]]:
    for src in sources():
        git = ingest.Git(mirror, src.repo, src.commit)
        cache: dict[str, dict[str, dict[str, str]]] = {}
        kept: list[str] = []
        for page in src.pages:
            title, text = read_page(git, page, cache)
            if len(text.split()) < MIN_WORDS:
                raise ValueError(f"{page.path}: under {MIN_WORDS} words")
            site = ingest.slug(page.site.replace(".", "-"))
            target = out / page.lang / site / f"{ident_of(page)}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{title}\n\n{ingest.raw_lines(text)}", encoding="utf-8")
            kept.append(f"{page.path} {page.link}" if isinstance(page, RowPage) else page.path)
        yield {
            "repository": src.repo,
            "commit": src.commit,
            "licence": src.licence,
            "note": src.note,
            "pages": len(kept),
            "paths": kept,
        }


def main(argv: list[str] | None = None) -> int:
    return scrapedx.run_held_out(
        argv, doc=__doc__ or "", here=HERE, default_out=DEFAULT_OUT, build=build, name="tenth held-out scraped set"
    )


if __name__ == "__main__":
    sys.exit(main())

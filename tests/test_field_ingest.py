"""benchmarks/field/ingest.py: the readers of the Portuguese web news set and of saved
extractor test pages keep what a newsroom or a naive scraper would see."""

from __future__ import annotations

from benchmark_modules import load

ingest = load("field/ingest.py", "field_ingest")


class FakeGit:
    """The part of ingest.Git the readers use, over a dict of files."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def ls(self, under: str) -> list[str]:
        prefix = "" if under in (".", "") else under.rstrip("/") + "/"
        return sorted(p for p in self.files if p.startswith(prefix))

    def read(self, path: str) -> bytes:
        return self.files[path].encode("utf-8")

    def text(self, path: str) -> str:
        return self.files[path]


BODY = " ".join(["O Banco Central informou nesta segunda-feira que o sistema funciona."] * 12)


def test_ptbr_news_keeps_the_standfirst_as_first_paragraph_and_skips_the_summaries() -> None:
    git = FakeGit(
        {
            "economia/1.txt": (
                "PIX começa a funcionar\r\nSistema tem 30 milhões de cadastros\r\n\r\n\r\n" + BODY + "\r\n\r\nFim."
            ),
            "__summarization__/economia/1.txt": "Resumo\n\n" + BODY,
            "README.md": "# dataset",
            "esportes/2.txt": "Curto\nDeck\n\nPoucas palavras.",
        }
    )
    articles = list(ingest.read_ptbr_news(git))
    assert [a.ident for a in articles] == ["ptbrnews-economia-1"]
    a = articles[0]
    assert (a.lang, a.outlet, a.title) == ("pt", "web-br-mixed", "PIX começa a funcionar")
    assert a.text.split("\n\n")[0] == "Sistema tem 30 milhões de cadastros"
    assert a.text.endswith("\n\nFim.\n")


PAGE = """<html><head><title>Titre | Le Site</title><script>var p = "<p>no</p>";</script></head><body>
<nav><p>Rubriques</p></nav><h1>Le titre</h1>
<p>Premier paragraphe de l'article,<br>avec une ligne coupée.</p>
<div class="related"><p>A lire aussi : un autre article</p></div>
<p>{body}</p>
<footer><p>Tous droits réservés</p></footer></body></html>"""


def test_saved_pages_keep_every_paragraph_in_page_order_junk_included() -> None:
    git = FakeGit({"fixtures/le-site.html": PAGE.format(body=BODY), "fixtures/short.html": "<p>trop court</p>"})
    reader = ingest.saved_pages_reader(
        [("fixtures/le-site.html", "fr", "www.le-site.fr"), ("fixtures/short.html", "fr", "short.fr")], "demo"
    )
    articles = list(reader(git))
    assert len(articles) == 1
    a = articles[0]
    assert (a.lang, a.outlet, a.ident, a.title) == ("fr", "www-le-site-fr", "demo-le-site", "Le titre")
    assert a.text.split("\n") == [
        "Rubriques",
        "Premier paragraphe de l'article, avec une ligne coupée.",
        "A lire aussi : un autre article",
        BODY,
        "Tous droits réservés",
        "",
    ]

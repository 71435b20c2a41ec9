"""truncation/split-sentence: detokenized copy may open a quotation with a closing mark ('”
Persib ... , ” ujar Dani.'); such a paragraph opens its own quotation and does not go on with
the paragraph before."""

from __future__ import annotations

from newslint import lint_text
from newslint.engine import Options

LEAD = "Pelatih Persib mengatakan motivasi pemain harus sama seperti tim futsal asuhan Essien."
SHORT = "Bagikan artikel ini"
QUOTE = "” Persib pada uji coba pra-musim ini kalah dari Bali United. Kami sudah jauh-jauh dari Bandung, ” ujar Dani."
CLOSE = "Persib akan kembali berlatih di Bandung pada hari Senin pekan depan."


def rules_at(text: str) -> list[tuple[str, int]]:
    options = Options(select=("truncation/split-sentence",), language="id")
    return [(f.rule, f.line) for f in lint_text(text, path="draft.md", options=options).findings]


def test_a_quotation_opened_with_a_closing_mark_does_not_go_on_from_the_paragraph_before() -> None:
    assert rules_at(f"{LEAD}\n\n{SHORT}\n\n{QUOTE}\n\n{CLOSE}") == []


def test_a_closing_mark_that_ends_the_quotation_of_the_paragraph_before_still_splits_it() -> None:
    opened = "“Persib pada uji coba pra-musim ini kalah dari Bali United dan kami sudah jauh-jauh dari"
    goes_on = "”, ujar Dani kepada wartawan di Denpasar pada hari Minggu."
    found = rules_at(f"{LEAD}\n\n{opened}\n\n{goes_on}\n\n{CLOSE}")
    assert ("truncation/split-sentence", 3) in found

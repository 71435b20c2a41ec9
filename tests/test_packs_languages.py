"""The Malay, German, French, Spanish and Portuguese packs: the canonical rule ids, valid
rule files, and a realistic draft per language that gets exactly its known defects."""

from __future__ import annotations

import pytest

from newslint import Options, lint_text, load_rules
from newslint.rules import RuleSet

PACKS = ("ms", "de", "fr", "es", "pt")
CANONICAL = (
    "markup/widget-line",
    "ad-text/ad-label",
    "metadata/missing-byline",
    "metadata/missing-date",
    "metadata/weekday-mismatch",
    "truncation/paragraph-end",
    "truncation/split-sentence",
    "truncation/marker",
    "truncation/unfinished-sentence",
)
# Rules a pack has beyond the canonical ones: its sites' own families.
EXTRA = {"ms": ("markup/channel-prompt",)}


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_rules(packs=("core", *PACKS), validate_shipped=True)  # validated against the schema


@pytest.mark.parametrize("pack", PACKS)
def test_pack_defines_canonical_ids_for_its_language_only(ruleset: RuleSet, pack: str) -> None:
    rules = [r for r in ruleset if r.pack == pack]
    assert sorted(r.id for r in rules) == sorted(CANONICAL + EXTRA.get(pack, ()))
    assert all(r.languages == frozenset({pack}) for r in rules)
    assert all(len(r.examples_flag) >= 2 and len(r.examples_pass) >= 2 for r in rules if r.id != "truncation/marker")


@pytest.mark.parametrize("pack", PACKS)
def test_pack_rules_replace_core_rules_for_the_language(ruleset: RuleSet, pack: str) -> None:
    from newslint.engine import active_rules

    active = active_rules(ruleset.for_language(pack), pack, Options())
    by_id = {r.id: r for r in active}
    assert len(by_id) == len(active)  # one rule per id
    assert all(by_id[rule_id].pack == pack for rule_id in CANONICAL)


# Each draft: byline and date lines in the language's own style, then prose with one
# weekday that does not match its date, one ad label and one widget line.
DRAFTS = {
    "ms": (
        """\
Oleh AHMAD ZAKI

2022-11-30

KUALA LUMPUR: Kerajaan negeri akan menyalurkan bantuan segera kepada semua mangsa banjir, kata Menteri Besar.

Beliau berkata, anggota polis telah dikerahkan sejak Rabu, 29 November 2022 bagi memindahkan penduduk.

ADVERTISEMENT

Setakat ini, seramai 1,200 mangsa ditempatkan di 15 pusat pemindahan dan jumlah itu dijangka meningkat.

Baca Juga: Bekalan air terputus di tiga daerah

“Kami akan memastikan semua mangsa menerima bantuan secepat mungkin,” katanya.
""",
        {("metadata/weekday-mismatch", 7), ("ad-text/ad-label", 9), ("markup/widget-line", 13)},
    ),
    "de": (
        """\
Von Anna Müller

Donnerstag, 12. September 2024

Der Bundestag hat ein neues Gesetz beschlossen, das die Mieten in den großen Städten begrenzen soll.

Anzeige

Die Abstimmung fand am Freitag, 12. September 2024 statt. Die Opposition kritisierte den Entwurf scharf.

Mehr zum Thema: Mietpreisbremse in 300 Städten

„Wir werden vor das Bundesverfassungsgericht ziehen“, sagte die Fraktionschefin der Opposition.
""",
        {("ad-text/ad-label", 7), ("metadata/weekday-mismatch", 9), ("markup/widget-line", 11)},
    ),
    "fr": (
        """\
Par Martin Dupont

Publié le 12 septembre 2024 à 18h22

Les députés ont adopté, à une large majorité, le projet de loi sur le logement défendu par le gouvernement.

Lire aussi : Le Sénat promet d'amender le texte

Le vote solennel a eu lieu vendredi 12 septembre 2024, après des semaines de débat à l'Assemblée nationale.

Publicité

Le texte sera désormais examiné par le Sénat, où la droite a promis de l'amender en profondeur.
""",
        {("markup/widget-line", 7), ("metadata/weekday-mismatch", 9), ("ad-text/ad-label", 11)},
    ),
    "es": (
        """\
Por Ana García

Publicado el 5 de marzo de 2025

El Congreso aprobó la nueva ley de vivienda con el apoyo de los socios del Gobierno.

La votación se celebró el lunes 4 de marzo de 2025, tras semanas de negociación entre los grupos parlamentarios.

Publicidad

La oposición anunció que recurrirá la norma ante el Tribunal Constitucional porque invade competencias.

Noticias relacionadas
""",
        {("metadata/weekday-mismatch", 7), ("ad-text/ad-label", 9), ("markup/widget-line", 13)},
    ),
    "pt": (
        """\
Por Ana Souza

Publicado em 09/10/2024 às 10h30

O Senado aprovou a reforma tributária por ampla maioria, depois de semanas de negociação com os governadores.

Leia também: Câmara deve votar destaques ainda neste mês

A votação aconteceu na quarta-feira, 8 de outubro de 2024, em sessão que durou mais de dez horas.

PUBLICIDADE

O texto segue agora para a Câmara dos Deputados, onde a votação deve ocorrer ainda neste mês.
""",
        {("markup/widget-line", 7), ("metadata/weekday-mismatch", 9), ("ad-text/ad-label", 11)},
    ),
}


@pytest.mark.parametrize("lang", PACKS)
def test_realistic_draft_gets_exactly_its_defects(ruleset: RuleSet, lang: str) -> None:
    text, expected = DRAFTS[lang]
    result = lint_text(text, path=f"draft-{lang}.txt", rules=ruleset)
    assert result.language == lang
    assert {(f.rule, f.line) for f in result.findings} == expected


@pytest.mark.parametrize("lang", PACKS)
def test_draft_without_byline_or_date_is_reported(ruleset: RuleSet, lang: str) -> None:
    text, _ = DRAFTS[lang]
    body = "\n\n".join(text.split("\n\n")[2:])  # drop the byline and the date line
    rules = {f.rule for f in lint_text(body, path=f"draft-{lang}.txt", rules=ruleset).findings}
    assert {"metadata/missing-byline", "metadata/missing-date"} <= rules


def test_malay_dateline_without_date_is_no_date_and_oleh_kerana_is_no_byline(ruleset: RuleSet) -> None:
    text = (
        "GENEVA: Pertubuhan Kesihatan Sedunia (WHO) hari ini mengklasifikasikan varian baharu itu "
        "sebagai varian yang membimbangkan.\n\n"
        "Oleh kerana itu, semua negara diminta meningkatkan pengawasan di pintu masuk antarabangsa.\n\n"
        "Beliau berkata, beberapa kajian sedang dilakukan bagi meneliti tahap penularan varian itu.\n"
    )
    rules = {f.rule for f in lint_text(text, path="geneva.txt", rules=ruleset, options=Options(language="ms")).findings}
    assert rules == {"metadata/missing-byline", "metadata/missing-date"}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ms", "(bersambung)"),
        ("de", "(Fortsetzung folgt)"),
        ("fr", "(à suivre)"),
        ("es", "(continuará)"),
        ("pt", "(continua)"),
    ],
)
def test_cut_marker_in_each_language(ruleset: RuleSet, lang: str, line: str) -> None:
    text, _ = DRAFTS[lang]
    result = lint_text(
        text + "\n" + line + "\n", path=f"draft-{lang}.txt", rules=ruleset, options=Options(select=("truncation/",))
    )
    assert [f.rule for f in result.findings] == ["truncation/marker"]

"""Language data lives in the packs (rules/<lang>/lexicon.yaml): adding a language is a
data-only change, and the shipped data files are themselves checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import Options, lint_text
from newslint.errors import RuleError
from newslint.lexicon import LEXICON_FILE, lexicon_files, load_lexicon, shipped_lexicon
from newslint.rules import load_rules, packs_root, rule_files, shipped_packs
from newslint.words import WordWork

ENGLISH = (
    "The council approved the new budget on Tuesday after a long debate. It will take effect next "
    "month, and the mayor said that the city would publish the details of the plan as soon as it "
    "was ready."
)
# Finnish, which langdetect knows but no shipped pack has words for.
FINNISH = (
    "Kaupunginvaltuusto hyväksyi tiistaina uuden talousarvion, ja se on nyt voimassa koko vuoden "
    "ajan. Päätös tehtiin sen jälkeen kun kaikki puolueet olivat keskustelleet asiasta pitkään, "
    "mutta osa jäsenistä vastusti sitä edelleen, koska heidän mielestään se ei ole vielä tarpeeksi "
    "hyvä ja siitä pitää puhua myös ensi vuonna."
)
FINNISH_WORDS = (
    "ja on ei se että oli kun mutta myös niin ovat tai jos sen kuin hän ne olivat koska vain "
    "jo nyt sitä tämä joka mitä ole siitä voi kaikki"
)


def finnish_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "packs" / "fi"
    folder.mkdir(parents=True)
    (folder / LEXICON_FILE).write_text(f'language: "fi"\nfunction_words: {FINNISH_WORDS}\n', encoding="utf-8")
    return folder.parent


def mixed(text: str, extra: tuple[Path, ...] = ()) -> list[str]:
    options = Options(select=("language/mixed-paragraph",), language="en")
    result = lint_text(text, path="draft.txt", rules=load_rules(extra), options=options)
    return [f.message for f in result.findings]


def test_adding_a_language_is_a_data_only_change(tmp_path: Path) -> None:
    text = f"{ENGLISH}\n\n{FINNISH}\n\n{ENGLISH.replace('Tuesday', 'Monday')}\n"
    assert mixed(text) == []  # without its words a Finnish paragraph is not suspected
    found = mixed(text, (finnish_pack(tmp_path),))
    assert len(found) == 1 and "'fi'" in found[0]


def test_a_user_language_is_counted_in_detection(tmp_path: Path) -> None:
    ruleset = load_rules((finnish_pack(tmp_path),))
    assert "fi" in ruleset.lexicon.function_words
    assert "fi" not in shipped_lexicon().function_words
    words = WordWork(ruleset.lexicon).words(FINNISH)
    assert words.ratios()["fi"] > max(r for lang, r in words.ratios().items() if lang != "fi")


def test_a_user_folder_with_a_lexicon_and_rules_loads_both(tmp_path: Path) -> None:
    root = finnish_pack(tmp_path)
    (root / "fi" / "markup.yaml").write_text(
        "pack: fi\nrules:\n  - id: markup/lue-lisaa\n    check: phrases\n    severity: warning\n"
        "    message: '{match}'\n    languages: [fi]\n    with: {phrases: ['Lue lisää']}\n",
        encoding="utf-8",
    )
    assert [p.name for p in rule_files(root)] == ["markup.yaml"]
    ruleset = load_rules((root,))
    assert "markup/lue-lisaa" in {r.id for r in ruleset}
    assert "fi" in ruleset.lexicon.function_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("function_words: a b\n", "needs 'language'"),
        ("language: no\nfunction_words: a b\n", "must be a language code"),
        ('language: "xx"\nwords: a b\n', "unknown key"),
        ('language: "xx"\nfunction_words: {a: 1}\n', "function_words"),
        ('language: "xx"\nmarkers: {against: yy, pairs: [[a, b]]}\n', "markers"),
        ('language: "xx"\nmarkers: {against: yy, patterns: [["(", 2]]}\n', "markers"),
        ('language: "xx\n', "YAML syntax error"),
    ],
)
def test_a_bad_lexicon_file_is_a_rule_error_naming_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / LEXICON_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=expected) as error:
        load_lexicon([path])
    assert str(path) in str(error.value)


SHIPPED = lexicon_files(packs_root())


@pytest.mark.parametrize("path", SHIPPED, ids=[p.parent.name for p in SHIPPED])
def test_shipped_lexicons_are_named_by_their_folder_and_in_lower_case(path: Path) -> None:
    lexicon = load_lexicon([path])
    languages = set(lexicon.function_words)
    assert languages == (set() if path.parent.name == "core" else {path.parent.name})
    for words in lexicon.function_words.values():
        assert words and all(w == w.casefold() and " " not in w for w in words)
    assert all(a == a.casefold() and not a.endswith(".") for a in lexicon.abbreviations)


def test_shipped_markers_name_each_word_for_one_side_only() -> None:
    lexicon = shipped_lexicon()
    malay, indonesian = lexicon.markers_for("ms", "id"), lexicon.markers_for("id", "ms")
    assert malay is not None and indonesian is not None
    assert not malay.words.keys() & indonesian.words.keys()
    assert not malay.pairs.keys() & indonesian.pairs.keys()
    assert all(weight > 0 for m in (malay, indonesian) for weight in (*m.words.values(), *m.pairs.values()))


def test_language_folders_without_rules_are_not_packs() -> None:
    assert "tl" in shipped_lexicon().function_words
    assert "tl" not in shipped_packs()
    assert "core" in shipped_packs() and "id" in shipped_packs()


def test_malay_words_with_a_clitic_count_as_the_bare_word() -> None:
    work = WordWork()
    assert work.malay_score("kerajaannya") == work.malay_score("kerajaan") > 0
    assert work.malay_score("Rabu (12/3/2025)") < 0  # the Indonesian date pattern from the data

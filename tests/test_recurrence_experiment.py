"""The counting of benchmarks/recurrence_experiment.py: which lines of a run it calls
recurring, with the exclusions its reported figures were measured with."""

from __future__ import annotations

from pathlib import Path

from benchmark_modules import load

from newslint.learn import Normaliser
from newslint.readers import read_string

experiment = load("recurrence_experiment.py", "recurrence_experiment")

STRICT = [
    "--min-docs",
    "3",
    "--min-sites",
    "3",
    "--min-run",
    "2",
    "--story-share",
    "0.25",
    "--skip-title",
    "--run-max-words",
    "3",
    "--run-no-sentence",
]


def lines_of(pages: dict[str, str], tmp_path: Path) -> list:
    """The experiment's Line records for pages written under tmp_path/<lang>/<site>/<name>."""
    for rel, text in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return experiment.lines_of(tmp_path, "*.txt", Normaliser(["january", "monday"]))


TOPICS = ["bridge", "library", "harbour"]
PLACES = ["Northfield", "Eastgate", "Westbrook"]


def story(n: int, footer: list[str], credit: str) -> str:
    # numbers are masked when lines are counted: the stories differ in their words
    topic, place = TOPICS[n - 1], PLACES[n - 1]
    body = [
        f"Headline about the {topic} in {place}",
        "",
        f"The council met and agreed to a plan for the {topic} after a long debate in {place}.",
        credit,
        f"Residents of {place} said the works on the {topic} would start in spring next year.",
    ]
    return "\n".join(body + footer) + "\n"


FOOTER = ["About us", "Contact the newsroom", "Terms of use"]


def test_a_footer_in_three_stories_is_recurring_and_credits_are_not(tmp_path: Path) -> None:
    pages = {f"en/site/page{n}.txt": story(n, FOOTER, "Reporting by Jane Roe") for n in range(1, 4)}
    lines = lines_of(pages, tmp_path)
    flagged = {(ln.file, ln.text) for ln, _why in experiment.flagged(lines, experiment.parse(STRICT))}
    for n in range(1, 4):
        for text in FOOTER:
            assert (f"en/site/page{n}.txt", text) in flagged
        # the credit recurs in every page too, but alone between prose lines: not a run
        # (a credit right above a footer would join the footer's run: a limit of the signal)
        assert (f"en/site/page{n}.txt", "Reporting by Jane Roe") not in flagged
    assert not any(text.startswith(("Headline", "The council")) for _file, text in flagged)


def test_one_story_republished_is_not_a_template(tmp_path: Path) -> None:
    # the same article three times (a republished story): every line recurs, none is chrome
    same = story(1, [], "Reporting by Jane Roe")
    pages = {f"en/site/copy{n}.txt": same for n in range(1, 4)}
    lines = lines_of(pages, tmp_path)
    assert experiment.flagged(lines, experiment.parse(STRICT)) == []
    # without the story exclusion the copies flag their own prose
    loose = experiment.parse(["--min-docs", "3", "--min-run", "2"])
    assert any(ln.text.startswith("The council") for ln, _why in experiment.flagged(lines, loose))


def test_too_few_documents_flag_nothing(tmp_path: Path) -> None:
    pages = {f"en/site/page{n}.txt": story(n, FOOTER, "Reporting by Jane Roe") for n in range(1, 3)}
    lines = lines_of(pages, tmp_path)
    assert experiment.flagged(lines, experiment.parse(STRICT)) == []


def test_line_numbers_are_source_lines(tmp_path: Path) -> None:
    lines = lines_of({"en/site/a.txt": story(1, FOOTER, "Reporting by Jane Roe")}, tmp_path)
    by_text = {ln.text: ln.number for ln in lines}
    assert by_text["About us"] == 6 and by_text["Reporting by Jane Roe"] == 4
    doc = read_string(story(1, FOOTER, "Reporting by Jane Roe"), "a.txt")[0]
    assert doc.line_text(6) == "About us"

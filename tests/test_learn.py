"""`newslint learn`: a site's recurring chrome becomes a reviewable rule pack that `check --rules` uses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from newslint import default_rules
from newslint.cli import main
from newslint.learn import Normaliser, date_words

PROSE = [
    "The city council approved the new budget on a narrow vote after a long debate about schools.",
    "Residents of the northern district said the flooding had damaged dozens of homes this week.",
    "The ministry said it would publish the full report once the audit of the accounts was done.",
    "Local farmers expect a smaller harvest this year because the rains arrived later than usual.",
    "Police said the two men were released on bail and would appear in court next month.",
    "The museum will reopen in spring with a new wing dedicated to the history of the port.",
    "Teachers in the province began a strike over pay, closing most secondary schools on Monday.",
    "The airline added three routes to the island and expects more tourists during the holidays.",
]


def site(tmp_path: Path, count: int = 8) -> Path:
    """A site's archive: each article has its own prose plus the site's widgets."""
    folder = tmp_path / "site"
    folder.mkdir()
    for n in range(count):
        body = [
            f"Story number {n} of the week",
            PROSE[n % len(PROSE)],
            f"Lihat juga: Headline about topic {n} that differs every time",
            PROSE[(n + 3) % len(PROSE)],
            f"Seen by {n * 37 + 5} readers",
            "Follow our channel for the freshest updates",
        ]
        (folder / f"a{n}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
    return folder


def learned_rules(runner, tmp_path: Path, *args: str) -> list[dict]:
    out = tmp_path / "chrome.yaml"
    result = runner.invoke(main, ["learn", str(site(tmp_path)), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))["rules"]


def test_recurring_lines_become_rules_with_counts_and_examples(runner, tmp_path: Path) -> None:
    rules = learned_rules(runner, tmp_path)
    by_flag = {rule["examples"]["flag"][0]: rule for rule in rules}
    assert "Follow our channel for the freshest updates" in by_flag
    # Numbers are masked: "Seen by 5 readers" and "Seen by 42 readers" are one family.
    counters = [r for r in rules if r["examples"]["flag"][0].startswith("Seen by")]
    assert len(counters) == 1 and "8 of 8" in counters[0]["message"]
    # The headline after a label is masked: one family, not eight one-off lines.
    teasers = [r for r in rules if r["examples"]["flag"][0].startswith("Lihat juga")]
    assert len(teasers) == 1 and len(teasers[0]["examples"]["flag"]) >= 2
    # The article prose never recurs across documents, so none of it is learned.
    assert not any(r["examples"]["flag"][0] in PROSE for r in rules)
    assert all(r["check"] == "pattern" and r["examples"]["pass"] for r in rules)


def test_the_learned_pack_is_an_ordinary_pack_that_check_uses(runner, tmp_path: Path) -> None:
    learned_rules(runner, tmp_path)
    pack = tmp_path / "chrome.yaml"
    assert runner.invoke(main, ["test-rules", str(pack)]).exit_code == 0
    new = tmp_path / "new.txt"
    new.write_text(
        "A new story\n\n" + PROSE[0] + "\n\nSeen by 99999 readers\n\n"
        "Lihat juga: A headline never seen before\n\n" + PROSE[1] + "\n",
        encoding="utf-8",
    )
    plain = runner.invoke(main, ["check", "--language", "en", "--format", "json", str(new)])
    learned = runner.invoke(main, ["check", "--language", "en", "--format", "json", "--rules", str(pack), str(new)])
    lines = {f["line"] for f in json.loads(learned.output)["files"][0]["findings"] if "site-" in f["rule"]}
    assert lines == {5, 7}
    assert not any("site-" in f["rule"] for f in json.loads(plain.output)["files"][0]["findings"])


def test_lines_the_shipped_rules_catch_are_left_out_unless_asked(runner, tmp_path: Path) -> None:
    folder = site(tmp_path)
    for path in folder.iterdir():
        path.write_text(path.read_text(encoding="utf-8") + "\nAdvertisement\n", encoding="utf-8")
    out = tmp_path / "chrome.yaml"
    assert runner.invoke(main, ["learn", str(folder), "-o", str(out)]).exit_code == 0
    flags = [r["examples"]["flag"][0] for r in yaml.safe_load(out.read_text())["rules"]]
    assert "Advertisement" not in flags
    assert runner.invoke(main, ["learn", str(folder), "-o", str(out), "--keep-known"]).exit_code == 0
    flags = [r["examples"]["flag"][0] for r in yaml.safe_load(out.read_text())["rules"]]
    assert "Advertisement" in flags


def test_thresholds_decide_what_recurs_enough(runner, tmp_path: Path) -> None:
    rules = learned_rules(runner, tmp_path, "--min-docs", "9")
    assert rules == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--name", "Bad Name"], "--name"),
        (["--min-share", "2"], "--min-share"),
    ],
)
def test_bad_options_are_usage_errors(runner, tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(main, ["learn", str(site(tmp_path)), "-o", str(tmp_path / "x.yaml"), *args])
    assert result.exit_code == 2 and message in result.output


def test_a_folder_without_articles_is_a_usage_error(runner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["learn", str(tmp_path / "empty"), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "no articles" in result.output


def test_dates_and_numbers_are_masked_in_every_pack_language() -> None:
    normaliser = Normaliser(date_words(default_rules()))
    assert normaliser.tokens("Selasa, 12 Maret 2024") == normaliser.tokens("Kamis, 3 Juni 2021")
    assert normaliser.tokens("Monday 1 March") == normaliser.tokens("Friday 30 October")


def test_dated_lines_are_metadata_not_chrome() -> None:
    normaliser = Normaliser(date_words(default_rules()))
    assert normaliser.keys("Tempo.co | 4 April 2018 | 07.50 WIB") == []
    assert normaliser.keys("Dibaca 1.234 kali") != []


def test_a_dateline_sentence_is_not_a_label_family() -> None:
    normaliser = Normaliser(())
    keys = normaliser.keys("KUALA LUMPUR: Polis menahan dua lelaki semalam.")
    assert [headline for _, headline in keys] == [False]
    keys = normaliser.keys("Baca juga: Polis menahan dua lelaki")
    assert [headline for _, headline in keys] == [False, True]


def test_files_that_are_not_regular_files_are_skipped_not_read(runner, tmp_path: Path) -> None:
    folder = site(tmp_path)
    os.mkfifo(folder / "pipe.txt")  # a FIFO would block a plain open() forever
    out = tmp_path / "chrome.yaml"
    result = runner.invoke(main, ["learn", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "pipe.txt: not a regular file" in result.output

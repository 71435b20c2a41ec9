"""Hostile input: what an attacker or a careless user feeds the gate must never hang it,
crash it or slip past unread. Each case is a clear finding (or a clear error for a bad
rule file) and the run goes on.

Cases that hung or blew up memory before they were fixed run the real CLI in a child
process with a memory cap and a generous time bound, so a regression fails the test
instead of taking the test run down with it.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from newslint import default_rules, lint_text
from newslint.cli import main
from newslint.document import Notice
from newslint.engine import Options
from newslint.fix import fix_path
from newslint.readers import frontmatter, read_bytes, source
from newslint.yamlsource import AliasBombError, load_yaml, safe_load

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
MEMORY_CAP = 2 * 1024**3
HANG_BOUND = 120  # seconds: a guard against hanging forever, not a speed test


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``newslint ARGS`` in a child process that cannot take the machine's memory or hang the run."""
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin.decode("latin-1") if stdin else None,
        capture_output=True,
        text=True,
        timeout=HANG_BOUND,
        preexec_fn=_cap_memory,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


def json_rules(result: subprocess.CompletedProcess[str]) -> dict[str, list[str]]:
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout)
    return {f["path"]: [x["rule"] for x in f["findings"]] for f in report["files"]}


# --- YAML alias bombs ---------------------------------------------------------------------


def test_front_matter_alias_bomb_is_a_finding_not_a_hang(tmp_path: Path) -> None:
    draft = tmp_path / "bomb.md"
    draft.write_bytes((HOSTILE / "alias-bomb.md").read_bytes())
    result = run_cli("check", "--format", "json", "--language", "en", str(draft))
    rules = json_rules(result)[str(draft)]
    assert "input/front-matter" in rules
    assert "ad-text/ad-label" in rules  # the body is still linted
    assert result.returncode == 1


def test_front_matter_alias_bomb_notice_names_the_line() -> None:
    source = (HOSTILE / "alias-bomb.md").read_text("utf-8")
    fm = frontmatter.split(source)
    assert fm.data == {}
    [notice] = fm.notices
    assert notice.rule == "input/front-matter" and notice.severity == "error"
    assert "line 6" in notice.message and "billion laughs" in notice.message


def test_rule_file_alias_bomb_is_an_error_with_file_and_line(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Headline\n\nA body.\n", encoding="utf-8")
    result = run_cli("check", "--rules", str(HOSTILE / "alias-bomb.yaml"), str(draft))
    assert result.returncode == 2
    assert "alias-bomb.yaml:6:" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("loader", [safe_load, load_yaml])
@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("a: &a [*a]\n", "refers to the node that contains it"),
        ("x: " + "[" * 300 + "]" * 300 + "\n", "nested deeper"),
    ],
)
def test_self_reference_and_deep_nesting_are_refused(loader, text: str, problem: str) -> None:
    with pytest.raises(AliasBombError, match=problem):
        loader(text)


def test_modest_alias_reuse_and_merge_keys_still_load() -> None:
    data = safe_load("base: &b {x: 1, y: [1, 2]}\none: {<<: *b, z: 3}\ntwo: *b\n")
    assert data["one"] == {"x": 1, "y": [1, 2], "z": 3}
    assert data["two"] == data["base"]


# --- files the CLI reads -------------------------------------------------------------------

GOOD = "Judul berita\n\nPemerintah kota meresmikan taman baru pada hari Senin.\n"


def test_symlink_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path))
    rules = json_rules(result)
    assert rules[str(tmp_path / "zero.txt")] == ["input/not-a-file"]
    assert "input/not-a-file" not in rules[str(tmp_path / "good.txt")]
    assert result.returncode == 1


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path))
    rules = json_rules(result)
    assert rules[str(tmp_path / "pipe.md")] == ["input/not-a-file"]
    assert len(rules) == 2


def test_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = run_cli("check", "--format", "json", str(tmp_path / "pipe.txt"))
    report = json.loads(result.stdout)
    [finding] = report["files"][0]["findings"]
    assert finding["rule"] == "input/not-a-file" and "FIFO" in finding["message"]


def test_over_size_file_is_reported_from_its_stat_size_without_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as f:  # a sparse 3 GB file: reading it whole would need 3 GB of memory
        f.truncate(3 * 10**9)
    calls: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        calls.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    data = source.read_file(str(path), 5_000_000)
    assert isinstance(data, Notice)
    assert data.rule == "input/too-large" and "3000.0 MB" in data.message
    assert calls == []


def test_file_growing_past_the_limit_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    data = source.read_file(str(path), 1000)
    assert isinstance(data, Notice) and data.rule == "input/too-large"


def test_folder_given_as_a_file_is_not_read(tmp_path: Path) -> None:
    data = source.read_file(str(tmp_path), 1000)
    assert isinstance(data, Notice) and "folder" in data.message


def test_fix_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    outcomes: list[Any] = []
    # In a daemon thread, so a regression that blocks on the FIFO fails here instead of hanging the run.
    worker = threading.Thread(
        target=lambda: outcomes.append(fix_path(str(tmp_path / "pipe.txt"), default_rules(), Options(), write=True)),
        daemon=True,
    )
    worker.start()
    worker.join(HANG_BOUND)
    assert outcomes, "fixing blocked on a FIFO"
    assert [f.rule for r in outcomes[0].results for f in r.findings] == ["input/not-a-file"]


# --- binary content ------------------------------------------------------------------------


def _random_bytes(n: int, seed: int) -> bytes:
    return bytes(b for b in random.Random(seed).randbytes(n * 2) if b)[:n]


@pytest.mark.parametrize(
    "data",
    [
        _random_bytes(4000, 1),  # compressed or encrypted data with its NUL bytes taken out
        _random_bytes(200, 2),
        b"\x1f\x8b\x08\x00" + _random_bytes(500, 3),  # gzip
        b"\xfd7zXZ\x00" + _random_bytes(100, 4),
        bytes(range(1, 32)) * 20,
    ],
)
def test_binary_without_nul_bytes_is_an_error_finding(data: bytes) -> None:
    [doc] = read_bytes(data, "blob.txt")
    assert [(n.rule, n.severity) for n in doc.notices] == [("input/binary", "error")]
    assert doc.blocks == ()


def test_binary_file_fails_the_gate_on_the_cli(tmp_path: Path, runner) -> None:
    path = tmp_path / "blob.md"
    path.write_bytes(_random_bytes(3000, 5))
    result = runner.invoke(main, ["check", "--format", "json", str(path)])
    report = json.loads(result.output)
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["input/binary"]
    assert result.exit_code == 1


@pytest.mark.parametrize(
    "data",
    [
        "Headline\n\nThe café’s owner said ação, naïve, Ærø and Œuvre.\n".encode("cp1252"),
        "Judul\n\nกรุงเทพมหานคร เป็นเมืองหลวง\n".encode() + b"\xff" + "ของประเทศไทย\n".encode(),
        "Заголовок\n\nПравительство объявило о новом бюджете.\n".encode(),
        b"Headline\r\n\r\nA page break\x0c and a tab\there.\r\n",
    ],
)
def test_real_text_in_odd_encodings_is_not_called_binary(data: bytes) -> None:
    [doc] = read_bytes(data, "draft.txt")
    assert "input/binary" not in [n.rule for n in doc.notices]
    assert doc.blocks


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", ["input/empty"]),
        ("x" * 6_000_001, ["input/too-large"]),
        ("<p>Text\x00more</p>", ["input/binary"]),
        ("".join(chr(c) for c in range(1, 32)) * 10, ["input/binary"]),
    ],
)
def test_api_article_bodies_go_through_the_same_policy(body: str, expected: list[str]) -> None:
    rules = [n.rule for n in source.screen(body, 5_000_000, "article body").notices]
    assert rules == expected


# --- line endings --------------------------------------------------------------------------

ARTICLE = (
    "Government opens new bridge\n\n"
    "The minister opened the new bridge on Monday morning in the capital city.\n\n"
    "Advertisement\n\n"
    "The minister opened the new bridge on Monday morning in the capital city.\n\n"
    "Officials said the bridge would carry thousands of cars and\n"
)
EXPECTED = [("ad-text/ad-label", 5, 1), ("duplicate/paragraph", 7, 1), ("truncation/paragraph-end", 9, 20)]


def _mixed(text: str) -> str:
    endings = ["\r", "\r\n", "\n"]
    lines = text.split("\n")
    return "".join(line + endings[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
@pytest.mark.parametrize(
    "convert", [lambda t: t.replace("\n", "\r"), lambda t: t.replace("\n", "\r\n"), _mixed], ids=["cr", "crlf", "mixed"]
)
def test_every_line_ending_gives_the_same_findings_at_the_same_places(name: str, convert) -> None:
    text = ARTICLE if name != "a.html" else "".join(f"<p>{p}</p>\n\n" for p in ARTICLE.strip("\n").split("\n\n"))
    options = Options(language="en", select=("ad-text", "duplicate", "truncation"))
    expected = [(f.rule, f.line, f.column) for f in lint_text(text, path=name, options=options).findings]
    if name != "a.html":
        assert expected == EXPECTED
    got = lint_text(convert(text), path=name, options=options)
    assert [(f.rule, f.line, f.column) for f in got.findings] == expected


def test_cr_markdown_does_not_crash_the_cli(tmp_path: Path, runner) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"# Title\r\rSome text in a list:\r\r- one\r- two\r\rAdvertisement\r")
    result = runner.invoke(main, ["check", "--format", "json", "--language", "en", str(path)])
    report = json.loads(result.output)
    rules = [(f["rule"], f["line"]) for f in report["files"][0]["findings"]]
    assert ("ad-text/ad-label", 8) in rules
    assert "internal-error" not in [r for r, _ in rules]


@pytest.mark.parametrize("ending", [b"\r", b"\r\n", b"\n"])
def test_fix_on_a_file_keeps_its_line_endings_and_loses_nothing(tmp_path: Path, runner, ending: bytes) -> None:
    lines = [
        b"Headline of the story",
        b"",
        b"First paragraph ends here.",
        b"",
        b"Advertisement",
        b"",
        b"Last paragraph ends here.",
    ]
    path = tmp_path / "draft.txt"
    path.write_bytes(ending.join(lines) + ending)
    runner.invoke(main, ["check", "--fix", "--language", "en", "--select", "ad-text", str(path)])
    assert path.read_bytes() == ending.join(lines[:4] + lines[6:]) + ending


def test_cr_positions_name_the_original_line(tmp_path: Path, runner) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Headline\r\rFirst paragraph.\r\n\r\nSecond paragraph.\n\nAdvertisement\r")
    result = runner.invoke(main, ["check", "--format", "json", "--language", "en", "--select", "ad-text", str(path)])
    [finding] = json.loads(result.output)["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (7, 1, 14)


# --- CMS exports ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("export.json", b"[" * 100_000),
        ("export.jsonl", b'{"body": "<p>Fine text.</p>"}\n' + b"[" * 100_000 + b"\n"),
    ],
)
def test_json_nested_too_deep_is_a_parse_finding_not_a_crash(tmp_path: Path, runner, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(main, ["check", "--format", "json", "--language", "en", str(path)])
    rules = [f["rule"] for entry in json.loads(result.output)["files"] for f in entry["findings"]]
    assert "input/parse-error" in rules and "internal-error" not in rules
    assert result.exit_code == 1

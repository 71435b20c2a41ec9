"""Hostile input at the four doors (check, pre-commit, the API and the service, the audit):
what crashed, passed unread or took the reader's memory, found by feeding each door binary
junk, long lines, deep nesting, bad encodings, invisible characters and malformed XML.
Each case here failed before its fix; the slow or memory-hungry ones run the real CLI in a
child process with a memory cap and a time bound (see tests/test_hostile_input.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newslint import lint_article, lint_text
from newslint.archive import AuditSettings, lint_partition, spark_partition
from newslint.cli import main
from newslint.invisible import NOTE
from newslint.readers import markdown
from tests.test_hostile_input import json_rules, run_cli

PROSE = "The council approved the budget on Tuesday after a long debate about schools and roads."
LATER = "The mayor said the new bridge would open in May once the last repairs were finished."
ADS_TXT = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"


def rules(findings: Any) -> list[str]:
    return [f.rule for f in findings]


# --- Markdown nested past markdown-it's limit: its text was skipped, silently ---------------


@pytest.mark.parametrize("depth", [20, 25, 50])
def test_a_quote_nested_deeper_than_commonmarks_twenty_levels_is_read(depth: int) -> None:
    text = "> " * depth + f"Advertisement\n\n{PROSE}\n"
    assert "ad-text/ad-label" in rules(lint_text(text, "a.md").findings)


@pytest.mark.parametrize(
    ("nested", "line"),
    [
        ("> " * 80 + "Advertisement\n", 3),  # block quotes
        ("- " * 40 + "Advertisement\n", 3),  # lists: a list and its item are two levels
        # an outline indented one level a line: the thirtieth level is the one too deep
        ("".join("  " * i + "- item\n" for i in range(40)) + "  " * 40 + "- Advertisement\n", 3 + 29),
    ],
)
def test_markdown_nested_past_the_readers_limit_is_an_error_not_a_pass(nested: str, line: int) -> None:
    result = lint_text(f"{PROSE}\n\n{nested}\n{LATER}\n", "a.md")
    (deep,) = [f for f in result.findings if f.rule == "input/too-deep"]
    assert deep.severity == "error"
    assert f"over {markdown.MAX_NESTING} levels" in deep.message
    assert deep.line == line  # where the nesting passes the limit


def test_the_publish_check_holds_a_markdown_body_nested_too_deep() -> None:
    result = lint_article(body="> " * 200 + "Advertisement\n", body_format="markdown", title="Council")
    assert not result.publishable
    assert "input/too-deep" in rules(result.findings)


def test_a_deeply_nested_markdown_draft_fails_the_cli(tmp_path: Path) -> None:
    draft = tmp_path / "deep.md"
    draft.write_text("> " * 20000 + "Advertisement\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(draft))
    assert json_rules(result)[str(draft)] == ["input/too-deep"]
    assert result.returncode == 1


# --- invisible characters that hid junk from every rule -------------------------------------


@pytest.mark.parametrize(
    ("junk", "rule"),
    [
        ("Advertisement\u200b", "ad-text/ad-label"),  # a zero-width space after the label
        ("\u200bAdvertisement", "ad-text/ad-label"),
        ("Adver\u200btisement", "ad-text/ad-label"),
        ("Adver\u00adtise\u00adment", "ad-text/ad-label"),  # soft hyphens
        ("\u200eAdvertisement", "ad-text/ad-label"),  # a direction mark
        ("Adver\u2060tisement", "ad-text/ad-label"),  # a word joiner
        ("Adver\u200dtisement", "ad-text/ad-label"),  # a joiner between two Latin letters
        ("\u200b".join(ADS_TXT), "ad-text/ads-txt-record"),  # between every character
    ],
)
def test_junk_with_invisible_characters_in_it_is_found(junk: str, rule: str) -> None:
    result = lint_text(f"{PROSE}\n\n{junk}\n\n{LATER}\n", "a.txt")
    (found,) = [f for f in result.findings if f.rule == rule]
    assert found.line == 3
    assert found.message.endswith(NOTE)
    assert found.fix is None  # its span is the other reading's: no fix is offered


def test_the_finding_sits_at_the_junks_columns_in_the_draft_as_it_is() -> None:
    line = "\u200b\u200bAdvertisement"
    result = lint_text(f"{PROSE}\n\n{line}\n\n{LATER}\n", "a.txt")
    (found,) = [f for f in result.findings if f.rule == "ad-text/ad-label"]
    assert (found.line, found.column) == (3, 3)  # after the two invisible characters
    assert found.snippet == "Advertisement"


def test_junk_found_either_way_is_reported_once() -> None:
    result = lint_text(f"{PROSE}\u200b\n\nAdvertisement\n\n{LATER}\n", "a.txt")
    assert rules(result.findings).count("ad-text/ad-label") == 1
    assert not any(f.message.endswith(NOTE) for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Dampf\u00adschiff\u00adfahrt auf der Donau: der Rat hat den Haushalt am Dienstag beschlossen.",
        "The family emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 shows three people at the table.",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0647 \u062e\u0627\u0646\u0647 "  # Persian, a ZWNJ
        "\u0628\u0631\u06af\u0631\u062f\u0645.",
    ],
)
def test_invisible_characters_that_hide_no_junk_add_nothing(text: str) -> None:
    assert not any(f.message.endswith(NOTE) for f in lint_text(f"{text}\n\n{LATER}\n", "a.txt").findings)


def test_the_publish_check_holds_an_ad_label_hidden_by_zero_width_spaces() -> None:
    body = f"<p>{PROSE}</p><p>Adver\u200btise\u200bment</p><p>{LATER}</p>"
    result = lint_article(body=body, title="Council", byline="Jane Smith", published_at="2024-09-12")
    assert not result.publishable
    assert "ad-text/ad-label" in rules(result.findings)


def test_the_audit_finds_junk_hidden_by_invisible_characters(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    hidden = "\u200b".join(ADS_TXT)
    draft.write_text(f"{PROSE}\n\n{hidden}\n\n{LATER}\n", encoding="utf-8")
    [audit] = lint_partition([str(draft)], AuditSettings())
    assert "ad-text/ads-txt-record" in rules(audit.findings)


def test_the_cli_fails_a_draft_whose_junk_hides_behind_invisible_characters(tmp_path: Path, runner) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(f"{PROSE}\n\nAdvertisement\u200b\n\n{LATER}\n", encoding="utf-8")
    result = runner.invoke(main, ["check", "--format", "json", str(draft)])
    assert "ad-text/ad-label" in [f["rule"] for f in json.loads(result.output)["files"][0]["findings"]]
    assert result.exit_code == 1


def test_a_long_draft_held_as_its_paragraphs_is_read_again_as_a_short_one_is(tmp_path: Path) -> None:
    """A plain-text draft of 256 KB or more is held as its paragraphs (``Document.joined``); its
    second reading, without the invisible characters, is held so too, and finds what the
    reading of the same text from a string finds, at the same places."""
    from newslint.engine import Options, lint_document
    from newslint.readers import read_bytes, read_string
    from newslint.rules import load_rules

    filler = [f"{PROSE} Item {n} of the agenda was {LATER.lower()}" for n in range(1800)]
    filler[900] = "Adver\u200btisement"
    filler[1200] = "\u200b".join(ADS_TXT)
    text = "\n\n".join(filler) + "\n"
    (joined,) = read_bytes(text.encode("utf-8"), str(tmp_path / "long.txt"))
    assert joined.is_joined
    (whole,) = read_string(text, str(tmp_path / "long.txt"))
    assert not whole.is_joined
    ruleset = load_rules()
    as_joined = lint_document(joined, ruleset, Options())
    as_whole = lint_document(whole, ruleset, Options())
    hidden = [(f.rule, f.line, f.column) for f in as_joined.findings if f.message.endswith(NOTE)]
    assert ("ad-text/ad-label", 1801, 1) in hidden
    assert ("ad-text/ads-txt-record", 2401, 1) in hidden
    assert as_joined.findings == as_whole.findings


# --- WordPress exports that declare entities --------------------------------------------------

WXR_NS = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:wp="http://wordpress.org/export/1.2/"'
)


def test_an_export_whose_entity_grows_it_a_hundredfold_is_refused_not_read(tmp_path: Path) -> None:
    # 1 MB on disk, 45 MB of post once expat expanded it (under its factor of 100): the HTML
    # reader ran out of memory on it, an internal-error.
    entity = ("The council met again. " * 50000)[:1_000_000]
    export = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY b "{entity}">]><rss {WXR_NS}><channel><item>'
        "<title>t</title><wp:post_type>post</wp:post_type><wp:post_id>1</wp:post_id>"
        f"<content:encoded>{'&b;' * 45}</content:encoded></item></channel></rss>"
    )
    path = tmp_path / "export.xml"
    path.write_text(export, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(path))
    assert json_rules(result) == {str(path): ["input/parse-error"]}
    assert result.returncode == 1


def test_an_export_declaring_entities_says_why_it_was_not_read() -> None:
    export = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss {WXR_NS}><channel><item><title>&a;</title>'
        f"<wp:post_type>post</wp:post_type><content:encoded>&lt;p&gt;{PROSE}&lt;/p&gt;</content:encoded>"
        "</item></channel></rss>"
    )
    (finding,) = lint_text(export, "export.xml").findings
    assert finding.rule == "input/parse-error" and finding.severity == "error"
    assert "declares XML entities" in finding.message


def test_an_article_about_entities_in_a_post_is_still_read() -> None:
    export = (
        f'<?xml version="1.0"?><rss {WXR_NS}><channel><item><title>XML</title><wp:post_type>post</wp:post_type>'
        f'<wp:post_id>3</wp:post_id><content:encoded><![CDATA[<p>Write &lt;!ENTITY a "x"&gt; in a DTD. {PROSE}</p>'
        "]]></content:encoded></item></channel></rss>"
    )
    result = lint_text(export, "export.xml")
    assert "input/parse-error" not in rules(result.findings)
    assert {f.path for f in result.findings} == {"export.xml#post-3"}


# --- the service and the archive ----------------------------------------------------------------


def test_the_service_answers_a_lone_surrogate_with_valid_json(tmp_path: Path) -> None:
    # Half an emoji a CMS cut in two arrives as the escape "\ud83d"; echoed in a finding's
    # snippet, it made the worker's UTF-8 answer fail: a 500.
    from tests.test_server import call, running_server

    body = f"<p>{PROSE} \ud83d</p><p>{PROSE} \ud83d</p>"
    with running_server(tmp_path / "stderr.log", "--workers", "1") as url:
        status, answer = call(url + "/v1/check", {"title": "Council", "body": body})[:2]
    assert status == 200, answer
    duplicate = next(f for f in answer["findings"] if f["rule"] == "duplicate/paragraph")
    assert "\ud83d" in duplicate["snippet"]


def test_a_spark_row_that_cannot_be_read_is_its_finding_and_the_partition_goes_on() -> None:
    class BrokenRow:
        def asDict(self) -> dict[str, Any]:  # noqa: N802 - pyspark's name
            raise RuntimeError("row broke")

    rows = list(spark_partition([BrokenRow(), {"id": "ok", "body": f"<p>{PROSE}</p>"}], AuditSettings()))
    assert [f["rule"] for f in rows[0]["findings"]] == ["internal-error"]
    assert "row broke" in rows[0]["findings"][0]["message"]
    assert rows[1]["path"] == "ok" and "metadata/missing-byline" in [f["rule"] for f in rows[1]["findings"]]

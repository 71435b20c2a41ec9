"""CMS exports: JSON, JSON Lines and WordPress WXR, each article its own Document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from newslint import lint_paths
from newslint.cli import main
from newslint.files import collect
from newslint.finding import FileResult
from newslint.readers import read_bytes, read_string

ADS_LINE = "mgid.com, 713808, DIRECT, d4c29acad76ce94f"
CLEAN_BODY = (
    "<p>The district council approved the 2025 budget on Thursday after a long debate.</p>\n"
    "<p>Spending on schools rises by four percent, while roads keep last year's money.</p>"
)


def lint_file(path: Path) -> list[FileResult]:
    return list(lint_paths([str(path)]))


def by_path(results: list[FileResult]) -> dict[str, FileResult]:
    return {r.path: r for r in results}


def rules_at(result: FileResult) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in result.findings]


# --- JSON ---------------------------------------------------------------------------------------


def test_json_article_fields_become_document_metadata(tmp_path: Path) -> None:
    article = {
        "id": 7,
        "title": "Budget passes",
        "content": "By the desk\n\nThe council met.",
        "format": "md",
        "author": {"name": "Jane Smith"},
        "date": "2024-09-12",
        "lang": "en-GB",
    }
    docs = read_string(json.dumps(article), str(tmp_path / "a.json"))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.path == f"{tmp_path / 'a.json'}#7"
    assert (doc.title, doc.byline, doc.date, doc.language) == ("Budget passes", "Jane Smith", "2024-09-12", "en")
    assert doc.format == "markdown"
    assert [b.text for b in doc.blocks] == ["By the desk", "The council met."]


def test_json_positions_count_within_the_article_body(tmp_path: Path) -> None:
    body = f"<p>The council approved the budget on Tuesday.</p>\n\n<p>{ADS_LINE}</p>"
    path = tmp_path / "article.json"
    path.write_text(
        json.dumps({"title": "Budget", "body": body, "byline": "Jane Smith", "published_at": "2024-09-10"}), "utf-8"
    )
    [result] = lint_file(path)
    assert result.path == str(path)
    assert ("ad-text/ads-txt-record", 3, 4) in rules_at(result)
    assert not any(f.rule == "metadata/missing-byline" for f in result.findings)


def test_json_array_gives_one_document_per_article(tmp_path: Path) -> None:
    records = [{"id": "a-1", "title": "One", "body": CLEAN_BODY}, {"title": "Two", "body": f"<p>{ADS_LINE}</p>"}]
    docs = read_string(json.dumps(records), "feed.json")
    assert [d.path for d in docs] == ["feed.json#a-1", "feed.json#item-2"]
    assert [d.title for d in docs] == ["One", "Two"]


def test_wordpress_rest_post_object(tmp_path: Path) -> None:
    post = {
        "id": 1234,
        "date_gmt": "2024-09-12T03:00:00",
        "status": "publish",
        "format": "standard",
        "title": {"rendered": "Council&#8217;s budget passes"},
        "content": {"rendered": f"<p>The council met.</p>\n<p>{ADS_LINE}</p>", "protected": False},
        "author": 2,
        "_embedded": {"author": [{"id": 2, "name": "Jane Smith"}]},
    }
    [doc] = read_string(json.dumps(post), "post.json")
    assert doc.path == "post.json#1234"
    assert doc.title == "Council\u2019s budget passes"
    assert (doc.byline, doc.date, doc.format) == ("Jane Smith", "2024-09-12T03:00:00", "html")


def test_wordpress_rest_numeric_author_alone_is_no_byline() -> None:
    post = {"id": 5, "title": {"rendered": "T"}, "content": {"rendered": "<p>Text.</p>"}, "author": 2}
    [doc] = read_string(json.dumps(post), "post.json")
    assert doc.byline is None


def test_malformed_json_is_a_parse_error_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "Budget",\n  "body": "<p>x</p>"\n  "byline": "Jane"\n}\n', "utf-8")
    [result] = lint_file(path)
    [finding] = result.findings
    assert (finding.rule, finding.severity) == ("input/parse-error", "error")
    assert (finding.line, finding.column) == (4, 3)
    assert "line 4, column 3" in finding.message


def test_json_of_the_wrong_shape_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "shape.json"
    path.write_text(json.dumps({"title": ["not", "a", "string"], "body": "<p>x</p>"}), "utf-8")
    [result] = lint_file(path)
    assert [f.rule for f in result.findings] == ["input/article-shape"]
    assert "'title' must be a string, not an array" in result.findings[0].message


def test_json_without_a_body_says_so(tmp_path: Path) -> None:
    [doc] = read_string(json.dumps({"title": "Only a title"}), "x.json")
    assert [n.rule for n in doc.notices] == ["input/article-shape"]
    assert "'body' is missing" in doc.notices[0].message


def test_empty_json_file_is_a_warning_not_a_parse_error() -> None:
    [doc] = read_bytes(b"", "empty.json")
    assert [(n.rule, n.severity) for n in doc.notices] == [("input/empty", "warning")]


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_one_document_per_line_named_by_id_or_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "One", "body": CLEAN_BODY, "byline": "Jane"}),
        "",
        json.dumps({"title": "Two", "body": f"<p>Intro.</p>\n<p>{ADS_LINE}</p>"}),
    ]
    path = tmp_path / "feed.ndjson"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    results = by_path(lint_file(path))
    assert set(results) == {f"{path}#a1", f"{path}#line-3"}
    assert ("ad-text/ads-txt-record", 2, 4) in rules_at(results[f"{path}#line-3"])
    assert not any(f.severity == "error" for f in results[f"{path}#a1"].findings)


def test_jsonl_bad_lines_are_reported_on_their_file_line_and_the_rest_are_linted(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "title": "Fine", "body": CLEAN_BODY}),
        '{"title": "Broken", "body": "<p>x</p>"',
        json.dumps({"title": "Typed", "body": 42}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    results = by_path(lint_file(path))
    problems = results[str(path)].findings
    assert [(f.rule, f.line) for f in problems] == [("input/parse-error", 2), ("input/article-shape", 3)]
    assert problems[0].column == len(lines[1]) + 1
    assert f"line 2, column {len(lines[1]) + 1}" in problems[0].message
    assert "'body' must be a string, not a number" in problems[1].message
    assert f"{path}#ok" in results


# --- WordPress WXR ----------------------------------------------------------------------------


@pytest.fixture
def export(fixtures: Path) -> Path:
    return fixtures / "cms" / "export.xml"


def test_wxr_reads_posts_only(export: Path) -> None:
    docs = read_string(export.read_text("utf-8"), "export.xml")
    assert [d.path for d in docs] == ["export.xml#post-101", "export.xml#post-104"]


def test_wxr_post_fields(export: Path) -> None:
    first, draft = read_string(export.read_text("utf-8"), "export.xml")
    assert first.title == "Council approves the 2025 budget after a long debate"
    assert first.byline == "Jane Smith"  # display name, not the login jsmith
    assert first.date == "2024-09-12 03:00:00"
    assert draft.byline == "Rina Putra"
    assert draft.date is None  # a never-published draft carries WordPress's zero dates
    assert draft.meta["wordpress"]["status"] == "draft"


def test_wxr_document_source_is_the_post_content(export: Path) -> None:
    _, draft = read_string(export.read_text("utf-8"), "export.xml")
    assert draft.source.startswith("<!-- wp:paragraph -->\n<p>Pemerintah Kabupaten")
    assert draft.line_text(6) == f"<p>{ADS_LINE}</p>"


def test_wxr_line_numbers_count_within_the_post(export: Path) -> None:
    results = by_path(lint_file(export))
    assert set(results) == {f"{export}#post-101", f"{export}#post-104"}
    draft = rules_at(results[f"{export}#post-104"])
    assert ("ad-text/ads-txt-record", 6, 4) in draft
    assert ("markup/widget-line", 14, 4) in draft
    assert not any(f.severity == "error" for f in results[f"{export}#post-101"].findings)


def test_wxr_skipped_page_junk_is_not_reported(export: Path) -> None:
    # The page (102) holds an ads.txt line and "Share this"; pages are not articles.
    findings = [f for r in lint_file(export) for f in r.findings]
    assert all("#post-" in f.path for f in findings)


def test_malformed_wxr_is_a_parse_error_at_its_line(tmp_path: Path, export: Path) -> None:
    lines = export.read_text("utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if "<wp:post_id>104" in line)
    lines[cut] = "\t\t<wp:post_id>104</wp:post_idd>"
    path = tmp_path / "export.xml"
    path.write_text("\n".join(lines), "utf-8")
    [result] = lint_file(path)
    [finding] = result.findings
    assert (finding.rule, finding.severity, finding.line) == ("input/parse-error", "error", cut + 1)
    assert f"line {cut + 1}, column" in finding.message
    assert "mismatched tag" in finding.message


def test_xml_that_is_not_a_wordpress_export(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', "utf-8")
    [result] = lint_file(path)
    assert [f.rule for f in result.findings] == ["input/article-shape"]
    assert "not a WordPress export" in result.findings[0].message


def test_wxr_with_no_posts_says_what_it_skipped(tmp_path: Path, export: Path) -> None:
    text = export.read_text("utf-8").replace("<wp:post_type><![CDATA[post]]>", "<wp:post_type><![CDATA[page]]>")
    [doc] = read_string(text, "pages.xml")
    assert [n.rule for n in doc.notices] == ["input/empty"]
    assert "skipped: 1 attachment, 3 page" in doc.notices[0].message


# --- finding CMS files ------------------------------------------------------------------------


def names(paths: Iterable[str]) -> list[str]:
    return sorted(Path(p).name for p in paths)


def test_folder_walk_reads_cms_exports_only_when_included(tmp_path: Path, export: Path) -> None:
    (tmp_path / "draft.md").write_text("The council met.\n", "utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"body": "x"}) + "\n", "utf-8")
    (tmp_path / "export.xml").write_text(export.read_text("utf-8"), "utf-8")
    assert names(collect([str(tmp_path)])) == ["draft.md"]
    assert names(collect([str(tmp_path)], include=["*.jsonl", "*.xml"])) == ["export.xml", "feed.jsonl"]
    assert names(collect([str(tmp_path / "feed.jsonl")])) == ["feed.jsonl"]


def test_cli_json_output_has_one_entry_per_post(runner, export: Path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(main, ["check", "--format", "json", str(export)])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert [f["path"] for f in data["files"]] == [f"{export}#post-101", f"{export}#post-104"]
    rules = {(f["rule"], f["line"]) for f in data["files"][1]["findings"]}
    assert ("ad-text/ads-txt-record", 6) in rules


def test_wxr_with_the_wp_prefix_bound_to_an_https_uri_is_read(fixtures: Path) -> None:
    # WordPress's importer goes by the wp prefix whatever URI and version it is bound to
    export = fixtures / "cms" / "export-https-namespace.xml"
    docs = read_bytes(export.read_bytes(), str(export))
    assert [d.path for d in docs] == [f"{export}#post-311"]  # the page is skipped
    [doc] = docs
    assert (doc.title, doc.byline, doc.date) == (
        "Nelayan Pesisir Utara Terima Bantuan Perahu",
        "Dewi Lestari",
        "2024-09-12 03:00:00",
    )
    assert doc.meta["wordpress"]["excerpt"] == "Dua puluh perahu motor untuk nelayan pesisir utara."
    [result] = lint_file(export)
    assert ("ad-text/ads-txt-record", 3, 4) in rules_at(result)


@pytest.mark.parametrize("uri", ["https://wordpress.org/export/1.3/", "urn:example:wxr"])
def test_wxr_goes_by_the_wp_prefix_whatever_its_uri(export: Path, uri: str) -> None:
    text = export.read_text("utf-8").replace('xmlns:wp="http://wordpress.org/export/1.2/"', f'xmlns:wp="{uri}"')
    docs = read_string(text, "export.xml")
    assert [d.path for d in docs] == [d.path for d in read_string(export.read_text("utf-8"), "export.xml")]
    assert not any(n.rule == "input/article-shape" for d in docs for n in d.notices)

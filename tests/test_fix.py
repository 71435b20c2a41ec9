"""--fix and --diff: safe fixes, atomic writes, and the properties that keep text safe."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import default_rules
from newslint import fix as fix_module
from newslint.cli import main
from newslint.engine import Options
from newslint.finding import Fix
from newslint.fix import apply_fixes, fix_text, unified_diff

OPTIONS = Options(language="en")
HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
CLEAN_PARAGRAPHS = [
    "The city council approved the new budget on Thursday after a long debate.",
    "Council members said the plan would fund schools and roads next year.",
    "The mayor is expected to sign it into law next week.",
    "Teachers welcomed the extra money but warned that it would not cover every need.",
    "Residents can read the full budget on the city website from Monday.",
    "The finance committee will review spending again in six months.",
    "Opposition members voted against the plan, citing the cost of new roads.",
    "A public hearing on the property tax rate is scheduled for early October.",
    "Officials expect the new bus routes to start running in the spring.",
    "The budget also sets aside money for repairs to the central library.",
]
# Junk that shipped rules mark as fixable: whole lines, and matches inside a line.
JUNK_LINES = [
    "Advertisement",
    "Scroll to continue with content",
    "mgid.com, 713808, DIRECT, d4c29acad76ce94f",
    "google.com, pub-4296839430913713, DIRECT, f08c47fec0942fa0",
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-123456789-0'); });",
    '[caption id="attachment_12" align="alignnone"]',
    '<div class="entry-content">',
]
INLINE_TAGS = ["<strong>", "</strong>", "<span>", "</span>"]
DRAFT = HEAD + (
    f"{CLEAN_PARAGRAPHS[0]}\n\nAdvertisement\n\n{CLEAN_PARAGRAPHS[1]}\n\n{JUNK_LINES[2]}\n\n{CLEAN_PARAGRAPHS[2]}\n"
)
FIXED = HEAD + f"{CLEAN_PARAGRAPHS[0]}\n\n{CLEAN_PARAGRAPHS[1]}\n\n{CLEAN_PARAGRAPHS[2]}\n"


def rebuild(text: str, applied: tuple[Fix, ...]) -> str:
    """The original with each applied span replaced, written independently of apply_fixes."""
    out, cursor = [], 0
    for f in sorted(applied, key=lambda f: (f.start, f.end)):
        out.append(text[cursor : f.start])
        out.append(f.replacement)
        cursor = f.end
    return "".join(out) + text[cursor:]


# ---- apply_fixes: the pure function ----------------------------------------------------------


@st.composite
def text_and_fixes(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    text = draw(st.text(alphabet="ab\n \u00e9", max_size=60))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.sampled_from(["", "x", "yz"]))
    fixes = [Fix(min(a, b), max(a, b), r) for a, b, r in draw(st.lists(spans, max_size=8))]
    return text, fixes


@given(text_and_fixes())
def test_apply_fixes_replaces_exactly_the_applied_spans(case: tuple[str, list[Fix]]) -> None:
    text, fixes = case
    fixed, applied = apply_fixes(text, fixes)
    assert fixed == rebuild(text, applied)
    ordered = sorted(applied, key=lambda f: (f.start, f.end))
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert before.end <= after.start  # applied spans never overlap
    for skipped in set(fixes) - set(applied):  # skipped only when an applied fix covers its start
        assert any(a.start <= skipped.start < a.end for a in applied)


def test_a_fix_overlapping_an_earlier_one_is_skipped() -> None:
    fixed, applied = apply_fixes("0123456789", [Fix(4, 8, "X"), Fix(2, 6), Fix(8, 9)])
    assert (fixed, applied) == ("01679", (Fix(2, 6), Fix(8, 9)))


def test_identical_fixes_from_two_rules_apply_once() -> None:
    assert apply_fixes("ab\ncd\n", [Fix(0, 3), Fix(0, 3)]) == ("cd\n", (Fix(0, 3),))


def test_no_fixes_returns_the_text_unchanged() -> None:
    assert apply_fixes("same", []) == ("same", ())


# ---- whole drafts: paragraphs and junk ---------------------------------------------------------


@st.composite
def drafts(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A Markdown or plain-text draft: distinct clean paragraphs with junk lines between them."""
    paragraphs = draw(st.lists(st.sampled_from(CLEAN_PARAGRAPHS), min_size=1, max_size=6, unique=True))
    pieces: list[str] = []
    for paragraph in paragraphs:
        for _ in range(draw(st.integers(0, 2))):
            pieces.append(draw(st.sampled_from(JUNK_LINES)))
        if draw(st.booleans()):
            words = paragraph.split(" ")
            at = draw(st.integers(1, len(words) - 1))
            words[at] = draw(st.sampled_from(INLINE_TAGS)) + words[at]  # tags hug a word
            paragraph = " ".join(words)
        pieces.append(paragraph)
    glue = draw(st.sampled_from(["\n\n", "\n\n\n"]))
    newline = draw(st.sampled_from(["\n", ""]))
    return HEAD + glue.join(pieces) + newline, paragraphs


HTML_HEAD = (
    '<html lang="en"><head><title>Council approves budget</title>'
    '<meta name="author" content="Jane Doe"><meta name="date" content="2024-09-12">'
    "</head><body>"
)
HTML_JUNK = JUNK_LINES[:6]  # a tag in HTML is markup, not junk


@st.composite
def html_drafts(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An HTML draft of <p> elements, one per line or all on one (minified) line."""
    paragraphs = draw(st.lists(st.sampled_from(CLEAN_PARAGRAPHS), min_size=1, max_size=6, unique=True))
    pieces: list[str] = []
    for paragraph in paragraphs:
        pieces += draw(st.lists(st.sampled_from(HTML_JUNK), max_size=2))
        pieces.append(paragraph)
    glue = draw(st.sampled_from(["", "\n"]))
    body = glue.join(f"<p>{piece}</p>" for piece in pieces)
    return f"{HTML_HEAD}{glue}{body}{glue}</body></html>\n", paragraphs


def any_draft() -> st.SearchStrategy[tuple[str, str, list[str]]]:
    return st.one_of(drafts().map(lambda d: ("draft.md", *d)), html_drafts().map(lambda d: ("draft.html", *d)))


def _fixes(text: str, path: str) -> list[Fix]:
    from newslint import lint_text

    result = lint_text(text, path=path, options=OPTIONS)
    return [f.fix for f in result.findings if f.fix is not None]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_draft())
def test_one_pass_removes_exactly_the_union_of_applied_spans(case: tuple[str, str, list[str]]) -> None:
    path, text, _ = case
    fixed, applied = apply_fixes(text, _fixes(text, path))
    assert fixed == rebuild(text, applied)
    covered = set()
    for f in applied:
        covered.update(range(f.start, f.end))
    untouched = "".join(ch for i, ch in enumerate(text) if i not in covered)
    assert fixed == untouched  # every shipped fix deletes: what is left is the rest, in order


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_draft())
def test_fixing_keeps_every_paragraph_removes_the_junk_and_is_idempotent(case: tuple[str, str, list[str]]) -> None:
    path, text, paragraphs = case
    fixed, _, results = fix_text(text, path, default_rules(), OPTIONS)
    assert fixed.startswith(HEAD if path.endswith(".md") else HTML_HEAD)
    for paragraph in paragraphs:  # never an editor's words, even on a minified line
        assert paragraph in fixed
    for junk in JUNK_LINES + INLINE_TAGS if path.endswith(".md") else HTML_JUNK:
        assert junk not in fixed
    assert not [f for r in results for f in r.findings if f.fix is not None]
    again, applied, _ = fix_text(fixed, path, default_rules(), OPTIONS)
    assert (again, applied) == (fixed, 0)


def test_minified_html_loses_only_the_junk_element_text() -> None:
    text = f"{HTML_HEAD}<p>{CLEAN_PARAGRAPHS[0]}</p><p>Advertisement</p></body></html>"
    fixed, applied, _ = fix_text(text, "page.html", default_rules(), OPTIONS)
    assert fixed == f"{HTML_HEAD}<p>{CLEAN_PARAGRAPHS[0]}</p><p></p></body></html>"
    assert applied == 1


def test_html_junk_on_its_own_line_takes_the_line() -> None:
    text = f"{HTML_HEAD}\n<p>{CLEAN_PARAGRAPHS[0]}</p>\n<p>Advertisement</p>\n</body></html>\n"
    fixed, _, _ = fix_text(text, "page.html", default_rules(), OPTIONS)
    assert fixed == f"{HTML_HEAD}\n<p>{CLEAN_PARAGRAPHS[0]}</p>\n</body></html>\n"


def test_fix_text_takes_several_passes_when_one_fix_uncovers_another() -> None:
    text = HEAD + f"{CLEAN_PARAGRAPHS[0]}\n\n<b>Advertisement</b>\n\n{CLEAN_PARAGRAPHS[1]}\n"
    fixed, applied, results = fix_text(text, "draft.md", default_rules(), OPTIONS)
    assert fixed == HEAD + f"{CLEAN_PARAGRAPHS[0]}\n\n{CLEAN_PARAGRAPHS[1]}\n"
    assert applied == 3  # two tags, then the bare label line they left
    assert results[0].findings == ()


# ---- the CLI -------------------------------------------------------------------------------------


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "budget.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def run(runner, *args: str, **kwargs):
    return runner.invoke(main, ["check", "--language", "en", "--no-color", *args], **kwargs)


def test_fix_rewrites_the_file_and_reports_what_remains(runner, draft: Path) -> None:
    draft.chmod(0o640)
    result = run(runner, "--fix", str(draft))
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert result.stdout == "No findings in 1 file.\n"
    assert result.stderr == "Fixed 2 findings in 1 file.\n"
    assert sorted(p.name for p in draft.parent.iterdir()) == ["budget.md"]  # no temp file left


def test_fix_exit_code_follows_what_remains(runner, tmp_path: Path) -> None:
    path = tmp_path / "nobyline.txt"
    path.write_text("Budget passes\n\nThe council approved the budget today.\n\nAdvertisement\n", encoding="utf-8")
    result = run(runner, "--fix", str(path))
    assert result.exit_code == 0
    assert "metadata/missing-byline" in result.stdout  # a warning: not fixable, still reported
    assert "Advertisement" not in path.read_text(encoding="utf-8")
    assert run(runner, "--fix", "--fail-on", "warning", str(path)).exit_code == 1


def test_a_file_without_fixes_is_never_touched(runner, tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text(FIXED, encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.stat()
    result = run(runner, "--fix", str(path))
    after = path.stat()
    assert result.exit_code == 0
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert result.stderr == "Fixed 0 findings in 0 files.\n"


def test_diff_prints_a_patch_that_applies_and_writes_nothing(runner, draft: Path, monkeypatch) -> None:
    monkeypatch.chdir(draft.parent)
    result = run(runner, "--diff", "budget.md")
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert result.stdout.startswith("--- a/budget.md\n+++ b/budget.md\n@@")
    assert "-Advertisement\n" in result.stdout
    # the report and the exit code are those of the file as it is on disk, as `check` gives
    assert "budget.md:10:1: error ad-text/ad-label" in result.stderr
    assert "2 findings (2 errors, 0 warnings, 0 infos) in 1 file" in result.stderr
    assert "Would fix 2 findings in 1 file." in result.stderr
    assert result.exit_code == run(runner, "budget.md").exit_code == 1
    subprocess.run(["git", "apply", "-"], input=result.stdout.encode(), cwd=draft.parent, check=True)
    assert draft.read_text(encoding="utf-8") == FIXED


def test_diff_marks_a_missing_final_newline() -> None:
    patch = unified_diff("a.txt", "one\ntwo\nAdvertisement", "one\ntwo")
    assert patch.endswith(
        " one\n-two\n-Advertisement\n\\ No newline at end of file\n+two\n\\ No newline at end of file\n"
    )


def test_fix_on_stdin_prints_the_fixed_text_and_reports_on_stderr(runner) -> None:
    result = run(runner, "--fix", "--input-format", "markdown", "-", input=DRAFT.encode())
    assert result.stdout == FIXED
    assert "No findings in 1 file." in result.stderr
    assert result.exit_code == 0


def test_stdin_that_cannot_be_fixed_passes_through_untouched(runner) -> None:
    data = (HEAD + "Caf\u00e9 owners said the plan was good.\n\nAdvertisement\n").encode("cp1252")
    result = run(runner, "--fix", "--input-format", "markdown", "-", input=data)
    assert result.stdout_bytes == data
    assert "not valid UTF-8" in result.stderr
    assert "ad-text/ad-label" in result.stderr
    assert result.exit_code == 1


def test_a_file_that_is_not_utf8_is_reported_but_not_fixed(runner, tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    data = (HEAD + "Caf\u00e9 owners said the plan was good.\n\nAdvertisement\n").encode("cp1252")
    path.write_bytes(data)
    result = run(runner, "--fix", str(path))
    assert path.read_bytes() == data
    assert f"newslint: {path}: not fixed: the file is not valid UTF-8 text" in result.stderr
    assert "ad-text/ad-label" in result.stdout
    assert result.exit_code == 1


def test_bom_and_crlf_line_ends_survive_a_fix(runner, tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    original = "Budget passes\r\n\r\nThe council approved it.\r\n\r\nAdvertisement\r\n\r\nBy Jane.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + original.encode())
    run(runner, "--fix", str(path))
    expected = "Budget passes\r\n\r\nThe council approved it.\r\n\r\nBy Jane.\r\n"
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode()


def test_fix_writes_through_a_symlink(runner, draft: Path) -> None:
    link = draft.parent / "link.md"
    link.symlink_to(draft)
    run(runner, "--fix", str(link))
    assert link.is_symlink()
    assert draft.read_text(encoding="utf-8") == FIXED


def test_cms_exports_are_not_fixed_in_place(runner, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    data = '{"title": "Budget", "author": "Jane", "body": "The council met.\\n\\nAdvertisement\\n"}'
    path.write_text(data, encoding="utf-8")
    run(runner, "--fix", str(path))
    assert path.read_text(encoding="utf-8") == data


def test_a_failed_write_leaves_the_file_and_no_temp_file(runner, draft: Path, monkeypatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fix_module.os, "replace", refuse)
    result = run(runner, "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert "could not write the file" in result.stderr
    assert "ad-text/ad-label" in result.stdout  # reported as it still is
    assert result.exit_code == 1
    assert sorted(p.name for p in draft.parent.iterdir()) == ["budget.md"]


def test_a_file_changed_while_fixing_is_not_overwritten(runner, draft: Path, monkeypatch) -> None:
    real = fix_module.fix_text

    def edit_meanwhile(*args, **kwargs):
        outcome = real(*args, **kwargs)
        draft.write_text(DRAFT + "\nA late edit by the desk.\n", encoding="utf-8")
        return outcome

    monkeypatch.setattr(fix_module, "fix_text", edit_meanwhile)
    result = run(runner, "--fix", str(draft))
    assert draft.read_text(encoding="utf-8").endswith("A late edit by the desk.\n")
    assert "changed on disk" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers inherit the spy by fork")
@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fixes_are_worked_out_in_the_workers_that_lint(runner, tmp_path: Path, monkeypatch, mode: str) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(6):
        (drafts / f"d{i}.md").write_text(DRAFT, encoding="utf-8")
    log = tmp_path / "fixed-in.txt"
    real = fix_module.fix_text

    def spy(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(fix_module, "fix_text", spy)
    result = run(runner, mode, "--jobs", "2", str(drafts))
    pids = log.read_text("utf-8").split()
    assert len(pids) == 6  # once per file: no second lint-and-fix in the main process
    assert str(os.getpid()) not in pids
    expected = FIXED if mode == "--fix" else DRAFT
    assert all(p.read_text("utf-8") == expected for p in drafts.iterdir())
    assert f"{'Fixed' if mode == '--fix' else 'Would fix'} 12 findings in 6 files." in result.stderr

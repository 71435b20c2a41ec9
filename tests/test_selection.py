"""Rule selection: one meaning of a rule-id prefix in flags, config, per-path ignores and
suppression comments; unknown ids are an error; flags beat the config file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint import lint_text
from newslint.cli import main
from newslint.config import Config, load_config
from newslint.engine import Options
from newslint.errors import ConfigError, NewslintError
from newslint.options import build_options
from newslint.rules import load_rules
from newslint.selection import Selection, Source, choices, known_prefix, unknown_prefix_message
from newslint.server import server_config

IDS = ("ad-text/ad-label", "ad-text/ads-txt-record", "markup/widget-line", "markup/html-tag", "metadata/missing-byline")
MD_HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
AD_DRAFT = (
    MD_HEAD + "The city council approved the new budget on Thursday after a long "
    "debate.\n\nAdvertisement\n\nThe mayor is expected to sign it into law next week.\n\n"
    '<div class="promo">\n'
)


def selected(selection: Selection) -> set[str]:
    return {rule_id for rule_id in IDS if selection.selects(rule_id)}


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), set(IDS)),
        (("ad-text",), (), {"ad-text/ad-label", "ad-text/ads-txt-record"}),
        (("ad-text/",), (), {"ad-text/ad-label", "ad-text/ads-txt-record"}),
        (("ad-text/ad-label",), (), {"ad-text/ad-label"}),
        (("ad",), (), set()),  # a prefix stops at a slash: "ad" is not "ad-text"
        (("all",), ("markup",), {"ad-text/ad-label", "ad-text/ads-txt-record", "metadata/missing-byline"}),
        (("ALL",), ("markup", "ad-text"), {"metadata/missing-byline"}),
        ((), ("all",), set()),
        (("markup",), ("all",), {"markup/widget-line", "markup/html-tag"}),  # all is the weakest
        (("markup",), ("markup/widget-line",), {"markup/html-tag"}),  # the longest prefix wins
        (("markup/widget-line",), ("markup",), {"markup/widget-line"}),
        (("markup",), ("markup",), {"markup/widget-line", "markup/html-tag"}),  # same source: select
    ],
)
def test_longest_prefix_decides(select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]) -> None:
    assert selected(Selection.of(select, ignore)) == expected


def test_at_equal_length_the_stronger_source_wins() -> None:
    config_select = Selection(choices(["markup"], Source.CONFIG), ())
    flag_ignore = Selection((), choices(["markup"], Source.FLAG))
    assert selected(config_select.merged(flag_ignore)) == set()
    path_ignore = Selection((), choices(["markup"], Source.PATH))
    assert selected(config_select.merged(path_ignore)) == set()
    flag_select = Selection(choices(["markup"], Source.FLAG), ())
    assert selected(flag_select.merged(path_ignore)) == {"markup/widget-line", "markup/html-tag"}
    # a longer config prefix still beats a shorter flag (flake8's rule)
    longer = Selection(choices(["markup/widget-line"], Source.CONFIG), ())
    assert selected(longer.merged(flag_ignore)) == {"markup/widget-line"}


def test_options_rank_flags_per_path_and_config() -> None:
    options = Options(ignore=("markup",), config_select=("markup", "ad-text"))
    assert not options.selects("markup/html-tag")
    assert options.selects("ad-text/ad-label")
    options = Options(config_select=("ad-text",), path_ignore=("ad-text",))
    assert not options.selects("ad-text/ad-label")


@pytest.mark.parametrize(
    ("prefix", "known"),
    [
        ("all", True),
        ("ALL", True),
        ("ad-text", True),
        ("ad-text/", True),
        ("ad-text/ad-label", True),
        ("input", True),
        ("input/binary", True),
        ("suppression/unused", True),
        ("newslint/rule-timeout", True),
        ("internal-error", True),
        ("ad", False),
        ("ad-txt", False),
        ("ad-text/ad-lable", False),
        ("markup/widget", False),
    ],
)
def test_known_prefixes(prefix: str, known: bool) -> None:
    assert known_prefix(prefix, IDS) is known


def test_unknown_prefix_suggests_the_closest_id_or_category() -> None:
    assert unknown_prefix_message("ad-txt", IDS).endswith("did you mean 'ad-text'?")
    assert unknown_prefix_message("markup/widget-lien", IDS).endswith("did you mean 'markup/widget-line'?")


def test_suppression_comments_use_the_same_meaning(tmp_path: Path) -> None:
    draft = AD_DRAFT.replace("Advertisement", "<!-- newslint: disable-next-block=ALL -->\n\nAdvertisement")
    rules = {f.rule for f in lint_text(draft, path="draft.md").findings}
    assert "ad-text/ad-label" not in rules
    draft = AD_DRAFT.replace("Advertisement", "<!-- newslint: disable-next-block=ad -->\n\nAdvertisement")
    rules = {f.rule for f in lint_text(draft, path="draft.md").findings}
    assert {"ad-text/ad-label", "suppression/invalid"} <= rules  # "ad" names no rule


# ---- the command line and the config file ------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "budget.md").write_text(AD_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(runner, *args: str):
    return runner.invoke(main, ["check", "--format", "json", "--language", "en", *args])


def rules_of(result) -> set[str]:
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    return {f["rule"] for file in report["files"] for f in file["findings"]}


@pytest.mark.parametrize(
    ("flag", "value", "hint"),
    [
        ("--select", "ad-txt", "did you mean 'ad-text'?"),
        ("--select", "markup/widget-lien", "did you mean 'markup/widget-line'?"),
        ("--ignore", "ad-text/ad-lable", "did you mean 'ad-text/ad-label'?"),
        ("--ignore", "metadata,langauge", "did you mean 'language'?"),
    ],
)
def test_unknown_ids_in_flags_are_exit_2_with_a_suggestion(
    runner, project: Path, flag: str, value: str, hint: str
) -> None:
    result = check(runner, flag, value, "drafts")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"newslint: error: {flag}: unknown rule id or category")
    assert lines[0].endswith(hint)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("config", "line", "key"),
    [
        ("select: [ad-txt]\n", 1, "select"),
        ("fail-on: error\nignore: [markup, ad-txt]\n", 2, "ignore"),
        ("per-path-ignores:\n  'wire/*.md': [ad-txt]\n", 1, "per-path-ignores.wire/*.md"),
    ],
)
def test_unknown_ids_in_the_config_file_are_exit_2_naming_file_line_and_key(
    runner, project: Path, config: str, line: int, key: str
) -> None:
    path = project / "newslint.yaml"
    path.write_text(config, encoding="utf-8")
    result = check(runner, "drafts")
    assert result.exit_code == 2
    assert result.stderr == (
        f"newslint: error: {path}:{line}: key '{key}': unknown rule id or category 'ad-txt'; did you mean 'ad-text'?\n"
    )


def test_unknown_ids_in_pyproject_are_exit_2(runner, project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.newslint]\nselect = ["markpu"]\n', "utf-8")
    result = check(runner, "drafts")
    assert result.exit_code == 2
    assert "key 'select': unknown rule id or category 'markpu'; did you mean 'markup'?" in (result.stderr)


def test_ids_of_extra_rule_folders_are_known(runner, project: Path) -> None:
    rules = project / "house"
    rules.mkdir()
    (rules / "house.yaml").write_text(
        "pack: house\nrules:\n  - id: house/promo\n    check: phrases\n    severity: error\n"
        "    message: House promo\n    scope: line\n    with:\n      phrases: [Subscribe now]\n"
        "    examples:\n      flag: [Subscribe now]\n      pass: [The council met.]\n",
        "utf-8",
    )
    (project / "newslint.yaml").write_text("rules: [house]\nselect: [house]\n", "utf-8")
    assert rules_of(check(runner, "drafts")) == set()


def test_a_flag_ignore_beats_the_config_files_select(runner, project: Path) -> None:
    (project / "newslint.yaml").write_text("select: [ad-text, markup]\n", "utf-8")
    assert rules_of(check(runner, "drafts")) == {"ad-text/ad-label", "markup/html-tag"}
    assert rules_of(check(runner, "--ignore", "ad-text", "drafts")) == {"markup/html-tag"}
    assert rules_of(check(runner, "--ignore", "ad-text/", "drafts")) == {"markup/html-tag"}


def test_a_flag_select_beats_the_config_files_ignore(runner, project: Path) -> None:
    (project / "newslint.yaml").write_text("ignore: [ad-text]\n", "utf-8")
    assert "ad-text/ad-label" not in rules_of(check(runner, "drafts"))
    assert rules_of(check(runner, "--select", "ad-text", "drafts")) == {"ad-text/ad-label"}


def test_per_path_ignores_beat_the_config_files_select(runner, project: Path) -> None:
    (project / "newslint.yaml").write_text(
        "select: [ad-text]\nper-path-ignores:\n  'drafts/*.md': [ad-text]\n", "utf-8"
    )
    assert rules_of(check(runner, "drafts")) == set()


# ---- one function from config to options ---------------------------------------------------------


def test_the_cli_and_the_server_build_options_in_one_function(tmp_path: Path) -> None:
    path = tmp_path / "newslint.yaml"
    path.write_text("select: [ad-text]\nseverity:\n  ad-text/ad-label: warning\n", "utf-8")
    config = load_config([], path)
    ruleset = load_rules()
    service = server_config(config, ruleset, token=None)
    assert service.options == build_options(config, (r.id for r in ruleset))
    assert service.options.selects("ad-text/ad-label")
    assert not service.options.selects("markup/html-tag")
    assert service.options.severity == {"ad-text/ad-label": "warning"}


def test_the_server_refuses_unknown_ids_too(tmp_path: Path) -> None:
    path = tmp_path / "newslint.yaml"
    path.write_text("ignore: [ad-txt]\n", "utf-8")
    with pytest.raises(ConfigError, match="did you mean 'ad-text'"):
        server_config(load_config([], path), load_rules())


def test_errors_are_one_click_exception_with_exit_code_2() -> None:
    import click

    error = ConfigError("x")
    assert isinstance(error, NewslintError)
    assert isinstance(error, click.ClickException)
    assert error.exit_code == 2


def test_flags_are_named_in_errors_not_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "newslint.yaml"
    path.write_text("select: [markup]\n", "utf-8")
    config = load_config([], path).with_flags({"select": ("markpu",)})
    with pytest.raises(ConfigError, match=r"^--select: unknown rule id or category 'markpu'"):
        build_options(config, ["markup/html-tag"])
    assert Config().with_flags({"ignore": ("x",)}).from_flag("ignore")


def test_every_exception_class_lives_in_errors() -> None:
    import ast

    root = Path(__file__).resolve().parent.parent / "newslint"
    outside = []
    for path in root.rglob("*.py"):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(b, "id", getattr(b, "attr", "")).endswith(("Error", "Exception")) for b in node.bases
            ):
                outside.append(f"{path.relative_to(root)}:{node.name}")
    # HTTPError is the service's answer to a request (status, headers), not a newslint error
    assert outside == ["serve/app.py:HTTPError"]

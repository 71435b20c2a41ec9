"""Config files: discovery from the linted path upward, validation, and flags that win."""

from __future__ import annotations

import dataclasses
import fnmatch
import json
from pathlib import Path

import pytest
import yaml

from newslint.cli import main
from newslint.config import Config, find_config, load_config, path_patterns
from newslint.engine import Options
from newslint.errors import ConfigError
from newslint.files import collect
from newslint.readers import DEFAULT_PATTERNS
from newslint.rules import load_rules

MD_HEAD = "---\ntitle: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en\n---\n\n"
AD_DRAFT = (
    MD_HEAD + "The city council approved the new budget on Thursday after a long "
    "debate.\n\nAdvertisement\n\nThe mayor is expected to sign it into law next week.\n"
)
CLEAN = MD_HEAD + "The city council approved the new budget on Thursday after a long debate.\n"


def rules_of(result) -> list[str]:
    report = json.loads(result.stdout)
    return [f["rule"] for file in report["files"] for f in file["findings"]]


def check(runner, *args: str):
    return runner.invoke(main, ["check", "--format", "json", "--language", "en", *args])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repo: drafts/ with one junk draft, and the cwd set to the repo."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "budget.md").write_text(AD_DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- discovery -------------------------------------------------------------------------------


def test_config_is_found_from_the_linted_file_upward(runner, project: Path) -> None:
    write(project / "newslint.yaml", "ignore: [ad-text]\n")
    assert "ad-text/ad-label" not in rules_of(check(runner, "drafts/budget.md"))
    assert "ad-text/ad-label" not in rules_of(check(runner, str(project / "drafts")))


def test_nearest_config_wins_and_yaml_beats_pyproject_in_one_folder(runner, project: Path) -> None:
    write(project / "newslint.yaml", "ignore: [markup]\n")
    write(project / "drafts" / "pyproject.toml", '[tool.newslint]\nignore = ["markup"]\n')
    write(project / "drafts" / ".newslint.yaml", "ignore: [ad-text]\n")
    assert find_config(project / "drafts") == project / "drafts" / ".newslint.yaml"
    assert "ad-text/ad-label" not in rules_of(check(runner, "drafts/budget.md"))


def test_pyproject_counts_only_with_a_tool_newslint_table(project: Path) -> None:
    write(project / "newslint.yaml", "ignore: [markup]\n")
    write(project / "drafts" / "pyproject.toml", '[project]\nname = "site"\n')
    assert find_config(project / "drafts") == project / "newslint.yaml"
    write(project / "drafts" / "pyproject.toml", '[tool.newslint]\nfail-on = "warning"\n')
    assert find_config(project / "drafts") == project / "drafts" / "pyproject.toml"
    assert load_config(["drafts/budget.md"]).fail_on == "warning"


def test_a_broken_unrelated_pyproject_does_not_stop_the_search(project: Path) -> None:
    write(project / "newslint.yaml", "fail-on: info\n")
    write(project / "drafts" / "pyproject.toml", "[project\nname = broken")
    assert load_config(["drafts"]).fail_on == "info"


def test_no_config_file_gives_defaults(project: Path) -> None:
    config = load_config(["drafts"])
    assert config == Config()
    assert config.source is None


def test_newslint_config_prints_the_effective_config_and_its_origin(runner, project: Path) -> None:
    write(
        project / "newslint.yaml",
        "languages: [id, en]\nfail-on: warning\nper-path-ignores:\n  'wire/*.md': [language]\n",
    )
    result = runner.invoke(main, ["config", "drafts"])
    assert result.exit_code == 0
    first, _, body = result.output.partition("\n")
    assert first == f"# from {project / 'newslint.yaml'}"
    shown = yaml.safe_load(body)
    assert shown["languages"] == ["id", "en"]
    assert shown["fail-on"] == "warning"
    assert shown["per-path-ignores"] == {"wire/*.md": ["language"]}
    assert shown["packs"] == "all"


def test_newslint_config_shows_the_include_globs_a_folder_search_really_uses(runner, project: Path) -> None:
    result = runner.invoke(main, ["config", "drafts"])
    shown = yaml.safe_load(result.output)
    assert shown["include"] == list(DEFAULT_PATTERNS)
    (project / "drafts" / "page.html").write_text("<p>x</p>", "utf-8")
    (project / "drafts" / "feed.json").write_text("[]", "utf-8")
    found = {Path(p).name for p in collect(["drafts"])}
    assert found == {"budget.md", "page.html"}
    assert all(any(fnmatch.fnmatch(name, g) for g in shown["include"]) for name in found)
    assert not any(fnmatch.fnmatch("feed.json", g) for g in shown["include"])
    write(project / "newslint.yaml", "include: ['*.md']\n")
    assert yaml.safe_load(runner.invoke(main, ["config", "drafts"]).output)["include"] == ["*.md"]


def test_newslint_config_without_a_file_says_so(runner, project: Path) -> None:
    result = runner.invoke(main, ["config"])
    assert result.exit_code == 0
    assert result.output.startswith("# no config file found: defaults\n")
    assert yaml.safe_load(result.output)["fail-on"] == "error"


def test_explicit_config_file_replaces_discovery(runner, project: Path) -> None:
    write(project / "newslint.yaml", "ignore: [markup]\n")
    other = write(project / "ci" / "strict.yaml", "ignore: [ad-text]\n")
    result = check(runner, "--config", str(other), "drafts")
    assert "ad-text/ad-label" not in rules_of(result)
    shown = runner.invoke(main, ["config", "--config", str(other)])
    assert shown.output.startswith(f"# from {other}")


def test_missing_explicit_config_is_exit_2(runner, project: Path) -> None:
    result = check(runner, "--config", "nope.yaml", "drafts")
    assert result.exit_code == 2
    assert "nope.yaml: config file not found" in result.stderr


# ---- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fail-on: error\nlangauges: [en]\n", ":2: unknown key 'langauges'; did you mean 'languages'?"),
        (
            "severity:\n  ad-text/ad-label: fatal\n",
            ":1: key 'severity.ad-text/ad-label': 'fatal' is not one of error, warning, info",
        ),
        ("fail-on: never\n", ":1: key 'fail-on': 'never' is not one of error, warning, info"),
        ("select: ad-text\n", ":1: key 'select': 'ad-text' is not of type 'array'"),
        ("languages: [English]\n", ":1: key 'languages.0': 'English' is not a valid value here"),
        ("per-path-ignores:\n  'wire/*': [bad id]\n", "key 'per-path-ignores.wire/*.0'"),
        ("packs: [core, klingon]\n", ":1: key 'packs': unknown pack 'klingon'; shipped packs: core"),
        ("rules: [house-rules]\n", ":1: key 'rules.0': 'house-rules' not found"),
        ("- ignore\n", ":1: the configuration must be a mapping"),
        ("ignore: [a\nfail-on: x\n", ": YAML syntax error"),
    ],
)
def test_bad_config_is_exit_2_naming_file_line_and_key(runner, project: Path, text: str, expected: str) -> None:
    config = write(project / "newslint.yaml", text)
    result = check(runner, "drafts")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"newslint: error: {config}")
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_bad_pyproject_table_names_the_table(runner, project: Path) -> None:
    config = write(project / "pyproject.toml", '[tool.newslint]\nfail-on = "sometimes"\n')
    result = check(runner, "drafts")
    assert result.exit_code == 2
    assert f"{config} [tool.newslint]: key 'fail-on': 'sometimes' is not one of" in result.stderr


def test_toml_syntax_error_in_our_table_is_exit_2(runner, project: Path) -> None:
    config = write(project / "pyproject.toml", "[tool.newslint]\nfail-on = \n")
    result = check(runner, "drafts")
    assert result.exit_code == 2
    assert f"{config}: TOML syntax error" in result.stderr


def test_severity_for_an_unknown_rule_is_exit_2(runner, project: Path) -> None:
    config = write(project / "newslint.yaml", "severity:\n  ad-text/ad-lable: warning\n")
    result = check(runner, "drafts")
    assert result.exit_code == 2
    assert (
        f"{config}:1: key 'severity.ad-text/ad-lable': no rule has this id; did you mean 'ad-text/ad-label'?"
    ) in result.stderr


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().fail_on = "info"  # type: ignore[misc]


# ---- each key does what it says ------------------------------------------------------------------


def test_severity_override_changes_the_reported_level(runner, project: Path) -> None:
    write(project / "newslint.yaml", "severity:\n  ad-text/ad-label: warning\n")
    result = check(runner, "drafts")
    report = json.loads(result.stdout)
    label = next(f for f in report["files"][0]["findings"] if f["rule"] == "ad-text/ad-label")
    assert label["severity"] == "warning"
    assert result.exit_code == 0  # nothing left at the default fail-on of error


def test_fail_on_from_config_and_the_flag_that_beats_it(runner, project: Path) -> None:
    write(project / "newslint.yaml", "severity:\n  ad-text/ad-label: info\nfail-on: info\n")
    assert check(runner, "drafts").exit_code == 1
    assert check(runner, "--fail-on", "error", "drafts").exit_code == 0


def test_flags_replace_the_files_value_of_the_same_key(runner, project: Path) -> None:
    write(project / "newslint.yaml", "ignore: [ad-text/ad-label]\nselect: [ad-text, markup]\n")
    assert rules_of(check(runner, "drafts")) == []
    # --ignore replaces the file's ignore list; the file's select still applies
    assert rules_of(check(runner, "--ignore", "markup", "drafts")) == ["ad-text/ad-label"]


def test_select_from_config(runner, project: Path) -> None:
    write(project / "drafts" / "other.md", AD_DRAFT + '\n<div class="ad">\n')
    write(project / "newslint.yaml", "select: [markup]\n")
    assert set(rules_of(check(runner, "drafts"))) == {"markup/html-tag"}


def test_per_path_ignores_apply_to_each_file(runner, project: Path) -> None:
    write(project / "drafts" / "wire" / "reuters.md", AD_DRAFT)
    write(project / "newslint.yaml", "per-path-ignores:\n  'drafts/wire/*.md': [ad-text/ad-label]\n")
    report = json.loads(check(runner, "drafts").stdout)
    by_file = {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in report["files"]}
    assert by_file == {"budget.md": ["ad-text/ad-label"], "reuters.md": []}


def test_per_path_ignores_are_relative_to_the_config_file_not_the_cwd(runner, project: Path, monkeypatch) -> None:
    write(project / "newslint.yaml", "per-path-ignores:\n  'drafts/*': [ad-text]\n")
    monkeypatch.chdir(project / "drafts")
    assert rules_of(check(runner, "budget.md")) == []


def test_a_glob_without_a_slash_matches_the_file_name_anywhere(tmp_path: Path) -> None:
    patterns = path_patterns(tmp_path, "*.html")
    options = Options(per_path_ignores=((patterns[0], ("markup",)), (patterns[1], ("markup",))))
    assert options.for_path(str(tmp_path / "a" / "b" / "page.html")).path_ignore == ("markup",)
    assert options.for_path(str(tmp_path / "page.md")).path_ignore == ()


def test_double_star_also_matches_no_folder(tmp_path: Path) -> None:
    patterns = path_patterns(tmp_path, "wire/**/*.md")
    options = Options(per_path_ignores=tuple((p, ("ad-text",)) for p in patterns))
    assert options.for_path(str(tmp_path / "wire" / "x.md")).path_ignore == ("ad-text",)
    assert options.for_path(str(tmp_path / "wire" / "2024" / "x.md")).path_ignore == ("ad-text",)
    assert options.for_path(str(tmp_path / "local" / "x.md")).path_ignore == ()


def test_languages_become_the_allowed_languages(runner, project: Path) -> None:
    write(project / "newslint.yaml", "languages: [id]\n")
    assert "language/unexpected" in rules_of(check(runner, "drafts"))
    write(project / "newslint.yaml", "languages: [id, en]\n")
    assert "language/unexpected" not in rules_of(check(runner, "drafts"))
    # the flag replaces the file's list
    assert "language/unexpected" in rules_of(check(runner, "--allow-language", "ms", "drafts"))


def test_packs_limit_the_shipped_rules(runner, project: Path) -> None:
    # Weekday names are a language's: metadata/weekday-mismatch lives only in the language
    # packs, while metadata/missing-byline has a core fallback for languages without a pack.
    assert "metadata/weekday-mismatch" not in {r.id for r in load_rules(packs=("core",))}
    write(
        project / "drafts" / "weekday.txt", "Budget passes\n\nThe council approved it on Friday, September 12, 2024.\n"
    )
    found = rules_of(check(runner, "drafts/weekday.txt"))
    assert {"metadata/weekday-mismatch", "metadata/missing-byline"} <= set(found)
    write(project / "newslint.yaml", "packs: [core]\n")
    found = rules_of(check(runner, "drafts/weekday.txt"))
    assert "metadata/weekday-mismatch" not in found
    assert "metadata/missing-byline" in found  # the core pack still runs


def test_rule_folders_are_relative_to_the_config_file(runner, project: Path, monkeypatch) -> None:
    write(
        project / "house" / "rules.yaml",
        """pack: house
rules:
  - id: style/banned-word
    check: pattern
    severity: error
    message: "Banned word: {match}"
    with:
      regex: '\\bmayor\\b'
    examples:
      flag: ["the mayor said"]
      pass: ["council"]
""",
    )
    write(project / "newslint.yaml", "rules: [house]\n")
    monkeypatch.chdir(project / "drafts")
    assert "style/banned-word" in rules_of(check(runner, "budget.md"))


def test_include_and_exclude_from_config(runner, project: Path) -> None:
    write(project / "drafts" / "notes.draft", AD_DRAFT)
    write(project / "drafts" / "old" / "x.md", AD_DRAFT)
    write(project / "newslint.yaml", "include: ['*.draft', '*.md']\nexclude: ['old']\n")
    report = json.loads(check(runner, "drafts").stdout)
    assert sorted(Path(f["path"]).name for f in report["files"]) == ["budget.md", "notes.draft"]


def test_load_config_rejects_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "newslint.yaml"
    path.write_bytes(b"ignore: [\xff\xfe]\n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(explicit=path)


def test_the_config_schema_spells_the_severities_of_finding_py() -> None:
    from newslint.config import config_schema
    from newslint.finding import SEVERITIES

    schema = config_schema()["properties"]
    assert sorted(schema["fail-on"]["enum"]) == sorted(SEVERITIES)
    assert sorted(schema["severity"]["additionalProperties"]["enum"]) == sorted(SEVERITIES)


def test_rules_json_is_the_shared_rule_to_json(runner) -> None:
    from newslint.report.json import rule_to_json

    listed = json.loads(runner.invoke(main, ["rules", "--format", "json"]).stdout)
    assert listed == [rule_to_json(r) for r in load_rules()]


@pytest.fixture
def counted_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A cache folder of the test's own, and the config files the schema check ran on."""
    import newslint.config as config_module

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    validated: list[Path] = []
    real = config_module.validate_config

    def counting(path: Path, text: str, data: object) -> None:
        validated.append(path)
        real(path, text, data)  # type: ignore[arg-type]

    monkeypatch.setattr(config_module, "validate_config", counting)
    return validated


def test_a_config_validated_before_with_the_same_text_skips_the_schema_and_the_parse(
    tmp_path: Path, counted_validation: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newslint.config as config_module

    parsed: list[str] = []
    real_read = config_module._read_yaml
    monkeypatch.setattr(config_module, "_read_yaml", lambda path, text: parsed.append(text) or real_read(path, text))
    config = tmp_path / "newslint.yaml"
    config.write_text("fail-on: warning\nignore: [metadata]\nseverity: {markup/embed-marker: info}\n")
    first = load_config([str(tmp_path)])
    assert load_config([str(tmp_path)]) == first
    assert first.fail_on == "warning" and first.ignore == ("metadata",)
    assert dict(first.severity) == {"markup/embed-marker": "info"}
    assert counted_validation == [config.resolve()]
    assert len(parsed) == 1  # read from the note the second time: no YAML parse
    config.write_text("fail-on: info\nignore: [metadata]\n")
    assert load_config([str(tmp_path)]).fail_on == "info"
    assert len(counted_validation) == 2


def test_a_config_that_failed_is_checked_again_every_time(tmp_path: Path, counted_validation: list[Path]) -> None:
    (tmp_path / "newslint.yaml").write_text("fail-on: sometimes\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match="fail-on"):
            load_config([str(tmp_path)])
    assert len(counted_validation) == 2


def test_what_depends_on_the_disk_is_checked_even_for_a_config_validated_before(
    tmp_path: Path, counted_validation: list[Path]
) -> None:
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "newslint.yaml").write_text("rules: [house-rules]\n")
    load_config([str(tmp_path)])
    (tmp_path / "house-rules").rmdir()
    with pytest.raises(ConfigError, match="house-rules"):
        load_config([str(tmp_path)])
    assert len(counted_validation) == 1


def test_with_the_cache_off_every_config_is_validated(
    tmp_path: Path, counted_validation: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", "")
    (tmp_path / "newslint.yaml").write_text("fail-on: warning\n")
    for _ in range(2):
        load_config([str(tmp_path)])
    assert len(counted_validation) == 2


def test_a_pyproject_table_validated_before_gives_the_same_config(
    tmp_path: Path, counted_validation: list[Path]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nfail-on = "warning"\nselect = ["markup"]\n')
    first = load_config([str(tmp_path)])
    assert load_config([str(tmp_path)]) == first
    assert first.select == ("markup",) and len(counted_validation) == 1

"""The check-kind contract: kinds and the rule schema agree, scopes are declared and
honoured, and rules are compiled (and refused) when they are loaded."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jsonschema
import pytest

from newslint.checks import KINDS
from newslint.checks.base import SCOPES, Context, Hit
from newslint.document import Document
from newslint.engine import Options, lint_document
from newslint.errors import RuleError
from newslint.readers import read_string
from newslint.rules import Rule, RuleSet, build_rule, load_rule_file
from newslint.schema import assemble_rule_schema, common_rule_schema, rule_schema


def test_the_schema_check_enum_is_the_kinds() -> None:
    schema = rule_schema()
    assert schema["$defs"]["rule"]["properties"]["check"]["enum"] == list(KINDS)
    for name, kind in KINDS.items():
        assert schema["$defs"][name] == dict(kind.PARAMETERS)
        branch = next(b for b in schema["$defs"]["rule"]["allOf"] if b["if"]["properties"]["check"]["const"] == name)
        assert branch["then"]["properties"]["scope"]["enum"] == list(kind.SCOPES)
        assert branch["then"]["properties"]["with"] == {"$ref": f"#/$defs/{name}"}


def test_the_common_schema_names_no_kind() -> None:
    common = common_rule_schema()
    assert not set(KINDS) & set(common["$defs"])
    assert "enum" not in common["$defs"]["rule"]["properties"]["check"]


@pytest.mark.parametrize("name", list(KINDS))
def test_every_kind_declares_the_contract(name: str) -> None:
    kind = KINDS[name]
    assert name == kind.KIND
    assert kind.SCOPES and set(kind.SCOPES) <= set(SCOPES)
    jsonschema.Draft202012Validator.check_schema(dict(kind.PARAMETERS))
    # every default is a valid value of its own parameter
    defs = common_rule_schema()["$defs"]
    for prop, spec in kind.PARAMETERS.get("properties", {}).items():
        if "default" in spec:
            resolved = defs[spec["$ref"].rsplit("/", 1)[1]] if "$ref" in spec else spec
            item = {k: v for k, v in resolved.items() if k not in ("minItems", "maxItems")}
            assert jsonschema.Draft202012Validator(item).is_valid(spec["default"]), prop


def _fake_kind() -> SimpleNamespace:
    def check(doc: Document, rule: Rule, ctx: Context) -> Iterator[Hit]:
        yield Hit(0, 1, {"match": "x"})

    return SimpleNamespace(
        KIND="shout",
        SCOPES=("block",),
        check=check,
        PARAMETERS={
            "type": "object",
            "required": ["level"],
            "properties": {"level": {"type": "integer", "default": 1}},
        },
        compile=lambda params, scope: dict(params),
    )


def test_a_new_kind_is_one_module_for_the_schema() -> None:
    schema = assemble_rule_schema({**KINDS, "shout": _fake_kind()})  # type: ignore[dict-item]
    assert "shout" in schema["$defs"]["rule"]["properties"]["check"]["enum"]
    validator = jsonschema.Draft202012Validator(schema)
    rule = {"id": "a/b", "check": "shout", "severity": "info", "message": "m", "with": {"level": 2}}
    assert not list(validator.iter_errors({"pack": "p", "rules": [rule]}))
    bad = {**rule, "with": {"volume": 2}}
    assert list(validator.iter_errors({"pack": "p", "rules": [bad]}))


RULE_FILE = """\
pack: mine
rules:
  - id: markup/house
    check: {check}
    severity: warning
    message: {message}
    scope: {scope}
    with: {params}
"""


def write_rule(
    tmp_path: Path,
    check: str = "phrases",
    scope: str = "line",
    message: str = '"Found: {match}"',
    params: str = '{phrases: ["Read more"]}',
    extra: str = "",
) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(
        RULE_FILE.format(check=check, scope=scope, message=message, params=params) + extra, encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("check", "scope", "params"),
    [
        ("phrases", "embed", '{phrases: ["Read more"]}'),
        ("phrases", "block", '{phrases: ["Read more"]}'),
        ("duplicate", "title", "{}"),
        ("truncation", "line", "{mode: marker, markers: ['[...]']}"),
        ("weekday", "title", "{weekdays: [[Mon], [Tue], [Wed], [Thu], [Fri], [Sat], [Sun]]}"),
    ],
)
@pytest.mark.parametrize("validate", [True, False])
def test_a_scope_the_kind_does_not_support_is_refused_with_file_and_line(
    tmp_path: Path, check: str, scope: str, params: str, validate: bool
) -> None:
    path = write_rule(tmp_path, check, scope, params=params)
    with pytest.raises(RuleError, match=r"rules\.yaml:3:.*markup/house.*" + scope):
        load_rule_file(path, validate=validate)


def findings(rule: Rule, text: str) -> list[tuple[int, int, str]]:
    doc = read_string(text, "draft.md")[0]
    result = lint_document(doc, RuleSet((rule,)), Options(language="xx"))
    return [(f.line, f.column, f.message) for f in result.findings]


def phrases_rule(scope: str, **params: Any) -> Rule:
    return build_rule(
        Path("t.yaml"),
        "t",
        {
            "id": "markup/house",
            "check": "phrases",
            "severity": "error",
            "message": "{match}",
            "scope": scope,
            "with": params,
        },
    )


DRAFT = '---\ntitle: "Read more"\n---\n\nThe council met.\n\nRead more\n'


def test_phrases_with_title_scope_reads_only_the_title() -> None:
    assert findings(phrases_rule("title", phrases=["Read more"]), DRAFT) == [(1, 1, "Read more")]
    assert findings(phrases_rule("line", phrases=["Read more"]), DRAFT) == [(7, 1, "Read more")]
    untitled = "The council met.\n\nRead more\n"
    assert findings(phrases_rule("title", phrases=["Read more"]), untitled) == []


def test_phrases_title_scope_honours_its_match_modes() -> None:
    text = '---\ntitle: "Breaking: Read more about it"\n---\n\nBody.\n'
    assert findings(phrases_rule("title", phrases=["read more"], match="anywhere"), text) == [(1, 1, "Read more")]
    assert findings(phrases_rule("title", phrases=["Breaking"], match="prefix"), text) == [
        (1, 1, "Breaking: Read more about it")
    ]
    assert findings(phrases_rule("title", phrases=["read more"]), text) == []


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ('"Found {0}"', "{0}"),
        ('"Found {}"', "{}"),
        ('"Found {match.__class__}"', "{match.__class__}"),
        ('"Found {match[0]}"', "{match[0]}"),
        ('"Found {match:{reason}}"', "{match}"),
        ('"Found {match"', "bad message template"),
        ('"Found match}"', "bad message template"),
    ],
)
def test_a_message_template_beyond_plain_names_is_refused(tmp_path: Path, runner, message: str, shown: str) -> None:
    from newslint.cli import main

    path = write_rule(tmp_path, message=message)
    with pytest.raises(RuleError, match=r"rules\.yaml:3: rule markup/house") as error:
        load_rule_file(path)
    assert shown in str(error.value)
    result = runner.invoke(main, ["test-rules", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "rules.yaml:3" in result.output


def test_plain_names_and_literal_braces_are_fine(tmp_path: Path) -> None:
    path = write_rule(tmp_path, message='"{{literal}} {match} in {where}"')
    assert load_rule_file(path)[0].message == "{{literal}} {match} in {where}"


@pytest.mark.parametrize(
    ("check", "params"),
    [
        ("pattern", "{regex: 'a*'}"),
        ("pattern", "{regex: '\\bx?'}"),
        ("pattern", "{regex: '(?=Read)'}"),
        ("pattern", "{regex: 'ads|'}"),
        ("pattern", "{regex: 'ads', unless: '^'}"),
        ("required", "{field: byline, patterns: ['(By)?']}"),
    ],
)
def test_a_regex_that_matches_the_empty_string_is_refused(tmp_path: Path, check: str, params: str) -> None:
    path = write_rule(
        tmp_path,
        check,
        "line" if check == "pattern" else "block",
        params=params,
        extra="    examples: {flag: ['Read more ads'], pass: ['The council met.']}\n",
    )
    with pytest.raises(RuleError, match=r"rules\.yaml:3: rule markup/house: .*empty string"):
        load_rule_file(path)


def test_a_regex_that_always_consumes_is_accepted(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "pattern", params="{regex: '^\\s*ads?\\b', unless: 'bads'}")
    assert load_rule_file(path)[0].id == "markup/house"


def test_a_bad_rule_fails_at_load_not_at_run(tmp_path: Path) -> None:
    # shipped packs are loaded without the schema check; their rules are compiled all the same
    path = write_rule(tmp_path, "pattern", params="{regex: '(unclosed'}")
    with pytest.raises(RuleError, match=r"rules\.yaml:3: rule markup/house: bad parameter"):
        load_rule_file(path, validate=False)


def test_compiled_parameters_are_typed_per_kind() -> None:
    rule = phrases_rule("line", phrases=["Read more"])
    assert type(rule.compiled).__module__ == "newslint.checks.phrases"
    with pytest.raises(TypeError, match="markup/house"):
        rule.compiled_as(str)


def test_records_hold_no_hidden_caches() -> None:
    from newslint import language
    from newslint.rules import RuleSet

    assert "memo" not in Document.__dataclass_fields__
    assert not any(name.startswith("_") for name in Rule.__dataclass_fields__)
    assert set(RuleSet.__dataclass_fields__) == {"rules", "lexicon", "by_language"}
    assert not hasattr(language, "document_scope") and not hasattr(language, "_scope")


def test_the_same_document_linted_twice_gives_the_same_findings() -> None:
    # nothing worked out for one run stays on the document to change the next
    doc = read_string("Intro.\n\nRead more\n\nRead more\n", "draft.md")[0]
    rule = phrases_rule("line", phrases=["Read more"])
    first = lint_document(doc, RuleSet((rule,)), Options(language="xx"))
    other = phrases_rule("line", phrases=["Intro"])
    assert [f.line for f in lint_document(doc, RuleSet((other,)), Options(language="xx")).findings] == [1]
    assert lint_document(doc, RuleSet((rule,)), Options(language="xx")) == first


def test_the_published_schema_is_printed_by_the_module() -> None:
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "newslint.schema"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == rule_schema()


def test_scopes_of_the_kinds_match_the_common_scope_enum() -> None:
    assert common_rule_schema()["$defs"]["rule"]["properties"]["scope"]["enum"] == list(SCOPES)


def test_rule_file_text_of_the_docs_example_loads(tmp_path: Path) -> None:
    path = tmp_path / "ad-text.yaml"
    path.write_text(
        textwrap.dedent("""\
        pack: core
        rules:
          - id: ad-text/ads-txt-record
            check: pattern
            severity: error
            message: "Leaked ads.txt record: {match}"
            scope: line
            with:
              regex: '^\\s*[a-z0-9.-]+\\.[a-z]{2,}\\s*,\\s*[\\w.-]+\\s*,\\s*(DIRECT|RESELLER)\\b'
              ignorecase: true
            fix: delete-line
            examples:
              flag: ["mgid.com, 713808, DIRECT, d4c29acad76ce94f"]
              pass: ["The ministry signed a direct contract with the company."]
        """),
        encoding="utf-8",
    )
    assert [r.id for r in load_rule_file(path)] == ["ad-text/ads-txt-record"]


MINIMAL = {
    "pattern": {"regex": "x"},
    "phrases": {"phrases": ["Read more"]},
    "duplicate": {},
    "truncation": {"mode": "paragraph-end"},
    "markup": {"mode": "tag"},
    "required": {"field": "date"},
    "glued-headings": {"regex": "x"},
    "weekday": {"weekdays": [["Mon"], ["Tue"], ["Wed"], ["Thu"], ["Fri"], ["Sat"], ["Sun"]]},
    "date": {
        "months": [
            ["Jan"],
            ["Feb"],
            ["Mar"],
            ["Apr"],
            ["May"],
            ["Jun"],
            ["Jul"],
            ["Aug"],
            ["Sep"],
            ["Oct"],
            ["Nov"],
            ["Dec"],
        ]
    },
    "language": {"mode": "mixed-paragraph"},
    "blocks": {"mode": "related-list"},
    "context": {"mode": "between"},
}


@pytest.mark.parametrize("name", list(KINDS))
def test_the_schema_defaults_are_what_the_kind_does_without_them(name: str) -> None:
    from newslint.checks.base import with_defaults

    kind = KINDS[name]
    assert set(MINIMAL) == set(KINDS)
    defaults = with_defaults(kind.PARAMETERS, MINIMAL[name])
    assert kind.compile(MINIMAL[name], kind.SCOPES[0]) == kind.compile(defaults, kind.SCOPES[0])

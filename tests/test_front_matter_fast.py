"""Front matter read without YAML (newslint.readers.frontmatter.simple_mapping): the same
values as yaml.safe_load whenever it answers, and YAML for everything else."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.readers.frontmatter import simple_mapping, split
from newslint.yamlsource import safe_load


def yaml_values(text: str) -> Any:
    loaded = safe_load(text)
    return {} if loaded is None else loaded


def same(fast: dict[str, Any], loaded: Any) -> bool:
    """Equal, with the same keys in the same order and the same types."""
    return (
        isinstance(loaded, dict)
        and list(fast.items()) == list(loaded.items())
        and [type(v) for v in fast.values()] == [type(v) for v in loaded.values()]
    )


@pytest.mark.parametrize(
    "text",
    [
        'title: "Draft 123515"\nauthor: "Desk"\ndate: 2025-01-19',
        "title: Council approves budget\nauthor: Jane Doe\ndate: 2024-09-12\nlang: en",
        "title: 'It''s' \n",  # a doubled quote is an escape: not read here
        "# a comment\n\ntitle: Harga [Update] {live}, 3 menit\nurl: https://example.com/a#b\n",
        "title: Wartawan: Ali",
        "title: 'Ali: the story'\nsummary: \"Quoted 'inner' text\"\n",
        "title: Ünïcödé tïtlé\r\nauthor: Zoë\r\n",
        "title: first\ntitle: second\n",
        "draft: yes\n",
        "draft: Yes please\n",
        "Yes: title\n",
        "count: 12\n",
        "date: 2024-09-12 10:30\n",
        "date: 2024-02-30\n",
        "title: A value # with a comment\n",
        "tags: [a, b]\n",
        "authors:\n  - Ali\n  - Budi\n",
        'title: "Line\\nbreak"\n',
        "title: ~\n",
        "title:\n",
        "title: y\nauthor: n\n",
        "title: a\tb\n",
        "  title: indented\n",
    ],
)
def test_what_it_reads_is_what_yaml_reads(text: str) -> None:
    fast = simple_mapping(text)
    if fast is None:
        return
    assert same(fast, yaml_values(text))


def test_the_common_front_matter_is_read_without_yaml() -> None:
    assert simple_mapping('title: "Draft 123515"\nauthor: "Desk"\ndate: 2025-01-19') == {
        "title": "Draft 123515",
        "author": "Desk",
        "date": dt.date(2025, 1, 19),
    }
    assert simple_mapping("title: Harga [Update], 3 menit\nurl: https://example.com/a#b\n") == {
        "title": "Harga [Update], 3 menit",
        "url": "https://example.com/a#b",
    }


@pytest.mark.parametrize(
    "text",
    [
        "draft: yes\n",  # a boolean
        "Yes: title\n",  # a boolean key
        "title: ~\n",  # null
        "count: 12\n",  # a number
        "date: 2024-09-12 10:30\n",  # a timestamp
        "date: 2024-02-30\n",  # YAML's error
        "title: A value # with a comment\n",
        "title: Wartawan: Ali",  # YAML's error
        "tags: [a, b]\n",
        "authors:\n  - Ali\n",
        'title: "Line\\nbreak"\n',  # an escape
        "title: 'It''s'\n",
        "title: a\tb\n",
        "title: &anchor value\n",
    ],
)
def test_anything_else_goes_to_yaml(text: str) -> None:
    assert simple_mapping(text) is None


KEYS = st.sampled_from(["title", "author", "date", "lang", "Yes", "on", "null", "n", "x_y", "a-b", "T"])
PLAIN = st.text(alphabet=st.sampled_from("aZé:#' \"-[]{},!&*%@`~.0123456789yesnoNULLtrue/"), min_size=0, max_size=12)
VALUES = st.one_of(
    PLAIN,
    PLAIN.map(lambda v: f'"{v}"'),
    PLAIN.map(lambda v: f"'{v}'"),
    st.dates(min_value=dt.date(1000, 1, 1)).map(str),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.sampled_from(["yes", "No", "TRUE", "off", "null", "~", "12", "1.5", ".inf", "y", "n", "Null value"]),
)
LINES = st.one_of(
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.sampled_from(["", "   ", "# comment", "  nested: x", "- item", "title:", "title:  ", "%YAML 1.1"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINES, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_any_front_matter_it_reads_yaml_reads_the_same(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    fast = simple_mapping(text)
    if fast is None:
        return
    try:
        loaded = yaml_values(text)
    except (yaml.YAMLError, ValueError) as e:  # pragma: no cover - a failure to report
        pytest.fail(f"read without YAML, but YAML refuses it: {text!r}: {e}")
    assert same(fast, loaded), text


# Lines the fast path mostly takes, with the characters that could trip it inside the values.
LIKELY = st.one_of(
    st.tuples(st.sampled_from("aZéxYNnoOtTf"), PLAIN).map("".join),
    PLAIN.map(lambda v: f'"{v}"'),
    PLAIN.map(lambda v: f"'{v}'"),
    st.dates(min_value=dt.date(1000, 1, 1)).map(str),
)
LIKELY_LINES = st.one_of(
    st.tuples(KEYS, LIKELY).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(KEYS, LIKELY).map(lambda kv: f"{kv[0]}:   {kv[1]}  "),
    st.sampled_from(["", "# comment"]),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(LIKELY_LINES, min_size=1, max_size=6))
def test_any_plain_front_matter_it_reads_yaml_reads_the_same(lines: list[str]) -> None:
    text = "\n".join(lines)
    fast = simple_mapping(text)
    if fast is None:
        return
    try:
        loaded = yaml_values(text)
    except (yaml.YAMLError, ValueError) as e:  # pragma: no cover - a failure to report
        pytest.fail(f"read without YAML, but YAML refuses it: {text!r}: {e}")
    assert same(fast, loaded), text


def test_split_gives_the_same_front_matter_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.readers.frontmatter as frontmatter

    source = '---\ntitle: "Draft"\nauthor: Desk\ndate: 2025-01-19\n---\n\nBody text.\n'
    fast = split(source)
    monkeypatch.setattr(frontmatter, "simple_mapping", lambda text: None)
    slow = split(source)
    assert fast == slow


def test_a_markdown_draft_with_plain_front_matter_is_linted_without_importing_yaml(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        textwrap.dedent(
            """\
            ---
            title: "Council approves budget"
            author: Jane Doe
            date: 2024-09-12
            ---

            The city council approved the new budget on Thursday after a long debate.
            """
        )
    )
    script = (
        "import sys\n"
        "sys.argv = ['newslint', 'check', sys.argv[1]]\n"
        "from newslint.__main__ import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", script, str(draft)], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert runs[0].stdout.splitlines()[-1] == "True"  # the first run reads the rule files
    assert runs[1].stdout.splitlines()[-1] == "False", runs[1].stderr
    assert runs[1].stdout.splitlines()[:-1] == runs[0].stdout.splitlines()[:-1]


def test_the_alias_bomb_error_is_one_yaml_error_class_made_without_importing_yaml_first() -> None:
    import pickle

    import newslint.errors
    from newslint.yamlsource import AliasBombError

    assert newslint.errors.AliasBombError is AliasBombError
    assert issubclass(AliasBombError, yaml.YAMLError)
    refused = pickle.loads(pickle.dumps(AliasBombError(problem="too many aliases")))
    assert type(refused) is AliasBombError and refused.problem == "too many aliases"
    done = subprocess.run(
        [sys.executable, "-c", "import sys, newslint.errors, newslint.rules; print('yaml' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"

"""What a one-file run's start-up no longer pays for, and that nothing else changed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.checks import repeats


def test_the_separators_are_every_character_the_negated_class_took() -> None:
    negated = re.compile("[^a-z0-9_\u0080-\U0010ffff]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(repeats._SEPARATORS.fullmatch(char)) == bool(negated.fullmatch(char)), hex(code)


@pytest.mark.parametrize("text", ["Posted by ADMIN — 13:09 WIB", "ÉDITION: Día 3 / «Noticias»", "a_b-c  d"])
def test_the_words_key_of_text_beyond_ascii_is_unchanged(text: str) -> None:
    folded = text.casefold()
    assert repeats._SEPARATORS.sub(" ", folded) == re.sub("[^a-z0-9_\u0080-\U0010ffff]+", " ", folded)


ROOT = Path(__file__).resolve().parent.parent

RECORDS = """
import dataclasses, json, os, sys
from newslint.__main__ import main
sys.argv = ["newslint", "check", sys.argv[1]]
sys.stdout = open(os.devnull, "w")
try:
    main()
except SystemExit:
    pass
records = [
    cls
    for module in list(sys.modules.values())
    if getattr(module, "__name__", "").startswith("newslint")
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
]
undocumented = [c.__qualname__ for c in records if (c.__doc__ or "").startswith(c.__name__ + "(")]
sys.stderr.write(json.dumps([len(records), undocumented]))
"""


@pytest.mark.parametrize("draft", ["harga-beras.txt", "banjir-bekasi.md"])
def test_every_record_a_one_file_run_defines_has_its_own_docstring(draft: str) -> None:
    # dataclass writes a missing docstring from inspect.signature at import: a tenth of a
    # millisecond a class, a few milliseconds of every start.
    path = ROOT / "examples" / "drafts" / draft
    done = subprocess.run([sys.executable, "-c", RECORDS, str(path)], capture_output=True, text=True, check=True)
    count, signature_docs = json.loads(done.stderr)
    assert count > 30 and signature_docs == []


MODULES = """
import os, sys
from newslint.__main__ import main
sys.argv = ["newslint", "check", "--format", "json", sys.argv[1]]
out, sys.stdout = sys.stdout, open(os.devnull, "w")
try:
    main()
except SystemExit:
    pass
wanted = ("signal", "newslint.readers.markdown", "newslint.readers.frontmatter", "regex._main", "yaml")
out.write(" ".join(sorted(m for m in wanted if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("draft", "loaded"),
    # (signal arms the one-process run's per-file time budget, --timeout)
    [
        ("harga-beras.txt", "signal"),
        ("banjir-bekasi.md", "newslint.readers.frontmatter newslint.readers.markdown signal"),
    ],
)
def test_a_one_file_run_loads_only_the_reader_its_draft_needs(draft: str, loaded: str, tmp_path: Path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    path = str(ROOT / "examples" / "drafts" / draft)
    for _ in range(3):  # (the first runs fill the cache)
        done = subprocess.run([sys.executable, "-c", MODULES, path], capture_output=True, text=True, env=env)
    assert done.stdout == loaded

"""The version is spelled the same in the package, pyproject.toml and the README's hook."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import newslint

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_package_pyproject_and_readme_name_the_same_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["version"] == newslint.__version__
    revs = re.findall(r"^\s*rev:\s*(\S+)", (ROOT / "README.md").read_text("utf-8"), re.M)
    assert revs == [f"v{newslint.__version__}"]

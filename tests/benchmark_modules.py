"""Load a script of benchmarks/ as a module, so a test scores with the benchmark's own code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load(relative: str, name: str) -> ModuleType:
    """``benchmarks/<relative>`` imported under ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module

"""YAML loading that remembers where each mapping started, for error messages."""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml's parser is several times faster; the constructor stays Python.
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class LineDict(dict[str, Any]):
    """A dict that knows the 1-based source line it started on."""

    line: int = 0


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict(loader.construct_pairs(node, deep=True))
    result.line = node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(text: str) -> Any:
    """Parse YAML; mappings come back as LineDict. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: no arbitrary objects


def safe_load(text: str) -> Any:
    """Plain safe YAML (front matter): libyaml's loader when PyYAML has it."""
    return yaml.load(text, Loader=_BaseLoader)  # a SafeLoader: no arbitrary objects


def yaml_error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1

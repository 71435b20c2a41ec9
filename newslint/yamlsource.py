"""YAML loading that remembers where each mapping started, for error messages.

Every loader here bounds what aliases may do: a document whose aliases would
expand it by more than ``MAX_ALIAS_NODES`` nodes (a "billion laughs"), or that
refers to itself, or that nests deeper than ``MAX_DEPTH``, is refused with an
``AliasBombError`` (a ``yaml.YAMLError`` naming the line) before anything is
built from it. Merge keys (``<<: *defaults``) and other modest reuse still load.
"""

from __future__ import annotations

from typing import Any

import yaml

from newslint.errors import AliasBombError

try:  # libyaml's parser is several times faster; the constructor stays Python.
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


MAX_ALIAS_NODES = 10_000
MAX_DEPTH = 200


def _check_expansion(root: yaml.Node) -> None:
    """Raise AliasBombError when the node graph under ``root`` expands too far.

    Walks the composed graph once (each distinct node once, iteratively), adding
    up the size every node would have once its aliases were copied out.
    """
    sizes: dict[int, int] = {}
    distinct = 0
    # (node, depth, children pushed?) frames: post-order without recursion.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 0, False)]
    open_nodes: set[int] = set()
    while stack:
        node, depth, expanded = stack.pop()
        key = id(node)
        children = _children(node)
        if expanded:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] - distinct > MAX_ALIAS_NODES:
                raise _refused(
                    node,
                    f"aliases expand this document by more than {MAX_ALIAS_NODES:,} "
                    "nodes (a 'billion laughs'?); refused",
                )
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise _refused(node, "an alias refers to the node that contains it; refused")
        if depth > MAX_DEPTH:
            raise _refused(node, f"nested deeper than {MAX_DEPTH} levels; refused")
        distinct += 1
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _refused(node: yaml.Node, problem: str) -> AliasBombError:
    return AliasBombError(problem=problem, problem_mark=node.start_mark)


class _BoundedMixin:
    """Check the composed node graph before constructing anything from it."""

    def get_single_data(self) -> Any:
        node = self.get_single_node()  # type: ignore[attr-defined]
        if node is None:
            return None
        _check_expansion(node)
        return self.construct_document(node)  # type: ignore[attr-defined]


class _SafeLoader(_BoundedMixin, _BaseLoader):  # type: ignore[misc,valid-type]
    pass


class LineDict(dict[str, Any]):
    """A dict that knows the 1-based source line it started on."""

    line: int = 0


class _LineLoader(_BoundedMixin, _BaseLoader):  # type: ignore[misc,valid-type]
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
    return yaml.load(text, Loader=_SafeLoader)  # a SafeLoader: no arbitrary objects


def yaml_error_line(error: yaml.YAMLError) -> int:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1

"""html5lib's HTML5 tree building, with every node tied to its spans in the source.

Kept apart from ``html.py`` so html5lib is imported only when an HTML draft
is read, not at every start of the command line.
"""

from __future__ import annotations

import contextlib
from collections import deque
from functools import partial
from typing import Any

from html5lib import _tokenizer, html5parser
from html5lib.constants import tokenTypes
from html5lib.treebuilders import base

from newslint.errors import TooManyAttributes

_CHARACTERS = (tokenTypes["Characters"], tokenTypes["SpaceCharacters"])
_END_TAG = tokenTypes["EndTag"]
_PARSE_ERROR = tokenTypes["ParseError"]
_HISTORY = 256  # character tokens remembered, for text the parser buffers (table text)
# html5lib looks for a duplicate of each attribute name among the tag's earlier ones, so
# its work grows with the square of a tag's attributes: one tag of 500,000 took minutes.
# Real tags carry tens of attributes; a tag with more is refused, not parsed. Each attribute
# costs about 30 us besides, so a page's attributes are held to the budget of its tags
# (``html.MAX_MARKUP``): 5 MB of bare attributes would take over a minute.
MAX_ATTRIBUTES = 1_000
MAX_PAGE_ATTRIBUTES = 250_000


class _Spans:
    """What the parser is reading now: the current token's source span, and recent text tokens."""

    def __init__(self, source: str) -> None:
        self.source = source
        # Line starts as html5lib counts lines (CRLF is one break; lone CRs are already LFs).
        self.line_starts = [0]
        find = source.find
        pos = find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.start = self.end = 0
        self.name: str | None = None  # the current token's tag name, if a tag
        self.is_end_tag = False
        self.texts: deque[tuple[str, int, int]] = deque(maxlen=_HISTORY)

    def offset(self, line: int, column: int) -> int:
        line = min(max(line, 1), len(self.line_starts))
        return min(self.line_starts[line - 1] + column, len(self.source))

    def closed_at(self, node: _Element) -> int:
        """Where an element popped now ends: after its own end tag, else before this token."""
        if self.is_end_tag and self.name == node.name:
            return self.end
        return max(self.start, node.start)

    def locate(self, data: str) -> list[tuple[str, int, int]]:
        """Split inserted text into (text, source start, source end) pieces of the tokens it came from."""
        texts = self.texts
        if texts:
            text, start, end = texts[-1]
            if data == text:
                return [texts[-1]]
            if text.endswith(data):  # a leading newline the parser dropped (after <pre>)
                return [(data, end - len(data), end)] if self._plain(start, end, text) else [(data, start, end)]
        pieces: list[tuple[str, int, int]] = []
        length = 0
        for piece in reversed(texts):  # text the parser held back, then inserted as one (tables)
            if piece[0] == "\x00":
                continue  # dropped by the parser there
            pieces.append(piece)
            length += len(piece[0])
            if length >= len(data):
                break
        if length == len(data) and "".join(p[0] for p in reversed(pieces)) == data:
            return pieces[::-1]
        return [(data, self.start, self.end)]

    def _plain(self, start: int, end: int, text: str) -> bool:
        return end - start == len(text)


class _Tokenizer(_tokenizer.HTMLTokenizer):
    """html5lib's tokenizer, telling ``spans`` where in the source each token lies."""

    spans: _Spans

    def __iter__(self) -> Any:
        spans = self.spans
        stream = self.stream
        previous = 0
        for token in super().__iter__():
            kind = token["type"]
            if kind == _PARSE_ERROR:
                yield token
                continue
            end = spans.offset(*stream.position())
            end = max(end, previous)
            spans.start, spans.end = previous, end
            spans.is_end_tag = kind == _END_TAG
            spans.name = token.get("name") if kind not in _CHARACTERS else None
            if kind in _CHARACTERS:
                spans.texts.append((token["data"], previous, end))
            previous = end
            yield token
        spans.start = spans.end = len(spans.source)
        spans.name = None
        spans.is_end_tag = False

    attributes = 0  # on the page so far, in the tags emitted

    def attributeNameState(self) -> Any:  # noqa: N802 (html5lib's name)
        """Every attribute name goes through here: stop before a tag's attributes add up to hours."""
        if len(self.currentToken["data"]) > MAX_ATTRIBUTES:
            raise TooManyAttributes(self.spans.end, one_tag=True)
        return super().attributeNameState()

    def emitCurrentToken(self) -> None:  # noqa: N802 (html5lib's name)
        self.attributes += len(self.currentToken["data"])
        if self.attributes > MAX_PAGE_ATTRIBUTES:
            raise TooManyAttributes(self.spans.end, one_tag=False)
        super().emitCurrentToken()


class _Parser(html5parser.HTMLParser):
    def __init__(self, spans: _Spans) -> None:
        self.spans = spans
        super().__init__(tree=partial(_TreeBuilder, spans=spans), namespaceHTMLElements=False)

    def _parse(
        self, stream: Any, innerHTML: bool = False, container: str = "div", scripting: bool = False, **kwargs: Any
    ) -> None:
        # As html5lib's own _parse, with a tokenizer that reports source spans.
        self.innerHTMLMode = innerHTML
        self.container = container
        self.scripting = scripting
        self.tokenizer = _Tokenizer(stream, parser=self, **kwargs)
        self.tokenizer.spans = self.spans
        self.reset()
        self.mainLoop()

    def dismantle(self) -> None:
        """Break the parser's reference cycles (its phases, tokenizer, input stream and tree
        builder point at each other and hold bound methods of themselves), so that its memory
        goes back when the last reference does, not at the next run of the cycle collector:
        in a publish-check worker those runs paused one check in 25 for milliseconds."""
        for phase in self.phases.values():
            for cls in type(phase).__mro__:
                slots = getattr(cls, "__slots__", ())
                for name in (slots,) if isinstance(slots, str) else slots:
                    name = f"_{cls.__name__.lstrip('_')}{name}" if name.startswith("__") else name
                    with contextlib.suppress(AttributeError):
                        delattr(phase, name)
        tokenizer = getattr(self, "tokenizer", None)
        if tokenizer is not None:
            tokenizer.stream.__dict__.clear()
            tokenizer.__dict__.clear()
        self.tree.__dict__.clear()
        self.__dict__.clear()


class _Node(base.Node):
    kind = "other"  # the document, a doctype

    def __init__(self, name: str | None = None, *, spans: _Spans) -> None:
        super().__init__(name)
        self.spans = spans
        self.start = self.end = spans.start

    def appendChild(self, node: _Node) -> None:
        node.parent = self
        self.childNodes.append(node)

    def insertText(self, data: str, insertBefore: _Node | None = None) -> None:
        text = _Text(self.spans.locate(data), spans=self.spans)
        if insertBefore is None:
            self.appendChild(text)
        else:
            self.insertBefore(text, insertBefore)

    def insertBefore(self, node: _Node, refNode: _Node) -> None:
        index = self.childNodes.index(refNode)
        node.parent = self
        self.childNodes.insert(index, node)

    def removeChild(self, node: _Node) -> None:
        self.childNodes.remove(node)
        node.parent = None

    def reparentChildren(self, newParent: _Node) -> None:
        for child in self.childNodes:
            newParent.appendChild(child)
        self.childNodes: list[_Node] = []

    def cloneNode(self) -> _Node:
        node = type(self)(self.name, spans=self.spans)
        node.attributes = dict(self.attributes)
        node.start, node.end = self.start, self.end
        return node

    def hasContent(self) -> bool:
        return bool(self.childNodes)


class _Element(_Node):
    kind = "element"

    def __init__(self, name: str, namespace: str | None = None, *, spans: _Spans) -> None:
        super().__init__(name, spans=spans)
        self.namespace = namespace
        self.nameTuple = (namespace or "http://www.w3.org/1999/xhtml", name)
        self.end = len(self.spans.source)  # until the parser closes it

    def cloneNode(self) -> _Element:
        node = type(self)(self.name, self.namespace, spans=self.spans)
        node.attributes = dict(self.attributes)
        node.start = self.start
        return node


class _Text(_Node):
    kind = "text"

    def __init__(self, pieces: list[tuple[str, int, int]], *, spans: _Spans) -> None:
        super().__init__(None, spans=spans)
        self.pieces = pieces


class _Comment(_Node):
    kind = "comment"

    def __init__(self, data: str, *, spans: _Spans) -> None:
        super().__init__(None, spans=spans)
        self.value = data
        self.start, self.end = self.spans.start, self.spans.end


class _Doctype(_Node):
    def __init__(self, name: str, publicId: str | None = None, systemId: str | None = None, *, spans: _Spans) -> None:
        super().__init__(name, spans=spans)


class _OpenElements(list[_Element]):
    """The parser's stack of open elements; an element leaving it ends where the parser is."""

    spans: _Spans

    def pop(self, index: Any = -1) -> _Element:
        node = super().pop(index)
        node.end = self.spans.closed_at(node)
        return node

    def remove(self, node: _Element) -> None:
        super().remove(node)
        node.end = self.spans.closed_at(node)


class _TreeBuilder(base.TreeBuilder):
    def __init__(self, namespaceHTMLElements: bool, *, spans: _Spans) -> None:
        # html5lib makes nodes by calling these; each node is told the spans it reads from
        # (classes made per parse for it cost a quarter of a millisecond, and cycles)
        self.spans = spans
        self.documentClass = self.fragmentClass = partial(_Node, spans=spans)
        self.elementClass = partial(_Element, spans=spans)
        self.commentClass = partial(_Comment, spans=spans)
        self.doctypeClass = partial(_Doctype, spans=spans)
        super().__init__(namespaceHTMLElements)

    def reset(self) -> None:
        super().reset()
        stack = _OpenElements()
        stack.spans = self.spans
        self.openElements = stack

    def testSerializer(self, node: _Node) -> str:  # pragma: no cover - html5lib's test hook
        return repr(node)


def parse(source: str) -> Any:
    """The document node of ``source``'s tree; every node knows its source span. Call
    ``release`` on it when done with it."""
    parser = _Parser(_Spans(source))
    try:
        return parser.parse(source)
    finally:
        parser.dismantle()


def release(document: _Node) -> None:
    """Take the tree apart (children and parents point at each other), so that it is freed
    at once rather than by the cycle collector."""
    stack = [document]
    while stack:
        node = stack.pop()
        stack.extend(node.childNodes)
        node.childNodes = []
        node.parent = None

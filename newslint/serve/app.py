"""What the publish-check service answers: routing, the token, request validation, JSON answers.

This module does no I/O. ``Router.route`` turns one parsed HTTP request into a
``Response``, or into a ``CheckRequest`` that the HTTP front hands to a worker
process (``newslint.serve.pool``). Every answer, errors included, is JSON.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint import __version__
from newslint.engine import Options
from newslint.readers.cms import Article, ArticleError, parse_article
from newslint.readers.fields import check_fields
from newslint.report.json import rule_to_json
from newslint.rules import RuleSet

REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    408: "Request Timeout",
    411: "Length Required",
    413: "Content Too Large",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
}


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the service behaves; ``fail_on`` and ``options`` are where a config file plugs in."""

    token: str | None = None
    max_body: int = 2_000_000  # bytes; larger requests get 413 before being read
    timeout: float = 10.0  # seconds from a request's last byte to its answer
    workers: int = 1  # lint processes
    queue: int = 64  # checks waiting for a worker; past it, 503 at once
    max_connections: int = 1000  # open client connections; the longest idle go first
    client_timeout: float = 10.0  # to send one request's headers and body
    keep_alive: float = 5.0  # an idle connection is closed after this
    worker_memory: int = 1024  # MiB of address space a worker may add while checking
    fail_on: str = "error"
    options: Options = field(default_factory=Options)


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    client: str


@dataclass(frozen=True, slots=True)
class Response:
    """One answer; ``body`` is already-encoded JSON when a worker produced it."""

    status: int
    payload: Mapping[str, Any] | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None

    def encoded(self) -> bytes:
        if self.body is not None:
            return self.body
        return json.dumps(self.payload, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """A valid article, to be linted by a worker within the time limit."""

    article: Article
    path: str
    size: int  # body bytes: bigger articles wait behind smaller ones (see pool.py)


class HTTPError(Exception):
    """An answer other than 200, raised from anywhere in a request."""

    def __init__(
        self, status: int, message: str, field: str | None = None, headers: tuple[tuple[str, str], ...] = ()
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.field, self.headers = status, message, field, headers

    def response(self) -> Response:
        """The JSON error answer: what went wrong, and which field when one is to blame."""
        payload: dict[str, Any] = {"error": self.message, "status": self.status}
        if self.field is not None:
            payload["field"] = self.field
        return Response(self.status, payload, self.headers)


class Router:
    """Route, authorise, validate; ``health`` reports on the workers that run the checks."""

    def __init__(
        self, ruleset: RuleSet, config: ServerConfig, health: Callable[[], tuple[bool, dict[str, Any]]]
    ) -> None:
        self.config = config
        self.health_of_workers = health
        self.rule_count = len(ruleset)
        self.rules_payload = {
            "count": len(ruleset),
            "rules": [rule_to_json(r, config.options.severity) for r in ruleset],
        }
        self.routes: dict[str, dict[str, Callable[[Request], Response | CheckRequest]]] = {
            "/v1/check": {"POST": self.check},
            "/v1/rules": {"GET": self.list_rules},
            "/healthz": {"GET": self.health},
        }

    def route(self, request: Request) -> Response | CheckRequest:
        """Authorise (all but /healthz), then route by path and method."""
        try:
            return self._route(request)
        except HTTPError as e:
            return e.response()

    def _route(self, request: Request) -> Response | CheckRequest:
        path = request.path.split("?", 1)[0].rstrip("/") or "/"
        if path != "/healthz":
            self.authorize(request)
        methods = self.routes.get(path)
        if methods is None:
            raise HTTPError(404, f"no endpoint {path}; use POST /v1/check, GET /v1/rules or GET /healthz")
        handler = methods.get("GET" if request.method == "HEAD" else request.method)
        if handler is None:
            allowed = ", ".join(methods)
            raise HTTPError(405, f"{path} accepts {allowed}, not {request.method}", headers=(("Allow", allowed),))
        return handler(request)

    def authorize(self, request: Request) -> None:
        """Bearer token check, in constant time so the token cannot be guessed byte by byte."""
        expected = self.config.token
        if not expected:
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        ok = scheme.casefold() == "bearer" and hmac.compare_digest(
            given.strip().encode("utf-8"), expected.encode("utf-8")
        )
        if not ok:
            reason = "missing" if not header else "wrong"
            raise HTTPError(
                401,
                f"{reason} token: send 'Authorization: Bearer <token>'",
                headers=(("WWW-Authenticate", 'Bearer realm="newslint"'),),
            )

    def check(self, request: Request) -> CheckRequest:
        """POST /v1/check: a valid article, ready for a worker."""
        try:
            article = validate(parse_article(parse_json(request.body)))
        except ArticleError as e:
            raise HTTPError(400, str(e), field=e.field) from e
        return CheckRequest(article, article.id or "<article>", len(request.body))

    def list_rules(self, request: Request) -> Response:
        """GET /v1/rules: every loaded rule (computed once, at startup)."""
        return Response(200, self.rules_payload)

    def health(self, request: Request) -> Response:
        """GET /healthz: 200 when checks can be served now, else 503 saying why not."""
        healthy, workers = self.health_of_workers()
        payload = {
            "status": "ok" if healthy else "unhealthy",
            "version": __version__,
            "rules": self.rule_count,
            **workers,
        }
        return Response(200 if healthy else 503, payload)


def parse_json(raw: bytes) -> Any:
    """The request body as JSON, or a 400 that says what is wrong with it."""
    if not raw.strip():
        raise HTTPError(400, "empty request body: send the article as a JSON object")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise HTTPError(400, f"request body is not UTF-8 (bad byte at offset {e.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise HTTPError(400, f"malformed JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    except (ValueError, RecursionError) as e:  # over-long integers, absurd nesting
        raise HTTPError(400, f"malformed JSON: {e}") from None


def validate(article: Article) -> Article:
    """What a publish check refuses to judge: an empty body, a date or language that is not one."""
    if not article.body.strip():
        raise ArticleError("body", "'body' is empty: there is nothing to publish")
    return check_fields(article)

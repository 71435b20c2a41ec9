"""The publish-check HTTP service: a plain WSGI app, served by waitress.

Endpoints (every answer is JSON)::

    POST /v1/check   an article (generic JSON or a WordPress REST post) -> verdict
    GET  /v1/rules   the loaded rules
    GET  /healthz    liveness, never behind the token

Rules and language profiles load once, when the app is built. Each lint runs
in a worker thread with a time limit, so one pathological article cannot hold
a request forever. Any WSGI server can host ``PublishCheckApp``; ``newslint
serve`` uses waitress (``serve()`` below).
"""

from __future__ import annotations

import concurrent.futures
import hmac
import ipaddress
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint import __version__
from newslint.api import lint
from newslint.config import Config
from newslint.engine import Options
from newslint.errors import ServeError
from newslint.options import build_options
from newslint.readers.cms import Article, ArticleError, parse_article
from newslint.report.json import rule_to_json
from newslint.rules import RuleSet

log = logging.getLogger("newslint.server")

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
           405: "Method Not Allowed", 413: "Content Too Large", 500: "Internal Server Error",
           503: "Service Unavailable", 504: "Gateway Timeout"}
WARM_UP = ("<p>By Jane Smith, 12 September 2024</p><p>The council approved the budget on "
           "Tuesday after a long debate.</p>")


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """How the service behaves; ``fail_on`` and ``options`` are where a config file plugs in."""

    token: str | None = None
    max_body: int = 2_000_000
    timeout: float = 10.0
    threads: int = 8
    fail_on: str = "error"
    options: Options = field(default_factory=Options)


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    payload: Mapping[str, Any]
    headers: tuple[tuple[str, str], ...] = ()

    def encode(self) -> tuple[str, list[tuple[str, str]], bytes]:
        """Status line, headers and body bytes, as WSGI wants them."""
        body = json.dumps(self.payload, ensure_ascii=False).encode("utf-8")
        headers = [("Content-Type", "application/json; charset=utf-8"),
                   ("Content-Length", str(len(body))), ("Cache-Control", "no-store"),
                   ("X-Content-Type-Options", "nosniff"), *self.headers]
        return f"{self.status} {REASONS.get(self.status, 'Error')}", headers, body


class HTTPError(Exception):
    """An answer other than 200, raised from anywhere in a request."""

    def __init__(self, status: int, message: str, field: str | None = None,
                 headers: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.status, self.message, self.field, self.headers = status, message, field, headers

    def response(self) -> Response:
        """The JSON error answer: what went wrong, and which field when one is to blame."""
        payload: dict[str, Any] = {"error": self.message, "status": self.status}
        if self.field is not None:
            payload["field"] = self.field
        return Response(self.status, payload, self.headers)


class PublishCheckApp:
    """The WSGI application: route, authorise, read JSON, lint in a worker, answer JSON."""

    def __init__(self, ruleset: RuleSet, config: ServerConfig | None = None) -> None:
        self.ruleset = ruleset
        self.config = config or ServerConfig()
        # Twice the request threads: a lint that ran past its time limit keeps its worker
        # until it ends, and must not starve the requests that come after it.
        self.overran: list[concurrent.futures.Future[Any]] = []  # checks past their limit
        self.pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=max(2, self.config.threads * 2), thread_name_prefix="newslint-lint")
        self.routes: dict[str, dict[str, Callable[[Mapping[str, Any]], Response]]] = {
            "/v1/check": {"POST": self.check},
            "/v1/rules": {"GET": self.list_rules},
            "/healthz": {"GET": self.health},
        }
        self.rules_payload = {"count": len(ruleset),
                              "rules": [rule_to_json(r, self.config.options.severity) for r in ruleset]}
        self.warm_up()

    def warm_up(self) -> None:
        """Load language profiles and parsers now, not on the first editor's request."""
        from newslint import language

        lint(Article(body=WARM_UP), rules=self.ruleset, options=self.config.options)
        language.detect("Это проверка языка для загрузки всех профилей сразу")

    def __call__(self, environ: Mapping[str, Any],
                 start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self.dispatch(environ)
        except HTTPError as e:
            response = e.response()
        except Exception:  # a bug answers 500 and is logged; the client never sees a traceback
            log.exception("internal error on %s %s", environ.get("REQUEST_METHOD"),
                          environ.get("PATH_INFO"))
            response = HTTPError(500, "internal error in newslint; see the server log").response()
        status, headers, body = response.encode()
        start_response(status, headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def dispatch(self, environ: Mapping[str, Any]) -> Response:
        """Authorise (all but /healthz), then route by path and method."""
        path = (environ.get("PATH_INFO") or "/").rstrip("/") or "/"
        if path != "/healthz":
            self.authorize(environ)
        methods = self.routes.get(path)
        if methods is None:
            raise HTTPError(404, f"no endpoint {path}; use POST /v1/check, GET /v1/rules "
                                 "or GET /healthz")
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        handler = methods.get("GET" if method == "HEAD" else method)
        if handler is None:
            allowed = ", ".join(methods)
            raise HTTPError(405, f"{path} accepts {allowed}, not {method}",
                            headers=(("Allow", allowed),))
        return handler(environ)

    def authorize(self, environ: Mapping[str, Any]) -> None:
        """Bearer token check, in constant time so the token cannot be guessed byte by byte."""
        expected = self.config.token
        if not expected:
            return
        header = str(environ.get("HTTP_AUTHORIZATION", ""))
        scheme, _, given = header.partition(" ")
        ok = scheme.casefold() == "bearer" and hmac.compare_digest(
            given.strip().encode("utf-8"), expected.encode("utf-8"))
        if not ok:
            reason = "missing" if not header else "wrong"
            raise HTTPError(401, f"{reason} token: send 'Authorization: Bearer <token>'",
                            headers=(("WWW-Authenticate", 'Bearer realm="newslint"'),))

    def check(self, environ: Mapping[str, Any]) -> Response:
        """POST /v1/check: validate the article, lint it in a worker within the time limit."""
        try:
            article = parse_article(read_json(environ, self.config.max_body))
        except ArticleError as e:
            raise HTTPError(400, str(e), field=e.field) from e
        started = time.monotonic()
        future = self.pool.submit(lint, article, fail_on=self.config.fail_on,
                                  options=self.config.options, rules=self.ruleset,
                                  path=article.id or "<article>")
        try:
            result = future.result(timeout=self.config.timeout)
        except concurrent.futures.TimeoutError:
            raise self._timed_out(future, started) from None
        return Response(200, result.to_json())

    def _timed_out(self, future: concurrent.futures.Future[Any], started: float) -> HTTPError:
        if future.cancel():  # it never got a worker: the service is overloaded
            return HTTPError(503, f"server busy: the article waited {self.config.timeout:g}s "
                                  "for a worker and was not checked; retry",
                             headers=(("Retry-After", "1"),))
        log.warning("a lint ran past the %gs limit", self.config.timeout)
        self.overran = [f for f in self.overran if not f.done()] + [future]
        return HTTPError(504, f"checking took longer than the {self.config.timeout:g}s limit "
                              f"({time.monotonic() - started:.1f}s); the article was not checked")

    def list_rules(self, environ: Mapping[str, Any]) -> Response:
        """GET /v1/rules: every loaded rule (computed once, at startup)."""
        return Response(200, self.rules_payload)

    def health(self, environ: Mapping[str, Any]) -> Response:
        """GET /healthz: alive, with the version and how many rules are loaded."""
        return Response(200, {"status": "ok", "version": __version__, "rules": len(self.ruleset)})

    def close(self) -> bool:
        """Stop the lint workers; checks still running are abandoned. True if one still runs."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        return any(not future.done() for future in self.overran)


def read_json(environ: Mapping[str, Any], max_body: int) -> Any:
    """The request body as JSON, or a 400/413 that says what is wrong with it."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise HTTPError(400, "Content-Length is not a number") from None
    if length > max_body:
        raise HTTPError(413, f"request body is {length} bytes, over the {max_body}-byte limit "
                             "(newslint serve --max-body)")
    if length <= 0:
        raise HTTPError(400, "empty request body: send the article as a JSON object")
    raw = environ["wsgi.input"].read(length)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise HTTPError(400, f"request body is not UTF-8 (bad byte at offset {e.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise HTTPError(400, f"malformed JSON: {e.msg} at line {e.lineno}, "
                             f"column {e.colno}") from None
    except (ValueError, RecursionError) as e:  # over-long integers, absurd nesting
        raise HTTPError(400, f"malformed JSON: {e}") from None


def server_config(config: Config, ruleset: RuleSet, **service: Any) -> ServerConfig:
    """Lint settings from a config file (``newslint.yaml``...), service settings from flags."""
    options = build_options(config, (r.id for r in ruleset))
    return ServerConfig(fail_on=config.fail_on, options=options, **service)


def serve(ruleset: RuleSet, config: ServerConfig, host: str = "127.0.0.1",
          port: int = 8080) -> None:
    """Serve the app with waitress until interrupted (Ctrl-C or SIGTERM)."""
    import waitress

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = PublishCheckApp(ruleset, config)
    try:
        # waitress's own ceiling sits above ours so that most over-size bodies still get
        # newslint's JSON 413; only absurd ones meet waitress's plain-text refusal.
        server: Any = waitress.create_server(
            app, host=host, port=port, threads=config.threads, ident="newslint",
            max_request_body_size=max(4 * config.max_body, config.max_body + 1_000_000))
    except (OSError, ValueError) as e:
        app.close()
        raise ServeError(f"cannot listen on {host}:{port}: {e}") from e
    _announce(server, host, len(ruleset), config)
    signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        server.run()
    finally:
        server.close()
        if app.close():
            # A check that overran its limit cannot be interrupted, and Python would wait
            # for its thread at exit: leave now instead of hanging on SIGTERM.
            log.warning("exiting with a timed-out check still running")
            logging.shutdown()
            os._exit(0)


def _exit_on_signal(signum: int, frame: Any) -> None:
    raise SystemExit(0)


def _announce(server: Any, host: str, rules: int, config: ServerConfig) -> None:
    port = getattr(server, "effective_port", None)
    auth = "on" if config.token else "off"
    log.info("newslint %s: %d rules loaded; listening on http://%s:%s (token auth %s, "
             "%d threads, %gs per request)", __version__, rules, host, port, auth,
             config.threads, config.timeout)
    if not config.token and not _loopback(host):
        log.warning("listening on %s without a token: anyone who can reach it can use it; "
                    "set NEWSLINT_TOKEN", host)
    sys.stderr.flush()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def create_app(rules_dirs: Iterable[str] = (), **config: Any) -> PublishCheckApp:
    """A ready app for other WSGI servers, e.g. ``gunicorn 'newslint.server:create_app()'``."""
    import os

    from newslint.rules import load_rules

    config.setdefault("token", os.environ.get("NEWSLINT_TOKEN") or None)
    return PublishCheckApp(load_rules(extra_dirs=rules_dirs), ServerConfig(**config))

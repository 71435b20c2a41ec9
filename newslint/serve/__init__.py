"""The publish-check HTTP service, ``newslint serve``.

Endpoints (every answer is JSON)::

    POST /v1/check   an article (generic JSON or a WordPress REST post) -> verdict
    GET  /v1/rules   the loaded rules
    GET  /healthz    200 when checks can be served now, else 503; never behind the token

One front process (``http.py``) owns the connections and answers everything
but the lint; ``--workers`` processes (``pool.py``), forked from it once rules
and language profiles are loaded, run the checks one at a time each, and are
killed and replaced when a check overruns its time limit. ``app.py`` holds the
routing, the token check and request validation, and does no I/O.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import ipaddress
import json
import logging
import os
import signal
import socket
import sys
from typing import Any

from newslint import __version__
from newslint.api import lint
from newslint.config import Config
from newslint.errors import ServeError
from newslint.options import build_options
from newslint.readers.cms import Article
from newslint.rules import RuleSet
from newslint.serve.app import HTTPError, Response, Router, ServerConfig
from newslint.serve.http import Front, run
from newslint.serve.pool import WorkerPool

__all__ = ["HTTPError", "Response", "Router", "ServeError", "ServerConfig", "default_workers", "serve", "server_config"]

log = logging.getLogger("newslint.server")
WARM_UP = (
    "<p>By Jane Smith, 12 September 2024</p><p>The council approved the budget on Tuesday after a long debate.</p>"
)


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:
        return os.cpu_count() or 1


def server_config(config: Config, ruleset: RuleSet, **service: Any) -> ServerConfig:
    """Lint settings from a config file (``newslint.yaml``...), service settings from flags."""
    options = build_options(config, (r.id for r in ruleset))
    return ServerConfig(fail_on=config.fail_on, options=options, **service)


def serve(ruleset: RuleSet, config: ServerConfig, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Serve until SIGTERM or Ctrl-C; raises ServeError if the address cannot be used."""
    if not hasattr(os, "fork"):
        raise ServeError(
            "newslint serve needs a Unix system (its workers are forked processes); "
            "on Windows call newslint.lint_article() from your own service"
        )
    _configure_logging()
    try:
        sock = socket.create_server((host, port), backlog=1024, reuse_port=False)
    except (OSError, ValueError, OverflowError) as e:
        raise ServeError(f"cannot listen on {host}:{port}: {e}") from e
    _raise_open_files_limit(config.max_connections + 4 * config.workers + 64)
    runner = _runner(ruleset, config)
    _warm_up(runner)
    try:
        asyncio.run(_main(ruleset, config, runner, sock, host))
    finally:
        sock.close()


async def _main(ruleset: RuleSet, config: ServerConfig, runner: Any, sock: socket.socket, host: str) -> None:
    pool = WorkerPool(runner, config.workers, config.queue, config.worker_memory)
    await pool.start()
    front = Front(Router(ruleset, config, pool.health), pool, config)
    serving = asyncio.ensure_future(run(front, sock))
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, serving.cancel)
    _announce(sock, host, len(ruleset), config)
    try:
        await serving
        # no new connections now; the checks under way get their answers (or their deadline)
        await front.drain(config.timeout + 1)
    finally:
        log.info("stopping: %d workers", config.workers)
        await pool.close()


def _runner(ruleset: RuleSet, config: ServerConfig) -> Any:
    # The service's budget is its own deadline (``config.timeout``): the front kills the
    # worker and answers 504, wherever the check is stuck. A budget inside the worker too
    # would race it, and answer the same overrun as a 200 with an input/timeout finding.
    options = dataclasses.replace(config.options, timeout=0)

    def check(article: Article, path: str) -> bytes:
        result = lint(article, fail_on=config.fail_on, options=options, rules=ruleset, path=path)
        # A lone surrogate (half an emoji a CMS cut in two, sent as "\ud83d") has no UTF-8:
        # written back as the same JSON escape, the answer is valid JSON, not a 500.
        return json.dumps(result.to_json(), ensure_ascii=False).encode("utf-8", "backslashreplace")

    return check


def _configure_logging() -> None:
    """Log lines to stderr; the access log writes one a request, so a line records nothing its
    format does not show: no caller's file and line, thread or process (the logging HOWTO's
    "Optimization" settings)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    logging._srcfile = None


def _warm_up(runner: Any) -> None:
    """Load language profiles and parsers now, before the workers fork, not per worker."""
    from newslint import language

    runner(Article(body=WARM_UP), "<warm-up>")
    language.detect("Это проверка языка для загрузки всех профилей сразу")


def _raise_open_files_limit(wanted: int) -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < wanted:
            target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def _announce(sock: socket.socket, host: str, rules: int, config: ServerConfig) -> None:
    port = sock.getsockname()[1]
    auth = "on" if config.token else "off"
    log.info(
        "newslint %s: %d rules loaded; listening on http://%s:%s (token auth %s, "
        "%d workers, %gs per check, %d connections at most)",
        __version__,
        rules,
        host,
        port,
        auth,
        config.workers,
        config.timeout,
        config.max_connections,
    )
    if not config.token and not _loopback(host):
        log.warning("listening on %s without a token: anyone who can reach it can use it; set NEWSLINT_TOKEN", host)
    sys.stderr.flush()


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"

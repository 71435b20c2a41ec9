"""The HTTP front: one asyncio process that owns every client connection and never lints.

It reads requests under time and size limits, answers what needs no lint
itself (``/healthz``, ``/v1/rules``, every error), hands checks to the worker
pool and writes one access-log line per answer. Idle connections cost little
here, are closed after ``keep_alive`` seconds, and when ``max_connections``
are open the longest-idle one makes room for a new client. Requests over the
limits get newslint's own JSON answers (400, 408, 413, 431, 501, 505), never a
plain-text page from a server library.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import time
from dataclasses import dataclass
from typing import Any

from newslint.serve.app import REASONS, CheckRequest, HTTPError, Request, Response, Router, ServerConfig
from newslint.serve.pool import WorkerPool, within

access = logging.getLogger("newslint.access")
log = logging.getLogger("newslint.server")

MAX_HEAD = 16_384  # request line and headers
_READ = 65_536


@dataclass(eq=False)
class Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    client: str
    idle_since: float | None  # None while a request is being read or answered
    buffer: bytearray
    line: tuple[str, str] = ("-", "-")  # method and path of the request being read, for the log
    reserved: int = 0  # bytes of the body budget this connection's request holds


class Front:
    """Accepts connections and serves requests on them; see the module docstring."""

    def __init__(self, router: Router, pool: WorkerPool, config: ServerConfig) -> None:
        self.router, self.pool, self.config = router, pool, config
        self.connections: set[Connection] = set()
        # Request bodies held at once, in bytes: enough for every worker and queue place, so a
        # thousand clients sending big bodies at once cannot run the front out of memory.
        self.body_budget = config.max_body * (config.queue + config.workers)
        self.buffered = 0
        self.answering = 0  # requests between their last byte and their answer

    async def drain(self, grace: float) -> None:
        """Wait (at most ``grace`` seconds) for the requests being answered; used at shutdown."""
        end = time.monotonic() + grace
        while self.answering and time.monotonic() < end:
            await asyncio.sleep(0.05)

    async def serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        conn = Connection(
            reader, writer, peer[0] if isinstance(peer, tuple) else str(peer or "-"), time.monotonic(), bytearray()
        )
        if not self._make_room():
            await self._answer(
                conn,
                None,
                HTTPError(503, "too many open connections; retry", headers=(("Retry-After", "1"),)).response(),
                time.monotonic(),
                keep=False,
            )
            writer.close()
            return
        self.connections.add(conn)
        try:
            while await self._serve_one(conn):
                conn.idle_since = time.monotonic()
        except OSError:  # the client went away, idled out or stopped reading: no answer
            pass
        finally:
            self._release(conn)
            self.connections.discard(conn)
            writer.close()

    def _make_room(self) -> bool:
        """Room for one more connection, closing the longest-idle one if need be."""
        if len(self.connections) < self.config.max_connections:
            return True
        idle = [c for c in self.connections if c.idle_since is not None]
        if not idle:
            return False
        oldest = min(idle, key=lambda c: c.idle_since or 0.0)
        self.connections.discard(oldest)
        oldest.writer.transport.abort()
        return True

    async def _serve_one(self, conn: Connection) -> bool:
        """Read, answer and log one request; False when the connection is to be closed."""
        try:
            request, keep = await self._read_request(conn)
        except HTTPError as e:  # malformed, too slow, too large: answer, then close
            await self._answer(conn, None, e.response(), time.monotonic(), keep=False)
            await self._linger(conn)
            return False
        started = time.monotonic()
        self.answering += 1
        try:
            try:
                response = await self._respond(request)
            finally:
                self._release(conn)
            await self._answer(conn, request, response, started, keep)
        finally:
            self.answering -= 1
        return keep

    def _reserve(self, conn: Connection, size: int) -> None:
        if self.buffered + size > self.body_budget:
            raise HTTPError(
                503, "server busy: too many request bodies in flight; retry", headers=(("Retry-After", "1"),)
            )
        self.buffered += size
        conn.reserved += size

    def _release(self, conn: Connection) -> None:
        self.buffered -= conn.reserved
        conn.reserved = 0

    async def _respond(self, request: Request) -> Response:
        routed = self.router.route(request)
        if not isinstance(routed, CheckRequest):
            return routed
        try:
            answer = await self.pool.check(routed.article, routed.path, routed.size, self.config.timeout)
        except HTTPError as e:
            return e.response()
        return Response(200, body=answer)

    # Reading

    async def _read_request(self, conn: Connection) -> tuple[Request, bool]:
        conn.line = ("-", "-")
        head_end, deadline = await self._read_head(conn)
        conn.idle_since = None
        method, path, version, headers = _parse_head(bytes(conn.buffer[:head_end]))
        del conn.buffer[: head_end + 4]
        conn.line = (method, path)
        keep = _keep_alive(version, headers)
        chunked = _chunked(headers)
        length = 0 if chunked else _content_length(headers, self.config.max_body)
        self._reserve(conn, self.config.max_body if chunked else length)
        if (length or chunked) and headers.get("expect", "").casefold() == "100-continue":
            conn.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        if chunked:
            body = await self._read_chunks(conn, deadline)
        else:
            body = await self._take(conn, length, deadline)
        return Request(method, path, headers, body, conn.client), keep

    async def _take(self, conn: Connection, size: int, deadline: float) -> bytes:
        while len(conn.buffer) < size:
            await self._fill(conn, deadline, "the request body")
        data = bytes(conn.buffer[:size])
        del conn.buffer[:size]
        return data

    async def _line(self, conn: Connection, deadline: float) -> bytes:
        while (end := conn.buffer.find(b"\r\n")) < 0:
            if len(conn.buffer) > MAX_HEAD:
                raise HTTPError(400, "malformed chunked body: a chunk-size line is too long")
            await self._fill(conn, deadline, "the request body")
        return await self._take(conn, end + 2, deadline)

    async def _read_chunks(self, conn: Connection, deadline: float) -> bytes:
        """A chunked body (Transfer-Encoding: chunked), held to the same size limit."""
        body = bytearray()
        while True:
            size_line = (await self._line(conn, deadline)).split(b";")[0].strip()
            try:
                size = int(size_line, 16)
            except ValueError:
                raise HTTPError(400, "malformed chunked body: bad chunk size") from None
            if len(body) + size > self.config.max_body:
                raise HTTPError(
                    413, f"request body is over the {self.config.max_body}-byte limit (newslint serve --max-body)"
                )
            if size == 0:
                while await self._line(conn, deadline) != b"\r\n":
                    pass  # trailer fields, ignored
                return bytes(body)
            chunk = await self._take(conn, size + 2, deadline)
            if chunk[-2:] != b"\r\n":
                raise HTTPError(400, "malformed chunked body: a chunk does not end with CRLF")
            body += chunk[:-2]

    async def _read_head(self, conn: Connection) -> tuple[int, float]:
        """Offset of the blank line that ends the headers, once they are all in, and the time
        by which the whole request must have arrived (``client_timeout`` from its first byte)."""
        deadline = time.monotonic() + self.config.client_timeout
        searched = 0
        while (end := conn.buffer.find(b"\r\n\r\n", max(searched - 3, 0))) < 0:
            if len(conn.buffer) > MAX_HEAD:
                raise HTTPError(431, f"request line and headers are over {MAX_HEAD} bytes")
            searched = len(conn.buffer)
            if not conn.buffer.strip():  # nothing of a request yet: an idle connection
                conn.buffer.clear()
                await self._wait_idle(conn)
                deadline = time.monotonic() + self.config.client_timeout
            else:
                conn.idle_since = None
                await self._fill(conn, deadline, "the request headers")
        if end > MAX_HEAD:
            raise HTTPError(431, f"request line and headers are over {MAX_HEAD} bytes")
        return end, deadline

    async def _wait_idle(self, conn: Connection) -> None:
        """Wait for a request on an idle connection; ``close_idle`` ends the wait after
        ``keep_alive`` seconds (one sweep a fraction of a second, not one timer a request)."""
        if conn.idle_since is None:
            conn.idle_since = time.monotonic()
        data = await conn.reader.read(_READ)
        if not data:
            raise _closed()
        conn.buffer += data

    def close_idle(self) -> None:
        """Close the connections idle for longer than ``keep_alive``, without an answer."""
        too_old = time.monotonic() - self.config.keep_alive
        for conn in [c for c in self.connections if c.idle_since is not None and c.idle_since < too_old]:
            conn.writer.transport.abort()

    async def _fill(self, conn: Connection, deadline: float, what: str) -> None:
        try:
            data = await within(conn.reader.read(_READ), max(deadline - time.monotonic(), 0))
        except asyncio.TimeoutError:
            raise HTTPError(408, f"{what} did not arrive within {self.config.client_timeout:g}s") from None
        if not data:
            raise _closed()
        conn.buffer += data

    async def _linger(self, conn: Connection) -> None:
        """Read what the client still sends for a moment, so that closing does not reset the
        connection before it has read our answer (a 413 sent while the body is on its way)."""
        with contextlib.suppress(OSError, asyncio.TimeoutError):
            if conn.writer.can_write_eof():
                conn.writer.write_eof()
            end = time.monotonic() + 1.0
            while time.monotonic() < end:
                if not await within(conn.reader.read(_READ), end - time.monotonic()):
                    return

    # Writing

    async def _answer(
        self, conn: Connection, request: Request | None, response: Response, started: float, keep: bool
    ) -> None:
        body = response.encoded()
        head_only = request is not None and request.method == "HEAD"
        headers = [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Date", _http_date()),
            ("Connection", "keep-alive" if keep else "close"),
            *response.headers,
        ]
        head = (
            f"HTTP/1.1 {response.status} {REASONS.get(response.status, 'Error')}\r\n"
            + "".join(f"{name}: {value}\r\n" for name, value in headers)
            + "\r\n"
        )
        conn.writer.write(head.encode("latin-1") + (b"" if head_only else body))
        method, path = (request.method, request.path) if request else conn.line
        access.info(
            '%s "%s %s" %d %.1fms %dB',
            conn.client,
            method,
            _printable(path),
            response.status,
            (time.monotonic() - started) * 1000,
            len(body),
        )
        if conn.writer.transport.get_write_buffer_size() == 0:
            return  # all sent already: nothing to wait for
        try:
            await within(conn.writer.drain(), self.config.client_timeout)
        except asyncio.TimeoutError:
            raise _closed() from None  # a client that does not read its answer


def _closed() -> ConnectionAbortedError:
    """The client went away, or stayed idle past the keep-alive time: close without answering."""
    return ConnectionAbortedError("connection closed")


def _parse_head(head: bytes) -> tuple[str, str, str, dict[str, str]]:
    try:
        line, *fields = head.decode("latin-1").split("\r\n")
        method, path, version = line.split(" ")
    except ValueError:
        raise HTTPError(400, "malformed HTTP request line") from None
    if not version.startswith("HTTP/1."):
        raise HTTPError(505, f"{_printable(version)} is not supported; use HTTP/1.1")
    headers: dict[str, str] = {}
    for item in fields:
        name, colon, value = item.partition(":")
        if not colon or not name or name != name.strip():
            raise HTTPError(400, f"malformed header line: {_printable(item[:80])!r}")
        key = name.casefold()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return method.upper(), path, version, headers


def _keep_alive(version: str, headers: dict[str, str]) -> bool:
    tokens = {t.strip().casefold() for t in headers.get("connection", "").split(",")}
    return "keep-alive" in tokens if version == "HTTP/1.0" else "close" not in tokens


def _chunked(headers: dict[str, str]) -> bool:
    coding = headers.get("transfer-encoding")
    if coding is None:
        return False
    if coding.strip().casefold() != "chunked":
        raise HTTPError(
            501, f"Transfer-Encoding {_printable(coding[:40])!r} is not supported; send Content-Length or chunked"
        )
    if "content-length" in headers:  # both: a request-smuggling attempt, or a broken client
        raise HTTPError(400, "a request may not have both Content-Length and Transfer-Encoding")
    return True


def _content_length(headers: dict[str, str], max_body: int) -> int:
    raw = headers.get("content-length")
    if raw is None:
        return 0
    if not raw.isdigit():
        raise HTTPError(400, f"Content-Length is not a number: {_printable(raw[:40])!r}")
    length = int(raw)
    if length > max_body:
        raise HTTPError(
            413, f"request body is {length} bytes, over the {max_body}-byte limit (newslint serve --max-body)"
        )
    return length


def _printable(text: str) -> str:
    if text.isprintable():
        return text[:200]
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:200]


_date: tuple[int, str] = (0, "")


def _http_date() -> str:
    """The Date header's value, formatted once a second, not once an answer."""
    global _date
    now = int(time.time())
    if _date[0] != now:
        _date = (now, email.utils.formatdate(now, usegmt=True))
    return _date[1]


async def run(front: Front, sock: Any) -> None:
    """Serve on the listening socket until cancelled; then accept no more connections."""
    server = await asyncio.start_server(front.serve_connection, sock=sock, limit=_READ)
    sweeper = asyncio.ensure_future(_sweep(front))
    try:
        await server.serve_forever()
    except asyncio.CancelledError:
        pass  # a stop signal: the caller lets the requests under way finish
    finally:
        server.close()
        sweeper.cancel()


async def _sweep(front: Front) -> None:
    every = min(max(front.config.keep_alive / 4, 0.05), 1.0)
    while True:
        await asyncio.sleep(every)
        front.close_idle()

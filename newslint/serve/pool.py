"""The processes that run the checks: forked once the rules are loaded, killed at a deadline.

A check that runs in a thread cannot be stopped, and while it holds the GIL
(a long search inside a C extension) not even the timer meant to stop it runs.
A process can be killed at its deadline whatever it is doing, and a fresh one
forked in its place from the front process, which holds the loaded rules and
never lints. Each worker runs one check at a time, under an address-space
limit, and dies with the front process.

Checks wait for a free worker in one queue, in order of arrival plus a penalty
for size (``SIZE_PENALTY``): a 5 KB article sent just after sixteen 130 KB
ones is checked first, and the big ones still cannot wait forever, because
every check has a deadline: one still queued at it is answered 503 (busy),
one running at it 504, and its worker is replaced.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import heapq
import itertools
import logging
import os
import pickle
import signal
import socket
import struct
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from newslint.serve.app import HTTPError

log = logging.getLogger("newslint.server")

SIZE_PENALTY = 50_000  # bytes of body that count as one second of waiting
_FRAME = struct.Struct(">I")
_OK, _FAILED, _OUT_OF_MEMORY = b"0", b"E", b"M"
Runner = Callable[[Any, str], bytes]  # (article, path) -> JSON answer
_T = TypeVar("_T")


async def within(awaitable: Awaitable[_T], seconds: float) -> _T:
    """``asyncio.wait_for`` without a task per call (several per request) on Python 3.11+."""
    if sys.version_info < (3, 11):
        return await asyncio.wait_for(awaitable, seconds)
    async with asyncio.timeout(seconds):
        return await awaitable


def _not_checked(status: int, message: str) -> HTTPError:
    """The check was not done: 503 (busy, lost; retry) or 504 (over the limit), or 500 (a bug)."""
    return HTTPError(status, message, headers=(("Retry-After", "1"),) if status == 503 else ())


@dataclass(eq=False)
class Job:
    article: Any
    path: str
    deadline: float  # on the event loop's clock
    timeout: float
    future: asyncio.Future[bytes]
    started: bool = False


@dataclass(eq=False)
class Worker:
    pid: int
    sock: socket.socket
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    busy: bool = False
    served: int = 0


@dataclass
class PoolStats:
    recycled: int = 0  # workers killed at a deadline or lost, and replaced
    expired: int = 0  # checks that waited past their deadline for a worker
    failed: int = 0  # checks a worker could not finish (crash, out of memory)


class WorkerPool:
    """``size`` worker processes and the queue in front of them."""

    def __init__(self, runner: Runner, size: int, queue: int, memory_mib: int) -> None:
        self.runner, self.size, self.max_queue, self.memory_mib = runner, size, queue, memory_mib
        self.workers: list[Worker] = []
        self.waiting: list[tuple[float, int, Job]] = []
        self.queued = 0
        self.stats = PoolStats()
        self._order = itertools.count()
        self._closing = False

    async def start(self) -> None:
        gc.freeze()  # what is loaded now stays shared, copy-on-write, with every worker
        for _ in range(self.size):
            self.workers.append(await self._spawn())

    async def check(self, article: Any, path: str, size: int, timeout: float) -> bytes:
        """The worker's JSON answer, or an HTTPError (503 busy or lost, 504 over the limit)."""
        loop = asyncio.get_running_loop()
        if self.queued >= self.max_queue:
            raise _not_checked(
                503, f"server busy: {self.queued} checks are waiting for a worker; the article was not checked, retry"
            )
        job = Job(article, path, loop.time() + timeout, timeout, loop.create_future())
        heapq.heappush(self.waiting, (loop.time() + size / SIZE_PENALTY, next(self._order), job))
        self.queued += 1
        expiry = loop.call_at(job.deadline, self._expire, job, timeout)
        self._dispatch()
        try:
            return await job.future
        finally:
            expiry.cancel()

    def health(self) -> tuple[bool, dict[str, Any]]:
        """Whether a check sent now can be served, and the numbers behind the answer."""
        self._replace_dead()
        alive = sum(1 for w in self.workers if w.pid > 0)
        busy = sum(1 for w in self.workers if w.busy)
        problems = []
        if alive == 0:
            problems.append("no worker process is alive")
        if self.queued >= self.max_queue:
            problems.append(f"the queue is full ({self.queued} checks waiting)")
        info: dict[str, Any] = {
            "workers": self.size,
            "alive": alive,
            "busy": busy,
            "queued": self.queued,
            "recycled": self.stats.recycled,
            "expired": self.stats.expired,
        }
        if problems:
            info["problems"] = problems
        return not problems, info

    async def close(self) -> None:
        self._closing = True
        gc.unfreeze()
        for worker in self.workers:
            worker.writer.close()  # end of input: an idle worker exits at once
        for worker in self.workers:
            self._kill(worker, signal.SIGTERM)
        await asyncio.sleep(0)

    # The queue

    def _dispatch(self) -> None:
        if not self.waiting:
            return
        self._replace_dead()  # a worker killed while idle (the OOM killer, an operator)
        for worker in self.workers:
            if worker.busy or worker.pid <= 0:
                continue
            job = self._next_job()
            if job is None:
                return
            worker.busy = job.started = True
            asyncio.get_running_loop().create_task(self._run(worker, job))

    def _next_job(self) -> Job | None:
        while self.waiting:
            _, _, job = heapq.heappop(self.waiting)
            if not job.future.done():  # not expired, not abandoned
                self.queued -= 1
                return job
        return None

    def _expire(self, job: Job, timeout: float) -> None:
        if job.started or job.future.done():
            return  # a running check is stopped by its own worker's deadline
        self.queued -= 1
        self.stats.expired += 1
        job.future.set_exception(
            _not_checked(503, f"server busy: the article waited {timeout:g}s for a worker and was not checked; retry")
        )

    async def _run(self, worker: Worker, job: Job) -> None:
        loop = asyncio.get_running_loop()
        try:
            payload = pickle.dumps((job.article, job.path))
            worker.writer.write(_FRAME.pack(len(payload)) + payload)
            status, answer = await within(_read_frame(worker.reader), max(job.deadline - loop.time(), 0))
        except asyncio.TimeoutError:
            log.warning("check of %s ran past its deadline: worker %d killed and replaced", job.path, worker.pid)
            await self._replace(worker)
            _settle(
                job,
                _not_checked(504, f"checking took longer than the {job.timeout:g}s limit; the article was not checked"),
            )
        except (OSError, EOFError, asyncio.IncompleteReadError):
            log.error("worker %d died while checking %s; replaced", worker.pid, job.path)
            self.stats.failed += 1
            await self._replace(worker)
            _settle(
                job, _not_checked(503, "the check failed (the worker was lost); the article was not checked, retry")
            )
        else:
            worker.busy = False
            worker.served += 1
            if status == _OK:
                _settle(job, answer)
            else:
                self.stats.failed += 1
                if status == _OUT_OF_MEMORY:
                    await self._replace(worker)
                _settle(job, _not_checked(503 if status == _OUT_OF_MEMORY else 500, answer.decode("utf-8", "replace")))
        self._dispatch()

    # The processes

    async def _replace(self, worker: Worker) -> None:
        self._kill(worker, signal.SIGKILL)
        self.stats.recycled += 1
        if self._closing:
            return
        fresh = await self._spawn()
        self.workers[self.workers.index(worker)] = fresh
        self._dispatch()

    def _replace_dead(self) -> None:
        """Replace workers that died while idle (killed from outside, say)."""
        for worker in self.workers:
            if worker.pid > 0 and not worker.busy and _exited(worker.pid):
                log.error("worker %d exited; replacing it", worker.pid)
                worker.pid = -worker.pid
                worker.busy = True  # until replaced
                asyncio.get_running_loop().create_task(self._replace(worker))

    def _kill(self, worker: Worker, how: signal.Signals) -> None:
        worker.busy = True
        pid = abs(worker.pid)
        worker.pid = -pid
        with contextlib.suppress(OSError):
            os.kill(pid, how)
        worker.writer.close()
        _reap_later(pid)

    async def _spawn(self) -> Worker:
        parent, child = socket.socketpair()
        front = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker; it never returns
            parent.close()
            _worker_main(child, self.runner, self.memory_mib, front)
        child.close()
        reader, writer = await asyncio.open_unix_connection(sock=parent, limit=2**31)
        return Worker(pid, parent, reader, writer)


async def _read_frame(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    size = _FRAME.unpack(await reader.readexactly(_FRAME.size))[0]
    data = await reader.readexactly(size)
    return data[:1], data[1:]


def _settle(job: Job, outcome: bytes | HTTPError) -> None:
    if job.future.done():
        return
    if isinstance(outcome, HTTPError):
        job.future.set_exception(outcome)
    else:
        job.future.set_result(outcome)


def _exited(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return done == pid


def _reap_later(pid: int, tries: int = 100) -> None:
    """Collect a killed worker's exit status without blocking the loop."""
    if not _exited(pid) and tries > 0:
        asyncio.get_running_loop().call_later(0.05, _reap_later, pid, tries - 1)


# Inside a worker process


def _worker_main(sock: socket.socket, runner: Runner, memory_mib: int, front: int) -> None:
    """Serve checks from the front process until it closes the socket or dies."""
    code = 0
    try:
        _detach(sock, memory_mib, front)
        while True:
            request = _recv_frame(sock)
            if request is None:
                break
            article, path = pickle.loads(request)  # noqa: S301 - from our own front process
            status, answer = _run_check(runner, article, path)
            sock.sendall(_FRAME.pack(len(answer) + 1) + status + answer)
            if status == _OUT_OF_MEMORY:
                break  # a fresh process takes over: this one's heap may be in pieces
    except BaseException:  # noqa: BLE001 - a worker must never return into the front's code
        log.exception("worker %d failed", os.getpid())
        code = 1
    finally:
        sys.stderr.flush()
        os._exit(code)


def _run_check(runner: Runner, article: Any, path: str) -> tuple[bytes, bytes]:
    try:
        return _OK, runner(article, path)
    except MemoryError:
        log.error("worker %d ran out of memory checking %s", os.getpid(), path)
        return _OUT_OF_MEMORY, (
            b"checking this article needed more memory than a worker may use; the article was not checked"
        )
    except Exception:
        log.exception("internal error checking %s", path)
        return _FAILED, b"internal error in newslint; see the server log"


def _detach(sock: socket.socket, memory_mib: int, front: int) -> None:
    """Leave the front's sockets and signals behind; die with the front; bound memory."""
    signal.set_wakeup_fd(-1)  # the front's event loop's, closed below
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the front, which stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep = sock.fileno()
    os.closerange(3, keep)  # the listening socket, client connections, other workers
    os.closerange(keep + 1, _max_fd())
    _die_with_parent(front)
    _limit_memory(memory_mib)


def _max_fd() -> int:
    try:
        import resource

        return min(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 1 << 20)
    except (ImportError, ValueError):
        return 65536


def _die_with_parent(front: int) -> None:
    """Linux: the kernel kills this worker when the front process dies, even mid-check."""
    if not sys.platform.startswith("linux"):
        return  # elsewhere the worker exits when it reads end-of-file from the front
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != front:  # the front died before prctl took effect
        os._exit(0)


def _limit_memory(memory_mib: int) -> None:
    """Cap the address space at what the worker uses now plus ``memory_mib``."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[0])
    except (ImportError, OSError, ValueError):
        return
    limit = pages * os.sysconf("SC_PAGE_SIZE") + memory_mib * 2**20
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))


def _recv_frame(sock: socket.socket) -> bytes | None:
    head = _recv_exactly(sock, _FRAME.size)
    return None if head is None else _recv_exactly(sock, _FRAME.unpack(head)[0])


def _recv_exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)

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

When more checks wait than there are busy workers, a worker running a small
article is also handed the next small one (``PREFETCH_MAX``), so that it
starts it the moment it finishes the current one, without waiting for the
front process to be scheduled, read its answer and send the next: on two
cores shared by the front, the workers and other programs, that wait was the
longest part of a check's tail. With fewer waiting, a check stays in the
queue for whichever worker is free first. A handed-over
check still has its deadline: the worker skips it if the deadline passed
while it waited (503), and if its worker is killed or lost before starting it,
it goes back to the queue in its old place.
"""

from __future__ import annotations

import asyncio
import collections
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
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newslint.serve.app import HTTPError

log = logging.getLogger("newslint.server")

SIZE_PENALTY = 50_000  # bytes of body that count as one second of waiting
PREFETCH_MAX = 32_000  # body bytes: a check this small may wait in a busy worker's socket
WORKER_GC_THRESHOLD = 10_000  # allocations between young collections in a worker (Python: 700)
_FRAME = struct.Struct(">I")
_OK, _FAILED, _OUT_OF_MEMORY, _EXPIRED = b"0", b"E", b"M", b"X"
_SKIP_MARGIN = 0.01  # seconds: a worker skips a check this close to its deadline
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
    size: int  # body bytes
    key: tuple[float, int]  # its place in the queue, kept if it has to go back there
    deadline: float  # on the event loop's clock, which is time.monotonic() in every process
    timeout: float
    future: asyncio.Future[bytes]
    started: bool = False  # handed to a worker
    timer: asyncio.TimerHandle | None = None  # the job's one deadline, queued or running


@dataclass(eq=False)
class Worker:
    pid: int
    transport: asyncio.Transport
    jobs: collections.deque[Job] = field(default_factory=collections.deque)  # sent, not answered
    served: int = 0
    watchdog: asyncio.TimerHandle | None = None

    @property
    def busy(self) -> bool:
        return bool(self.jobs) or self.pid <= 0


class _Channel(asyncio.Protocol):
    """The front's end of one worker's socket: an answer is handled as soon as its last byte
    arrives, in the event loop's own callback, with no task or timer of its own."""

    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool
        self.worker: Worker | None = None
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _FRAME.size:
            end = _FRAME.size + _FRAME.unpack_from(self.buffer)[0]
            if len(self.buffer) < end:
                return
            frame = bytes(self.buffer[_FRAME.size : end])
            del self.buffer[:end]
            if self.worker is None or self.worker.pid <= 0:
                return  # killed: what it still said is of no use
            self.pool._answered(self.worker, frame[:1], frame[1:])

    def eof_received(self) -> bool:
        return False  # close our end too: connection_lost follows

    def connection_lost(self, exc: Exception | None) -> None:
        if self.worker is not None:
            self.pool._lost(self.worker)


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
        self.queued = 0  # in ``waiting``; see ``waiting_count`` for all checks not started
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
        if (waiting := self.waiting_count()) >= self.max_queue:
            raise _not_checked(
                503, f"server busy: {waiting} checks are waiting for a worker; the article was not checked, retry"
            )
        now = loop.time()
        key = (now + size / SIZE_PENALTY, next(self._order))
        job = Job(article, path, size, key, now + timeout, timeout, loop.create_future())
        self._enqueue(job)
        job.timer = loop.call_at(job.deadline, self._deadline, job)
        self._dispatch()
        try:
            return await job.future
        finally:
            job.timer.cancel()
            if job.future.cancelled() and not job.started:
                self.queued -= 1  # its request was cancelled (the server is stopping) while it waited

    def waiting_count(self) -> int:
        """Checks not started yet: in the queue, or handed to a busy worker that has not got to them."""
        return self.queued + sum(
            1 for w in self.workers if w.pid > 0 for job in itertools.islice(w.jobs, 1, None) if not job.future.done()
        )

    def health(self) -> tuple[bool, dict[str, Any]]:
        """Whether a check sent now can be served, and the numbers behind the answer."""
        self._replace_dead()
        alive = sum(1 for w in self.workers if w.pid > 0)
        busy = sum(1 for w in self.workers if w.busy)
        problems = []
        if alive == 0:
            problems.append("no worker process is alive")
        waiting = self.waiting_count()
        if waiting >= self.max_queue:
            problems.append(f"the queue is full ({waiting} checks waiting)")
        info: dict[str, Any] = {
            "workers": self.size,
            "alive": alive,
            "busy": busy,
            "queued": waiting,
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
            worker.transport.close()  # end of input: an idle worker exits at once
        for worker in self.workers:
            self._kill(worker, signal.SIGTERM)
        await asyncio.sleep(0)

    # The queue

    def _enqueue(self, job: Job) -> None:
        job.started = False
        heapq.heappush(self.waiting, (*job.key, job))
        self.queued += 1

    def _dispatch(self) -> None:
        """Hand waiting checks to idle workers, then one small check to each worker that runs a
        small one, as long as the queue keeps one check for every busy worker that holds none:
        a worker that frees up then always finds one waiting, never idles while a check waits
        in another worker's socket. The frames are written in this callback."""
        if not self.waiting:
            return
        self._replace_dead()  # a worker killed while idle (the OOM killer, an operator)
        for worker in self.workers:
            if not worker.busy and not self._send_next(worker):
                return
        ready = [w for w in self.workers if w.pid > 0 and len(w.jobs) == 1]
        for worker in sorted(ready, key=lambda w: w.jobs[0].key):  # the longest-running first
            if worker.jobs[0].size > PREFETCH_MAX:
                continue  # it may run for a while: the next check waits for whichever is free first
            if self.queued < len(ready):
                return
            if not self._send_next(worker, small=True):
                return
            ready.remove(worker)

    def _send_next(self, worker: Worker, small: bool = False) -> bool:
        """Send the next waiting check to ``worker``; False when there is none (to send)."""
        job = self._next_job()
        if job is None:
            return False
        if small and job.size > PREFETCH_MAX:
            self._enqueue(job)  # it waits for a worker that is free
            return False
        job.started = True
        worker.jobs.append(job)
        payload = pickle.dumps((job.article, job.path, job.deadline), protocol=pickle.HIGHEST_PROTOCOL)
        worker.transport.write(_FRAME.pack(len(payload)) + payload)
        return True

    def _next_job(self) -> Job | None:
        """The first waiting check still worth starting: one at its deadline is answered 503
        here, rather than sent to a worker that would be killed for it a moment later."""
        now = asyncio.get_running_loop().time()
        while self.waiting:
            job = heapq.heappop(self.waiting)[-1]
            if job.future.done():  # expired, or abandoned by its client
                continue
            self.queued -= 1
            if job.deadline - now > _SKIP_MARGIN:
                return job
            self.stats.expired += 1
            _settle(job, _expired(job))
        return None

    def _deadline(self, job: Job) -> None:
        """A check's time is up: 503 if it has not started, 504 and a new worker if it runs."""
        if job.future.done():
            return
        worker = next((w for w in self.workers if job in w.jobs), None) if job.started else None
        if worker is None or worker.jobs[0] is not job:
            # still queued, or waiting in a busy worker's socket (which skips it when it gets there)
            if not job.started:
                self.queued -= 1
            self.stats.expired += 1
            _settle(job, _expired(job))
            return
        log.warning("check of %s ran past its deadline: worker %d killed and replaced", job.path, worker.pid)
        self._retire(worker)
        _settle(
            job, _not_checked(504, f"checking took longer than the {job.timeout:g}s limit; the article was not checked")
        )

    def _answered(self, worker: Worker, status: bytes, answer: bytes) -> None:
        """A worker's answer to the oldest check it was sent. The worker takes the next check
        before the client's request is woken, so it does not wait while the front answers."""
        if not worker.jobs:
            log.error("worker %d answered a check it was not sent; replaced", worker.pid)
            self._retire(worker)
            return
        job = worker.jobs.popleft()
        worker.served += 1
        if status == _OUT_OF_MEMORY:
            self._retire(worker)  # a fresh process takes over: this one's heap may be in pieces
        else:
            self._watch(worker)
            self._dispatch()
        if status == _OK:
            _settle(job, answer)
        elif status == _EXPIRED:
            if not job.future.done():
                self.stats.expired += 1
            _settle(job, _expired(job))
        else:
            self.stats.failed += 1
            _settle(job, _not_checked(503 if status == _OUT_OF_MEMORY else 500, answer.decode("utf-8", "replace")))

    def _watch(self, worker: Worker) -> None:
        """The worker's next check may already be past its deadline (it waited in the socket, and
        was answered 503): the worker skips such a check at once. Had it started it just in time,
        it is stopped here, since nothing else would."""
        if worker.watchdog is not None:
            worker.watchdog.cancel()
            worker.watchdog = None
        if worker.jobs and worker.jobs[0].future.done():
            job = worker.jobs[0]
            worker.watchdog = asyncio.get_running_loop().call_later(1.0, self._overdue, worker, job)

    def _overdue(self, worker: Worker, job: Job) -> None:
        if worker.pid > 0 and worker.jobs and worker.jobs[0] is job:
            log.warning("check of %s ran past its deadline: worker %d killed and replaced", job.path, worker.pid)
            self._retire(worker)

    def _lost(self, worker: Worker) -> None:
        """The worker's socket closed without our asking: it died (a crash, the OOM killer...)."""
        if worker.pid <= 0:
            return  # killed by us, already being replaced
        job = worker.jobs[0] if worker.jobs else None
        if job is None:
            log.error("worker %d exited; replacing it", worker.pid)
        else:
            log.error("worker %d died while checking %s; replaced", worker.pid, job.path)
            self.stats.failed += 1
        self._retire(worker)
        if job is not None:
            _settle(
                job, _not_checked(503, "the check failed (the worker was lost); the article was not checked, retry")
            )

    # The processes

    def _retire(self, worker: Worker) -> None:
        """Kill the worker now; the checks it had not started go back to the queue, and a fresh
        worker takes its place as soon as it is forked."""
        pending = list(worker.jobs)[1:]
        worker.jobs.clear()
        self._kill(worker, signal.SIGKILL)
        self.stats.recycled += 1
        for job in pending:
            if not job.future.done():
                self._enqueue(job)
        if not self._closing:
            asyncio.get_running_loop().create_task(self._replace(worker))
            self._dispatch()

    async def _replace(self, worker: Worker) -> None:
        fresh = await self._spawn()
        if self._closing:
            self._kill(fresh, signal.SIGTERM)
            return
        self.workers[self.workers.index(worker)] = fresh
        self._dispatch()

    def _replace_dead(self) -> None:
        """Replace workers that died while idle and whose end of file has not been read yet."""
        for worker in self.workers:
            if worker.pid > 0 and not worker.jobs and _exited(worker.pid):
                log.error("worker %d exited; replacing it", worker.pid)
                self._retire(worker)

    def _kill(self, worker: Worker, how: signal.Signals) -> None:
        pid = abs(worker.pid)
        worker.pid = -pid
        if worker.watchdog is not None:
            worker.watchdog.cancel()
        with contextlib.suppress(OSError):
            os.kill(pid, how)
        worker.transport.close()
        _reap_later(pid)

    async def _spawn(self) -> Worker:
        parent, child = socket.socketpair()
        front = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker; it never returns
            parent.close()
            _worker_main(child, self.runner, self.memory_mib, front)
        child.close()
        transport, channel = await asyncio.get_running_loop().create_unix_connection(
            lambda: _Channel(self), sock=parent
        )
        worker = Worker(pid, transport)
        channel.worker = worker
        return worker


def _expired(job: Job) -> HTTPError:
    waited = f"the article waited {job.timeout:g}s for a worker and was not checked"
    return _not_checked(503, f"server busy: {waited}; retry")


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
        gc.freeze()  # the front's objects, inherited: never scanned, so never copied, by the collector
        gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
        while True:
            request = _recv_frame(sock)
            if request is None:
                break
            article, path, deadline = pickle.loads(request)  # noqa: S301 - from our own front process
            if time.monotonic() >= deadline - _SKIP_MARGIN:
                status, answer = _EXPIRED, b""  # answered 503 by the front already, or about to be
            else:
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

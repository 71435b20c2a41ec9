"""The worker pool in-process: handing checks to busy workers, deadlines, workers' collector."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import select
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newslint.serve.app import HTTPError
from newslint.serve.pool import WORKER_GC_THRESHOLD, WorkerPool

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the worker's /proc/self")


def _front_socket_readable() -> bool:
    """In a worker: whether the front has sent something that the worker has not read yet."""
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}").startswith("socket:"):
                return bool(select.select([int(name)], [], [], 0)[0])
        except OSError:
            continue
    return False


def _runner(article: Any, path: str) -> bytes:
    if article == "first":  # is the next check already waiting in this worker's socket?
        end = time.monotonic() + 3
        while time.monotonic() < end:
            if _front_socket_readable():
                return b'"the next check was waiting"'
            time.sleep(0.01)
        return b'"nothing was waiting"'
    if article == "slow":
        time.sleep(1.0)
        return b'"slow done"'
    if article == "medium":
        time.sleep(0.3)
        return b'"medium done"'
    if article == "hang":
        time.sleep(60)
    if article == "gc":
        return json.dumps([gc.get_threshold()[0], gc.get_freeze_count() > 0]).encode()
    Path(path).write_text("run", "utf-8")  # proof that the check ran
    return json.dumps(path).encode()


async def _outcome(pool: WorkerPool, article: Any, path: str, timeout: float) -> Any:
    try:
        return json.loads(await pool.check(article, path, 100, timeout))
    except HTTPError as e:
        return e


def _with_pool(go: Any, size: int = 1) -> Any:
    async def main() -> Any:
        pool = WorkerPool(_runner, size=size, queue=8, memory_mib=512)
        await pool.start()
        try:
            return await go(pool)
        finally:
            await pool.close()

    return asyncio.run(main())


def test_a_busy_worker_already_holds_the_next_small_check(tmp_path: Path) -> None:
    async def go(pool: WorkerPool) -> list[Any]:
        first = asyncio.ensure_future(_outcome(pool, "first", "a", 10))
        second = asyncio.ensure_future(_outcome(pool, "second", str(tmp_path / "b"), 10))
        return list(await asyncio.gather(first, second))

    first, second = _with_pool(go)
    assert first == "the next check was waiting"
    assert second == str(tmp_path / "b")


def test_a_check_is_not_handed_to_a_busy_worker_while_another_may_free_up_first(tmp_path: Path) -> None:
    # Two workers busy, one check waiting: it waits in the queue for whichever worker is free
    # first, not in the socket of the one running the slow check.
    async def go(pool: WorkerPool) -> list[str]:
        done: list[str] = []

        async def run(article: str, path: str) -> None:
            await _outcome(pool, article, path, 10)
            done.append(article if article != "quick" else "third")

        first = asyncio.ensure_future(run("slow", "s"))
        second = asyncio.ensure_future(run("medium", "m"))
        await asyncio.sleep(0.05)
        await asyncio.gather(first, second, run("quick", str(tmp_path / "q")))
        return done

    assert _with_pool(go, size=2) == ["medium", "third", "slow"]


def test_a_handed_over_check_past_its_deadline_is_answered_503_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "quick"

    async def go(pool: WorkerPool) -> tuple[Any, Any, Any, dict[str, Any]]:
        slow = asyncio.ensure_future(_outcome(pool, "slow", "s", 10))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        quick = await _outcome(pool, "quick", str(marker), 0.3)
        waited = time.monotonic() - started
        after = await _outcome(pool, "after", str(tmp_path / "after"), 10)
        return (quick, waited), await slow, after, pool.health()[1]

    (quick, waited), slow, after, health = _with_pool(go)
    assert isinstance(quick, HTTPError) and quick.status == 503 and "waited 0.3s" in quick.message
    assert waited < 0.9  # answered at its own deadline, not when the slow check ended
    assert slow == "slow done" and after == str(tmp_path / "after")
    assert not marker.exists()  # the worker skipped it
    assert health["recycled"] == 0 and health["expired"] == 1


def test_checks_handed_to_a_worker_killed_at_a_deadline_go_back_to_the_queue(tmp_path: Path) -> None:
    async def go(pool: WorkerPool) -> tuple[Any, Any, dict[str, Any]]:
        hang = asyncio.ensure_future(_outcome(pool, "hang", "h", 0.5))
        await asyncio.sleep(0.05)
        quick = await _outcome(pool, "quick", str(tmp_path / "q"), 20)
        return await hang, quick, pool.health()[1]

    hang, quick, health = _with_pool(go)
    assert isinstance(hang, HTTPError) and hang.status == 504
    assert quick == str(tmp_path / "q")  # checked by the replacement worker
    assert health["recycled"] == 1 and health["alive"] == 1


def test_workers_freeze_the_inherited_heap_and_collect_young_objects_less_often() -> None:
    async def go(pool: WorkerPool) -> Any:
        return await _outcome(pool, "gc", "g", 10)

    assert _with_pool(go) == [WORKER_GC_THRESHOLD, True]


def test_a_queued_check_whose_request_is_cancelled_leaves_the_queue(tmp_path: Path) -> None:
    async def go(pool: WorkerPool) -> tuple[int, int]:
        slow = asyncio.ensure_future(_outcome(pool, "slow", "s", 10))
        handed = asyncio.ensure_future(_outcome(pool, "quick", str(tmp_path / "h"), 10))
        queued = asyncio.ensure_future(_outcome(pool, "quick", str(tmp_path / "q"), 10))
        await asyncio.sleep(0.05)
        before = pool.waiting_count()
        queued.cancel()
        await asyncio.gather(queued, return_exceptions=True)
        after = pool.waiting_count()
        await asyncio.gather(slow, handed)
        return before, after

    assert _with_pool(go) == (2, 1)  # the one in the worker's socket still waits

"""The web app's worker processes: checks off the event loop, stopped when too slow or big."""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

import pytest

from bench.bench_web import make_text
from pipeline.config import Settings, load_settings
from pipeline.web.checker import RequestError
from pipeline.web.pool import CheckJob, ProcessPool

pytestmark = pytest.mark.slow
SHORT = "De gemeente helpt inwoners. Het plan wordt in 2025 uitgevoerd."


def pool_settings(**web: Any) -> Settings:
    return load_settings(None, {"web": web}, environ={})


def run(scenario: Any) -> Any:
    return asyncio.run(scenario)


async def started(settings: Settings) -> ProcessPool:
    pool = ProcessPool(settings)
    await pool.start()
    return pool


def test_web_pool_size_from_settings_default_cores():
    assert ProcessPool(pool_settings()).size == len(os.sched_getaffinity(0))
    assert ProcessPool(pool_settings(workers=3)).size == 3

    async def scenario() -> None:
        pool = await started(pool_settings(workers=2))
        try:
            pids = pool.pids()
            assert len(pids) == 2 and os.getpid() not in pids
            jobs = [CheckJob("-", text=f"{SHORT} Zin {n}.") for n in range(6)]
            outcomes = await asyncio.gather(*(pool.submit(job) for job in jobs))
            assert [o.status for o in outcomes] == [200] * 6
            assert all(f"Zin {n}." in o.text and o.json and o.html for n, o in enumerate(outcomes))
            assert pool.pids() == pids and pool.n_replaced == 0
        finally:
            await pool.close()
        assert not pool.healthy()

    run(scenario())


def test_web_pool_slow_check_is_stopped_and_the_worker_replaced():
    async def scenario() -> None:
        pool = await started(pool_settings(workers=1, timeout_seconds=0.5))
        try:
            [before] = pool.pids()
            t0 = time.perf_counter()
            with pytest.raises(RequestError) as info:
                await pool.submit(CheckJob("-", text=make_text(20_000, seed=1)))
            assert time.perf_counter() - t0 < 5
            assert info.value.status == 504 and "langer dan 0,5 seconden" in info.value.detail
            # While the replacement loads, a second request waits at most the timeout: 503.
            with pytest.raises(RequestError) as busy:
                await pool.submit(CheckJob("-", text=SHORT))
            assert busy.value.status == 503
            assert pool.healthy()  # a worker is starting
            deadline = time.perf_counter() + 60
            while not pool.pids() and time.perf_counter() < deadline:
                await asyncio.sleep(0.1)
            [after] = pool.pids()
            assert after != before and pool.n_replaced == 1
            pool.timeout = 60
            assert (await pool.submit(CheckJob("-", text=SHORT))).status == 200
        finally:
            await pool.close()

    run(scenario())


def test_web_pool_worker_over_memory_limit_is_stopped():
    async def scenario() -> None:
        pool = await started(pool_settings(workers=1, max_worker_mb=256))
        pool.max_worker_mb = 64  # below any worker with a model: stopped at the first look
        try:
            with pytest.raises(RequestError) as info:
                await pool.submit(CheckJob("-", text=make_text(20_000, seed=2)))
            assert info.value.status == 413 and "te veel geheugen" in info.value.detail
            assert "meer dan 64 MB" in info.value.detail
            assert pool.n_replaced == 1
        finally:
            await pool.close()

    run(scenario())


def test_web_pool_upload_read_in_the_worker_within_the_ingest_limits(tmp_path):
    from bench.adversarial import docx_bomb

    data = docx_bomb(tmp_path / "bom.docx", expanded_mb=1024).read_bytes()

    async def scenario() -> None:
        pool = await started(pool_settings(workers=1))
        try:
            outcome = await pool.submit(CheckJob("bom.docx", data=data, suffix=".docx"))
            assert outcome.status == 413
            assert outcome.detail.startswith("Bestand 'bom.docx': het bestand is te groot")
            assert "ingest.max_unzipped_mb" in outcome.detail
            assert pool.n_replaced == 0
        finally:
            await pool.close()

    run(scenario())


def test_web_pool_stays_healthy_while_its_only_worker_changes_hands():
    # The health check answered "no worker" for the moment between a worker leaving the idle
    # queue and the request marking it busy: under load the app then said 503 "model not
    # loaded" although its one worker was about to check the text.
    async def scenario() -> None:
        pool = await started(pool_settings(workers=1))
        try:
            tasks = [asyncio.create_task(pool.submit(CheckJob("-", text=SHORT))) for _ in range(3)]
            looks = 0
            while not all(task.done() for task in tasks):
                assert pool.healthy(), f"unhealthy after {looks} looks"
                looks += 1
                await asyncio.sleep(0)
            assert [task.result().status for task in tasks] == [200] * 3
            assert pool.healthy() and looks > 3
        finally:
            await pool.close()

    run(scenario())

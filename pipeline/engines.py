"""The engines of ``gemeentetaal run``: batches of inputs processed in this process, in forked
or spawned worker processes (``--workers N``), or on a Dask cluster (``--engine dask``).

``--workers N`` loads the models once in the parent and forks N workers after that
(copy-on-write, Linux); where fork is unavailable each spawned worker loads its own. Each
worker process limits BLAS/OpenMP to one thread. ``--engine dask`` sends the batches, with
their bytes, to a Dask cluster (a LocalCluster of N processes, or ``--scheduler``) whose
worker processes load the models once each (on Linux, a LocalCluster's workers are forked
after the models are loaded here, as with ``--workers N``). Every engine yields one
``FileResult`` per input, those of skipped inputs as they are planned.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.worker import FileResult, Todo, Worker

MIN_BATCH_BYTES = 16 * 1024

_WORKER: Worker | None = None


def one_thread_per_process() -> None:
    """Limit BLAS/OpenMP pools to one thread in a worker process: with one worker per core,
    a second thread per worker only competes for the cores (OpenBLAS threads spin while they
    wait). Dask's nanny does the same for its workers."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _init_worker(settings: Settings, parts_dir: Path) -> None:
    """Start-up of a spawned worker process: its own models, loaded on first use."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    one_thread_per_process()
    _WORKER = Worker(settings, parts_dir)


def _init_forked() -> None:
    """Start-up of a forked worker process: the parent's ``_WORKER``, models loaded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    one_thread_per_process()


def _process_in_worker(todos: list[Todo]) -> list[FileResult]:
    assert _WORKER is not None
    return _WORKER.process_batch(todos)


def _process_batch_dask(todos: list[Todo], settings: Settings, parts_dir: str) -> list[FileResult]:
    """A Dask task: process a batch on a worker (models cached per worker process)."""
    global _WORKER
    if _WORKER is None or _WORKER.settings != settings:
        _WORKER = Worker(settings, Path(parts_dir))
    return _WORKER.process_batch(todos)


def _batch_bytes(files: Sequence[Path], settings: Settings, workers: int) -> int:
    """Bytes of input per batch: large enough to share model calls across many small files,
    small enough that every worker gets several batches (and memory stays bounded)."""
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    per_worker = total // (workers * 4) if workers > 1 else total
    return min(settings.run.batch_bytes, max(MIN_BATCH_BYTES, per_worker))


def _plan(
    files: Sequence[Path], planner: Worker, force: bool, batch_bytes: int
) -> Iterator[FileResult | list[Todo]]:
    """Results of inputs with nothing to do, and batches of the others, in input order. A
    copy of an input in the same batch goes to the next batch (its rows would repeat keys)."""
    batch: list[Todo] = []
    size = 0
    for path in files:
        planned = planner.plan(path, force)
        if isinstance(planned, FileResult):
            yield planned
            continue
        if batch and (size + len(planned.data) > batch_bytes or planned.digest in
                      {t.digest for t in batch}):  # fmt: skip
            yield batch
            batch, size = [], 0
        batch.append(planned)
        size += len(planned.data)
    if batch:
        yield batch


def run_local(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int
) -> Iterator[FileResult]:
    global _WORKER
    worker = Worker(settings, parts_dir)
    plan = _plan(files, worker, force, _batch_bytes(files, settings, workers))
    if workers <= 1:
        for item in plan:
            yield from [item] if isinstance(item, FileResult) else worker.process_batch(item)
        return
    pool: ProcessPoolExecutor | None = None
    pending: set[Future[list[FileResult]]] = set()
    try:
        for item in plan:
            if isinstance(item, FileResult):
                yield item
                continue
            if pool is None:
                pool = _start_pool(worker, settings, parts_dir, workers)
            pending.add(pool.submit(_process_in_worker, item))
            while len(pending) >= 2 * workers:  # bounded: memory stays flat
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        for future in as_completed(pending):
            yield from future.result()
    except BaseException:  # Ctrl-C, a full disk: stop the workers, not just the queue
        if pool is not None:
            _stop_pool(pool)
        raise
    finally:
        _WORKER = None
    if pool is not None:
        pool.shutdown()


def _start_pool(
    worker: Worker, settings: Settings, parts_dir: Path, workers: int
) -> ProcessPoolExecutor:
    """Worker processes that share the parent's loaded models: the models are loaded here,
    then the workers are forked (copy-on-write), so N workers cost one model load. Where
    fork is not available, each spawned worker loads its own."""
    global _WORKER
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        worker.analysers  # noqa: B018 - load before forking
        _WORKER = worker
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_forked,
        )
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings, parts_dir)
    )


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    # Workers first: the pool then marks its futures broken and its manager thread ends
    # (futures cancelled before that, as Executor.map does, make Python 3.11's manager
    # thread fail with InvalidStateError and a traceback).
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(10)
    pool.shutdown(wait=False, cancel_futures=True)


def run_dask(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int,
    scheduler: str | None,
) -> Iterator[FileResult]:  # fmt: skip
    """Batches on a Dask cluster (a LocalCluster of ``workers`` processes, or ``scheduler``);
    the planner here reads each input once and sends its bytes with the batch. Workers write
    their own Parquet parts; only the small ``FileResult`` records come back."""
    global _WORKER
    planner = Worker(settings, parts_dir)
    plan = _plan(files, planner, force, _batch_bytes(files, settings, workers))
    client: Any = None
    cluster: Any = None
    try:
        pending: list[Any] = []
        for item in plan:
            if isinstance(item, FileResult):
                yield item
                continue
            if client is None:
                client, cluster = _dask_client(workers, scheduler, planner)
            pending.append(
                client.submit(_process_batch_dask, item, settings, str(parts_dir), pure=False)
            )
            while len(pending) >= 2 * workers:
                from dask.distributed import wait as dask_wait

                done = dask_wait(pending, return_when="FIRST_COMPLETED").done
                for future in done:
                    yield from future.result()
                pending = [f for f in pending if f not in done]
        for future in pending:
            yield from future.result()
    finally:
        _WORKER = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


# Settings of the LocalCluster ``run --engine dask`` starts: its worker processes are forked
# from this one after the models are loaded (as ``--workers N`` does), and the periodic
# callbacks that wake each worker's event loop every few milliseconds (the loop-tick monitor,
# the statistical profiler, the memory and system monitors) run seldom, so that the thread
# running a batch does not lose the GIL to them (measured: ~10% per batch on 2 cores).
LOCAL_CLUSTER_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "2s",
}


def _dask_client(workers: int, scheduler: str | None, planner: Worker) -> tuple[Any, Any]:
    """A client of ``scheduler``, or of a new LocalCluster of ``workers`` processes, one
    thread each. On Linux the models are loaded here first and the workers forked after that
    (copy-on-write; their tasks reuse ``_WORKER``); elsewhere each worker loads its own."""
    import dask
    from dask.distributed import Client, LocalCluster

    global _WORKER
    if scheduler:
        return Client(scheduler), None
    config: dict[str, Any] = dict(LOCAL_CLUSTER_CONFIG)
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        planner.analysers  # noqa: B018 - load before forking
        _WORKER = planner
        config["distributed.worker.multiprocessing-method"] = "fork"
    with dask.config.set(config):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    client.run(one_thread_per_process)  # forked workers keep the parent's BLAS threads
    return client, cluster

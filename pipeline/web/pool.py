"""Checks off the event loop: a pool of worker processes, each with its own model.

The event loop only reads requests, checks sizes and renders pages; reading an upload
(.docx, .pdf) and checking its text happen in a worker process. Each worker loads the spaCy
pipeline and word lists once (``Checker.load`` in the worker's start-up), then takes one job
at a time over a pipe. The pool has ``web.workers`` processes (default: the number of cores
this process may use), so checks run on every core and ``/api/health`` answers while they
run.

A job that takes longer than ``web.timeout_seconds``, or makes its worker's memory pass
``web.max_worker_mb``, is stopped by killing that worker (a thread or a parse cannot be
interrupted any other way); a fresh worker takes its place, loading the model in the
background, and the request gets a clear 504 or 413. A worker that dies on its own is
replaced the same way. A request that waits longer than the timeout for a free worker gets
503.

``InlinePool`` runs the same jobs with an already loaded ``Checker`` in a thread of this
process, without timeouts: for tests and for callers that embed the app.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.config import Settings
from pipeline.nlp import ModelInfo
from pipeline.numbers import nl_decimal, nl_int

if TYPE_CHECKING:
    from pipeline.check import InputText
    from pipeline.web.checker import Checker

log = logging.getLogger("pipeline.web")
POLL_SECONDS = 0.2  # how often the memory of busy workers is looked at
START_SECONDS = 300.0  # longest wait for a worker to load its model


@dataclass(frozen=True)
class CheckJob:
    """One text or upload to check; ``path`` is the name the report shows.

    ``ignored``: ids of flags the user ignores (``check.flag_id``): left out of the verdict.
    ``apply``: a rewrite proposal to apply to the text first (the JSON of the page's apply
    button: start, original, replacement).
    """

    path: str
    text: str | None = None
    data: bytes | None = None
    suffix: str = ""
    ignored: tuple[str, ...] = ()
    apply: str | None = None


@dataclass(frozen=True)
class CheckOutcome:
    """What a worker sends back: the rendered result, or an HTTP status and a Dutch message."""

    status: int
    detail: str = ""
    text: str = ""  # the checked text (an upload's extracted text is shown in the form)
    json: str = ""  # the JSON line of ``gemeentetaal check --format json``
    html: str = ""  # the report's HTML fragment
    officialese: list[dict[str, Any]] = field(default_factory=list)
    error_type: str = ""  # for a 500: the exception's class, logged instead of its message
    notice: str = ""  # what happened to a proposal the user applied

    @property
    def ok(self) -> bool:
        return self.status == 200


APPLIED = "Het voorstel is toegepast. Controleer of de zin nog zegt wat u bedoelt."
NOT_APPLIED = (
    "Het voorstel past niet meer bij de tekst en is niet toegepast; de tekst is opnieuw "
    "gecontroleerd."
)


def _apply(text: str, value: str) -> str | None:
    """The text with the proposal of an apply button applied, or None."""
    import json

    from pipeline.check import apply_proposal

    try:
        data = json.loads(value)
        start, original, replacement = int(data["start"]), data["original"], data["replacement"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(original, str) or not isinstance(replacement, str):
        return None
    return apply_proposal(text, start, original, replacement)


def run_job(checker: Checker, job: CheckJob) -> CheckOutcome:
    """Read and check one job with ``checker``; every failure becomes an outcome."""
    from pipeline.check import with_ignored
    from pipeline.web.checker import (
        RequestError,
        check_text_limits,
        extract_upload,
        officialese_terms,
        text_from_paste,
    )

    try:
        if job.data is not None:  # read as `check` reads the file: with its layout
            upload = extract_upload(job.path, job.suffix, job.data, checker.settings)
            item: InputText | str = upload
            text = upload.raw.text
        else:
            item = text = text_from_paste(job.text or "", checker.settings.web)
        notice = ""
        if job.apply:
            applied = _apply(text, job.apply)
            notice = NOT_APPLIED if applied is None else APPLIED
            if applied is not None:
                item = text = check_text_limits(applied, checker.settings.web)
        result = checker.check(item, job.path)
        line = checker.to_json(result)
        shown = with_ignored(result, job.ignored, checker.settings)
        return CheckOutcome(
            200,
            text=text,
            json=line,
            html=checker.render_fragment(shown, frozenset(job.ignored)),
            officialese=officialese_terms(result.to_json()),
            notice=notice,
        )
    except RequestError as exc:
        return CheckOutcome(exc.status, exc.detail)
    except Exception as exc:  # never the message: it may quote the text
        return CheckOutcome(500, error_type=exc.__class__.__name__)


class Pool(Protocol):
    """What the app needs from a pool."""

    model: ModelInfo | None

    async def start(self) -> None: ...

    async def submit(self, job: CheckJob) -> CheckOutcome: ...

    async def close(self) -> None: ...

    def healthy(self) -> bool: ...


class InlinePool:
    """Jobs run in a thread of this process with a loaded checker (no timeout, no kill)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.model: ModelInfo | None = checker.model

    async def start(self) -> None:
        return None

    async def submit(self, job: CheckJob) -> CheckOutcome:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(run_job, self.checker, job)

    async def close(self) -> None:
        return None

    def healthy(self) -> bool:
        return True


def _worker_main(conn: Connection, settings: Settings) -> None:
    """A worker process: load the model once, then check jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    from pipeline.web.checker import Checker

    try:
        checker = Checker.load(settings)
        checker.warm_up()
    except Exception as exc:
        conn.send(("failed", exc.__class__.__name__))
        return
    conn.send(("ready", checker.model))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(run_job(checker, job))


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, settings: Settings) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, settings), name="gemeentetaal-check", daemon=True
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent
        self.killed_for: str | None = None  # "time" or "memory" when the pool killed it

    @property
    def pid(self) -> int:
        return int(self.process.pid or 0)

    def wait_ready(self, timeout: float) -> ModelInfo:
        """Block until the worker has loaded its model; raise RuntimeError if it cannot."""
        if not self.conn.poll(timeout):
            raise RuntimeError(f"worker did not start within {timeout:.0f} s")
        kind, value = self.conn.recv()
        if kind != "ready":
            raise RuntimeError(f"worker could not load the model ({value})")
        return value

    def roundtrip(self, job: CheckJob) -> CheckOutcome:
        """Send a job and wait for its outcome (blocking; run in a thread)."""
        self.conn.send(job)
        return self.conn.recv()

    def rss_mb(self) -> float:
        import psutil

        try:
            return psutil.Process(self.pid).memory_info().rss / 1024 / 1024
        except psutil.Error:
            return 0.0

    def kill(self, reason: str | None = None) -> None:
        self.killed_for = self.killed_for or reason
        with contextlib.suppress(ProcessLookupError, OSError, ValueError):
            self.process.kill()

    def stop(self) -> None:
        """Ask an idle worker to exit, then make sure it does."""
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
            self.process.join(2)
        self.conn.close()


class ProcessPool:
    """Worker processes behind the event loop; see the module docstring."""

    def __init__(self, settings: Settings) -> None:
        web = settings.web
        self.settings = settings
        self.size = web.workers or len(os.sched_getaffinity(0)) or 1
        self.timeout = web.timeout_seconds
        self.max_worker_mb = web.max_worker_mb
        self.model: ModelInfo | None = None
        self._context = multiprocessing.get_context("spawn")
        self._threads = ThreadPoolExecutor(2 * self.size + 4, thread_name_prefix="check-pool")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._busy: set[_Worker] = set()
        self._live: set[_Worker] = set()  # ready, idle or busy
        self._starting = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False
        self.n_replaced = 0

    async def start(self) -> None:
        """Start every worker and wait until each has loaded its model.

        Raises:
            RuntimeError: a worker could not load the model.
        """
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            self._starting -= 1
            self._ready(worker, await self._wait_ready(worker))
        self._spawn_task(self._watch_memory())
        log.info("%d check workers ready", self.size)

    def healthy(self) -> bool:
        """True while a worker is ready, busy or starting.

        Counted from the live workers, not the idle queue and the busy set: a worker taken
        from the queue is in neither until its request resumes, one turn of the loop later.
        """
        return not self._closed and (len(self._live) + self._starting) > 0

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and logs)."""
        return sorted(w.pid for w in self._live)

    async def submit(self, job: CheckJob) -> CheckOutcome:
        """Run ``job`` on a free worker within the timeout."""
        from pipeline.web.checker import RequestError

        started = time.perf_counter()
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            raise RequestError(
                503, "De controle is nu te druk bezet. Probeer het over een minuut opnieuw."
            ) from None
        self._busy.add(worker)
        loop = asyncio.get_running_loop()
        left = max(0.0, self.timeout - (time.perf_counter() - started))
        try:
            outcome = await asyncio.wait_for(
                loop.run_in_executor(self._threads, worker.roundtrip, job), left
            )
        except TimeoutError:
            worker.kill("time")
            self._replace(worker)
            raise RequestError(
                504,
                f"De controle duurde langer dan {nl_decimal(self.timeout)} seconden en is "
                "afgebroken. Controleer de tekst in delen.",
            ) from None
        except (EOFError, OSError):  # the worker died: killed for memory, or crashed
            reason = worker.killed_for
            worker.kill()
            self._replace(worker)
            if reason == "memory":
                raise RequestError(
                    413,
                    f"De tekst vraagt te veel geheugen om te controleren (meer dan "
                    f"{nl_int(self.max_worker_mb)} MB). Controleer de tekst in delen.",
                ) from None
            log.error("check worker %d stopped unexpectedly", worker.pid)
            return CheckOutcome(500, error_type="WorkerDied")
        except BaseException:  # cancelled (client gone, shutdown): the job may still run
            worker.kill()
            self._replace(worker)
            raise
        self._busy.discard(worker)
        self._idle.put_nowait(worker)
        return outcome

    async def close(self) -> None:
        """Stop every worker (busy ones are killed) and the background tasks."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._busy):
            worker.kill()
        idle: list[_Worker] = []
        while not self._idle.empty():
            idle.append(self._idle.get_nowait())
        loop = asyncio.get_running_loop()
        await asyncio.gather(
            *(loop.run_in_executor(self._threads, w.stop) for w in [*idle, *self._busy])
        )
        self._busy.clear()
        self._live.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def _spawn(self) -> _Worker:
        self._starting += 1
        return _Worker(self._context, self.settings)

    async def _wait_ready(self, worker: _Worker) -> ModelInfo:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, worker.wait_ready, START_SECONDS)

    def _ready(self, worker: _Worker, model: ModelInfo) -> None:
        self.model = self.model or model
        self._live.add(worker)
        self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        """Forget a killed or dead worker and start a fresh one in the background."""
        self._busy.discard(worker)
        self._live.discard(worker)
        self._threads.submit(worker.process.join, 5)
        if self._closed:
            return
        self.n_replaced += 1
        fresh = self._spawn()

        async def bring_up() -> None:
            try:
                model = await self._wait_ready(fresh)
            except RuntimeError as exc:
                log.error("a replacement check worker failed: %s", exc)
                fresh.kill()
                return
            finally:
                self._starting -= 1
            if self._closed:
                fresh.kill()
            else:
                self._ready(fresh, model)

        self._spawn_task(bring_up())

    def _spawn_task(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _watch_memory(self) -> None:
        """Kill a busy worker whose memory passes ``max_worker_mb`` (its request gets 413)."""
        loop = asyncio.get_running_loop()
        while not self._closed:
            await asyncio.sleep(POLL_SECONDS)
            for worker in list(self._busy):
                rss = await loop.run_in_executor(self._threads, worker.rss_mb)
                if rss > self.max_worker_mb and worker in self._busy:
                    log.warning("check worker %d passed %.0f MB; stopped", worker.pid, rss)
                    worker.kill("memory")

"""Runs analyses for one server worker in one child process, with a time limit per request.

Why a child process: the analysis holds one Sudachi tokenizer per process, which is not safe to
share across threads; the child is single-threaded, so the tokenizer is only ever used by the
thread that built it. The worker's event loop stays free for other requests (health, metrics,
statutes) while an analysis runs, and an analysis past its time limit is stopped for real: the
child is killed and a fresh one (building the pipeline once) takes its place.

One analysis at a time per worker: the analysis is CPU-bound, so more than one per core would
only share the core. Throughput grows with `--workers N` (one worker and one child per core).
"""
from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing as mp
import os
import signal
import time

log = logging.getLogger("legalcheck.runner")

WARM_UP = "令和6年4月1日、元交際相手の甲がＡ子の自宅前で待ち伏せした。"
START_TIMEOUT_S = 180


class AnalysisTimeout(Exception):
    """The analysis (with its wait for the worker) did not finish within the limit."""


class AnalysisUnavailable(Exception):
    """No analysis process could be had (it is starting, or it died on this request)."""


def _child(conn) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides when the child ends
    from legalcheck.analysis import InputError, analyze

    analyze(WARM_UP)   # builds the spaCy/Sudachi pipeline and loads the law data once
    conn.send(("ready", os.getpid()))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, kwargs = msg
        t0 = time.perf_counter()
        try:
            # serialised here, once: the worker passes the bytes through to the client unchanged
            out = ("ok", analyze(**kwargs).model_dump_json().encode())   # the JSON form of to_dict()
        except InputError as exc:
            out = ("input", {"message": str(exc), "field": getattr(exc, "field", None),
                             "code": getattr(exc, "code", None)})
        except Exception as exc:   # noqa: BLE001 - reported by type only: the message may quote the narrative
            out = ("error", type(exc).__name__)
        conn.send((seq, *out, time.perf_counter() - t0))


class AnalysisRunner:
    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._proc = None
        self._conn = None
        self._seq = 0
        self._restarting: asyncio.Task | None = None

    # ------------------------------------------------------------ life cycle

    @property
    def ready(self) -> bool:
        return self._conn is not None and self._proc is not None and self._proc.is_alive()

    @property
    def child_pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _spawn(self) -> None:
        ctx = mp.get_context("spawn")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_child, args=(child,), daemon=True, name="legalcheck-analysis")
        proc.start()
        child.close()
        if not parent.poll(START_TIMEOUT_S):
            proc.kill()
            raise RuntimeError("analysis process did not start")
        parent.recv()
        self._proc, self._conn = proc, parent
        log.info("analysis process ready", extra={"event": "analysis_ready", "worker_pid": proc.pid})

    def _kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            conn.close()
        if proc is not None and proc.is_alive():
            proc.kill()
        if proc is not None:
            proc.join(5)

    async def start(self) -> None:
        async with self._lock:
            await asyncio.to_thread(self._spawn)

    async def stop(self) -> None:
        if self._restarting is not None:
            self._restarting.cancel()
        if self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
        proc = self._proc
        if proc is not None:
            await asyncio.to_thread(proc.join, 5)
        self._kill()

    async def _restart(self) -> None:
        async with self._lock:
            if not self.ready:
                self._kill()
                await asyncio.to_thread(self._spawn)

    def _schedule_restart(self) -> None:
        if self._restarting is None or self._restarting.done():
            self._restarting = asyncio.get_running_loop().create_task(self._restart())

    # ------------------------------------------------------------ one analysis

    def _call(self, kwargs: dict, limit: float):
        self._seq += 1
        seq = self._seq
        try:
            self._conn.send((seq, kwargs))
            if not self._conn.poll(limit):
                self._kill()
                raise AnalysisTimeout()
            got = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._kill()
            raise AnalysisUnavailable() from None
        if got[0] != seq:   # cannot happen with one caller at a time; never hand out another's answer
            self._kill()
            raise AnalysisUnavailable()
        return got[1:]

    async def analyze(self, kwargs: dict, timeout: float):
        """(kind, payload, seconds): ("ok", the analysis as JSON bytes) | ("input", {message, field, code}) |
        ("error", exception type name). Raises AnalysisTimeout or AnalysisUnavailable."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            await asyncio.wait_for(self._lock.acquire(), timeout)
        except (asyncio.TimeoutError, TimeoutError):
            raise AnalysisTimeout() from None
        release = True
        try:
            if not self.ready:
                raise AnalysisUnavailable()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AnalysisTimeout()
            call = asyncio.ensure_future(asyncio.to_thread(self._call, kwargs, remaining))
            try:
                return await asyncio.shield(call)
            except asyncio.CancelledError:
                # the caller went away; the pipe stays ours until the child has answered
                release = False
                call.add_done_callback(lambda f: (f.cancelled() or f.exception(), self._release()))
                raise
        finally:
            if release:
                self._release()

    def _release(self) -> None:
        self._lock.release()
        if not self.ready:
            self._schedule_restart()


async def analyze_in_worker(app, narrative, incident_date=None, prior_measures=()) -> dict:
    """For route handlers (pages included): the analysis as a dict, run in this worker's analysis
    process under the configured time limit — never analyze() on the worker's own threads.
    Raises legalcheck.analysis.InputError (bad input), AnalysisTimeout or AnalysisUnavailable."""
    from legalcheck.analysis import InputError

    kind, payload, _ = await app.state.runner.analyze(
        {"narrative": narrative, "incident_date": incident_date, "prior_measures": list(prior_measures or ())},
        app.state.settings.analysis_timeout_s)
    if kind == "ok":
        return json.loads(payload)
    if kind == "input":
        exc = InputError(payload["message"])
        for name in ("field", "code"):
            if payload.get(name) is not None:
                setattr(exc, name, payload[name])
        raise exc
    raise AnalysisUnavailable(payload)

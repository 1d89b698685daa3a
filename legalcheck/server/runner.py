"""Runs analyses for one server worker in child processes, with a time limit per request.

Why a child process: the analysis holds one Sudachi tokenizer per process, which is not safe to
share across threads; the child is single-threaded, so the tokenizer is only ever used by the
thread that built it. The worker's event loop stays free for other requests (health, metrics,
statutes) while an analysis runs, and an analysis past its time limit is stopped for real: the
child is killed and a fresh one (building the pipeline once) takes its place.

A worker holds a small pool of such processes (LEGALCHECK_ANALYSIS_PROCESSES, by default one
per CPU core), each running one analysis at a time. A pool per worker, rather than one process,
because uvicorn's workers do not share connections evenly: a worker whose event loop is idle
(its analyses run elsewhere) accepts every connection a burst of clients opens, and keeps them
(keep-alive); with one analysis process it would then use one core while the others idle.
"""
from __future__ import annotations

import asyncio
import gc
import json
import logging
import multiprocessing as mp
import os
import pickle
import signal
import socket
import struct
import time

log = logging.getLogger("legalcheck.runner")

WARM_UP = "令和6年4月1日、元交際相手の甲がＡ子の自宅前で待ち伏せした。"
START_TIMEOUT_S = 180


class AnalysisTimeout(Exception):
    """The analysis (with its wait for the worker) did not finish within the limit."""


class AnalysisUnavailable(Exception):
    """No analysis process could be had (it is starting, or it died on this request)."""


# One message: an 8-byte length, then the pickle. Our own framing over a socket pair, so that the
# worker can read and write it on its event loop (loop.sock_recv_into / sock_sendall) rather than
# sending every request to a thread that blocks on a multiprocessing pipe.
_HEADER = struct.Struct("!Q")


def _pack(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _read_exact(sock: socket.socket, n: int) -> bytearray:
    buf = bytearray(n)
    view, got = memoryview(buf), 0
    while got < n:
        k = sock.recv_into(view[got:])
        if not k:
            raise EOFError
        got += k
    return buf


def _read(sock: socket.socket):
    (size,) = _HEADER.unpack(_read_exact(sock, _HEADER.size))
    return pickle.loads(_read_exact(sock, size))


def _child(sock: socket.socket) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # the parent decides when the child ends
    from legalcheck.analysis import InputError, analyze

    analyze(WARM_UP)   # builds the spaCy/Sudachi pipeline and loads the law data once
    # What was built is kept for the process's life: out of the collector's view, a full collection
    # no longer walks it (100+ ms each, every few hundred analyses: a pause in the latency's tail).
    gc.collect()
    gc.freeze()
    sock.sendall(_pack(("ready", os.getpid())))
    while True:
        try:
            msg = _read(sock)
        except (EOFError, OSError):
            return
        if msg is None:
            return
        seq, kwargs = msg
        t0 = time.perf_counter()
        try:
            # serialised here, once: the worker passes the bytes through to the client unchanged
            a = analyze(**kwargs)
            out = ("ok", a.__pydantic_serializer__.to_json(a))   # model_dump_json()'s bytes: to_dict() as JSON
        except InputError as exc:
            out = ("input", {"message": str(exc), "field": getattr(exc, "field", None),
                             "code": getattr(exc, "code", None)})
        except Exception as exc:   # noqa: BLE001 - reported by type only: the message may quote the narrative
            out = ("error", type(exc).__name__)
        try:
            sock.sendall(_pack((seq, *out, time.perf_counter() - t0)))
        except OSError:
            return


class _Child:
    """One analysis process and the socket to it (used by one request at a time)."""

    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self.sock, child = socket.socketpair()
        self.closed = False
        self.proc = ctx.Process(target=_child, args=(child,), daemon=True, name="legalcheck-analysis")
        self.proc.start()
        child.close()
        self.seq = 0
        self.sock.settimeout(START_TIMEOUT_S)
        try:
            _read(self.sock)
        except (EOFError, OSError):   # socket.timeout is an OSError
            self.kill()
            raise RuntimeError("analysis process did not start") from None
        self.sock.setblocking(False)   # from now on read and written on the worker's event loop
        log.info("analysis process ready", extra={"event": "analysis_ready", "worker_pid": self.proc.pid})

    @property
    def alive(self) -> bool:
        return not self.closed and self.proc.is_alive()

    def kill(self) -> None:
        if not self.closed:
            self.closed = True
            self.sock.close()
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)

    async def _answer(self, loop):
        async def exact(n: int) -> bytearray:
            buf = bytearray(n)
            view, got = memoryview(buf), 0
            while got < n:
                k = await loop.sock_recv_into(self.sock, view[got:])
                if not k:
                    raise EOFError
                got += k
            return buf

        return pickle.loads(await exact(_HEADER.unpack(await exact(_HEADER.size))[0]))

    async def call(self, kwargs: dict, limit: float):
        """On the worker's event loop: no thread per request."""
        self.seq += 1
        loop = asyncio.get_running_loop()
        try:
            await loop.sock_sendall(self.sock, _pack((self.seq, kwargs)))
            try:
                got = await asyncio.wait_for(self._answer(loop), limit)
            except (asyncio.TimeoutError, TimeoutError):
                await asyncio.to_thread(self.kill)   # stopped for real; the pool starts a fresh process in its place
                raise AnalysisTimeout() from None
        except (EOFError, OSError):
            await asyncio.to_thread(self.kill)
            raise AnalysisUnavailable() from None
        if got[0] != self.seq:   # cannot happen with one caller at a time; never hand out another's answer
            self.kill()
            raise AnalysisUnavailable()
        return got[1:]

    def stop(self) -> None:
        try:
            if not self.closed:
                self.sock.send(_pack(None))   # a few bytes: fits the empty socket buffer
        except OSError:
            pass
        self.proc.join(5)
        self.kill()


class AnalysisRunner:
    def __init__(self, processes: int = 1) -> None:
        self._size = max(1, processes)
        self._idle: asyncio.Queue[_Child] = asyncio.Queue()
        self._children: set[_Child] = set()
        self._restarts: set[asyncio.Task] = set()

    # ------------------------------------------------------------ life cycle

    @property
    def ready(self) -> bool:
        """The pipeline is built: at least one analysis process is up."""
        return any(c.alive for c in self._children)

    async def _add(self) -> None:
        child = await asyncio.to_thread(_Child)
        self._children.add(child)
        self._idle.put_nowait(child)

    async def start(self) -> None:
        await asyncio.gather(*(self._add() for _ in range(self._size)))

    async def stop(self) -> None:
        for task in self._restarts:
            task.cancel()
        children, self._children = list(self._children), set()
        await asyncio.gather(*(asyncio.to_thread(c.stop) for c in children))

    def _give_back(self, child: _Child) -> None:
        if child.alive:
            self._idle.put_nowait(child)
            return
        self._children.discard(child)
        task = asyncio.get_running_loop().create_task(self._add())
        self._restarts.add(task)
        task.add_done_callback(self._restarts.discard)

    # ------------------------------------------------------------ one analysis

    async def analyze(self, kwargs: dict, timeout: float):
        """(kind, payload, seconds): ("ok", the analysis as JSON bytes) | ("input", {message, field, code}) |
        ("error", exception type name). Raises AnalysisTimeout or AnalysisUnavailable."""
        if not self.ready and self._idle.empty():
            raise AnalysisUnavailable()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            child = await asyncio.wait_for(self._idle.get(), timeout)
        except (asyncio.TimeoutError, TimeoutError):
            raise AnalysisTimeout() from None
        give_back = True
        try:
            if not child.alive:
                raise AnalysisUnavailable()
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AnalysisTimeout()
            call = asyncio.ensure_future(child.call(kwargs, remaining))
            try:
                return await asyncio.shield(call)
            except asyncio.CancelledError:
                # the caller went away; the process stays taken until it has answered
                give_back = False
                call.add_done_callback(lambda f: (f.cancelled() or f.exception(), self._give_back(child)))
                raise
        finally:
            if give_back:
                self._give_back(child)


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

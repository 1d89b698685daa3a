"""Load benchmark for the HTTP API and the batch command (loopback only, bounded in count and time).

Starts its own `legalcheck serve --workers 2` on a free 127.0.0.1 port and measures:
  1. throughput and p50/p95/p99 latency of POST /api/v1/analyze for 1,000-character narratives
     at 1, 8 and 32 concurrent clients;
  2. a mid-run restart of one worker (SIGTERM; uvicorn's supervisor starts a new one) under 8
     clients: every answer 200 must be a whole analysis; a request whose connection broke is
     retried (the analysis is a pure function, so a retry is safe) and counted;
  3. `legalcheck batch` throughput with 1 and with 2 processes.

Run:  .venv/bin/python bench/load.py            (about 3 minutes; prints a Markdown report)
      .venv/bin/python bench/load.py --quick    (smaller counts, for a smoke run)
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"   # loopback only: this script never talks to another machine


def corpus() -> str:
    parts = []
    for name in ("own", "fresh", "third"):
        path = ROOT / "tests" / "cases" / f"{name}.yaml"
        if path.exists():
            parts += [c["narrative"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))]
    parts.append((ROOT / "examples" / "sample.txt").read_text(encoding="utf-8"))
    return "\n".join(parts)


def narratives(n: int, size: int = 1000) -> list[str]:
    """n different narratives of about `size` characters, cut at a sentence end where possible."""
    text = corpus()
    while len(text) < size * 3:
        text += text
    out = []
    for i in range(n):
        start = (i * 977) % (len(text) - size - 1)
        piece = text[start:start + size]
        k = piece.rfind("。")
        out.append(piece[:k + 1] if k > size * 0.9 else piece)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, workers: int):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("LEGALCHECK_")}
        env.update({"LEGALCHECK_RATE_LIMIT": "1000000/minute", "LEGALCHECK_LOG_LEVEL": "warning"})
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "legalcheck.cli", "serve", "--host", HOST,
                                      "--port", str(self.port), "--workers", str(workers)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.wait_ready(workers)

    def worker_pids(self) -> set[int]:
        pids = set()
        for _ in range(60):
            try:
                with httpx.Client(base_url=self.url, timeout=5) as c:   # a fresh connection each time
                    r = c.get("/readyz")
                    if r.status_code == 200:
                        pids.add(r.json()["worker_pid"])
            except httpx.HTTPError:
                pass
        return pids

    def wait_ready(self, workers: int, timeout: float = 180) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise SystemExit("server exited during start")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200 and len(self.worker_pids()) >= workers:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise SystemExit("server did not become ready")

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)


def tree_cpu(root: int) -> tuple[float, float]:
    """CPU seconds (user + system) used so far by `root` and every live descendant (Linux /proc),
    as (server and workers, analysis processes).

    The machine may be shared: wall-clock latency then measures the neighbours too, while CPU
    seconds per request say what a request costs, and so what idle cores would sustain."""
    parent, cpu = {}, {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    # depth 0: `serve`; 1: its workers; 2: each worker's analysis process (server/runner.py)
    outer = inner = 0.0
    todo = [(root, 0)]
    while todo:
        pid, depth = todo.pop()
        if depth >= 2:
            inner += cpu.get(pid, 0.0)
        else:
            outer += cpu.get(pid, 0.0)
        todo += [(p, depth + 1) for p, pp in parent.items() if pp == pid]
    return outer, inner


def spans_exact(narrative: str, a) -> bool:
    if isinstance(a, dict):
        if {"text", "start", "end"} <= a.keys() and isinstance(a["start"], int):
            if narrative[a["start"]:a["end"]] != a["text"]:
                return False
        return all(spans_exact(narrative, v) for v in a.values())
    if isinstance(a, list):
        return all(spans_exact(narrative, v) for v in a)
    return True


async def load(url: str, texts: list[str], clients: int, count: int, seconds: float, on_progress=None,
               check: bool = False) -> dict:
    """`clients` concurrent clients send up to `count` requests in at most `seconds`."""
    lat, statuses, retries, bad = [], {}, 0, 0
    next_i = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        async def one_client():
            nonlocal next_i, retries, bad
            while next_i < count and time.perf_counter() < deadline:
                i = next_i
                next_i += 1
                text = texts[i % len(texts)]
                t0 = time.perf_counter()
                for attempt in range(4):
                    try:
                        r = await client.post("/api/v1/analyze", json={"narrative": text})
                        break
                    except httpx.TransportError:
                        retries += 1
                        await asyncio.sleep(0.05 * (attempt + 1))
                else:
                    statuses["transport"] = statuses.get("transport", 0) + 1
                    continue
                lat.append(time.perf_counter() - t0)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                if check and r.status_code == 200:
                    a = r.json()
                    if a.get("schema_version") != "1" or not spans_exact(text, a):
                        bad += 1
                if on_progress:
                    on_progress(i)

        t_start, cpu_start = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall, client_cpu = time.perf_counter() - t_start, time.process_time() - cpu_start
    lat.sort()

    def pct(p):
        return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000 if lat else float("nan")

    return {"clients": clients, "requests": len(lat), "seconds": wall, "rps": len(lat) / wall if wall else 0,
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": statistics.fmean(lat) * 1000 if lat else 0,
            "statuses": statuses, "retries": retries, "bad": bad,
            "client_cpu_ms": client_cpu / max(1, len(lat)) * 1000}


def restart_run(server: Server, texts: list[str], count: int, seconds: float) -> dict:
    pids = sorted(server.worker_pids())
    victim = pids[0]
    state = {"killed": False}

    def on_progress(i):
        if not state["killed"] and i >= count // 3:
            state["killed"] = True
            os.kill(victim, signal.SIGTERM)   # graceful: in-flight requests finish, the supervisor replaces it

    res = asyncio.run(load(server.url, texts, 8, count, seconds, on_progress, check=True))
    time.sleep(1)
    res["before"], res["victim"] = pids, victim
    res["after"] = sorted(server.worker_pids())
    return res


def batch_run(texts: list[str], processes: int, tmp: Path) -> dict:
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"B{i}", "narrative": t}, ensure_ascii=False) + "\n"
                           for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp / f"out-{processes}.jsonl"
    out.unlink(missing_ok=True)
    import resource

    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "legalcheck.cli", "batch", str(src), str(out),
                          "--processes", str(processes), "--no-progress"], stderr=subprocess.PIPE, text=True)
    first = None
    while p.poll() is None:
        if first is None and out.exists() and out.stat().st_size > 0:
            first = time.perf_counter()
        time.sleep(0.01)
    total = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)   # the batch and its pool processes, all waited for
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    if p.returncode != 0:
        raise SystemExit(p.stderr.read())
    lines = out.read_text(encoding="utf-8").count("\n")
    steady = total - (first - t0) if first else total
    return {"processes": processes, "n": lines, "total_s": total, "rate": lines / total,
            "steady_rate": (lines - 1) / steady if steady > 0 else 0, "startup_s": (first - t0) if first else 0,
            "cpu_s": cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--requests", type=int, default=400, help="requests per concurrency level (bound)")
    ap.add_argument("--seconds", type=float, default=40, help="seconds per concurrency level (bound)")
    ap.add_argument("--batch", type=int, default=300, help="narratives in the batch runs")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", choices=["api", "batch"], help="run one part only")
    args = ap.parse_args()
    if args.quick:
        args.requests, args.seconds, args.batch = 60, 10, 40
    texts = narratives(200)
    mean_len = statistics.fmean(len(t) for t in texts)
    print(f"# legalcheck load benchmark ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{os.cpu_count()} CPUs, load average before {os.getloadavg()[0]:.2f})\n")
    print(f"narratives: {len(texts)} different cuts of about {mean_len:.0f} characters\n")

    if args.only != "batch":
        api_part(args, texts)
    if args.only != "api":
        batch_part(args)


def api_part(args, texts) -> None:
    server = Server(args.workers)
    try:
        asyncio.run(load(server.url, texts, 4, 40, 30))   # warm-up
        print(f"## POST /api/v1/analyze, {args.workers} workers\n")
        print("| clients | requests | req/s | p50 ms | p95 ms | p99 ms | statuses | CPU ms/request: workers + analysis | "
              "req/s that idle cores would sustain | load client's CPU ms/request |")
        print("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|")
        for c in (1, 8, 32):
            o0, i0 = tree_cpu(server.proc.pid)
            r = asyncio.run(load(server.url, texts, c, args.requests, args.seconds))
            o1, i1 = tree_cpu(server.proc.pid)
            n = max(1, r["requests"])
            per = (o1 - o0 + i1 - i0) / n
            cores = min(os.cpu_count() or 1, args.workers)
            print(f"| {c} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
                  f"{r['statuses']} | {(o1 - o0) / n * 1000:.1f} + {(i1 - i0) / n * 1000:.1f} | "
                  f"{cores / per if per else 0:.0f} | {r['client_cpu_ms']:.1f} |", flush=True)
        r = restart_run(server, texts, args.requests, args.seconds)
        print(f"\n## Worker restart under 8 clients\n\nworkers {r['before']} → SIGTERM to {r['victim']} after "
              f"{args.requests // 3} requests → workers {r['after']}\n")
        print(f"requests {r['requests']}, statuses {r['statuses']}, connection retries {r['retries']}, "
              f"answers 200 that were not a whole analysis with exact spans: {r['bad']}, "
              f"p99 {r['p99']:.0f} ms\n")
    finally:
        server.stop()



def batch_part(args) -> None:
    print(f"## legalcheck batch, {args.batch} narratives\n")
    print("| processes | total s | narratives/s (with start-up) | narratives/s (after the first line) | start-up s | "
          "CPU s in all |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        runs = [batch_run(narratives(args.batch), n, Path(tmp)) for n in (1, 2)]
        # start-up alone (one narrative), to tell what each further narrative costs
        base = [batch_run(narratives(1), n, Path(tmp)) for n in (1, 2)]
    for b in runs:
        print(f"| {b['processes']} | {b['total_s']:.1f} | {b['rate']:.1f} | {b['steady_rate']:.1f} | {b['startup_s']:.1f} | "
              f"{b['cpu_s']:.1f} |")
    print(f"\nspeed-up 2 vs 1 process: {runs[1]['rate'] / runs[0]['rate']:.2f}× with start-up, "
          f"{runs[1]['steady_rate'] / runs[0]['steady_rate']:.2f}× after the first line")
    for b, b0 in zip(runs, base):
        per = (b["cpu_s"] - b0["cpu_s"]) / max(1, b["n"] - 1)
        print(f"- {b['processes']} process(es): start-up {b0['cpu_s']:.1f} CPU s; each further narrative "
              f"{per * 1000:.1f} CPU ms → {b['processes'] / per:.0f} narratives/s on {b['processes']} idle core(s)")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""Case records: the cost of saving a narrative with its analysis (one transaction: case row lock,
narrative, analysis, tasks, audit entry, all encrypted) and of reading a case back, on SQLite (a
file, WAL, synchronous=FULL) and on PostgreSQL (a throw-away server as the tests start it, with
fsync off, so its figure is a floor), plus two processes writing to one case at once. The analysis
is computed once beforehand.
Run: .venv/bin/python bench/records.py [--saves N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "records"))

import legalcheck  # noqa: E402
from legalcheck.records.cases import Records  # noqa: E402
from legalcheck.records.config import RecordSettings  # noqa: E402
from legalcheck.records.db import Database  # noqa: E402
from narratives import FIRST, ORDER  # noqa: E402
from records_support import KEY, OFFICER  # noqa: E402


def run(url: str, analysis: dict, saves: int, tmp: Path) -> dict:
    settings = RecordSettings(database_url=url, encryption_keys=[KEY])
    r = Records(settings, Database(settings))
    case = r.create_case(OFFICER, f"B-{time.time_ns()}", "bench")
    request = {"narrative": FIRST, "prior_measures": [ORDER]}
    times = []
    for _ in range(saves):
        t0 = time.perf_counter()
        r.add_narrative(OFFICER, case["id"], request, analysis)
        times.append((time.perf_counter() - t0) * 1000)
    t0 = time.perf_counter()
    got = r.get_case(OFFICER, case["id"])
    read = (time.perf_counter() - t0) * 1000
    assert len(got["narratives"]) == saves
    # two processes, 20 records each, into one new case
    both = r.create_case(OFFICER, f"C-{time.time_ns()}", "bench")
    afile = tmp / "analysis.json"
    afile.write_text(json.dumps(analysis), encoding="utf-8")
    start = time.time() + 2
    procs = [subprocess.Popen([sys.executable, str(ROOT / "tests/records/writer.py"), url, KEY, str(both["id"]),
                               str(afile), "20", f"w{i}", str(start)], stdout=subprocess.PIPE) for i in range(2)]
    for p in procs:
        p.communicate(timeout=300)
    n = r.get_case(OFFICER, both["id"])["narrative_count"]
    r.db.dispose()
    return {"save_ms_median": round(statistics.median(times), 1),
            "save_ms_p95": round(sorted(times)[int(len(times) * 0.95) - 1], 1),
            "read_case_ms": round(read, 1), "concurrent_records": n}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--saves", type=int, default=40)
    args = ap.parse_args()
    analysis = legalcheck.analyze(FIRST, prior_measures=[ORDER], today="2024-06-12").to_dict()
    print(f"analysis JSON: {len(json.dumps(analysis, ensure_ascii=False)):,} characters")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = tmp / "bench.sqlite3"
        out = run(f"sqlite:///{db}", analysis, args.saves, tmp)
        size = sum(p.stat().st_size for p in tmp.iterdir() if p.name.startswith("bench.sqlite3"))
        print(f"sqlite: {out}, file {size / 1024:.0f} KiB for {args.saves + 41} records")
        try:
            from pgserver import PgServer

            pg = PgServer()
        except Exception as exc:  # noqa: BLE001
            print(f"postgresql: unavailable ({exc})")
            return
        try:
            print(f"postgresql: {run(pg.new_database(), analysis, args.saves, tmp)}")
        finally:
            pg.stop()


if __name__ == "__main__":
    main()

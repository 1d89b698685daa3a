"""`legalcheck batch` through real subprocesses: order, error lines, progress bar, SIGKILL and resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from api_support import spans_exact

ROOT = Path(__file__).resolve().parents[2]
N = 1000


def _narratives() -> list[str]:
    return [c["narrative"] for f in ("own", "fresh", "third")
            for c in yaml.safe_load((ROOT / "tests" / "cases" / f"{f}.yaml").read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def requests_file(tmp_path_factory) -> Path:
    texts = _narratives()
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    lines = []
    for i in range(N):
        if i == 10:
            lines.append("{not json")
        elif i == 20:
            lines.append(json.dumps({"id": "empty", "narrative": ""}))
        elif i == 30:
            lines.append(json.dumps({"id": "kind", "narrative": texts[0], "prior_measures": [{"kind": "arrest", "date": "2024-01-01"}]},
                                    ensure_ascii=False))
        else:
            lines.append(json.dumps({"id": f"R{i:04d}", "narrative": texts[i % len(texts)]}, ensure_ascii=False))
        if i == 500:
            lines.append("")   # a blank line: skipped, no output line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "legalcheck.cli", "batch", *map(str, args), "--today", "2026-12-01"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, **kw)


@pytest.fixture(scope="module")
def uninterrupted(requests_file, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("whole") / "out.jsonl"
    p = batch(requests_file, out, "--processes", "2")
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err[-2000:]
    return out, err


def test_one_line_per_request_in_order_with_error_objects(requests_file, uninterrupted):
    out, _ = uninterrupted
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == N
    inputs = [(n, x) for n, x in enumerate(requests_file.read_text(encoding="utf-8").splitlines(), 1) if x.strip()]
    assert [r["line"] for r in rows] == [n for n, _ in inputs]
    assert rows[10]["error"]["code"] == "json_invalid"
    assert rows[20]["id"] == "empty" and rows[20]["error"]["code"] == "empty"
    assert rows[30]["error"]["field"] == "prior_measures[0].kind"
    ok = [r for r in rows if "error" not in r]
    assert len(ok) == N - 3 and [r["id"] for r in ok[:3]] == ["R0000", "R0001", "R0002"]
    by_line = dict(inputs)
    for r in ok[::37]:
        spans_exact(json.loads(by_line[r["line"]])["narrative"], r)


def test_progress_bar_shows_rate_and_eta(uninterrupted):
    _, err = uninterrupted
    assert f"{N}/{N}" in err and "件/s" in err and "<" in err   # tqdm: [elapsed<remaining, rate]


def test_killed_halfway_then_resumed_equals_uninterrupted(requests_file, uninterrupted, tmp_path):
    out = tmp_path / "out.jsonl"
    p = batch(requests_file, out, "--processes", "2")
    end = time.monotonic() + 300
    while (not out.exists() or out.read_bytes().count(b"\n") < N // 2) and time.monotonic() < end:
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)   # the command and its worker processes, no clean-up
    p.wait()
    data = out.read_bytes()
    done = data.count(b"\n")
    assert N // 2 <= done < N
    assert data.endswith(b"\n")   # whole lines only
    for line in data.splitlines():
        json.loads(line)
    p = batch(requests_file, out, "--processes", "2")
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err[-2000:]
    assert f"{done} 件は前回の出力を再利用" in err
    assert out.read_bytes() == uninterrupted[0].read_bytes()


def test_torn_last_line_is_cut_and_redone(requests_file, uninterrupted, tmp_path):
    whole = uninterrupted[0].read_bytes().splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(whole[:3]) + whole[3][:50])   # as if killed inside a write
    p = batch(requests_file, out, "--processes", "1")
    _, err = p.communicate(timeout=600)
    assert p.returncode == 0, err[-2000:]
    assert out.read_bytes() == uninterrupted[0].read_bytes()


def test_output_of_another_input_is_refused(tmp_path, uninterrupted):
    other = tmp_path / "other.jsonl"
    other.write_text("\n\n" + json.dumps({"narrative": "甲が待ち伏せした。"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_bytes(uninterrupted[0].read_bytes().splitlines(keepends=True)[0])
    p = batch(other, out)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 2 and "別の入力" in err
    p = batch(tmp_path / "missing.jsonl", tmp_path / "x.jsonl")
    _, err = p.communicate(timeout=120)
    assert p.returncode == 2 and "入力ファイルがありません" in err


def test_undecodable_bytes_become_error_lines(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_bytes('{"id": "a\xff", "narrative": "甲が待ち伏せした。"}\n'.encode("utf-8").replace(b"\xc3\xbf", b"\xff")
                    + b'\xff\xfe\n' + json.dumps({"id": "ok", "narrative": "甲はＡ子の自宅前で待ち伏せした。"}).encode() + b"\n")
    out = tmp_path / "out.jsonl"
    p = batch(src, out, "--no-progress")
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err[-2000:]
    rows = [json.loads(x) for x in out.read_bytes().splitlines()]   # valid UTF-8 JSON, one line each
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert "error" in rows[0] and rows[1]["error"]["code"] == "json_invalid"
    assert rows[2]["id"] == "ok" and rows[2]["acts"]

"""`legalcheck batch IN.jsonl OUT.jsonl [--processes N]`: one request per input line (contract.md §3,
plus an optional `id`), one output line per request, in input order.

- An output line is the analysis of contract.md §2 with two more keys, `line` (the input line
  number, from 1) and `id` (when the request had one); a line that cannot be analysed becomes
  `{"line", "id", "error": {...}}` (the problem object of the HTTP API) and the run goes on.
- Blank input lines are skipped (they have no output line).
- Resuming: run the same command again. Finished lines are kept and not redone; a torn last
  line (the run was killed inside a write) is cut off first. Each output line is written with
  one write() of the whole line to a file opened for appending, so a kill between lines leaves
  only whole lines.
- `--processes N`: N processes (spaCy's way: each builds the pipeline once, at start), fed in
  order through Pool.imap, so the output order is the input order whatever N is.
"""
from __future__ import annotations

import gc
import json
import multiprocessing as mp
import os
from datetime import date
from pathlib import Path
from typing import Iterator

from pydantic import ValidationError
from legalcheck.inputs import japan_today


class BatchError(Exception):
    """The run cannot start (unreadable input, an output that belongs to another input, …)."""


# ---------------------------------------------------------------- one line (runs in the worker processes)

_TODAY: date | None = None


def _init(today: date | None) -> None:
    global _TODAY
    _TODAY = today
    from legalcheck.analysis import analyze

    analyze("甲はＡ子の自宅前で待ち伏せした。", today=today)   # build the pipeline once per process
    gc.collect()
    gc.freeze()   # the pipeline and law data stay: full collections no longer walk them (as server/runner.py)


def _error(line: int, item_id, kind, ja: str, en: str, **kw) -> dict:
    from legalcheck.server import problems

    return {"line": line, "id": item_id, "error": problems.body(kind, ja, en, **kw)}


def process_line(item: tuple[int, str]) -> tuple[bool, bytes]:
    """One input line → (failed, one output line: UTF-8 JSON and a newline)."""
    from legalcheck.analysis import InputError, analyze
    from legalcheck.api.errors import field_errors, input_error_problem
    from legalcheck.api.models import AnalyzeRequest
    from legalcheck.server import problems

    line, raw = item
    item_id = None
    try:
        data = json.loads(raw)
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            item_id = data["id"]
        req = AnalyzeRequest.model_validate(data)
        a = analyze(req.narrative, incident_date=req.incident_date,
                    prior_measures=[m.model_dump() for m in req.prior_measures], today=_TODAY)
        head = json.dumps({"line": line, **({"id": req.id} if req.id is not None else {})}, ensure_ascii=False)
        # the analysis serialised by pydantic (model_dump_json()'s UTF-8 bytes, the JSON form of to_dict()),
        # after `line` and `id`; joined as bytes rather than decoded and encoded again
        body = a.__pydantic_serializer__.to_json(a)
        return False, head[:-1].encode("utf-8", "backslashreplace") + b", " + body[1:] + b"\n"
    except json.JSONDecodeError:
        out = _error(line, None, problems.INVALID_INPUT, f"{line}行目: JSON として読めません",
                     f"line {line}: not valid JSON", code="json_invalid")
    except ValidationError as exc:
        errs = field_errors(exc.errors())
        out = _error(line, item_id, problems.INVALID_INPUT, errs[0]["detail"], errs[0]["detail_en"],
                     field=errs[0]["field"], code=errs[0]["code"], errors=errs)
    except InputError as exc:
        out = {"line": line, "id": item_id, "error": input_error_problem(
            {"message": str(exc), "field": getattr(exc, "field", None), "code": getattr(exc, "code", None)}, "", None)}
    except Exception as exc:   # noqa: BLE001 - one bad line must not stop a year's batch
        out = _error(line, item_id, problems.INTERNAL, "分析中に内部エラーが発生しました",
                     f"internal error during the analysis ({type(exc).__name__})", code="analysis_error")
    try:
        data = (json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:   # an id holding undecodable input bytes: JSON escapes keep the line valid
        data = (json.dumps(out, ensure_ascii=True) + "\n").encode("ascii")
    return "error" in out, data


# ---------------------------------------------------------------- the run


def _requests(path: Path, skip: int) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as f:
        seen = 0
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            seen += 1
            if seen > skip:
                yield n, raw


def _line_numbers(path: Path) -> list[int]:
    with path.open(encoding="utf-8-sig", errors="surrogateescape") as f:
        return [n for n, raw in enumerate(f, start=1) if raw.strip()]


def _resume(out: Path, lines: list[int]) -> int:
    """How many requests the output already holds; cuts off a torn last line."""
    if not out.exists():
        return 0
    with out.open("rb+") as f:
        data = f.read()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            f.truncate(keep)
    done = data[:keep].count(b"\n")
    if done > len(lines):
        raise BatchError(f"{out} は {done} 行あり、入力（{len(lines)} 件）より多い: 別の入力の出力です / "
                         "output has more lines than the input has requests")
    if done:
        last = data[:keep].rstrip(b"\n").rsplit(b"\n", 1)[-1]
        try:
            got = json.loads(last).get("line")
        except (ValueError, AttributeError):
            got = None
        if got != lines[done - 1]:
            raise BatchError(f"{out} の最終行が入力の {lines[done - 1]} 行目に対応しません: 別の入力の出力です / "
                             "output does not belong to this input")
    return done


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def run_batch(input_path, output_path, processes: int = 1, today: str | date | None = None,
              progress: bool = True) -> str:
    from tqdm import tqdm

    src, out = Path(input_path), Path(output_path)
    if not src.is_file():
        raise BatchError(f"{src}: 入力ファイルがありません / input file not found")
    if processes < 1:
        raise BatchError("--processes は 1 以上 / --processes must be at least 1")
    if isinstance(today, str):
        try:
            today = date.fromisoformat(today)
        except ValueError:
            raise BatchError(f"--today: YYYY-MM-DD で指定してください / bad date {today[:20]!r}") from None
    today = today or japan_today()   # one judgment date for the whole run (and its resumption: pass --today)
    lines = _line_numbers(src)
    done = _resume(out, lines)
    todo = _requests(src, done)
    errors = 0
    fd = os.open(out, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    pool = None
    bar = tqdm(total=len(lines), initial=done, unit="件", desc="legalcheck batch", disable=not progress,
               dynamic_ncols=True, smoothing=0.05)
    try:
        if processes == 1:
            _init(today)
            results = map(process_line, todo)
        else:
            pool = mp.get_context("spawn").Pool(processes, initializer=_init, initargs=(today,))
            results = pool.imap(process_line, todo, chunksize=4)
        for failed, data in results:
            _write_all(fd, data)
            errors += failed
            bar.update(1)
        if pool is not None:
            pool.close()
            pool.join()
    finally:
        if pool is not None:
            pool.terminate()
        bar.close()
        os.close(fd)
    new = len(lines) - done
    return (f"{len(lines)} 件中 {new} 件を分析（{done} 件は前回の出力を再利用）、エラー {errors} 件 → {out} / "
            f"{new} analysed, {done} kept from the earlier run, {errors} errors")

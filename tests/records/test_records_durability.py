"""Nothing is lost: a killed process leaves the whole record or none; two processes writing at once
lose no update; a locked database or a full disk gives a clear error and no half record."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from records_support import KEY, OFFICER
from legalcheck.records.cases import Records
from legalcheck.records.config import RecordSettings
from legalcheck.records.db import Database
from legalcheck.records.errors import StorageUnavailable
from legalcheck.records.models import Analysis, AuditEntry, Case, Narrative, Task
from narratives import FIRST, ORDER

WRITER = str(Path(__file__).resolve().parent / "writer.py")


@pytest.fixture(scope="module")
def analysis_file(tmp_path_factory, analyse):
    path = tmp_path_factory.mktemp("analysis") / "analysis.json"
    path.write_text(json.dumps(analyse({"narrative": FIRST, "prior_measures": [ORDER]})), encoding="utf-8")
    return path


def _counts(records, case_id):
    with records.db.session() as s:
        case = s.get(Case, case_id)
        n = {m.__name__: s.scalar(select(func.count()).select_from(m).where(m.case_id == case_id))
             for m in (Narrative, Analysis, Task, AuditEntry)}
        return case.narrative_count, case.revision, n


def _writer(url, case_id, analysis_file, count, *extra):
    return subprocess.Popen([sys.executable, WRITER, url, KEY, str(case_id), str(analysis_file), str(count), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_process_killed_while_saving_leaves_the_whole_record_or_none(records, settings, analysis_file):
    case = records.create_case(OFFICER, "R6-生安-0200", "件名")
    proc = _writer(settings.database_url, case["id"], analysis_file, 2, "pause")
    line = proc.stdout.readline()
    assert line.strip() == "MID", proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)       # the second record is half sent: case counter, narrative and analysis, not its audit entry
    proc.wait(10)
    count, revision, n = _counts(records, case["id"])
    assert (count, revision) == (1, 1)
    assert n == {"Narrative": 1, "Analysis": 1, "Task": 5, "AuditEntry": 2}   # case.create + the one whole record
    got = records.get_case(OFFICER, case["id"])
    assert [x["seq"] for x in got["narratives"]] == [1]
    # the case is not left locked: the next record goes in at once
    records.add_narrative(OFFICER, case["id"], {"narrative": FIRST}, json.loads(analysis_file.read_text()))
    assert _counts(records, case["id"])[0] == 2


def test_two_processes_writing_at_once_lose_no_update(records, settings, analysis_file):
    case = records.create_case(OFFICER, "R6-生安-0201", "件名")
    start = time.time() + 3
    procs = [_writer(settings.database_url, case["id"], analysis_file, 12, f"w{i}", str(start)) for i in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0 and out.strip() == "DONE", err[-2000:]
    count, revision, n = _counts(records, case["id"])
    assert (count, revision) == (24, 24) and n["Narrative"] == 24 and n["Analysis"] == 24
    seqs = [x["seq"] for x in records.get_case(OFFICER, case["id"])["narratives"]]
    assert seqs == list(range(1, 25))
    writers = {e["actor"] for e in records.audit_log(OFFICER.__class__("chief", "supervisor"), case_id=case["id"])
               if e["action"] == "narrative.add"}
    assert len(writers) == 2


def test_a_locked_database_gives_a_clear_error_and_no_half_record(db_url, analysis_file):
    settings = RecordSettings(database_url=db_url, encryption_keys=[KEY], database_lock_timeout_s=0.5)
    records = Records(settings, Database(settings))
    case = records.create_case(OFFICER, "R6-生安-0202", "件名")
    analysis = json.loads(analysis_file.read_text())
    holder = Database(RecordSettings(database_url=db_url, encryption_keys=[KEY]))
    with holder.engine.connect() as conn:
        if holder.dialect == "sqlite":
            conn.exec_driver_sql("COMMIT")       # leave the IMMEDIATE transaction the engine opened
            conn.exec_driver_sql("BEGIN EXCLUSIVE")
        else:
            conn.execute(text("SELECT id FROM cases WHERE id = :i FOR UPDATE"), {"i": case["id"]})
        t0 = time.monotonic()
        with pytest.raises(StorageUnavailable) as exc:
            records.add_narrative(OFFICER, case["id"], {"narrative": FIRST}, analysis)
        assert time.monotonic() - t0 < 10
        conn.rollback()
    assert exc.value.code == "database_locked"
    assert "ロック中" in exc.value.ja and "nothing was saved" in exc.value.en
    assert _counts(records, case["id"])[:2] == (0, 0)
    assert _counts(records, case["id"])[2]["Narrative"] == 0
    holder.dispose()
    records.db.dispose()


def test_a_full_disk_gives_a_clear_error_and_no_half_record(tmp_path, analysis_file):
    """SQLite's max_page_count caps the file like a full disk (SQLITE_FULL), without root or a tmpfs."""
    url = f"sqlite:///{tmp_path / 'full.sqlite3'}"
    settings = RecordSettings(database_url=url, encryption_keys=[KEY])
    records = Records(settings, Database(settings))
    case = records.create_case(OFFICER, "R6-生安-0203", "件名")
    records.db.dispose()
    pages = sqlite3.connect(tmp_path / "full.sqlite3").execute("PRAGMA page_count").fetchone()[0]
    capped = Records(settings, Database(settings))

    @event.listens_for(capped.db.engine, "connect")
    def _cap(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 1}")

    big = FIRST + "\n".join(f"・令和６年５月{d}日、甲はＡ子の自宅前で待ち伏せした。" for d in range(1, 29)) * 40
    with pytest.raises(StorageUnavailable) as exc:
        capped.add_narrative(OFFICER, case["id"], {"narrative": big}, json.loads(analysis_file.read_text()))
    assert exc.value.code == "storage_full" and "容量" in exc.value.ja
    capped.db.dispose()
    again = Records(settings, Database(settings))
    count, revision, n = _counts(again, case["id"])
    assert (count, revision, n["Narrative"], n["Analysis"], n["Task"]) == (0, 0, 0, 0, 0)
    again.db.dispose()

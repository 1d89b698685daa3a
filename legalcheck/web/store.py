"""Training answers in one SQLite file (LEGALCHECK_TRAINING_DB), never in process memory, so any number
of workers share them. Only a group code, a nickname, the scenario id and the marks are stored: no
narrative (the scenarios are public training texts)."""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timezone

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_code TEXT NOT NULL,
  trainee TEXT NOT NULL,
  scenario TEXT NOT NULL,
  marks TEXT NOT NULL,
  correct INTEGER NOT NULL,
  total INTEGER NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_group ON answers (group_code, scenario);
"""
_init_lock = threading.Lock()
_ready: set[str] = set()


def _connect(path: str) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=10)
    con.row_factory = sqlite3.Row
    if path not in _ready:
        with _init_lock:
            con.executescript(_SCHEMA)
            con.commit()
            _ready.add(path)
    return con


def save(path: str, group_code: str, trainee: str, scenario: str, marks: dict, correct: int, total: int) -> None:
    with closing(_connect(path)) as con, con:
        con.execute("INSERT INTO answers (group_code, trainee, scenario, marks, correct, total, created) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (group_code, trainee, scenario, json.dumps(marks, ensure_ascii=False), correct, total,
                     datetime.now(timezone.utc).isoformat(timespec="seconds")))


def latest(path: str, group_code: str, trainee: str | None = None) -> list[dict]:
    """The last answer of each trainee to each scenario in a group."""
    sql = ("SELECT a.* FROM answers a JOIN (SELECT MAX(id) AS id FROM answers WHERE group_code = ? "
           + ("AND trainee = ? " if trainee is not None else "")
           + "GROUP BY trainee, scenario) m ON a.id = m.id ORDER BY a.scenario, a.trainee")
    args = (group_code, trainee) if trainee is not None else (group_code,)
    with closing(_connect(path)) as con:
        rows = con.execute(sql, args).fetchall()
    return [{**dict(r), "marks": json.loads(r["marks"])} for r in rows]

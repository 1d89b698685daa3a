"""A separate process that writes case records (for the SIGKILL and concurrency tests).

usage: writer.py URL KEY CASE_ID ANALYSIS_JSON COUNT [pause-after-analysis-insert] [start-at-epoch]
With `pause`, it prints MID after the analysis row of its last record is sent and then waits
(inside the open transaction) to be killed. Otherwise it prints DONE after COUNT records."""
import json
import sys
import time

from sqlalchemy import event

from legalcheck.records.audit import Actor
from legalcheck.records.cases import Records
from legalcheck.records.config import RecordSettings
from legalcheck.records.db import Database

url, key, case_id, analysis_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
pause = len(sys.argv) > 6 and sys.argv[6] == "pause"
start_at = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
settings = RecordSettings(database_url=url, encryption_keys=[key], database_lock_timeout_s=60)
records = Records(settings, Database(settings))
analysis = json.loads(open(analysis_file, encoding="utf-8").read())
records.db.ensure_schema()
done = 0

if pause:
    @event.listens_for(records.db.engine, "after_cursor_execute")
    def _stop_mid(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO ANALYSES") and done == count - 1:
            print("MID", flush=True)
            time.sleep(120)

while time.time() < start_at:
    time.sleep(0.005)
actor = Actor(f"writer{case_id}-{sys.argv[6] if len(sys.argv) > 6 else ''}", "officer", "127.0.0.1", "cli")
for i in range(count):
    text = f"捜査報告書\n令和６年６月{i % 28 + 1}日\n・甲はＡ子の自宅前で待ち伏せした（{i}件目）。"
    records.add_narrative(actor, case_id, {"narrative": text, "prior_measures": []}, analysis)
    done += 1
print("DONE", flush=True)

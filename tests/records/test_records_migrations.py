"""Migrations: an empty database to the newest revision, and a database at the first schema revision
with data in it to the newest, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import create_engine, inspect, text

from records_support import KEY, OFFICER
from legalcheck.records.cases import Records
from legalcheck.records.config import RecordSettings
from legalcheck.records.crypto import Cipher
from legalcheck.records.db import Database, current_revision, upgrade
from legalcheck.records.models import Base


def test_an_empty_database_reaches_the_newest_schema(db_url):
    engine = create_engine(db_url)
    upgrade(engine)
    assert current_revision(engine) == "2"
    found = inspect(engine)
    for table in Base.metadata.sorted_tables:
        assert {c["name"] for c in found.get_columns(table.name)} == {c.name for c in table.columns}, table.name
    upgrade(engine)   # again: nothing to do, no error
    engine.dispose()


def test_a_first_revision_database_with_data_is_upgraded(db_url):
    engine = create_engine(db_url)
    upgrade(engine, "1")
    assert current_revision(engine) == "1"
    cipher = Cipher([KEY])
    now = datetime(2024, 6, 1, tzinfo=timezone.utc)
    with engine.begin() as c:
        c.execute(text("INSERT INTO cases (id, number, title, status, created_at, updated_at, created_by, revision, "
                       "narrative_count) VALUES (1, 'R6-旧-0001', '旧版で登録した事件', 'open', :t, :t, 'officer1', 1, 1)"),
                  {"t": now})
        c.execute(text("INSERT INTO narratives (id, case_id, seq, text_enc, created_at, created_by) "
                       "VALUES (1, 1, 1, :x, :t, 'officer1')"), {"x": cipher.seal("相談受理票\n令和６年４月１日、甲がＡ子の自宅前で待ち伏せした。"), "t": now})
        for months, due in ((1, date(2024, 5, 1)), (3, date(2024, 7, 1))):
            c.execute(text("INSERT INTO tasks (case_id, kind, label, due_on, months, status, order_kind, order_date, created_at) "
                           "VALUES (1, 'contact', '加害者連絡', :d, :m, 'open', 'prohibition_order', :o, :t)"),
                      {"d": due, "m": months, "o": date(2024, 4, 1), "t": now})
        c.execute(text("INSERT INTO audit_log (at, actor, role, action, outcome, case_id, case_number) "
                       "VALUES (:t, 'officer1', 'officer', 'case.create', 'ok', 1, 'R6-旧-0001')"), {"t": now})
    upgrade(engine)
    assert current_revision(engine) == "2"
    with engine.connect() as c:
        orders = c.execute(text("SELECT id, kind, ordered_on, last_day FROM orders")).all()
        assert len(orders) == 1 and str(orders[0].last_day) == "2025-03-31"   # 5条8項: one year from the order day
        assert {r.order_id for r in c.execute(text("SELECT order_id FROM tasks"))} == {orders[0].id}
    engine.dispose()
    # the upgraded data works with today's services: read, and extend the order it now knows
    settings = RecordSettings(database_url=db_url, encryption_keys=[KEY])
    records = Records(settings, Database(settings))
    case = records.get_case(OFFICER, 1)
    assert case["narratives"][0]["text"].startswith("相談受理票\n令和６年４月１日")
    out = records.record_extension(OFFICER, 1, orders[0].id, date(2025, 3, 1))
    assert out["order"]["last_day"] == "2026-03-31"
    records.db.dispose()

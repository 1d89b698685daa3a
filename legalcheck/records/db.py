"""The database: one SQLAlchemy engine per URL and process, sessions, and the mapping of storage
failures (locked, full disk, connection lost) to clear errors. Every write is one transaction, so a
failure or a killed process leaves the whole record or none of it.

SQLite: WAL journal, synchronous=FULL (a committed record survives a power cut), foreign keys on,
and every transaction opened with BEGIN IMMEDIATE so that two workers writing at once queue on the
write lock (busy timeout) instead of failing on a stale snapshot. PostgreSQL: the service functions
lock the case row (SELECT … FOR UPDATE) before changing what belongs to it.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from legalcheck.records.config import RecordSettings, get_record_settings
from legalcheck.records.errors import RecordError, StorageUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(engine: Engine, timeout_s: float) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None          # SQLAlchemy's "begin" below opens the transaction
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, timeout_s: float = 10.0) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": timeout_s, "check_same_thread": False})
        _sqlite_pragmas(engine, timeout_s)
        return engine
    connect_args = {"connect_timeout": max(1, int(timeout_s))} if "psycopg" in url or url.startswith("postgresql") else {}
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if engine.dialect.name == "postgresql":
        @event.listens_for(engine, "connect")
        def _pg_connect(dbapi_conn, _record):
            with dbapi_conn.cursor() as cur:   # a write waiting on another's row lock gives up in time
                cur.execute(f"SET lock_timeout = {int(timeout_s * 1000)}")
            dbapi_conn.commit()
    return engine


def storage_error(exc: DBAPIError) -> StorageUnavailable:
    """A clear message for what the database said, without the statement or its parameters."""
    msg = str(getattr(exc, "orig", exc)).lower()
    if "locked" in msg or "lock timeout" in msg or "could not obtain lock" in msg or "busy" in msg:
        return StorageUnavailable("データベースが他の処理で使用中（ロック中）のため保存できませんでした。何も保存されていません。"
                                  "しばらくしてから再度操作してください",
                                  "the database is locked by another process; nothing was saved, retry shortly",
                                  code="database_locked")
    if "full" in msg or "no space" in msg or "disk" in msg:
        return StorageUnavailable("データベースの容量（ディスク）が不足しているため保存できませんでした。何も保存されていません。"
                                  "管理者に連絡してください",
                                  "the database or its disk is full; nothing was saved, contact the administrator",
                                  code="storage_full")
    return StorageUnavailable("データベースに接続できないか、保存に失敗しました。何も保存されていません",
                              "the database is unreachable or refused the write; nothing was saved",
                              code="database_unavailable")


class Database:
    def __init__(self, settings: RecordSettings):
        self.settings = settings
        self.url = settings.database_url
        self.engine = make_engine(self.url, settings.database_lock_timeout_s)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._migrated = False
        self._lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def ensure_schema(self) -> None:
        if self._migrated:
            return
        with self._lock:
            if not self._migrated:
                if self.settings.database_auto_migrate:
                    upgrade(self.engine)
                self._migrated = True

    @contextmanager
    def session(self):
        """One transaction: committed at the end, rolled back on any error (nothing half kept)."""
        self.ensure_schema()
        s: Session = self._sessions()
        try:
            yield s
            s.commit()
        except RecordError:
            s.rollback()
            raise
        except OperationalError as exc:
            s.rollback()
            raise storage_error(exc) from None
        except DBAPIError as exc:
            s.rollback()
            if exc.connection_invalidated or isinstance(exc.orig, OSError):
                raise storage_error(exc) from None
            raise
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()


_databases: dict[tuple, Database] = {}
_dblock = threading.Lock()


def database(settings: RecordSettings | None = None) -> Database:
    settings = settings or get_record_settings()
    key = (settings.database_url, settings.database_lock_timeout_s, settings.database_auto_migrate)
    with _dblock:
        if key not in _databases:
            _databases[key] = Database(settings)
        return _databases[key]


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision` (Alembic, the scripts shipped in the package). Workers starting at once
    queue: SQLite on its write lock, PostgreSQL on an advisory lock."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(16016016)"))
        command.upgrade(alembic_config(conn), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()

"""The tables of the case records at the newest schema revision (SQLAlchemy 2 typed models).

The migrations in migrations/versions/ create the same tables step by step; tests check that a
database migrated from empty matches these models. Columns ending in `_enc` hold Fernet tokens
(crypto.py): narratives, requests and analyses (which quote the narrative), party details and
contact notes are never stored in clear. The audit log has no foreign key to the case, so its
entries outlive a deleted case.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        UniqueConstraint, event)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# the largest id an INTEGER key holds on every backend (PostgreSQL int4): a larger one names no record
MAX_ID = 2_147_483_647

NAMING = {"ix": "ix_%(table_name)s_%(column_0_N_name)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
          "ck": "ck_%(table_name)s_%(constraint_name)s", "fk": "fk_%(table_name)s_%(column_0_name)s",
          "pk": "pk_%(table_name)s"}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Case(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    # bumped by every change to the case or what belongs to it, under the case's row lock
    revision: Mapped[int] = mapped_column(Integer, default=0)
    narrative_count: Mapped[int] = mapped_column(Integer, default=0)

    parties: Mapped[list[Party]] = relationship(back_populates="case", cascade="all, delete-orphan",
                                                passive_deletes=True, order_by="Party.id")
    narratives: Mapped[list[Narrative]] = relationship(back_populates="case", cascade="all, delete-orphan",
                                                       passive_deletes=True, order_by="Narrative.seq")


class Party(Base):
    __tablename__ = "parties"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    label_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    details_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    case: Mapped[Case] = relationship(back_populates="parties")


class Narrative(Base):
    __tablename__ = "narratives"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    received_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    case: Mapped[Case] = relationship(back_populates="narratives")


class Analysis(Base):
    __tablename__ = "analyses"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    narrative_id: Mapped[int | None] = mapped_column(ForeignKey("narratives.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(16))          # narrative | combined
    request_enc: Mapped[bytes] = mapped_column(LargeBinary)
    result_enc: Mapped[bytes] = mapped_column(LargeBinary)
    legalcheck_version: Mapped[str] = mapped_column(String(32))
    data_version: Mapped[str] = mapped_column(String(80))
    risk_level: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))


class Order(Base):
    """A 禁止命令等 of the case and its extensions (revision 2): the schedule hangs on it."""
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("case_id", "kind", "ordered_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    ordered_on: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_status_due_on", "status", "due_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))           # contact | continuation_review | extension_decision
    label: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    months: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="open")   # open | done | cancelled
    order_kind: Mapped[str | None] = mapped_column(String(40))
    order_date: Mapped[date | None] = mapped_column(Date)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Contact(Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    contacted_on: Mapped[date] = mapped_column(Date)
    means: Mapped[str] = mapped_column(String(32))
    reached: Mapped[bool] = mapped_column(Boolean)
    items_enc: Mapped[bytes] = mapped_column(LargeBinary)    # {item id: what was confirmed}
    recidivism: Mapped[str] = mapped_column(String(16))
    retaliation: Mapped[str] = mapped_column(String(16))
    risk_note_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    decision: Mapped[str] = mapped_column(String(16))       # continue | stop
    stop_reason: Mapped[str | None] = mapped_column(String(16))
    victim_informed: Mapped[bool | None] = mapped_column(Boolean)
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))


class AuditEntry(Base):
    """Append-only: no code path updates or deletes a row (mapper events refuse it; the database
    refuses it too: triggers on SQLite and PostgreSQL, see the first migration)."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(16))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    case_number: Mapped[str | None] = mapped_column(String(64))
    client: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str | None] = mapped_column(String(16))    # api | page | cli
    request_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(400))


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ApiKey(Base):
    __tablename__ = "api_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoginSession(Base):
    __tablename__ = "login_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _append_only(mapper, connection, target):
    raise RuntimeError("audit_log is append-only / 監査ログは追記のみです")

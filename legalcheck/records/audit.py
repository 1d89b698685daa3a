"""The audit log: who did what to which case, when and from where, appended in the same
transaction as the change it records (a write and its entry are kept together or not at all).

There is no update or delete function here, the models refuse it (mapper events) and the database
refuses it (triggers, first migration). Entries never hold a narrative or a party detail: the
action, the case number, the outcome and a short detail written by the code (counts, ids, role).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from legalcheck.records.models import AuditEntry, Case, utcnow


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user (page login), an API key (by its label or digest prefix) or the CLI."""
    name: str
    role: str | None
    client: str | None = None        # the client address as the server saw it
    channel: str = "api"             # api | page | cli
    request_id: str | None = None


def record(session: Session, actor: Actor, action: str, *, outcome: str = "ok", case: Case | None = None,
           case_id: int | None = None, case_number: str | None = None, detail: str | None = None) -> AuditEntry:
    entry = AuditEntry(at=utcnow(), actor=actor.name[:100], role=actor.role, action=action, outcome=outcome,
                       case_id=case.id if case is not None else case_id,
                       case_number=case.number if case is not None else case_number,
                       client=(actor.client or "")[:64] or None, channel=actor.channel,
                       request_id=actor.request_id, detail=(detail or "")[:400] or None)
    session.add(entry)
    session.flush()
    return entry


def entries(session: Session, *, case_id: int | None = None, since: datetime | None = None,
            limit: int = 500) -> list[AuditEntry]:
    q = select(AuditEntry).order_by(AuditEntry.id)
    if case_id is not None:
        q = q.where(AuditEntry.case_id == case_id)
    if since is not None:
        q = q.where(AuditEntry.at >= since)
    return list(session.scalars(q.limit(limit)))


def as_dict(e: AuditEntry) -> dict:
    return {"id": e.id, "at": e.at.isoformat() if e.at else None, "actor": e.actor, "role": e.role,
            "action": e.action, "outcome": e.outcome, "case_id": e.case_id, "case_number": e.case_number,
            "client": e.client, "channel": e.channel, "request_id": e.request_id, "detail": e.detail}

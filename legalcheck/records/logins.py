"""Page logins on top of users.py: log in (audited, failures too), who a session cookie belongs to,
log out. Kept apart from the case services so that cases.py stays about cases."""
from __future__ import annotations

from legalcheck.records import audit, users
from legalcheck.records.audit import Actor


def login(records, username: str, password: str, client: str | None, request_id: str | None = None) -> str | None:
    """A new session token for a right password, else None; both outcomes audited (never the password)."""
    with records.db.session() as s:
        user = users.authenticate(s, username, password)
        who = Actor((username or "")[:64] or "anonymous", user.role if user else None, client, "page", request_id)
        audit.record(s, who, "login", outcome="ok" if user else "failed")
        return users.start_session(s, user, records.settings.session_hours) if user else None


def session_actor(records, token: str | None, client: str | None, request_id: str | None = None) -> Actor | None:
    if not token:
        return None
    with records.db.session() as s:
        user = users.session_user(s, token)
        return Actor(user.username, user.role, client, "page", request_id) if user else None


def logout(records, token: str | None, actor: Actor | None) -> None:
    with records.db.session() as s:
        users.end_session(s, token)
        if actor is not None:
            audit.record(s, actor, "logout")


def has_users(records) -> bool:
    with records.db.session() as s:
        return users.has_users(s)

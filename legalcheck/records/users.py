"""Users, roles, API keys and page logins.

Roles and what each may do (README, 事件記録): an officer works cases (create, read, add narratives,
re-analyse, record contacts and order extensions, close); a supervisor also deletes a case on
request and reads the audit log; read-only staff read cases and the due list; a trainer works with
the training pages only and sees no case record. Passwords are hashed with argon2 (argon2-cffi);
API keys are long random tokens stored as sha256 digests (a slow hash buys nothing for them), each
tied to a role; login sessions are random tokens kept server-side (digest only), so logout and
expiry are real.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from legalcheck.records.errors import Conflict, Forbidden, InvalidRecord
from legalcheck.records.models import ApiKey, LoginSession, User, utcnow

ROLES = ("officer", "supervisor", "trainer", "readonly")
ROLE_JA = {"officer": "捜査員", "supervisor": "幹部（決裁者）", "trainer": "研修担当", "readonly": "閲覧のみ"}
_OFFICER = frozenset({"case.list", "case.read", "case.create", "case.update", "narrative.add", "case.reanalyse",
                      "contact.add", "order.extend", "due.read"})
PERMISSIONS: dict[str, frozenset[str]] = {
    "officer": _OFFICER,
    "supervisor": _OFFICER | {"case.delete", "audit.read"},
    "readonly": frozenset({"case.list", "case.read", "due.read"}),
    "trainer": frozenset(),
}
_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("legalcheck-dummy-password")


def allowed(role: str | None, permission: str) -> bool:
    return role in PERMISSIONS and permission in PERMISSIONS[role]


def require(role: str | None, permission: str) -> None:
    if not allowed(role, permission):
        raise Forbidden(f"この操作（{permission}）は権限（{ROLE_JA.get(role or '', role or 'なし')}）では行えません",
                        f"the role {role or 'none'} may not do {permission}", code="forbidden")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidRecord(f"役割は {', '.join(ROLES)} のいずれかです", f"role must be one of {', '.join(ROLES)}",
                            field="role", code="invalid_role")


def create_user(session: Session, username: str, password: str, role: str) -> User:
    _check_role(role)
    if not _USERNAME.match(username or ""):
        raise InvalidRecord("ユーザー名は英数字と _ . @ - の2〜64文字です", "username: 2-64 of A-Z a-z 0-9 _ . @ -",
                            field="username", code="invalid_username")
    if len(password or "") < 10:
        raise InvalidRecord("パスワードは10文字以上にしてください", "password must have at least 10 characters",
                            field="password", code="weak_password")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise Conflict("そのユーザー名は既にあります", "that username exists", field="username", code="exists")
    user = User(username=username, password_hash=_hasher.hash(password), role=role, active=True)
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, username: str, password: str) -> None:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise InvalidRecord("そのユーザーはいません", "no such user", field="username", code="unknown_user")
    if len(password or "") < 10:
        raise InvalidRecord("パスワードは10文字以上にしてください", "password must have at least 10 characters",
                            field="password", code="weak_password")
    user.password_hash = _hasher.hash(password)
    session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))


def has_users(session: Session) -> bool:
    return session.scalar(select(User.id).limit(1)) is not None


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with this password, or None (the same work either way: no user enumeration)."""
    user = session.scalar(select(User).where(User.username == (username or "")[:64]))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def start_session(session: Session, user: User, hours: float) -> str:
    token = secrets.token_urlsafe(32)
    session.add(LoginSession(token_digest=digest(token), user_id=user.id, expires_at=utcnow() + timedelta(hours=hours)))
    session.flush()
    return token


def session_user(session: Session, token: str | None) -> User | None:
    if not token or len(token) > 200:
        return None
    row = session.scalar(select(LoginSession).where(LoginSession.token_digest == digest(token)))
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=utcnow().tzinfo)
    if expires < utcnow():
        return None
    user = session.get(User, row.user_id)
    return user if user is not None and user.active else None


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(LoginSession).where(LoginSession.token_digest == digest(token)))


def create_api_key(session: Session, role: str, label: str) -> tuple[str, ApiKey]:
    """(the key, shown once; its row with the digest only)."""
    _check_role(role)
    key = secrets.token_urlsafe(32)
    row = ApiKey(digest=digest(key), role=role, label=(label or role)[:100])
    session.add(row)
    session.flush()
    return key, row


def api_key_role(session: Session, token: str) -> tuple[str, str] | None:
    """(role, label) of a valid, unrevoked key stored in the database."""
    row = session.scalar(select(ApiKey).where(ApiKey.digest == digest(token), ApiKey.revoked_at.is_(None)))
    return (row.role, row.label) if row else None


def revoke_api_key(session: Session, key_id: int) -> None:
    row = session.get(ApiKey, key_id)
    if row is None:
        raise InvalidRecord("そのAPIキーはありません", "no such API key", code="unknown_key")
    row.revoked_at = utcnow()

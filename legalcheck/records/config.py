"""Configuration of the case records, from the same LEGALCHECK_* environment as the server."""
from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from pydantic import field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///legalcheck-records.sqlite3"


class RecordSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEGALCHECK_", extra="ignore")

    # SQLAlchemy URL: a SQLite file by default (nothing to install), or
    # postgresql+psycopg://user:password@host:5432/dbname when several workers or machines share one.
    database_url: str = DEFAULT_DATABASE_URL
    # Seconds a write waits for a lock held by another worker before it is refused with a clear error.
    database_lock_timeout_s: float = 10.0
    # Bring the schema to the newest revision when a worker first opens the database.
    database_auto_migrate: bool = True
    # Fernet keys (urlsafe base64, 32 bytes), comma-separated: the first encrypts, all decrypt.
    # Without one, nothing is stored (narratives and party details are only kept encrypted).
    encryption_keys: Annotated[list[str], NoDecode] = []
    # Hours a page login lasts.
    session_hours: float = 12.0
    # Contacts due within this many days are listed as due (earlier ones as overdue).
    due_window_days: int = 14

    @field_validator("encryption_keys", mode="before")
    @classmethod
    def _split_keys(cls, value):
        if isinstance(value, str):
            value = value.replace("\n", ",").split(",")
        return [v.strip() for v in value or [] if v and v.strip()]


@lru_cache(maxsize=1)
def get_record_settings() -> RecordSettings:
    return RecordSettings()

"""Server configuration from environment variables (prefix LEGALCHECK_), documented in README.md."""
from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEGALCHECK_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    # Largest narrative accepted by the pages and the API (characters).
    max_narrative_chars: int = 50_000
    # The pages (legalcheck.web): the key that signs CSRF tokens and the training session cookie
    # (default: a random key per process, so set it when running several workers), and the SQLite
    # file that keeps the training answers (group code, nickname, marks; never a narrative).
    secret_key: str | None = None
    training_db: str = "legalcheck-training.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

"""Server configuration from environment variables (prefix LEGALCHECK_), documented in README.md.

A plain list of fields (each with a one-line comment) so that the page and API settings merge
easily; README.md's table "Settings" lists every one of them.
"""
from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import Annotated

from pydantic import field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEGALCHECK_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    # Largest narrative accepted by the pages and the API (characters). Longer reports are read in
    # sentence-aligned chunks under Sudachi's 49,149-byte limit (nlp/pipeline.py).
    max_narrative_chars: int = 50_000
    # Largest request body (bytes); larger bodies get 413 before they are read.
    max_body_bytes: int = 2_000_000
    # Most requests in one POST /api/v1/analyze/batch.
    batch_max_items: int = 100
    # Most prior measures in one request.
    max_prior_measures: int = 20
    # Analysis processes per worker (each builds the pipeline once); 0 = one per CPU core.
    analysis_processes: int = 0
    # Seconds an analysis (with its wait in the worker's queue) may take before 504.
    analysis_timeout_s: float = 10.0
    # sha256 hex digests of the accepted API keys, comma-separated; empty = no key needed.
    api_key_hashes: Annotated[list[str], NoDecode] = []
    # Per-key (or per-client-address when no keys are configured) limit, in `limits` notation.
    rate_limit: str = "600/minute"
    # Where the rate-limit counters live (`limits` storage URI): memory:// on one machine,
    # redis://host:6379 when several machines share the limit.
    rate_limit_storage: str = "memory://"
    # Log level of the JSON logs on stderr.
    log_level: str = "info"
    # Serve Prometheus metrics at /metrics.
    metrics_enabled: bool = True
    # Send Strict-Transport-Security (only behind HTTPS).
    hsts: bool = False
    # Addresses (or networks, 10.0.0.0/8) of the reverse proxies in front of the server, comma-
    # separated. Only a request whose direct peer is one of them has its X-Forwarded-For read (the
    # rightmost address not itself a trusted proxy becomes the client: audit log, rate limit) and its
    # X-Forwarded-Proto. Empty (the default): no proxy is trusted and those headers are ignored.
    trusted_proxies: Annotated[list[str], NoDecode] = []

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value):
        if isinstance(value, str):
            value = value.replace("\n", ",").split(",")
        out = []
        for v in value or []:
            v = str(v).strip()
            if not v:
                continue
            try:
                # "*" (trust anyone) is refused: any client could then name its own address
                out.append(str(ipaddress.ip_network(v, strict=False)) if "/" in v else str(ipaddress.ip_address(v)))
            except ValueError:
                raise ValueError(f"LEGALCHECK_TRUSTED_PROXIES: 「{v[:60]}」はIPアドレスでもネットワーク（10.0.0.0/8 など）でもありません / "
                                 f"{v[:60]!r} is neither an IP address nor a network") from None
        return out

    @field_validator("api_key_hashes", mode="before")
    @classmethod
    def _split_hashes(cls, value):
        if isinstance(value, str):
            value = [v for v in value.replace("\n", ",").split(",")]
        out = []
        for v in value or []:
            v = v.strip().lower()
            role, sep, rest = v.partition(":")
            if sep and role in ("officer", "supervisor", "trainer", "readonly"):
                out.append(f"{role}:{rest.removeprefix('sha256:')}")
            elif v:
                out.append(v.removeprefix("sha256:"))
        return out

    @field_validator("api_key_hashes")
    @classmethod
    def _check_hashes(cls, value: list[str]) -> list[str]:
        # an entry is a digest, or ROLE:digest for a key that may also use the case records (issue 16)
        for v in value:
            role, _, d = v.rpartition(":")
            if len(d) != 64 or any(c not in "0123456789abcdef" for c in d) or role not in (
                    "", "officer", "supervisor", "trainer", "readonly"):
                raise ValueError("LEGALCHECK_API_KEY_HASHES: sha256 の16進64桁（役割付きは officer:<digest> など）で指定してください / "
                                 "each entry must be a sha256 hex digest (64 hex digits), optionally ROLE:digest")
        return value
    # The pages (legalcheck.web): the key that signs CSRF tokens and the training session cookie
    # (default: a random key per process, so set it when running several workers), and the SQLite
    # file that keeps the training answers (group code, nickname, marks; never a narrative).
    secret_key: str | None = None
    training_db: str = "legalcheck-training.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

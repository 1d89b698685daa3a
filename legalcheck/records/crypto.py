"""Encryption at rest of narratives, requests, analyses, party details and contact notes.

Fernet (AES-128-CBC with HMAC-SHA256, from the kept `cryptography` library) through MultiFernet:
the keys come from configuration (LEGALCHECK_ENCRYPTION_KEYS, comma-separated); the first key
encrypts every new value, every key is tried to decrypt. Rotation (README, 事件記録):
1. put a new key first and keep the old ones after it (all workers), 2. run
`legalcheck records rotate-keys`, which re-encrypts every stored value with the first key,
3. remove the old keys. Without a key nothing is stored (KeyMissing, a clear message).
"""
from __future__ import annotations

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from legalcheck.records.errors import KeyInvalid, KeyMissing


def new_key() -> str:
    return Fernet.generate_key().decode()


@lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise KeyMissing()
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except (ValueError, TypeError):
        raise KeyInvalid("LEGALCHECK_ENCRYPTION_KEYS の値が Fernet キー（URL-safe base64 の32バイト）ではありません",
                         "LEGALCHECK_ENCRYPTION_KEYS holds a value that is not a Fernet key (32 url-safe base64 bytes)",
                         code="encryption_key_invalid") from None


class Cipher:
    def __init__(self, keys: list[str] | tuple[str, ...]):
        self.keys = tuple(keys)

    @property
    def available(self) -> bool:
        return bool(self.keys)

    def check(self) -> None:
        """Raise KeyMissing / KeyInvalid before anything is written."""
        _fernet(self.keys)

    def seal(self, value: str | None) -> bytes | None:
        if value is None:
            return None
        return _fernet(self.keys).encrypt(value.encode("utf-8"))

    def open(self, token: bytes | None) -> str | None:
        if token is None:
            return None
        try:
            return _fernet(self.keys).decrypt(bytes(token)).decode("utf-8")
        except InvalidToken:
            raise KeyInvalid("保存された記録を復号できません（暗号化キーが違うか、古いキーが外されています）",
                             "a stored record cannot be decrypted (wrong key, or an old key was removed too early)",
                             code="decrypt_failed") from None

    def seal_json(self, value) -> bytes | None:
        return None if value is None else self.seal(json.dumps(value, ensure_ascii=False))

    def open_json(self, token: bytes | None):
        raw = self.open(token)
        return None if raw is None else json.loads(raw)

    def rotate(self, token: bytes | None) -> bytes | None:
        return None if token is None else _fernet(self.keys).rotate(bytes(token))

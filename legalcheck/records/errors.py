"""Errors of the case records, each with a Japanese and an English message and a stable code.
The HTTP layer maps `status` to a problem+json answer; the pages show `ja`. No message repeats a
narrative or a party detail."""
from __future__ import annotations


class RecordError(Exception):
    status = 500
    code = "record_error"

    def __init__(self, ja: str, en: str, *, field: str | None = None, code: str | None = None):
        super().__init__(f"{ja} / {en}")
        self.ja, self.en, self.field = ja, en, field
        if code:
            self.code = code


class InvalidRecord(RecordError):
    status, code = 422, "invalid"


class NotFound(RecordError):
    status, code = 404, "not_found"


class Forbidden(RecordError):
    status, code = 403, "forbidden"


class Conflict(RecordError):
    status, code = 409, "conflict"


class KeyMissing(RecordError):
    """No encryption key configured: nothing may be stored."""
    status, code = 503, "encryption_key_missing"

    def __init__(self):
        super().__init__(
            "暗号化キーが設定されていないため、事件記録を保存できません。LEGALCHECK_ENCRYPTION_KEYS に Fernet キーを設定してください"
            "（README「事件記録」参照）",
            "no encryption key is configured, so case records cannot be stored; set LEGALCHECK_ENCRYPTION_KEYS "
            "to a Fernet key (see README, case records)")


class KeyInvalid(RecordError):
    status, code = 503, "encryption_key_invalid"


class StorageUnavailable(RecordError):
    """The database refused the write (locked, full, gone): nothing of the record was kept."""
    status, code = 503, "storage_unavailable"

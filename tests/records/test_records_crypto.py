"""Encryption at rest: no plaintext in the database file, no storing without a key, key rotation."""
from __future__ import annotations

from pathlib import Path

import pytest

from records_support import KEY, OFFICER
from legalcheck.records.cases import Records
from legalcheck.records.config import RecordSettings
from legalcheck.records.crypto import new_key
from legalcheck.records.db import Database
from legalcheck.records.errors import KeyMissing
from narratives import FIRST, ORDER


def _records(url, keys):
    s = RecordSettings(database_url=url, encryption_keys=keys)
    return Records(s, Database(s))


def test_the_database_file_holds_no_plaintext(tmp_path, analyse):
    path = tmp_path / "records.sqlite3"
    r = _records(f"sqlite:///{path}", [KEY])
    case = r.create_case(OFFICER, "R6-生安-0100", "自宅前の待ち伏せ", [{"role": "victim", "label": "Ａ子", "details": "〇〇市△△町在住"}])
    request = {"narrative": FIRST, "prior_measures": [ORDER]}
    r.add_narrative(OFFICER, case["id"], request, analyse(request))
    r.record_contact(OFFICER, case["id"], {"contacted_on": "2024-06-14", "means": "meeting", "recidivism": "no",
                                           "retaliation": "no", "decision": "continue", "items": {"conduct": "反省の弁あり"},
                                           "reason": "接触はないと述べた"})
    r.db.dispose()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("records.sqlite3"))
    assert b"R6-\xe7\x94\x9f" in data     # the file is the one written (the case number is kept in clear)
    for secret in ("待ち伏せし", "やり直したい", "怖くて夜に外へ出られない", "△△町", "反省の弁", "接触はない",
                   "Ａ子の自宅マンション"):
        for enc in ("utf-8", "utf-16-le"):
            assert secret.encode(enc) not in data, secret


def test_nothing_is_stored_without_a_key(tmp_path):
    r = _records(f"sqlite:///{tmp_path / 'r.sqlite3'}", [])
    with pytest.raises(KeyMissing) as exc:
        r.create_case(OFFICER, "R6-生安-0101", "件名")
    assert "暗号化キーが設定されていない" in exc.value.ja and "no encryption key" in exc.value.en
    assert r.list_cases(OFFICER) == []


def test_keys_rotate_without_losing_a_record(tmp_path, analyse):
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    old, new = KEY, new_key()
    r = _records(url, [old])
    case = r.create_case(OFFICER, "R6-生安-0102", "件名", [{"role": "suspect", "label": "甲"}])
    request = {"narrative": FIRST}
    r.add_narrative(OFFICER, case["id"], request, analyse(request))
    r.db.dispose()
    both = _records(url, [new, old])           # 1. the new key first, the old one kept to read
    assert both.rotate_keys() >= 3             # 2. every value re-encrypted with the new key
    both.db.dispose()
    only_new = _records(url, [new])            # 3. the old key removed: everything still reads
    got = only_new.get_case(OFFICER, case["id"])
    assert got["narratives"][0]["text"] == FIRST and got["parties"][0]["label"] == "甲"
    only_new.db.dispose()
    only_old = _records(url, [old])
    with pytest.raises(Exception) as exc:
        only_old.get_case(OFFICER, case["id"])
    assert "復号できません" in str(exc.value)
    only_old.db.dispose()

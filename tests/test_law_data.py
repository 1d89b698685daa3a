"""The reviewed data loads, and a broken file is refused with its file and field named."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from legalcheck.law import data
from legalcheck.law.data import LawDataError, load_all, load_caselaw_file, load_provision_file
from legalcheck.paths import data_dir

GOOD_VERSION = """\
law: stalker-act
ref: 2条1項3号
versions:
  2000-11-24: {law: 平成12年法律第81号, text: "面会、交際その他の義務のないことを行うことを要求すること。", verification: verified, source: "https://asagawo.com/?p=1315"}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_file_validates():
    d = load_all(data_dir("statutes"), data_dir("caselaw"))
    assert len(d.provisions) == 38
    assert len(d.caselaw) == 14
    assert set(d.penalties) == {"art18", "art19", "art20"}
    assert set(d.related) == set(data.RELATED)
    assert set(d.categories) == set(data.ACT_KEYS)


def test_every_statute_file_is_loaded():
    folder = data_dir("statutes")
    files = [p for law in ("stalker-act", "stalker-order") for p in (folder / law).glob("*.yaml")
             if p.name not in data.SPECIAL_FILES]
    assert len(files) == len(data.law_data().provisions)


def test_a_good_minimal_file_loads(tmp_path):
    rec = load_provision_file(write(tmp_path, "2-1-3.yaml", GOOD_VERSION), "stalker-act")
    assert rec.ref == "2条1項3号" and rec.versions[0].verification == "verified"


@pytest.mark.parametrize("text, field", [
    # overlapping dates: the same date twice
    (GOOD_VERSION + '  2000-11-24: {law: x, text: "y", verification: verified, source: "https://a.example"}\n',
     "(yaml)"),
    # out of order
    (GOOD_VERSION.replace("  2000-11-24:", '  2017-01-03: {law: x, text: "y", verification: verified, source: "https://a.example"}\n  2000-11-24:'),
     "versions"),
    # an explicit `until` running into the next version
    (GOOD_VERSION.replace("source: \"https://asagawo.com/?p=1315\"}", "source: \"https://asagawo.com/?p=1315\", until: 2018-01-01}")
     + '  2017-01-03: {law: x, text: "y", verification: verified, source: "https://a.example"}\n',
     "versions.2000-11-24.until"),
    (GOOD_VERSION.replace(', source: "https://asagawo.com/?p=1315"', ""), "versions.2000-11-24.source"),
    (GOOD_VERSION.replace("law: 平成12年法律第81号, ", ""), "versions.2000-11-24.law"),
    (GOOD_VERSION.replace("verification: verified, ", ""), "versions.2000-11-24.verification"),
    (GOOD_VERSION.replace("verification: verified", "verification: probably"), "versions.2000-11-24.verification"),
    # a null text needs a summary and cannot claim to be verified
    (GOOD_VERSION.replace('text: "面会、交際その他の義務のないことを行うことを要求すること。"', "text: null"),
     "versions.2000-11-24.summary"),
    (GOOD_VERSION.replace('text: "面会、交際その他の義務のないことを行うことを要求すること。"', "text: null, summary: 要旨"),
     "versions.2000-11-24.verification"),
    (GOOD_VERSION.replace("source: \"https://asagawo.com/?p=1315\"", "source: asagawo"), "versions.2000-11-24.source"),
    (GOOD_VERSION.replace("2000-11-24:", "2000-13-40:"), "(yaml)"),
    (GOOD_VERSION.replace("2000-11-24:", "'平成12年':"), "versions.平成12年"),
    (GOOD_VERSION.replace("ref: 2条1項3号", "ref: 2条1項4号"), "ref"),
    (GOOD_VERSION.replace("verification: verified", "verification: verified, surce: x"), "versions.2000-11-24.surce"),
])
def test_broken_provision_file_is_refused(tmp_path, text, field):
    path = write(tmp_path, "2-1-3.yaml", text)
    with pytest.raises(LawDataError) as err:
        load_provision_file(path, "stalker-act")
    assert err.value.field == field
    assert err.value.file == str(path)
    assert str(path) in str(err.value) and field in str(err.value)


CASE = """\
id: sc-test
court: 最高裁判所第一小法廷
date: 2020-07-30
kind: 判決
docket: null
citation: 最一小判令和2年7月30日
question: 問い
holding: 判旨
elements: [mihari_place]
categories: [2-1-1:mihari]
later_law: null
sources: [https://westlawjapan.com/column-law/2020/200804]
verification: verified
unverified: []
"""


def test_good_caselaw_file_loads(tmp_path):
    entry = load_caselaw_file(write(tmp_path, "sc-test.yaml", CASE))
    assert entry["elements"] == ("mihari_place",)


@pytest.mark.parametrize("old, new, field", [
    ("elements: [mihari_place]", "elements: [mihari]", "elements"),
    ("categories: [2-1-1:mihari]", "categories: [2-1-1:watching]", "categories"),
    ("sources: [https://westlawjapan.com/column-law/2020/200804]\n", "", "sources"),
    ("verification: verified", "verification: unknown", "verification"),
    ("id: sc-test", "id: sc-other", "id"),
    ("date: 2020-07-30", "date: 令和2年", "date"),
])
def test_broken_caselaw_file_is_refused(tmp_path, old, new, field):
    path = write(tmp_path, "sc-test.yaml", CASE.replace(old, new))
    with pytest.raises(LawDataError) as err:
        load_caselaw_file(path)
    assert err.value.field == field and err.value.file == str(path)


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(data_dir("statutes"), tmp_path / "statutes")
    shutil.copytree(data_dir("caselaw"), tmp_path / "caselaw")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_copied_tree_loads(tree):
    assert len(load_all(tree / "statutes", tree / "caselaw").provisions) == 38


@pytest.mark.parametrize("file, old, new, field", [
    ("statutes/stalker-act/features.yaml", "provision: 2条3項2号, label: 紛失防止タグ等による",
     "provision: 2条9項, label: 紛失防止タグ等による", "features.2-3-2.provision"),
    # the tag item did not exist on 2021-08-26 as 2条3項3号
    ("statutes/stalker-act/categories.yaml", "{2021-08-26: 2条3項2号, 2025-12-30: 2条3項3号}",
     "{2021-08-26: 2条3項3号}", "categories.2-3-3.provisions.2021-08-26"),
    ("statutes/stalker-act/penalties.yaml", "imprisonment_kind: 拘禁刑", "imprisonment_kind: 禁錮",
     "offences.art18.versions.2025-06-01.imprisonment_kind"),
    ("statutes/penal-code/offences.yaml", "      - from: 2025-06-01\n        until: null\n        text: 3年以下の拘禁刑又は10万円以下の罰金",
     "      - from: 2025-05-01\n        until: null\n        text: 3年以下の拘禁刑又は10万円以下の罰金", "offences.trespass.periods[1].from"),
    ("statutes/stalker-act/transitional.yaml", "acts_before: 2025-06-01", "acts_before: null", "rules[2].acts_before"),
])
def test_cross_reference_errors_are_refused(tree, file, old, new, field):
    edit(tree / file, old, new)
    with pytest.raises(LawDataError) as err:
        load_all(tree / "statutes", tree / "caselaw")
    assert err.value.field == field
    assert err.value.file.endswith(file.split("/")[-1])


def test_a_missing_contract_category_is_refused(tree):
    path = tree / "statutes/stalker-act/categories.yaml"
    edit(path, "  2-1-1:urotsuki:\n    label: うろつき\n    provisions: {2017-01-03: 2条1項1号}\n", "")
    with pytest.raises(LawDataError) as err:
        load_all(tree / "statutes", tree / "caselaw")
    assert err.value.field == "categories" and "2-1-1:urotsuki" in err.value.message


def test_data_version_is_a_stable_sha256():
    v = data.data_version()
    assert len(v) == 64 and int(v, 16) >= 0
    assert v == data.data_version()


def test_data_version_changes_with_any_byte(tree, monkeypatch):
    def fake_dir(name):
        return tree / name
    monkeypatch.setattr(data, "data_dir", fake_dir)
    data.data_version.cache_clear()
    try:
        before = data.data_version()
        edit(tree / "caselaw/sc-2020-07-30-1528.yaml", "全員一致", "全員一致 ")
        data.data_version.cache_clear()
        assert data.data_version() != before
    finally:
        data.data_version.cache_clear()


@pytest.mark.parametrize("text, expected", [("二十", 20), ("十八", 18), ("一", 1), ("十", 10), ("百二", 102)])
def test_kanji_numbers(text, expected):
    assert data.kanji_to_int(text) == expected

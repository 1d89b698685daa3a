"""Load and validate the reviewed law data (statutes/, caselaw/) once per process.

Every problem is a LawDataError naming the file and the field, so a reviewer can fix the YAML
without reading Python. Nothing here interprets the law; statutes.py, penalties.py and
caselaw.py answer questions over the records built here.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from legalcheck import yaml_fast
from legalcheck.paths import data_dir

VERIFICATION = ("verified", "composed", "summary", "unknown")
TEXT_VERIFICATION = ("verified", "composed")  # a shipped text must be one of these
ELEMENTS = ("purpose", "target", "repetition", "anxiety_method", "mihari_place")
SUBTYPES = ("tsukimatoi", "machibuse", "tachifusagari", "mihari", "oshikake", "urotsuki")
CATEGORIES = ("2-1-1", "2-1-2", "2-1-3", "2-1-4", "2-1-5", "2-1-6", "2-1-7", "2-1-8",
              "2-3-1", "2-3-2", "2-3-3")
ACT_KEYS = CATEGORIES + tuple(f"2-1-1:{s}" for s in SUBTYPES)
OFFENCES = ("art18", "art19", "art20")
RELATED = ("trespass", "intimidation", "coercion", "assault", "injury", "defamation", "insult",
           "property_damage", "non_consensual_indecency", "non_consensual_intercourse",
           "voyeur_photography", "nuisance_ordinance")
LAWS = {"stalker-act": "ストーカー規制法", "stalker-order": "ストーカー規制法施行令"}
IMPRISONMENT_KINDS = ("懲役", "拘禁刑")
RELATED_IMPRISONMENT_KINDS = ("懲役", "拘禁刑", "懲役若しくは禁錮")
PRECEDENT_KINDS = ("判決", "決定", "interpretation")
SPECIAL_FILES = ("categories.yaml", "features.yaml", "penalties.yaml", "transitional.yaml")

Key = tuple[int, "int | None", "int | None"]


class LawDataError(ValueError):
    """A data file that cannot be trusted: which file, which field, what is wrong."""

    def __init__(self, file: str | Path, field: str, message: str):
        self.file = str(file)
        self.field = field
        self.message = message
        super().__init__(f"{self.file}: {field}: {message}")


# ---------------------------------------------------------------- references

_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千]+")
_LAW_PREFIXES = ("ストーカー行為等の規制等に関する法律", "ストーカー規制法", "規制法", "法")
_ORDER_PREFIXES = ("施行令", "政令")
_REF = re.compile(r"^第?(\d+)条(?:第?(\d+)項)?(?:第?(\d+)号)?$")
_DASHED = re.compile(r"^(\d+)(?:-(\d+))?(?:-(\d+))?$")


def kanji_to_int(text: str) -> int:
    """二十 → 20, 十八 → 18, 百二 → 102 (statute numbering only needs this range)."""
    total, digit = 0, None
    for ch in text:
        if ch in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _KANJI_UNITS[ch]
            digit = None
    return total + (digit or 0)


def parse_numeric_ref(ref: str) -> tuple[str, Key]:
    """「2条1項1号」「第二条第一項第一号」「２条１項１号」「2-1-1」「施行令1条」 → (law id, (2, 1, 1))."""
    if not isinstance(ref, str) or not ref.strip():
        raise ValueError("条項の指定が空です（例: 2条1項1号）")
    return _parse_numeric_ref(ref)


@lru_cache(maxsize=1024)   # the same few references are read for every act of every analysis
def _parse_numeric_ref(ref: str) -> tuple[str, Key]:
    text = unicodedata.normalize("NFKC", ref).strip().replace(" ", "")
    law_id = "stalker-act"
    for prefix in _LAW_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    for prefix in _ORDER_PREFIXES:
        if text.startswith(prefix):
            law_id, text = "stalker-order", text[len(prefix):]
            break
    text = _KANJI_NUMBER.sub(lambda m: str(kanji_to_int(m.group())), text)
    m = _REF.match(text) or _DASHED.match(text)
    if not m:
        raise ValueError(f"条項の指定「{ref}」を解釈できません（例: 2条1項1号、第二条第三項、18条、施行令1条、2-1-1）")
    a, p, i = (int(g) if g else None for g in m.groups())
    if p is None and i is not None:
        raise ValueError(f"条項の指定「{ref}」: 号の前に項を指定してください")
    return law_id, (a, p, i)


def canonical(key: Key) -> str:
    a, p, i = key
    return f"{a}条" + (f"{p}項" if p else "") + (f"{i}号" if i else "")


def dashed(key: Key) -> str:
    return "-".join(str(n) for n in key if n is not None)


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class VersionRecord:
    start: date
    until: date | None          # inclusive last day; None = holds until the next version / today
    law: str
    text: str | None
    summary: str | None
    title: str | None
    verification: str
    source: tuple[str, ...]
    note: str | None
    new: bool
    removed: bool


@dataclass(frozen=True)
class ProvisionRecord:
    law_id: str
    key: Key
    ref: str
    title: str | None
    versions: tuple[VersionRecord, ...]
    file: str

    def version_at(self, at: date) -> VersionRecord | None:
        """The version in force on `at` (a removal entry counts as a version: the caller checks)."""
        found = None
        for v in self.versions:
            if v.start <= at:
                found = v
        if found is not None and found.until is not None and at > found.until:
            return None
        return found


@dataclass
class LawData:
    provisions: dict[tuple[str, Key], ProvisionRecord] = field(default_factory=dict)
    categories: dict[str, dict] = field(default_factory=dict)
    stalking_definition: tuple[tuple[date, Key], ...] = ()
    features: dict[str, dict] = field(default_factory=dict)
    penalties: dict[str, dict] = field(default_factory=dict)
    transitional: tuple[dict, ...] = ()
    related: dict[str, dict] = field(default_factory=dict)
    caselaw: dict[str, dict] = field(default_factory=dict)


# ---------------------------------------------------------------- YAML reading


class _StrictLoader(yaml_fast.SafeLoader):
    """SafeLoader (libyaml's parser where built) that refuses duplicate keys: a repeated version
    date would silently overwrite."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!s} (重複するキー)", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)
    except yaml.YAMLError as exc:
        raise LawDataError(path, "(yaml)", f"YAMLとして読めません: {exc}") from None
    except ValueError as exc:  # PyYAML turns 2000-13-40 into a ValueError from datetime.date
        raise LawDataError(path, "(yaml)", f"存在しない日付があります: {exc}") from None


# ---------------------------------------------------------------- field checks


def _date(value: Any, file, fld: str, nullable: bool = False) -> date | None:
    if value is None and nullable:
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise LawDataError(file, fld, f"日付（YYYY-MM-DD）ではありません: {value!r}")


def _str(d: dict, name: str, file, prefix: str = "", nullable: bool = False) -> str | None:
    fld = f"{prefix}{name}"
    if name not in d:
        if nullable:
            return None
        raise LawDataError(file, fld, "必須の項目がありません")
    value = d[name]
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LawDataError(file, fld, f"空でない文字列が必要です: {value!r}")
    return value


def _sources(d: dict, file, prefix: str = "", name: str = "source") -> tuple[str, ...]:
    fld = f"{prefix}{name}"
    value = d.get(name)
    if value is None:
        raise LawDataError(file, fld, "出典（URL）がありません")
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise LawDataError(file, fld, "出典はURLの文字列又はその一覧で指定してください")
    for item in items:
        if not isinstance(item, str) or not re.match(r"^https?://", item):
            raise LawDataError(file, fld, f"出典がURLではありません: {item!r}")
    return tuple(items)


def _verification(d: dict, file, prefix: str = "") -> str:
    fld = f"{prefix}verification"
    if "verification" not in d:
        raise LawDataError(file, fld, "検証区分（verification）がありません")
    value = d["verification"]
    if value not in VERIFICATION:
        raise LawDataError(file, fld, f"検証区分は {', '.join(VERIFICATION)} のいずれかです: {value!r}")
    return value


def _only(d: dict, allowed: set[str], file, prefix: str = "") -> None:
    for k in d:
        if k not in allowed:
            raise LawDataError(file, f"{prefix}{k}", "未知の項目です（綴りを確認してください）")


def _mapping(value: Any, file, fld: str) -> dict:
    if not isinstance(value, dict):
        raise LawDataError(file, fld, "対応表（mapping）が必要です")
    return value


def _ascending(dates: list[date], file, fld: str) -> None:
    for earlier, later in zip(dates, dates[1:]):
        if later <= earlier:
            raise LawDataError(file, fld, f"日付が昇順でないか重複しています: {earlier} → {later}")


def _ref(value: Any, file, fld: str) -> tuple[str, Key]:
    try:
        return parse_numeric_ref(value)
    except ValueError as exc:
        raise LawDataError(file, fld, str(exc)) from None


# ---------------------------------------------------------------- provision files

_VERSION_FIELDS = {"law", "text", "summary", "title", "verification", "source", "note", "new", "removed", "until"}


def load_provision_file(path: Path, law_id: str | None = None) -> ProvisionRecord:
    path = Path(path)
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"law", "ref", "title", "versions"}, path)
    file_law = _str(doc, "law", path)
    if file_law not in LAWS:
        raise LawDataError(path, "law", f"未知の法令IDです: {file_law!r}（{', '.join(LAWS)}）")
    if law_id is not None and file_law != law_id:
        raise LawDataError(path, "law", f"フォルダの法令（{law_id}）と一致しません: {file_law}")
    ref_law, key = _ref(_str(doc, "ref", path), path, "ref")
    if ref_law != "stalker-act":
        raise LawDataError(path, "ref", "refには法令名を付けず「1条」のように書きます")
    if path.stem != dashed(key):
        raise LawDataError(path, "ref", f"ファイル名は {dashed(key)}.yaml である必要があります")
    title = _str(doc, "title", path, nullable=True)
    raw = _mapping(doc.get("versions"), path, "versions")
    if not raw:
        raise LawDataError(path, "versions", "版が1つもありません")
    starts = [_date(k, path, f"versions.{k}") for k in raw]
    _ascending(starts, path, "versions")
    versions = []
    for start, (k, entry) in zip(starts, raw.items()):
        pre = f"versions.{start.isoformat()}."
        entry = _mapping(entry, path, pre[:-1])
        _only(entry, _VERSION_FIELDS, path, pre)
        law = _str(entry, "law", path, pre)
        verification = _verification(entry, path, pre)
        source = _sources(entry, path, pre)
        removed = bool(entry.get("removed", False))
        if "text" not in entry:
            raise LawDataError(path, f"{pre}text", "text がありません（文言未確認なら text: null と summary）")
        text = entry["text"]
        summary = _str(entry, "summary", path, pre, nullable=True)
        if text is not None:
            if not isinstance(text, str) or not text.strip():
                raise LawDataError(path, f"{pre}text", "文字列又は null が必要です")
            if removed:
                raise LawDataError(path, f"{pre}text", "削除（removed）の版に text は書けません")
            if verification not in TEXT_VERIFICATION:
                raise LawDataError(path, f"{pre}verification",
                                   f"文言（text）を載せる版は verified か composed です: {verification}")
        elif not removed:
            if summary is None:
                raise LawDataError(path, f"{pre}summary", "text が null の版には要旨（summary）が必要です")
            if verification not in ("summary", "unknown"):
                raise LawDataError(path, f"{pre}verification",
                                   f"text が null の版は summary か unknown です: {verification}")
        note = _str(entry, "note", path, pre, nullable=True)
        if removed and note is None:
            raise LawDataError(path, f"{pre}note", "削除・移動の版には注記（移動先等）が必要です")
        until = _date(entry.get("until"), path, f"{pre}until", nullable=True)
        if until is not None and until < start:
            raise LawDataError(path, f"{pre}until", f"終期 {until} が始期 {start} より前です")
        vtitle = entry["title"] if "title" in entry else title
        if vtitle is not None and not isinstance(vtitle, str):
            raise LawDataError(path, f"{pre}title", "文字列又は null が必要です")
        versions.append(VersionRecord(start, until, law, text, summary, vtitle, verification, source,
                                      note, bool(entry.get("new", False)), removed))
    for v, nxt in zip(versions, versions[1:]):
        if v.until is not None and v.until >= nxt.start:
            raise LawDataError(path, f"versions.{v.start.isoformat()}.until",
                               f"次の版（{nxt.start}）と期間が重なっています")
    return ProvisionRecord(file_law, key, canonical(key), title, tuple(versions), str(path))


# ---------------------------------------------------------------- stalker-act special files


def _dated_refs(raw: Any, file, fld: str) -> tuple[tuple[date, Key], ...]:
    raw = _mapping(raw, file, fld)
    if not raw:
        raise LawDataError(file, fld, "日付と条項の対応がありません")
    out = []
    for k, v in raw.items():
        d = _date(k, file, f"{fld}.{k}")
        law_id, key = _ref(v, file, f"{fld}.{k}")
        out.append((d, key))
    _ascending([d for d, _ in out], file, fld)
    return tuple(out)


def _require_in_force(data: LawData, key: Key, at: date, file, fld: str) -> None:
    rec = data.provisions.get(("stalker-act", key))
    if rec is None:
        raise LawDataError(file, fld, f"{canonical(key)} のデータファイルがありません")
    v = rec.version_at(at)
    if v is None or v.removed:
        raise LawDataError(file, fld, f"{canonical(key)} は {at} に効力のある版がありません")


def load_categories(path: Path, data: LawData) -> None:
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"categories", "stalking_definition"}, path)
    cats = _mapping(doc.get("categories"), path, "categories")
    for key, entry in cats.items():
        pre = f"categories.{key}."
        if key not in ACT_KEYS:
            raise LawDataError(path, f"categories.{key}", "契約（contract.md §1）にない行為類型です")
        entry = _mapping(entry, path, pre[:-1])
        _only(entry, {"label", "provisions"}, path, pre)
        label = _str(entry, "label", path, pre)
        refs = _dated_refs(entry.get("provisions"), path, f"{pre}provisions")
        for d, k in refs:
            _require_in_force(data, k, d, path, f"{pre}provisions.{d}")
        data.categories[key] = {"label": label, "provisions": refs}
    missing = [k for k in ACT_KEYS if k not in data.categories]
    if missing:
        raise LawDataError(path, "categories", f"契約の行為類型が欠けています: {', '.join(missing)}")
    data.stalking_definition = _dated_refs(doc.get("stalking_definition"), path, "stalking_definition")
    for d, k in data.stalking_definition:
        _require_in_force(data, k, d, path, f"stalking_definition.{d}")


def load_features(path: Path, data: LawData) -> None:
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"features"}, path)
    for fid, entry in _mapping(doc.get("features"), path, "features").items():
        pre = f"features.{fid}."
        entry = _mapping(entry, path, pre[:-1])
        _only(entry, {"from", "until", "provision", "label", "source", "verification", "months"}, path, pre)
        start = _date(entry.get("from"), path, f"{pre}from")
        until = _date(entry.get("until"), path, f"{pre}until", nullable=True)
        if until is not None and until < start:
            raise LawDataError(path, f"{pre}until", f"終期 {until} が始期 {start} より前です")
        _, key = _ref(_str(entry, "provision", path, pre), path, f"{pre}provision")
        _require_in_force(data, key, start, path, f"{pre}provision")
        data.features[str(fid)] = {
            "id": str(fid), "label": _str(entry, "label", path, pre), "start": start, "until": until,
            "provision": canonical(key), "source": _sources(entry, path, pre),
            "verification": _verification(entry, path, pre), "months": _int_or_none(entry, "months", path, pre)}


_PENALTY_FIELDS = {"article", "text", "penalty", "imprisonment_kind", "imprisonment_max_months", "fine_max_yen",
                   "complaint_required", "law", "verification", "source"}


def _int_or_none(entry: dict, name: str, file, pre: str) -> int | None:
    value = entry.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise LawDataError(file, f"{pre}{name}", f"正の整数又は null が必要です: {value!r}")
    return value


def load_penalties(path: Path, data: LawData) -> None:
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"offences"}, path)
    offences = _mapping(doc.get("offences"), path, "offences")
    for oid, entry in offences.items():
        if oid not in OFFENCES:
            raise LawDataError(path, f"offences.{oid}", f"契約にない罪のIDです（{', '.join(OFFENCES)}）")
        entry = _mapping(entry, path, f"offences.{oid}")
        _only(entry, {"name", "versions"}, path, f"offences.{oid}.")
        raw = _mapping(entry.get("versions"), path, f"offences.{oid}.versions")
        starts = [_date(k, path, f"offences.{oid}.versions.{k}") for k in raw]
        _ascending(starts, path, f"offences.{oid}.versions")
        versions = []
        for start, v in zip(starts, raw.values()):
            pre = f"offences.{oid}.versions.{start.isoformat()}."
            v = _mapping(v, path, pre[:-1])
            _only(v, _PENALTY_FIELDS, path, pre)
            article = _str(v, "article", path, pre)
            _, key = _ref(article, path, f"{pre}article")
            _require_in_force(data, key, start, path, f"{pre}article")
            kind = v.get("imprisonment_kind")
            if kind is not None and kind not in IMPRISONMENT_KINDS:
                raise LawDataError(path, f"{pre}imprisonment_kind", f"懲役・拘禁刑・null のいずれかです: {kind!r}")
            months = _int_or_none(v, "imprisonment_max_months", path, pre)
            if (kind is None) != (months is None):
                raise LawDataError(path, f"{pre}imprisonment_max_months", "自由刑の種類と上限は両方書くか両方 null にします")
            if not isinstance(v.get("complaint_required"), bool):
                raise LawDataError(path, f"{pre}complaint_required", "true / false が必要です")
            verification = _verification(v, path, pre)
            if verification not in TEXT_VERIFICATION:
                raise LawDataError(path, f"{pre}verification", "罰則の文言は verified か composed です")
            versions.append({
                "start": start, "article": canonical(key), "text": _str(v, "text", path, pre),
                "penalty": _str(v, "penalty", path, pre), "imprisonment_kind": kind,
                "imprisonment_max_months": months, "fine_max_yen": _int_or_none(v, "fine_max_yen", path, pre),
                "complaint_required": v["complaint_required"], "law": _str(v, "law", path, pre),
                "verification": verification, "source": _sources(v, path, pre)})
        data.penalties[oid] = {"name": _str(entry, "name", path, f"offences.{oid}."), "versions": tuple(versions)}
    missing = [o for o in OFFENCES if o not in data.penalties]
    if missing:
        raise LawDataError(path, "offences", f"罪が欠けています: {', '.join(missing)}")


_RULE_KINDS = ("transitional", "lighter_penalty", "interpretation")


def load_transitional(path: Path, data: LawData) -> None:
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"rules"}, path)
    rules = doc.get("rules")
    if not isinstance(rules, list) or not rules:
        raise LawDataError(path, "rules", "規定の一覧が必要です")
    seen = set()
    out = []
    for n, r in enumerate(rules):
        r = _mapping(r, path, f"rules[{n}]")
        pre = f"rules[{n}]."
        _only(r, {"id", "kind", "title", "law", "acts_before", "offences", "text", "verification", "source", "note"},
              path, pre)
        rid = _str(r, "id", path, pre)
        if rid in seen:
            raise LawDataError(path, f"{pre}id", f"IDが重複しています: {rid}")
        seen.add(rid)
        if r.get("kind") not in _RULE_KINDS:
            raise LawDataError(path, f"{pre}kind", f"{', '.join(_RULE_KINDS)} のいずれかです")
        offences = r.get("offences") or []
        for o in offences:
            if o not in OFFENCES:
                raise LawDataError(path, f"{pre}offences", f"未知の罪のIDです: {o!r}")
        acts_before = _date(r.get("acts_before"), path, f"{pre}acts_before", nullable=True)
        if r["kind"] == "transitional" and acts_before is None:
            raise LawDataError(path, f"{pre}acts_before", "経過規定には対象となる行為の期限（acts_before）が必要です")
        out.append({
            "id": rid, "kind": r["kind"], "title": _str(r, "title", path, pre),
            "law": _str(r, "law", path, pre, nullable=True), "acts_before": acts_before,
            "offences": tuple(offences), "text": _str(r, "text", path, pre, nullable=True),
            "verification": _verification(r, path, pre), "source": _sources(r, path, pre),
            "note": _str(r, "note", path, pre, nullable=True)})
    data.transitional = tuple(out)


# ---------------------------------------------------------------- penal code


_PERIOD_FIELDS = {"from", "until", "text", "summary", "imprisonment_kind", "imprisonment_min_months",
                  "imprisonment_max_months", "fine_max_yen", "detention", "minor_fine", "verification",
                  "source", "note"}


def load_related(path: Path, data: LawData) -> None:
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, {"offences"}, path)
    for oid, entry in _mapping(doc.get("offences"), path, "offences").items():
        base = f"offences.{oid}."
        if oid not in RELATED:
            raise LawDataError(path, base[:-1], "契約にない関連罪のIDです")
        entry = _mapping(entry, path, base[:-1])
        _only(entry, {"name", "article", "complaint_required", "note", "source", "complaint_source", "periods"},
              path, base)
        if not isinstance(entry.get("complaint_required"), bool):
            raise LawDataError(path, f"{base}complaint_required", "true / false が必要です")
        periods_raw = entry.get("periods")
        if not isinstance(periods_raw, list):
            raise LawDataError(path, f"{base}periods", "期間の一覧（空でもよい）が必要です")
        periods = []
        for n, p in enumerate(periods_raw):
            pre = f"{base}periods[{n}]."
            p = _mapping(p, path, pre[:-1])
            _only(p, _PERIOD_FIELDS, path, pre)
            start = _date(p.get("from"), path, f"{pre}from", nullable=True)
            if start is None and n != 0:
                raise LawDataError(path, f"{pre}from", "始期不明（null）は最初の期間にしか使えません")
            until = _date(p.get("until"), path, f"{pre}until", nullable=True)
            if start is not None and until is not None and until < start:
                raise LawDataError(path, f"{pre}until", f"終期 {until} が始期 {start} より前です")
            if periods:
                prev = periods[-1]
                if prev["until"] is None or start <= prev["until"]:
                    raise LawDataError(path, f"{pre}from", "前の期間と重なっているか、順序が逆です")
            kind = p.get("imprisonment_kind")
            if kind is not None and kind not in RELATED_IMPRISONMENT_KINDS:
                raise LawDataError(path, f"{pre}imprisonment_kind", f"未知の刑種です: {kind!r}")
            text = _str(p, "text", path, pre, nullable=True)
            summary = _str(p, "summary", path, pre, nullable=True)
            verification = _verification(p, path, pre)
            if text is None and (summary is None or verification not in ("summary", "unknown")):
                raise LawDataError(path, f"{pre}text", "text が null なら summary と verification: summary/unknown が必要です")
            periods.append({
                "start": start, "until": until, "text": text, "summary": summary, "imprisonment_kind": kind,
                "imprisonment_min_months": _int_or_none(p, "imprisonment_min_months", path, pre),
                "imprisonment_max_months": _int_or_none(p, "imprisonment_max_months", path, pre),
                "fine_max_yen": _int_or_none(p, "fine_max_yen", path, pre),
                "detention": bool(p.get("detention", False)), "minor_fine": bool(p.get("minor_fine", False)),
                "verification": verification, "source": _sources(p, path, pre),
                "note": _str(p, "note", path, pre, nullable=True)})
        if not periods and "source" not in entry:
            raise LawDataError(path, f"{base}source", "刑の期間がない罪には出典（source）が必要です")
        data.related[oid] = {
            "id": oid, "name": _str(entry, "name", path, base), "article": _str(entry, "article", path, base),
            "complaint_required": entry["complaint_required"], "note": _str(entry, "note", path, base, nullable=True),
            "source": _sources(entry, path, base) if "source" in entry else (),
            "periods": tuple(periods)}
    missing = [o for o in RELATED if o not in data.related]
    if missing:
        raise LawDataError(path, "offences", f"契約の関連罪が欠けています: {', '.join(missing)}")


# ---------------------------------------------------------------- case law

_CASE_FIELDS = {"id", "court", "date", "kind", "docket", "citation", "outcome", "question", "holding", "elements",
                "categories", "later_law", "sources", "verification", "unverified", "reporters"}


def load_caselaw_file(path: Path) -> dict:
    path = Path(path)
    doc = _mapping(read_yaml(path), path, "(file)")
    _only(doc, _CASE_FIELDS, path)
    pid = _str(doc, "id", path)
    if pid != path.stem:
        raise LawDataError(path, "id", f"ファイル名（{path.stem}）と一致しません: {pid}")
    kind = doc.get("kind")
    if kind not in PRECEDENT_KINDS:
        raise LawDataError(path, "kind", f"{', '.join(PRECEDENT_KINDS)} のいずれかです: {kind!r}")
    when = _date(doc.get("date"), path, "date", nullable=(kind == "interpretation"))
    lists = {}
    for name, allowed in (("elements", ELEMENTS), ("categories", ACT_KEYS)):
        value = doc.get(name)
        if not isinstance(value, list):
            raise LawDataError(path, name, "一覧（空でもよい）が必要です")
        for item in value:
            if item not in allowed:
                raise LawDataError(path, name, f"契約にないIDです: {item!r}（{', '.join(allowed)}）")
        lists[name] = tuple(value)
    unverified = doc.get("unverified", [])
    if not isinstance(unverified, list) or not all(isinstance(u, str) for u in unverified):
        raise LawDataError(path, "unverified", "未確認事項は文字列の一覧です")
    verification = _verification(doc, path)
    if verification not in TEXT_VERIFICATION:
        raise LawDataError(path, "verification", "裁判例は verified か composed のものだけを収録します")
    return {
        "id": pid, "court": _str(doc, "court", path), "date": when, "kind": kind,
        "docket": _str(doc, "docket", path, nullable=True), "citation": _str(doc, "citation", path),
        "outcome": _str(doc, "outcome", path, nullable=True), "question": _str(doc, "question", path),
        "holding": _str(doc, "holding", path).strip(), "elements": lists["elements"],
        "categories": lists["categories"], "later_law": _str(doc, "later_law", path, nullable=True),
        "sources": _sources(doc, path, name="sources"), "verification": verification,
        "unverified": tuple(unverified), "reporters": tuple(doc.get("reporters") or ())}


# ---------------------------------------------------------------- everything


def load_all(statutes: Path, caselaw: Path) -> LawData:
    """Read and cross-check every file; the first problem raises LawDataError."""
    statutes, caselaw = Path(statutes), Path(caselaw)
    data = LawData()
    for law_id in LAWS:
        folder = statutes / law_id
        if not folder.is_dir():
            raise LawDataError(folder, "(folder)", "法令のフォルダがありません")
        for path in sorted(folder.glob("*.yaml")):
            if path.name in SPECIAL_FILES:
                continue
            rec = load_provision_file(path, law_id)
            if (law_id, rec.key) in data.provisions:
                raise LawDataError(path, "ref", f"{rec.ref} は別のファイルにもあります")
            data.provisions[(law_id, rec.key)] = rec
    act = statutes / "stalker-act"
    load_categories(act / "categories.yaml", data)
    load_features(act / "features.yaml", data)
    load_penalties(act / "penalties.yaml", data)
    load_transitional(act / "transitional.yaml", data)
    load_related(statutes / "penal-code" / "offences.yaml", data)
    for path in sorted(caselaw.glob("*.yaml")):
        entry = load_caselaw_file(path)
        data.caselaw[entry["id"]] = entry
    return data


@lru_cache(maxsize=1)
def law_data() -> LawData:
    return load_all(data_dir("statutes"), data_dir("caselaw"))


def _files(*folders: Path) -> list[Path]:
    return sorted((p for f in folders for p in Path(f).rglob("*") if p.is_file()), key=lambda p: p.as_posix())


@lru_cache(maxsize=1)
def data_version() -> str:
    """sha256 over every file under statutes/ and caselaw/ (relative path and bytes, sorted by path)."""
    digest = hashlib.sha256()
    roots = [data_dir("statutes"), data_dir("caselaw")]
    for root in roots:
        for path in _files(root):
            digest.update(f"{root.name}/{path.relative_to(root).as_posix()}".encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()

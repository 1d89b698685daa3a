"""Training scenarios (web/training/*.yaml): a narrative grounded in a named public fact pattern, the
traps it teaches, and notes for beginners. The answer key is the analysis itself (analyze()), so the
scenarios never carry a second, hand-typed legal judgment; `expect` only lets a test notice when
the analysis stops teaching what the scenario was written for."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from legalcheck import yaml_fast as yaml   # libyaml's parser: the same objects, a faster start

from legalcheck.law.data import ACT_KEYS, ELEMENTS
from legalcheck.paths import data_dir

TRAPS = {
    "remote_gps": "遠隔でのGPS位置確認",
    "tag_before_2025": "2025-12-30より前の紛失防止タグ",
    "non_romantic_motive": "恋愛感情等でない動機",
    "single_act": "1回だけの行為",
    "hearsay": "伝聞",
    "third_party": "第三者の行為",
    "before_item_existed": "その号ができる前の行為",
    "lapsed_order": "期間が過ぎた命令",
}
# the rows a trainee marks: every act key (2-1-1 by its subtypes) and every element
ANSWER_ACTS = tuple(k for k in ACT_KEYS if k != "2-1-1")
STATUSES = ("satisfied", "not_satisfied", "undetermined")


class ScenarioError(ValueError):
    pass


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    level: str
    grounded_in: str
    sources: tuple[str, ...]
    narrative: str
    incident_date: str | None
    prior_measures: tuple[dict, ...]
    categories: tuple[str, ...]
    traps: tuple[str, ...]
    notes: dict = field(default_factory=dict)     # item → explanation for beginners
    expect: dict = field(default_factory=dict)    # item → status the scenario was written for
    summary: str = ""


def _load(path) -> Scenario:
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("id", "title", "grounded_in", "sources", "narrative", "categories"):
        if not d.get(key):
            raise ScenarioError(f"{path.name}: {key} がありません")
    if d["id"] != path.stem:
        raise ScenarioError(f"{path.name}: id {d['id']!r} はファイル名と同じにしてください")
    for c in d["categories"]:
        if c not in ACT_KEYS:
            raise ScenarioError(f"{path.name}: categories: 未知の行為類型 {c!r}")
    for t in d.get("traps") or ():
        if t not in TRAPS:
            raise ScenarioError(f"{path.name}: traps: 未知の論点 {t!r}")
    for item, status in (d.get("expect") or {}).items():
        if item not in ACT_KEYS + ELEMENTS + ("art18", "art19", "art20") or status not in STATUSES:
            raise ScenarioError(f"{path.name}: expect: {item}: {status}")
    for item in d.get("notes") or {}:
        if item not in ACT_KEYS + ELEMENTS + ("art18", "art19", "art20", "general"):
            raise ScenarioError(f"{path.name}: notes: 未知の項目 {item!r}")
    req = d.get("request") or {}
    return Scenario(d["id"], d["title"], d.get("level", "初級"), d["grounded_in"], tuple(d["sources"]),
                    d["narrative"], req.get("incident_date"), tuple(req.get("prior_measures") or ()),
                    tuple(d["categories"]), tuple(d.get("traps") or ()), d.get("notes") or {},
                    d.get("expect") or {}, d.get("summary", ""))


@lru_cache(maxsize=1)
def scenarios() -> dict[str, Scenario]:
    found = {}
    for path in sorted((data_dir("web") / "training").glob("*.yaml")):
        s = _load(path)
        found[s.id] = s
    return found


def scenario(sid: str) -> Scenario:
    try:
        return scenarios()[sid]
    except KeyError:
        raise KeyError(sid) from None

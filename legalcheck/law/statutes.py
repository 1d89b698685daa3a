"""What the Act (and its 施行令) said on a given date: provisions, categories, dated switches.

Every answer comes from the reviewed YAML under statutes/ (see statutes/README.md); this module
only picks the version in force. A version holds from its date until the day before the next.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import wraps
from datetime import date, timedelta

from legalcheck.law import data as _data
from legalcheck.law.data import LAWS, Key, canonical, law_data, parse_numeric_ref

LAW_TITLE = "ストーカー行為等の規制等に関する法律"


def _per_data(fn):
    """``fn`` answered once per arguments and law data (an analysis asks for the same provisions and
    switches dozens of times; the answers are frozen dataclasses). A new law_data() starts afresh."""
    memo: dict = {}
    seen: list = [None]

    @wraps(fn)
    def cached(*args, **kwargs):
        data = law_data()
        if seen[0] is not data:
            memo.clear()
            seen[0] = data
        key = (args, tuple(sorted(kwargs.items())))
        try:
            return memo[key]
        except KeyError:
            pass
        except TypeError:   # an unhashable argument: answered as it is
            return fn(*args, **kwargs)
        got = memo[key] = fn(*args, **kwargs)
        return got

    return cached


@dataclass(frozen=True)
class Provision:
    law_id: str
    ref: str
    title: str | None
    version: date
    until: date | None          # last day of this version (inclusive); None = still in force
    amended_by: str
    text: str | None            # None: wording not verified (see summary) or the number was removed
    verification: str           # verified | composed | summary | unknown
    source: str
    note: str | None
    summary: str | None = None  # own-words content where the text is not verified
    removed: bool = False       # this entry marks that the number ceased to exist / moved

    def cite(self) -> str:
        return f"{LAWS[self.law_id]}{self.ref}"

    def to_dict(self) -> dict:
        out = {"ref": self.cite(), "version": self.version.isoformat(), "text": self.text,
               "law": self.amended_by, "verification": self.verification}
        if self.summary is not None:
            out["summary"] = self.summary
        return out


@dataclass(frozen=True)
class Feature:
    id: str
    label: str
    start: date
    until: date | None
    provision: str
    source: str
    verification: str
    months: int | None = None   # a duration the provision sets (禁止命令等の有効期間)


# ---------------------------------------------------------------- references


def _category_ref(key: str, at: date | None) -> str | None:
    """The provision ref a contract category stood in on `at` (else the first it ever had)."""
    entry = law_data().categories[key]
    refs = entry["provisions"]
    if at is not None:
        found = [k for d, k in refs if d <= at]
        if found:
            return canonical(found[-1])
    return canonical(refs[0][1])


def parse_ref(ref: str, at: date | None = None) -> tuple[str, Key]:
    """(law id, (article, paragraph, item)) for 「2条1項1号」「第二条第一項第一号」「２条１項１号」「18条」「施行令1条」.

    A contract act key (「2-1-1」「2-1-1:mihari」「2-3-3」) gives the provision that category stood in
    on `at` (default today; before the category existed, the number it first had). Any other
    dashed form is read literally (「2-2-1」 = 2条2項1号).
    """
    if isinstance(ref, str) and ref.strip() in law_data().categories:
        ref = _category_ref(ref.strip(), at or date.today())
    return parse_numeric_ref(ref)


def _record(ref: str, law: str, at: date | None = None):
    law_id, key = parse_ref(ref, at)
    if law != "stalker-act" and law_id == "stalker-act":
        law_id = law
    if law_id not in LAWS:
        raise ValueError(f"未知の法令です: {law}")
    return law_id, key, law_data().provisions.get((law_id, key))


def _provision(rec, index: int) -> Provision:
    v = rec.versions[index]
    nxt = rec.versions[index + 1].start - timedelta(days=1) if index + 1 < len(rec.versions) else None
    until = v.until if v.until is not None else nxt
    return Provision(rec.law_id, rec.ref, v.title, v.start, until, v.law, v.text, v.verification,
                     " ; ".join(v.source), v.note, v.summary, v.removed)


def _at(rec, at: date) -> Provision | None:
    v = rec.version_at(at)
    if v is None or v.removed:
        return None
    return _provision(rec, rec.versions.index(v))


def has_provision(ref: str, law: str = "stalker-act") -> bool:
    """Whether the data holds this provision at all (any date)."""
    return _record(ref, law)[2] is not None


@_per_data
def provision(ref: str, at: date, law: str = "stalker-act") -> Provision | None:
    """The provision as it read on `at`; None if it did not exist then (or is not in the data)."""
    if isinstance(ref, str) and ref.strip() in law_data().categories:
        return category_provision(ref.strip(), at)
    _, _, rec = _record(ref, law, at)
    return _at(rec, at) if rec is not None else None


def _under(law_id: str, key: Key):
    a, p, i = key
    recs = [r for (lid, k), r in law_data().provisions.items()
            if lid == law_id and k[0] == a and (p is None or k[1] == p) and (i is None or k[2] == i)]
    return sorted(recs, key=lambda r: tuple(n or 0 for n in r.key))


def provisions_under(ref: str, at: date, law: str = "stalker-act") -> list[Provision]:
    """「2条3項」 → its 柱書 and items in force on `at`; 「2条」 → every paragraph and item; [] if none."""
    law_id, key, _ = _record(ref, law, at)
    return [p for r in _under(law_id, key) if (p := _at(r, at)) is not None]


def history(ref: str, law: str = "stalker-act") -> list[Provision]:
    """Every version (removals included) of the provision, oldest first; [] if not in the data."""
    _, _, rec = _record(ref, law)
    return [_provision(rec, n) for n in range(len(rec.versions))] if rec is not None else []


def history_under(ref: str, law: str = "stalker-act") -> list[list[Provision]]:
    """history() of the provision and of everything under it, one list per provision."""
    law_id, key, _ = _record(ref, law)
    return [[_provision(r, n) for n in range(len(r.versions))] for r in _under(law_id, key)]


# ---------------------------------------------------------------- categories


def _category(key: str) -> dict:
    try:
        return law_data().categories[key]
    except KeyError:
        raise KeyError(f"未知の行為類型です: {key!r}") from None


@_per_data
def category_provision(category: str, at: date) -> Provision | None:
    """The provision a contract category or act key stood in on `at`; None if the law did not cover it then."""
    refs = _category(category)["provisions"]
    found = [k for d, k in refs if d <= at]
    if not found:
        return None
    return provision(canonical(found[-1]), at)


def category_history(category: str) -> list[Provision]:
    """Every version of the provisions a contract category stood in, following it through renumbering
    (2-3-3: 2条3項2号 from 2021-08-26, then 2条3項3号 from 2025-12-30), oldest first; each version's
    span is clipped to the time the category stood in that provision."""
    refs = _category(category)["provisions"]
    out: list[Provision] = []
    for n, (start, key) in enumerate(refs):
        end = refs[n + 1][0] if n + 1 < len(refs) else None
        rec = law_data().provisions.get(("stalker-act", key))
        if rec is None:
            continue
        for idx in range(len(rec.versions)):
            p = _provision(rec, idx)
            last = p.until
            if end is not None and p.version >= end:
                continue
            if last is not None and last < start:
                continue
            if end is not None and (last is None or last >= end):
                last = end - timedelta(days=1)
            out.append(replace(p, version=max(p.version, start), until=last))
    return out


def category_start(category: str) -> date:
    """The first day the law covered this category (or subtype)."""
    return _category(category)["provisions"][0][0]


def category_label(key: str) -> str:
    return _category(key)["label"]


def categories_at(at: date) -> list[str]:
    """Contract categories (no subtypes) the law covered on `at`."""
    return [k for k, v in law_data().categories.items()
            if ":" not in k and v["provisions"][0][0] <= at]


def subtypes_at(at: date) -> list[str]:
    """Subtype names of 2-1-1 (e.g. "mihari") the law covered on `at`."""
    return [k.split(":", 1)[1] for k, v in law_data().categories.items()
            if k.startswith("2-1-1:") and v["provisions"][0][0] <= at]


# ---------------------------------------------------------------- dated switches


@_per_data
def feature(feature_id: str) -> Feature:
    try:
        f = law_data().features[feature_id]
    except KeyError:
        raise KeyError(f"未知の機能IDです: {feature_id!r}") from None
    return Feature(f["id"], f["label"], f["start"], f["until"], f["provision"], " ; ".join(f["source"]),
                   f["verification"], f.get("months"))


def features() -> list[Feature]:
    return [feature(fid) for fid in law_data().features]


def in_force(feature_id: str, at: date) -> bool:
    f = feature(feature_id)
    return f.start <= at and (f.until is None or at <= f.until)


_FIRST_DAY: list = [None, None]   # (the law data it was computed from, its first day): once, not per judgment


def _first_day() -> date:
    data = law_data()
    if _FIRST_DAY[0] is not data:
        _FIRST_DAY[:] = [data, min(v.start for (lid, _), r in data.provisions.items() if lid == "stalker-act" for v in r.versions)]
    return _FIRST_DAY[1]


def _check_in_force(at: date) -> None:
    first = _first_day()
    if at < first:
        raise ValueError(f"{at.isoformat()}にはストーカー規制法はまだ施行されていません（{first.isoformat()}施行）")


def stalking_definition(at: date) -> Provision:
    """The provision defining ストーカー行為 on `at`: 2条2項 / 2条3項 / 2条4項."""
    _check_in_force(at)
    key = [k for d, k in law_data().stalking_definition if d <= at][-1]
    found = provision(canonical(key), at)
    assert found is not None, "validated at load"
    return found


def amendment_dates() -> list[date]:
    """Every date on which some provision or penalty of the Act changed."""
    d = law_data()
    dates = {v.start for (lid, _), r in d.provisions.items() if lid == "stalker-act" for v in r.versions}
    dates |= {v["start"] for o in d.penalties.values() for v in o["versions"]}
    return sorted(dates)


def law_version(at: date) -> str:
    """ISO date of the last change to the Act in force on `at` (e.g. "2021-08-26")."""
    _check_in_force(at)
    return [d for d in amendment_dates() if d <= at][-1].isoformat()


def data_version() -> str:
    return _data.data_version()

"""Penalties: the Act's offences (art18/19/20) by date, the rule deciding which applies at
judgment, and the related Penal Code offences.

Which penalty applies when the law changed between act and judgment: the amending law's
transitional provision decides first (平成28年改正附則2条, 整理法441条: the old law for earlier
acts); 刑法6条 (the lighter penalty) only for a change no transitional provision speaks to.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from legalcheck.law.data import law_data


@dataclass(frozen=True)
class Penalty:
    offence: str
    article: str                 # 「13条」 before 2017-01-03, 「18条」 after (art18)
    text: str                    # the article's wording
    imprisonment_kind: str | None
    imprisonment_max_months: int | None
    fine_max_yen: int | None
    complaint_required: bool
    version: date
    law: str
    source: str
    verification: str
    label: str = ""              # short form, e.g. 「1年以下の拘禁刑又は100万円以下の罰金」

    def cite(self) -> str:
        return f"ストーカー規制法{self.article}"

    def to_dict(self) -> dict:
        return {"text": self.label, "statute_text": self.text, "imprisonment_kind": self.imprisonment_kind,
                "imprisonment_max_months": self.imprisonment_max_months, "fine_max_yen": self.fine_max_yen,
                "article": self.cite(), "complaint_required": self.complaint_required,
                "version": self.version.isoformat(), "verification": self.verification}


def _versions(offence: str) -> tuple[dict, ...]:
    try:
        return law_data().penalties[offence]["versions"]
    except KeyError:
        raise KeyError(f"未知の罪のIDです: {offence!r}（art18, art19, art20）") from None


def _penalty(offence: str, v: dict) -> Penalty:
    return Penalty(offence, v["article"], v["text"], v["imprisonment_kind"], v["imprisonment_max_months"],
                   v["fine_max_yen"], v["complaint_required"], v["start"], v["law"], " ; ".join(v["source"]),
                   v["verification"], v["penalty"])


def offence_penalty(offence: str, at: date) -> Penalty | None:
    """The penalty as the law read on `at`; None before the Act took effect."""
    found = [v for v in _versions(offence) if v["start"] <= at]
    return _penalty(offence, found[-1]) if found else None


def offence_name(offence: str) -> str:
    _versions(offence)
    return law_data().penalties[offence]["name"]


def transitional_rules() -> list[dict]:
    """The transitional rules and notes of transitional.yaml (dates as ISO strings)."""
    out = []
    for r in law_data().transitional:
        d = dict(r)
        d["acts_before"] = r["acts_before"].isoformat() if r["acts_before"] else None
        d["offences"] = list(r["offences"])
        d["source"] = " ; ".join(r["source"])
        out.append(d)
    return out


def _rule(rid: str) -> dict:
    return next(r for r in law_data().transitional if r["id"] == rid)


def rule(rid: str) -> dict:
    """One rule or note of transitional.yaml by id (dates as date objects)."""
    try:
        return _rule(rid)
    except StopIteration:
        raise KeyError(f"未知の経過規定IDです: {rid!r}") from None


def transitional_rules_raw() -> tuple[dict, ...]:
    return law_data().transitional


def _severity(p: Penalty) -> tuple:
    # Simple comparison by the statutory maxima (imprisonment first, then fine); enough for the
    # changes in this Act, where each change moves every maximum the same way.
    return (p.imprisonment_max_months or 0, p.fine_max_yen or 0)


def penalty_at_judgment(offence: str, act_date: date, judgment_date: date) -> tuple[Penalty, str, list[str]]:
    """(penalty applied, Japanese reasoning naming the rule, ids of the rules used)."""
    if judgment_date < act_date:
        raise ValueError("裁判時が行為時より前になっています")
    at_act = offence_penalty(offence, act_date)
    if at_act is None:
        raise ValueError(f"{act_date.isoformat()}にはストーカー規制法の罰則はまだ施行されていません")
    later = [_penalty(offence, v) for v in _versions(offence) if act_date < v["start"] <= judgment_date]
    if not later:
        reason = (f"行為時（{act_date.isoformat()}）から裁判時まで法定刑の変更はなく、"
                  f"{at_act.cite()}（{at_act.label}）による。")
        return _with_complaint(at_act, reason, [], act_date)

    rules = [r for r in law_data().transitional if r["kind"] == "transitional" and offence in r["offences"]]
    covering = {r["acts_before"]: r for r in rules}
    used: list[str] = []
    candidates = [at_act]
    for p in later:
        rule = covering.get(p.version)
        if rule is not None:
            used.append(rule["id"])
        elif not used:  # a change no transitional provision speaks to, before any rule froze the old law
            candidates.append(p)
    # Rules for later changes also keep the old law (e.g. 整理法441条 for a 2016 act): name them too.
    names = [_rule(rid)["title"] for rid in used]

    if len(candidates) == 1:
        first = _rule(used[0])
        reason = (f"行為時（{act_date.isoformat()}）の後に法定刑が改正されたが、{first['title']}により"
                  f"{first['acts_before'].isoformat()}前の行為には「なお従前の例による」ため、行為時の"
                  f"{at_act.cite()}（{at_act.label}）による。")
        if len(names) > 1:
            reason += f"その後の改正についても{'、'.join(names[1:])}により従前の例による。"
        return _with_complaint(at_act, reason, used, act_date)

    lightest = min(candidates, key=_severity)
    listed = "、".join(f"{c.cite()}（{c.version.isoformat()}〜：{c.label}）" for c in candidates)
    reason = (f"行為時（{act_date.isoformat()}）の後の刑の変更について経過規定が確認できないため、"
              f"刑法6条（犯罪後の法律によって刑の変更があったときは、その軽いものによる）により、{listed}のうち"
              f"軽い{lightest.cite()}（{lightest.label}）による。")
    if names:
        reason += f"なお、その後の改正については{'、'.join(names)}により従前の例による。"
    return _with_complaint(lightest, reason, ["penal-code-6"] + used, act_date)


def _with_complaint(p: Penalty, reason: str, used: list[str], act_date: date) -> tuple[Penalty, str, list[str]]:
    if p.complaint_required:
        rule = next((r for r in law_data().transitional if r["id"] == "h28-complaint"), None)
        reason += (f"{p.cite()}の罪は告訴がなければ公訴を提起できない（親告罪）。告訴の有無を確認すること。")
        if rule is not None and rule["acts_before"] and act_date < rule["acts_before"] and "h28-fusoku-2" in used:
            reason += "附則2条の「罰則の適用」に告訴の要件が含まれるとの解釈によるもので、裁判例は確認できていない。"
            used = used + ["h28-complaint"]
    return p, reason, used


# ---------------------------------------------------------------- related offences


@dataclass(frozen=True)
class RelatedOffence:
    id: str
    name: str
    article: str
    penalty: dict | None
    complaint_required: bool
    version: date | None
    source: str
    note: str | None


def related_offence(offence_id: str, at: date) -> RelatedOffence:
    """The related offence with its penalty on `at`; penalty None where the data has none (note says why)."""
    try:
        o = law_data().related[offence_id]
    except KeyError:
        raise KeyError(f"未知の関連罪のIDです: {offence_id!r}") from None
    notes = [o["note"]] if o["note"] else []
    period = next((p for p in o["periods"]
                   if (p["start"] is None or p["start"] <= at) and (p["until"] is None or at <= p["until"])), None)
    if period is None:
        if not o["periods"]:
            notes.append("単一の法定刑はない（要確認）。")
        else:
            first = o["periods"][0]["start"]
            notes.append(f"{at.isoformat()}時点の法定刑は収録していない（収録は{first.isoformat()}以降）。要確認。")
        return RelatedOffence(o["id"], o["name"], o["article"], None, o["complaint_required"], None,
                              " ; ".join(o["source"]), " ".join(notes))
    penalty = {k: period[k] for k in ("text", "imprisonment_kind", "imprisonment_min_months",
                                      "imprisonment_max_months", "fine_max_yen", "detention", "minor_fine",
                                      "verification")}
    if period["text"] is None:
        penalty["text"] = period["summary"]
    penalty["start_verified"] = period["start"] is not None
    if period["note"]:
        notes.append(period["note"])
    if period["start"] is None:
        notes.append(f"この刑の始期は未確認（{period['until'].isoformat()}まで）。行為日にこの刑であったか要確認。")
    return RelatedOffence(o["id"], o["name"], o["article"], penalty, o["complaint_required"], period["start"],
                          " ; ".join(period["source"]), " ".join(notes))

"""The execution receipt: every provision version, penalty version and transitional rule an analysis
applied, in one list, so a reader of an old report can see exactly which law it used."""
from __future__ import annotations

from legalcheck.law import penalties, statutes


def _provision(p: statutes.Provision) -> dict:
    return {"id": p.cite(), "kind": "provision", "version": p.version.isoformat(),
            "verification": p.verification, "law": p.amended_by}


def receipt(acts, elements: dict, offences, related: list[dict]) -> list[dict]:
    """Provisions (acts, elements, offences), penalties and the rules deciding the penalty at judgment,
    without repeats, in the order met."""
    out: dict[tuple, dict] = {}

    def add(entry: dict) -> None:
        out.setdefault((entry["id"], entry["version"]), entry)

    for a in acts:
        if a.statute is not None:
            add(_provision(a.statute))
    for e in elements.values():
        if e.statute is not None:
            add(_provision(e.statute))
    for o in offences:
        if o.statute is not None:
            add(_provision(o.statute))
        if o.penalty is not None:
            add({"id": f"{o.penalty.cite()}（法定刑・{o.id}）", "kind": "penalty", "version": o.penalty.version.isoformat(),
                 "verification": o.penalty.verification, "law": o.penalty.law})
        if o.judgment is not None and o.status != "not_satisfied":
            for rid in o.judgment[2]:
                r = penalties.rule(rid)
                add({"id": rid, "kind": "transitional", "title": r["title"],
                     "version": r["acts_before"].isoformat() if r["acts_before"] else None,
                     "verification": r["verification"], "law": r["law"]})
        for day in getattr(o, "rules", []):
            r = penalties.rule("straddling-course")
            add({"id": r["id"], "kind": "interpretation", "title": r["title"], "version": day.isoformat(),
                 "verification": r["verification"], "law": r["law"]})
    for rel in related:
        pen = rel.get("penalty") or {}
        add({"id": f"{rel['article']}（{rel['name']}）", "kind": "related_penalty",
             "version": rel["version"].isoformat() if rel.get("version") else None,
             "verification": pen.get("verification", "unknown"), "law": None})
    return list(out.values())

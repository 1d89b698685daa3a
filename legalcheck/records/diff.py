"""What changed between two saved analyses of a case: acts (per key, the best status of its acts and
how many), elements, offences and the risk level. Presentation of the analyses' own results only."""
from __future__ import annotations

_RANK = {"satisfied": 2, "undetermined": 1, "not_satisfied": 0}


def _acts(a: dict | None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for act in (a or {}).get("acts") or []:
        cur = out.setdefault(act["key"], {"label": act.get("label") or act["key"], "status": act["status"], "count": 0})
        cur["count"] += 1
        if _RANK.get(act["status"], 0) > _RANK.get(cur["status"], 0):
            cur["status"] = act["status"]
    return out


def _statuses(a: dict | None, section: str) -> dict[str, str]:
    return {k: v.get("status") for k, v in ((a or {}).get(section) or {}).items() if isinstance(v, dict)}


def analysis_diff(before: dict | None, after: dict) -> dict:
    """{acts, elements, offenses: [{key, before, after, …}] changed only; risk: {before, after} or None;
    changed: bool}. `before` None (the first analysis) lists everything as new."""
    out: dict = {"acts": [], "elements": [], "offenses": []}
    ba, aa = _acts(before), _acts(after)
    for key in sorted(set(ba) | set(aa)):
        b, a = ba.get(key), aa.get(key)
        if (b or {}).get("status") != (a or {}).get("status") or (b or {}).get("count") != (a or {}).get("count"):
            out["acts"].append({"key": key, "label": (a or b)["label"],
                                "before": b["status"] if b else None, "after": a["status"] if a else None,
                                "count_before": b["count"] if b else 0, "count_after": a["count"] if a else 0})
    for section in ("elements", "offenses"):
        bs, as_ = _statuses(before, section), _statuses(after, section)
        for key in sorted(set(bs) | set(as_)):
            if bs.get(key) != as_.get(key):
                out[section].append({"key": key, "before": bs.get(key), "after": as_.get(key)})
    rb = ((before or {}).get("risk") or {}).get("level")
    ra = (after.get("risk") or {}).get("level")
    out["risk"] = {"before": rb, "after": ra} if rb != ra else None
    out["changed"] = bool(out["acts"] or out["elements"] or out["offenses"] or out["risk"])
    return out

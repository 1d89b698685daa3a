"""The analysis dict (contract.md §2) turned into what the result page shows.

Presentation only: statuses, reasons, provisions and penalties are the analysis's own; this module
numbers the acts, cuts the narrative into highlighted segments and groups the elements as a tree.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from legalcheck.law import statutes
from legalcheck.web import labels

ELEMENT_ORDER = ("purpose", "target", "repetition", "anxiety_method", "mihari_place")
_RANK = {"satisfied": 2, "undetermined": 1, "not_satisfied": 0}
RECEIPT_KINDS = {"provision": "条文", "penalty": "法定刑", "transitional": "経過措置",
                 "interpretation": "解釈", "related_penalty": "関連する罪の法定刑"}
SHORT_ELEMENT = {"purpose": "目的", "target": "対象", "repetition": "反復", "anxiety_method": "不安",
                 "mihari_place": "場所"}


@dataclass
class Mark:
    """A stretch of the narrative and the evidence spans covering it."""
    text: str
    refs: list[str] = field(default_factory=list)     # owners: act-N, el-purpose …
    css: str = ""
    anchors: list[str] = field(default_factory=list)  # span ids starting here (for #links)
    chips: list[str] = field(default_factory=list)    # visible labels starting here


def best_status(statuses) -> str:
    """The contract's rule for a key with several acts: satisfied > undetermined > not_satisfied."""
    found = list(statuses)
    return max(found, key=_RANK.__getitem__) if found else "not_satisfied"


def _segments(narrative: str, spans: list[dict]) -> list[Mark]:
    """Cut the narrative at every span edge; each piece knows which spans cover it."""
    edges = sorted({0, len(narrative)} | {s["start"] for s in spans} | {s["end"] for s in spans})
    out = []
    for a, b in zip(edges, edges[1:]):
        if a >= b:
            continue
        covering = [s for s in spans if s["start"] <= a and s["end"] >= b]
        m = Mark(narrative[a:b])
        if covering:
            # the narrowest act span decides the colour; element-only evidence has its own style
            acts = sorted((s for s in covering if s["kind"] == "act"), key=lambda s: s["end"] - s["start"])
            m.css = f"ev {acts[0]['css']}" if acts else "ev el"
            m.refs = list(dict.fromkeys(s["owner"] for s in covering))
            starting = [s for s in spans if s["start"] == a]
            m.anchors = [s["id"] for s in starting]
            # a number per act; an element's short name only where no act span starts with the same words
            act_edges = {(s["start"], s["end"]) for s in starting if s["kind"] == "act"}
            m.chips = list(dict.fromkeys(s["chip"] for s in starting
                                         if s["kind"] == "act" or (s["start"], s["end"]) not in act_edges))
        out.append(m)
    return out


def _statute(s: dict | None) -> dict | None:
    if not s or not s.get("ref"):
        return None
    return s


def _evidence_list(items, owner: str, spans: list[dict], kind: str, css: str, chip: str) -> list[dict]:
    out = []
    for ev in items or ():
        sid = f"ev-{owner}-{len(out) + 1}"
        spans.append({"start": ev["start"], "end": ev["end"], "owner": owner, "kind": kind, "css": css,
                      "id": sid, "chip": chip})
        out.append({**ev, "id": sid})
    return out


def receipt(analysis: dict) -> dict:
    """Which law and which provision versions this result applied."""
    law = analysis.get("law", {})
    seen: dict[tuple, dict] = {}

    def add(st):
        if st and st.get("ref"):
            seen.setdefault((st["ref"], st.get("version")), {"ref": st["ref"], "version": st.get("version"),
                                                              "law": st.get("law"), "verification": st.get("verification"),
                                                              "text": st.get("text")})
    for a in analysis.get("acts", []):
        add(a.get("statute"))
    for e in analysis.get("elements", {}).values():
        add(e.get("statute"))
    for o in analysis.get("offenses", {}).values():
        add(o.get("statute"))
    # the analysis's own execution receipt (law.applied), when the analyser writes one
    extra = law.get("applied", law.get("receipt"))
    if isinstance(extra, dict):
        extra = [extra]
    if isinstance(extra, list):
        extra = [{**e, "kind_label": RECEIPT_KINDS.get(e.get("kind"), e.get("kind") or "")} if isinstance(e, dict)
                 else {"id": str(e)} for e in extra]
    return {"legalcheck_version": law.get("legalcheck_version"), "data_version": law.get("data_version"),
            "law_version": law.get("version"), "applied_date": law.get("applied_date"),
            "schema_version": analysis.get("schema_version"),
            "provisions": sorted(seen.values(), key=lambda p: (p["ref"], p["version"] or "")),
            "supplied": extra if isinstance(extra, list) else None}


def build(analysis: dict, narrative: str) -> dict:
    spans: list[dict] = []
    by_id = {p["id"]: p for p in analysis.get("precedents", [])}
    acts = []
    for n, a in enumerate(analysis.get("acts", []), start=1):
        owner = f"act-{n}"
        css = labels.CATEGORY_STYLE.get(a["category"], "c1")
        acts.append({**a, "n": n, "owner": owner, "css": css,
                     "evidence": _evidence_list(a.get("evidence"), owner, spans, "act", css, f"{n}"),
                     "precedent_items": [by_id[p] for p in a.get("precedents", []) if p in by_id],
                     "statute": _statute(a.get("statute")),
                     "actor_label": labels.ACTOR_LABELS.get(a.get("actor") or "", a.get("actor"))})
    elements = {}
    for eid in ELEMENT_ORDER:
        e = analysis.get("elements", {}).get(eid)
        if e is None:
            continue
        owner = f"el-{eid}"
        elements[eid] = {**e, "id": eid, "owner": owner, "label": labels.ELEMENT_LABELS[eid],
                         "evidence": _evidence_list(e.get("evidence"), owner, spans, "element", "el",
                                                    SHORT_ELEMENT[eid]),
                         "precedent_items": [by_id[p] for p in e.get("precedents", []) if p in by_id],
                         "statute": _statute(e.get("statute"))}
    offences = []
    for oid, o in analysis.get("offenses", {}).items():
        owner = f"off-{oid}"
        offences.append({**o, "id": oid, "owner": owner, "label": labels.OFFENCE_LABELS.get(oid, oid),
                         "statute": _statute(o.get("statute")),
                         "evidence": _evidence_list(o.get("evidence"), owner, spans, "other", "el", "命令")})
    related = []
    for n, r in enumerate(analysis.get("related", []), start=1):
        owner = f"rel-{n}"
        related.append({**r, "owner": owner,
                        "evidence": _evidence_list(r.get("evidence"), owner, spans, "other", "el", "関連")})
    # the acts that make up つきまとい等, grouped by key in the order they first appear
    keys: dict[str, list[dict]] = {}
    for a in acts:
        keys.setdefault(a["key"], []).append(a)
    groups = [{"key": k, "label": v[0]["label"], "status": best_status(a["status"] for a in v), "acts": v}
              for k, v in keys.items()]
    art18 = analysis.get("offenses", {}).get("art18", {})
    tree = {"status": art18.get("status", "undetermined"), "statute": _statute(art18.get("statute")),
            "acts_status": best_status(g["status"] for g in groups), "groups": groups}
    return {
        "segments": _segments(narrative, spans),
        "acts": acts,
        "elements": elements,
        "tree": tree,
        "offences": offences,
        "related": related,
        "precedents": analysis.get("precedents", []),
        "questions": analysis.get("questions", []),
        "warnings": analysis.get("warnings", []),
        "receipt": receipt(analysis),
        "categories": sorted({(a["category"], a["css"], statutes.category_label(a["category"])) for a in acts}),
    }

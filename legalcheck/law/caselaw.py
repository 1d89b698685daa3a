"""Precedents (caselaw/): our own short summaries with citations, by element and act category.

Entries of kind "interpretation" (police directives as relayed by secondary sources) are not
case law; they are left out unless asked for.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from legalcheck.law.data import ACT_KEYS, ELEMENTS, law_data

ELEMENT_LABELS = {
    "purpose": "恋愛感情等充足目的",
    "target": "特定の者又は密接関係者",
    "repetition": "反復",
    "anxiety_method": "不安方法",
    "mihari_place": "見張りの場所的要件",
}


@dataclass(frozen=True)
class Precedent:
    id: str
    court: str
    date: date | None           # None only for an undated interpretation entry
    kind: str                   # 判決 | 決定 | interpretation
    docket: str | None
    citation: str
    question: str
    holding: str
    elements: tuple[str, ...]
    categories: tuple[str, ...]
    later_law: str | None
    sources: tuple[str, ...]
    verification: str
    outcome: str | None = None
    unverified: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"id": self.id, "citation": self.citation, "holding": self.holding, "court": self.court,
                "date": self.date.isoformat() if self.date else None, "kind": self.kind, "docket": self.docket,
                "question": self.question, "elements": list(self.elements), "categories": list(self.categories),
                "later_law": self.later_law, "sources": list(self.sources), "verification": self.verification,
                "unverified": list(self.unverified)}


def _make(e: dict) -> Precedent:
    return Precedent(e["id"], e["court"], e["date"], e["kind"], e["docket"], e["citation"], e["question"],
                     e["holding"], e["elements"], e["categories"], e["later_law"], e["sources"],
                     e["verification"], e["outcome"], e["unverified"])


def precedent(pid: str) -> Precedent:
    try:
        return _make(law_data().caselaw[pid])
    except KeyError:
        raise KeyError(f"未知の裁判例IDです: {pid!r}") from None


def _matches(query: str, listed: tuple[str, ...]) -> bool:
    # "2-1-1:mihari" also matches an entry listing "2-1-1", and "2-1-1" matches "2-1-1:mihari".
    base = query.split(":", 1)[0]
    return any(c == query or c == base or c.split(":", 1)[0] == query for c in listed)


def precedents(element: str | None = None, category: str | None = None,
               include_interpretations: bool = False) -> list[Precedent]:
    """Precedents bearing on an element and/or an act key, oldest first."""
    if element is not None and element not in ELEMENTS:
        raise ValueError(f"未知の要素IDです: {element!r}（{', '.join(ELEMENTS)}）")
    if category is not None and category not in ACT_KEYS:
        raise ValueError(f"未知の行為類型です: {category!r}（例: 2-1-1:mihari, 2-1-5）")
    out = []
    for e in law_data().caselaw.values():
        if e["kind"] == "interpretation" and not include_interpretations:
            continue
        if element is not None and element not in e["elements"]:
            continue
        if category is not None and not _matches(category, e["categories"]):
            continue
        out.append(_make(e))
    return sorted(out, key=lambda p: (p.date or date.max, p.id))

"""Words the pages show for the contract's identifiers (presentation only)."""
from __future__ import annotations

from legalcheck.law.caselaw import ELEMENT_LABELS

# status → (mark, word, css class): the mark and the word carry the meaning without colour
STATUS = {
    "satisfied": ("✓", "充足", "ok"),
    "not_satisfied": ("✗", "不充足", "no"),
    "undetermined": ("?", "要確認", "und"),
}
ACT_STATUS = {
    "satisfied": ("✓", "該当", "ok"),
    "not_satisfied": ("✗", "非該当", "no"),
    "undetermined": ("?", "要確認", "und"),
}
OFFENCE_LABELS = {
    "art18": "ストーカー行為罪",
    "art19": "禁止命令等違反のストーカー行為罪",
    "art20": "その他の禁止命令等違反罪",
}
MEASURE_LABELS = {
    "warning": "警告",
    "prohibition_order": "禁止命令等",
    "emergency_prohibition_order": "緊急禁止命令等",
}
# one colour and one line style per category group, so print and colour-blind readers see it too
CATEGORY_STYLE = {
    "2-1-1": "c1", "2-1-2": "c2", "2-1-3": "c3", "2-1-4": "c4", "2-1-5": "c5", "2-1-6": "c6",
    "2-1-7": "c7", "2-1-8": "c8", "2-3-1": "g1", "2-3-2": "g2", "2-3-3": "g3",
}
ACTOR_LABELS = {"suspect": "被疑者", "unknown": "行為者不明", "other": "第三者", "victim": "被害者", "close": "被害者の関係者"}

VERIFICATION = {"verified": "検証済", "composed": "改正文から合成", "summary": "文言未確認・要旨",
                "unknown": "文言未確認・内容不明"}

__all__ = ["VERIFICATION", "STATUS", "ACT_STATUS", "ELEMENT_LABELS", "OFFENCE_LABELS", "MEASURE_LABELS", "CATEGORY_STYLE",
           "ACTOR_LABELS"]

"""Three-valued (Kleene) logic for element trees: satisfied / not_satisfied / undetermined."""
from __future__ import annotations

from typing import Iterable

SAT = "satisfied"
NOT = "not_satisfied"
UND = "undetermined"
RANK = {NOT: 0, UND: 1, SAT: 2}
MARK = {SAT: "✓", NOT: "✗", UND: "?"}
LABEL = {SAT: "充足", NOT: "不充足", UND: "要確認"}


def all_of(values: Iterable[str]) -> str:
    """AND: not_satisfied if any part is, satisfied only if all are."""
    values = list(values)
    if NOT in values:
        return NOT
    if UND in values:
        return UND
    return SAT


def any_of(values: Iterable[str]) -> str:
    """OR: satisfied if any part is, not_satisfied only if all are."""
    values = list(values)
    if SAT in values:
        return SAT
    if UND in values:
        return UND
    return NOT

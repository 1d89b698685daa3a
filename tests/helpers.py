"""Shared helpers of the analysis tests: one fixed day, the acts of a key, the best status of a key."""
from datetime import date

from legalcheck import analyze

TODAY = date(2026, 11, 24)
RANK = {"satisfied": 2, "undetermined": 1, "not_satisfied": 0}


def run(text, **kw):
    return analyze(text, today=TODAY, **kw).to_dict()


def acts(a, key):
    return [x for x in a["acts"] if x["key"] == key]


def best(a, key):
    """The key's status as contract §2 defines it (the best of its acts; a category matches its subtypes)."""
    found = [x["status"] for x in a["acts"] if x["key"] == key or x["key"].split(":")[0] == key]
    return max(found, key=RANK.get) if found else "not_satisfied"

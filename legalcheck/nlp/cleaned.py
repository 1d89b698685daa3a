"""The reader behind the cleaning of legalcheck.text.clean: facts read from the cleaned text, with
every span put back into the caller's offsets (``narrative[start:end] == text`` holds for the text
exactly as sent, invisible characters included)."""
from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache

from legalcheck.nlp.facts import Facts, Span
from legalcheck.nlp.reader import read_facts
from legalcheck.text.clean import Cleaned, clean


def read_clean_facts(narrative: str, incident_date: date | None = None, cleaned: Cleaned | None = None) -> Facts:
    cleaned = cleaned or clean(narrative)
    facts = read_facts(cleaned.text, incident_date, norm=cleaned.normalized)
    if not cleaned.changed:
        return facts
    facts = _remap(facts, cleaned, {})
    facts.narrative = narrative
    return facts


_ATOMS = frozenset({str, int, float, bool, type(None), date})   # hold no span: returned as they are


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _remap(obj, cleaned: Cleaned, memo: dict):
    """A copy of obj (Facts and everything in it) with each Span mapped to the original text."""
    if type(obj) in _ATOMS:
        return obj
    key = id(obj)
    if key in memo:
        return memo[key]
    if isinstance(obj, Span):
        s, e = cleaned.span(obj.start, obj.end)
        text = cleaned.original[s:e]
        # a span the cleaning did not touch stays the same object, and so does what holds only such spans
        out = obj if s == obj.start and e == obj.end and text == obj.text else Span(s, e, text)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {name: _remap(getattr(obj, name), cleaned, memo) for name in _field_names(type(obj))}
        out = dataclasses.replace(obj, **{k: v for k, v in changes.items() if v is not getattr(obj, k)}) \
            if any(v is not getattr(obj, k) for k, v in changes.items()) else obj
    elif isinstance(obj, list):
        out = [_remap(x, cleaned, memo) for x in obj]
        out = obj if type(obj) is list and _same(out, obj) else out
    elif isinstance(obj, tuple):
        out = tuple(_remap(x, cleaned, memo) for x in obj)
        out = obj if type(obj) is tuple and _same(out, obj) else out
    elif isinstance(obj, dict):
        out = {k: _remap(v, cleaned, memo) for k, v in obj.items()}
        out = obj if type(obj) is dict and _same(out.values(), obj.values()) else out
    else:
        out = obj
    memo[key] = out
    return out


def _same(new, old) -> bool:
    """Every item the same object: the container stays the same object too (so a dataclass that holds
    only such containers is not copied)."""
    return all(a is b for a, b in zip(new, old))

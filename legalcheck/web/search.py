"""Japanese search over the precedents, on Sudachi's normalized forms (split mode C).

Both the query and each precedent's text go through the project's pipeline (legalcheck.nlp.pipeline),
so spelling variants fold together: 押しかけ finds 押し掛け, 待ちぶせ finds 待ち伏せ. A precedent
matches when every content word of the query occurs among its normalized forms (particles,
auxiliaries and punctuation in the query are ignored).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from legalcheck.law import caselaw
from legalcheck.nlp.pipeline import tokenize as _tokenize
from legalcheck.web.locks import NLP_LOCK

def tokenize(text: str):
    with NLP_LOCK:
        return _tokenize(text)


_SKIP_POS = {"ADP", "AUX", "PUNCT", "SCONJ", "PART", "SYM", "SPACE"}


def _norms(text: str) -> list[str]:
    return [unicodedata.normalize("NFKC", t.norm) for t in tokenize(text) if t.norm.strip()]


def query_terms(query: str) -> list[str]:
    terms = [unicodedata.normalize("NFKC", t.norm) for t in tokenize(query)
             if t.pos not in _SKIP_POS and t.norm.strip()]
    return list(dict.fromkeys(terms))


def _document(p: caselaw.Precedent) -> str:
    return "\n".join(x for x in (p.citation, p.court, p.docket or "", p.question, p.holding, p.later_law or "",
                                 p.outcome or "") if x)


@lru_cache(maxsize=256)
def _index(pid: str) -> tuple[frozenset[str], str]:
    norms = _norms(_document(caselaw.precedent(pid)))
    return frozenset(norms), "".join(norms)


def matches(p: caselaw.Precedent, terms: list[str]) -> bool:
    if not terms:
        return True
    norms, joined = _index(p.id)
    # a query word Sudachi keeps whole but the text splits (or the reverse) still matches in sequence
    return all(t in norms or t in joined for t in terms)


def search(query: str = "", element: str | None = None) -> list[caselaw.Precedent]:
    found = caselaw.precedents(element=element or None, include_interpretations=True)
    terms = query_terms(query) if query and query.strip() else []
    return [p for p in found if matches(p, terms)]

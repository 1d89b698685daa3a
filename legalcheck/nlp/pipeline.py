"""spaCy's Japanese pipeline on Sudachi, built once per process, as plain tokens for the rules."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from legalcheck.text.normalize import mask_for_tokenizer


@dataclass(frozen=True, slots=True)
class Tok:
    i: int
    text: str
    norm: str      # Sudachi's normalized form (dictionary form, spelling folded)
    pos: str       # UD POS
    tag: str       # Sudachi POS (名詞-普通名詞-一般, 助詞-接続助詞, …)
    infl: str      # conjugation (連用形-一般, …)
    start: int     # offsets into the caller's text
    end: int
    fold: str      # NFKC of the surface (全角→半角), for lexicon look-ups


@lru_cache(maxsize=1)
def nlp():
    """Split mode C: token.norm_ is Sudachi's normalized form (押しかける → 押し掛ける)."""
    import spacy

    return spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "C"}}})


def tokenize(text: str) -> list[Tok]:
    # mask_for_tokenizer keeps the length, so token offsets are the caller's offsets.
    doc = nlp()(mask_for_tokenizer(text))
    out = []
    for t in doc:
        if t.is_space and "\n" not in t.text:
            continue
        pos = t.pos_
        # only predicates inflect; reading the morph of every token costs as much as our rules
        infl = t.morph.get("Inflection") if pos in ("VERB", "AUX", "ADJ") else None
        out.append(Tok(len(out), t.text, t.norm_ if not t.is_space else "\n", pos, t.tag_,
                       infl[0] if infl else "", t.idx, t.idx + len(t.text), unicodedata.normalize("NFKC", t.text)))
    return out

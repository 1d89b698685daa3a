"""spaCy's Japanese pipeline on Sudachi, built once per process, as plain tokens for the rules.

Thread safety: one tokenizer behind a lock.  Sudachi's tokenizer is a Rust object that refuses a
second caller while busy (``RuntimeError: Already borrowed``); a tokenizer per thread was measured
against the lock in bench/bench.py and lost (Sudachi holds the GIL, so threads never tokenise in
parallel, and each extra tokenizer costs ~70 MB of dictionary).

Long text: Sudachi refuses more than 49,149 UTF-8 bytes at once, so text longer than
:data:`CHUNK_BYTES` is tokenised in sentence-aligned chunks and the offsets are shifted back.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from legalcheck.text.normalize import mask_for_tokenizer

# Well under Sudachi's 49,149-byte limit; a chunk ends at a sentence end where there is one.
CHUNK_BYTES = 30_000
_SENTENCE_ENDS = "。！？!?\n"
_SOFT_ENDS = "、，,；; 　\t"


# Not frozen, though never changed after tokenize(): a frozen dataclass's __init__ sets each field
# through object.__setattr__ and took 4× as long, on every token of every narrative. unsafe_hash
# keeps the hash (and equality) that frozen gave.
@dataclass(slots=True, unsafe_hash=True)
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


_lock = threading.Lock()
_build_lock = threading.Lock()


@lru_cache(maxsize=1)
def _blank():
    import spacy

    from legalcheck.nlp.ja_tokenizer import LeanJapaneseTokenizer

    # spaCy's Japanese tokenizer (a subclass that builds less per Doc: no sub-tokens, no reading
    # forms, attributes set in one array; same tokens, tags, POS, lemmas, norms, inflections)
    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {
        "@tokenizers": "legalcheck.LeanJapaneseTokenizer.v1", "split_mode": "C"}}})
    assert isinstance(nlp.tokenizer, LeanJapaneseTokenizer)
    return nlp


def nlp():
    """Split mode C: token.norm_ is Sudachi's normalized form (押しかける → 押し掛ける).
    The object is shared: call it only while holding the lock (``parse`` does)."""
    with _build_lock:   # two threads building at once would load the dictionary twice
        return _blank()


def parse(text: str):
    """spaCy Doc of ``text`` (at most CHUNK_BYTES UTF-8 bytes), safe from any thread."""
    tok = nlp()
    with _lock:
        return tok(text)


def chunks(text: str, limit: int = CHUNK_BYTES) -> list[tuple[int, int]]:
    """Character spans covering ``text``, each at most ``limit`` UTF-8 bytes, cut after a sentence
    end (else after a comma or space, else anywhere), in one pass."""
    if len(text) * 4 <= limit or len(text.encode("utf-8", "surrogatepass")) <= limit:
        return [(0, len(text))]
    out = []
    start, size = 0, 0
    last_hard = last_soft = -1   # index just after the last sentence end / soft end in this chunk
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        b = len(ch.encode("utf-8", "surrogatepass"))
        if size + b > limit:
            cut = last_hard if last_hard > start else last_soft if last_soft > start else i
            out.append((start, cut))
            start, i, size, last_hard, last_soft = cut, cut, 0, -1, -1
            continue
        size += b
        i += 1
        if ch in _SENTENCE_ENDS:
            last_hard = i
        elif ch in _SOFT_ENDS:
            last_soft = i
    if start < n:
        out.append((start, n))
    return out


def rows(text: str):
    """The tokenizer's rows of ``text`` (``LeanJapaneseTokenizer.rows``: the values of the Doc that
    ``parse`` would build, without building it), safe from any thread."""
    tok = nlp()
    with _lock:
        return tok.tokenizer.rows(text)


@lru_cache(maxsize=1)
def _columns():
    """The names of spaCy's POS ids, the ids of predicates, and the reader of an inflection by morph
    key (imported here, not at module import: the server's web worker imports this module without spaCy)."""
    from spacy.parts_of_speech import NAMES
    from spacy.tokens import MorphAnalysis

    vocab = nlp().vocab
    return NAMES, {k for k, n in NAMES.items() if n in ("VERB", "AUX", "ADJ")}, \
        lambda key: MorphAnalysis.from_id(vocab, key).get("Inflection")


# morph key → its Inflection (the keys are hashes of the features, the same in every call)
_inflections: dict[int, str] = {}


def tokenize(text: str) -> list[Tok]:
    """The tokens of ``text``: those of ``tokenize_by_rows`` (the rule), each built as the tokenizer
    yields its row (``LeanJapaneseTokenizer.iter_rows``), not from a list of rows built first.
    A chunk the aligned words do not cover takes the rows (and their two-pass path and error).
    tests/nlp/test_ja_tokenizer.py compares the two on the labelled narratives and arbitrary spacing."""
    # mask_for_tokenizer keeps the length, so token offsets are the caller's offsets.
    masked = mask_for_tokenizer(text)
    out: list[Tok] = []
    folds: dict[str, str] = {}   # per call, computed once per distinct word: its NFKC form
    lean = nlp().tokenizer
    for lo, hi in chunks(masked):
        with _lock:   # the rows read the shared vocab as they come: built under the lock, as ``rows`` is
            aligned = lean.aligned(masked[lo:hi])
            chunk_rows = lean.iter_rows(aligned) if aligned is not None else lean._rows_two_pass(masked[lo:hi])
            out += _toks_of_rows(chunk_rows, lo, len(out), folds)
    return out


def tokenize_by_rows(text: str) -> list[Tok]:
    """The rule ``tokenize`` follows: the tokenizer's rows of each chunk, a ``Tok`` per row."""
    masked = mask_for_tokenizer(text)
    out: list[Tok] = []
    folds: dict[str, str] = {}
    for lo, hi in chunks(masked):
        out += _toks_of_rows(rows(masked[lo:hi]), lo, len(out), folds)
    return out


def _toks_of_rows(chunk_rows, lo: int, first: int, folds: dict[str, str]) -> list[Tok]:
    out: list[Tok] = []
    pos_names, predicates, inflection_of = _columns()
    inflections = _inflections
    for word, norm, pos, tag, idx, space, morph in chunk_rows:
        width = len(word)
        if space:
            if "\n" not in word:
                continue
            # 「\n　」「\n\n」: one line break whatever the indentation (the span keeps its width)
            word = norm = "\n"
        # only predicates inflect; reading the morph of every token costs as much as our rules
        infl = ""
        if pos in predicates:
            infl = inflections.get(morph)
            if infl is None:
                got = inflection_of(morph)
                infl = inflections[morph] = got[0] if got else ""
        fold = folds.get(word)
        if fold is None:
            fold = folds[word] = unicodedata.normalize("NFKC", word)
        s = lo + idx
        out.append(Tok(first + len(out), word, norm, pos_names[pos], tag, infl, s, s + width, fold))
    return out

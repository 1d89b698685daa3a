"""spaCy's Japanese tokenizer building less per Doc: the same Sudachi call (split mode C) and the
same tokens, spaces, tags, POS, lemmas, norms and inflections, without what nothing here reads.

spaCy's ``JapaneseTokenizer.__call__`` spent about 5 of its 6 ms per 1,000 characters outside
Sudachi: per token it reads Sudachi's POS twice, its reading form, runs ``re.sub`` on the reading,
builds a ``MorphAnalysis`` (a dict, its FEATS string and a hash look-up) and sets five attributes
one Python call each; its alignment with the text slices the rest of the text per token
(quadratic in the chunk). This subclass

- leaves the reading out of ``token.morph`` (only ``Inflection`` is kept: ``pipeline.tokenize``
  reads nothing else, and ``sub_tokens`` were already off);
- reads a POS tuple once per Sudachi POS id (a dictionary-wide id) instead of joining it per token;
- sets TAG, POS, LEMMA, NORM and MORPH with one ``Doc.from_array`` instead of per-token setters
  (the values are the hashes the setters would store: ``vocab.strings.add`` of the same strings,
  ``vocab.morphology.add`` of the same feature dict);
- aligns words with the text by ``str.index(word, pos)``, not ``text[pos:].index(word)``;
- gives, by ``rows(text)``, the values of that Doc's token array without building the Doc (what
  ``pipeline.tokenize`` reads: the Doc, its new lexemes and its arrays cost more than Sudachi).

Everything else — the empty-token and space-run filters, the gap tokens for spaces, the
bi-gram POS rules (``resolve_pos``) — is spaCy's own code path, written out in the same order.
tests/test_ja_tokenizer.py compares every attribute with spaCy's tokenizer on real narratives.
"""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import LEMMA, MORPH, NORM, POS, TAG
from spacy.errors import Errors
from spacy.lang.ja import JapaneseTokenizer, resolve_pos
from spacy.lang.ja.tag_orth_map import TAG_ORTH_MAP
from spacy.tokens import Doc
from spacy.util import registry

_GAP = "空白"
_ATTRS = [TAG, POS, LEMMA, NORM, MORPH]


class LeanJapaneseTokenizer(JapaneseTokenizer):
    """A :class:`spacy.lang.ja.JapaneseTokenizer` (same Sudachi tokenizer, same split mode) whose
    Docs carry no reading forms and no sub-tokens."""

    def __init__(self, vocab, split_mode: Optional[str] = None) -> None:
        super().__init__(vocab, split_mode)
        self.need_subtokens = False
        self._pos_cache: dict[int, tuple[str, int, int]] = {}   # Sudachi POS id → tag, its hash, morph key
        self._morph_of: dict[str, int] = {}                    # inflection → morph key
        # resolve_pos by (tag, next tag) for the tags whose rules do not read the word (TAG_ORTH_MAP)
        self._bigram_pos: dict[tuple, tuple] = {}

    def __reduce__(self):
        return LeanJapaneseTokenizer, (self.vocab, self.split_mode)

    def _morph_key(self, inf: str) -> int:
        key = self._morph_of.get(inf)
        if key is None:
            key = self._morph_of[inf] = self.vocab.morphology.add({"Inflection": inf} if inf else {})
        return key

    def _pos_of(self, m) -> tuple[str, int, int]:
        pid = m.part_of_speech_id()
        got = self._pos_cache.get(pid)
        if got is None:
            pos = m.part_of_speech()
            tag = "-".join([x for x in pos[:4] if x != "*"])
            inf = ";".join([x for x in pos[4:] if x != "*"])
            got = self._pos_cache[pid] = (tag, self.vocab.strings.add(tag), self._morph_key(inf))
        return got

    def _dtokens(self, text: str, lemmas: bool = True):
        """(surface, tag, lemma, norm, tag hash, morph key) per token of the Doc, gap tokens included,
        and the trailing-space flags: spaCy's _get_dtokens and get_dtokens_and_spaces. Without
        ``lemmas`` the lemma is left empty (``rows`` does not give it)."""
        dtokens = []
        append = dtokens.append
        pos_cache = self._pos_cache
        after_space = False   # the Sudachi token before (dropped or not) is a space token tagged 空白
        for m in self.tokenizer.tokenize(text):
            surface = m.surface()
            if surface:
                tag, tag_hash, mkey = pos_cache.get(m.part_of_speech_id()) or self._pos_of(m)
                space = tag == _GAP and surface.isspace()
                if space and after_space:
                    continue   # a space token that follows a space token is dropped, as _get_dtokens
                after_space = space
                append((surface, tag, m.dictionary_form() if lemmas else "", m.normalized_form(), tag_hash, mkey))
        return self._align(dtokens, text)

    def _pos_list(self, dtokens: list) -> list[int]:
        """The UD POS of each token by spaCy's rules (resolve_pos: the tag, its next tag, a few words)."""
        tags = [t[1] for t in dtokens]
        out: list[int] = []
        next_pos = None
        last = len(dtokens) - 1
        bigram = self._bigram_pos
        for k, t in enumerate(dtokens):
            tag = t[1]
            if next_pos:
                pos, next_pos = next_pos, None
            elif tag in TAG_ORTH_MAP:   # the only rules that read the word itself
                pos, next_pos = resolve_pos(t[0], tag, tags[k + 1] if k < last else None)
            else:
                key = (tag, tags[k + 1] if k < last else None)
                got = bigram.get(key)
                if got is None:
                    got = bigram[key] = resolve_pos(t[0], tag, key[1])
                pos, next_pos = got
            out.append(pos)
        return out

    def __call__(self, text: str) -> Doc:
        dtokens, spaces = self._dtokens(text)
        doc = Doc(self.vocab, words=[t[0] for t in dtokens], spaces=spaces)
        if not dtokens:
            return doc
        add = self.vocab.strings.add
        hashes: dict[str, int] = {}   # lemma or norm → its hash (what vocab.strings.add returns), per call
        flat: list[int] = []
        put = flat.extend
        for (surface, tag, lemma, norm, tag_hash, mkey), pos in zip(dtokens, self._pos_list(dtokens)):
            if not lemma:
                lemma = surface
            lemma_hash = hashes.get(lemma)
            if lemma_hash is None:
                lemma_hash = hashes[lemma] = add(lemma)
            norm_hash = hashes.get(norm)
            if norm_hash is None:
                norm_hash = hashes[norm] = add(norm)
            put((tag_hash, pos, lemma_hash, norm_hash, mkey))
        # a flat list converts to uint64 faster than a list of rows
        doc.from_array(_ATTRS, numpy.array(flat, dtype=numpy.uint64).reshape(-1, len(_ATTRS)))
        return doc

    def rows(self, text: str) -> list[tuple[str, str, int, str, int, bool, int]]:
        """What ``doc.to_array([ORTH, NORM, POS, TAG, IDX, IS_SPACE, MORPH])`` of ``self(text)`` holds,
        as (word, norm, POS id, tag, offset, is space, morph key) with the strings themselves, computed
        from the same tokens without building the Doc (its lexemes, arrays and string look-ups cost
        more than Sudachi itself). tests/nlp/test_ja_tokenizer.py compares it with the Doc's array.

        The words are aligned with the text as they come from Sudachi (``_align`` in the same loop:
        spaces become gap tokens, a single " " right after a word its trailing space; a space token
        ``_dtokens`` drops holds only spaces, so it changes nothing here). A text with no word, or
        whose words do not cover it, takes the two-pass path (which raises spaCy's error)."""
        aligned = self.aligned(text)
        return self._rows_two_pass(text) if aligned is None else list(self.iter_rows(aligned))

    def aligned(self, text: str) -> list[tuple[str, str, str, int, int]] | None:
        """The words of ``rows`` before their POS: (surface, tag, norm, morph key, offset), gap tokens
        included; None when the text has no word or its words do not cover it (``rows`` then takes
        the two-pass path). ``pipeline.tokenize`` builds its tokens from these in one loop."""
        gap = None
        aligned = []      # (surface, tag, norm, morph key, offset)
        append = aligned.append
        surfaces = []
        pos_cache = self._pos_cache
        at = 0
        after_word = False   # the Sudachi token before (empty ones aside) is a word, not a space
        for m in self.tokenizer.tokenize(text):
            surface = m.surface()
            if not surface:
                continue
            surfaces.append(surface)
            if surface.isspace():
                if after_word and surface == " ":
                    at += 1   # the word's trailing space
                after_word = False
                continue
            after_word = True
            start = text.find(surface, at)
            if start < 0:
                return None
            if start > at:
                if gap is None:
                    gap = self._morph_key("")
                w = text[at:start]
                append((w, _GAP, w, gap, at))
            tag, _tag_hash, mkey = pos_cache.get(m.part_of_speech_id()) or self._pos_of(m)
            append((surface, tag, m.normalized_form(), mkey, start))
            at = start + len(surface)
        if not aligned or "".join("".join(surfaces).split()) != "".join(text.split()):
            return None
        if at < len(text):
            w = text[at:]
            append((w, _GAP, w, self._morph_key(""), at))
        return aligned

    def _rows_two_pass(self, text: str) -> list[tuple[str, str, int, str, int, bool, int]]:
        """``rows`` from ``_dtokens`` and ``_align``, as the Doc is built (and with its errors)."""
        dtokens, spaces = self._dtokens(text, lemmas=False)
        aligned, idx = [], 0
        for k, (surface, tag, _lemma, norm, _tag_hash, mkey) in enumerate(dtokens):
            aligned.append((surface, tag, norm, mkey, idx))
            idx += len(surface) + spaces[k]
        return list(self.iter_rows(aligned))

    def iter_rows(self, aligned: list):
        """The rows of words aligned with the text ((surface, tag, norm, morph key, offset)), one at a
        time: each with its POS as _pos_list gives it (one loop over the tokens, not two) and its norm as
        Token.norm. ``pipeline.tokenize`` builds its tokens from them as they come (no list of rows)."""
        next_pos = None
        last = len(aligned) - 1
        bigram = self._bigram_pos
        vocab = self.vocab
        for k, (surface, tag, norm, mkey, idx) in enumerate(aligned):
            if next_pos:
                pos, next_pos = next_pos, None
            elif tag in TAG_ORTH_MAP:
                pos, next_pos = resolve_pos(surface, tag, aligned[k + 1][1] if k < last else None)
            else:
                key = (tag, aligned[k + 1][1] if k < last else None)
                got = bigram.get(key)
                if got is None:
                    got = bigram[key] = resolve_pos(surface, tag, key[1])
                pos, next_pos = got
            if not norm:   # an empty norm_ is no norm: the token reads its lexeme's (as Token.norm)
                norm = vocab[surface].norm_
            yield surface, norm, pos, tag, idx, surface.isspace(), mkey

    def _align(self, dtokens: list, text: str):
        """spaCy's get_dtokens_and_spaces on our tuples: gap tokens for the spaces Sudachi dropped
        or merged, and a trailing-space flag for a single " " after a word."""
        words = [t[0] for t in dtokens]
        if "".join("".join(words).split()) != "".join(text.split()):
            raise ValueError(Errors.E194.format(text=text, words=words))
        if not words:
            return [], []
        gap = (_GAP, self.vocab.strings.add(_GAP), self._morph_key(""))   # tag, its hash, empty morph
        if all(w.isspace() for w in words):
            return [(text, gap[0], text, text, gap[1], gap[2])], [False]
        out, spaces = [], []
        pos = 0
        n = len(dtokens)
        for k, t in enumerate(dtokens):
            word = t[0]
            if word.isspace():
                continue
            try:
                start = text.index(word, pos)
            except ValueError:
                raise ValueError(Errors.E194.format(text=text, words=words)) from None
            if start > pos:
                w = text[pos:start]
                out.append((w, gap[0], w, w, gap[1], gap[2]))
                spaces.append(False)
                pos = start
            out.append(t)
            spaces.append(False)
            pos += len(word)
            if k + 1 < n and dtokens[k + 1][0] == " ":
                spaces[-1] = True
                pos += 1
        if pos < len(text):
            w = text[pos:]
            out.append((w, gap[0], w, w, gap[1], gap[2]))
            spaces.append(False)
        return out, spaces


@registry.tokenizers("legalcheck.LeanJapaneseTokenizer.v1")
def create_lean_tokenizer(split_mode: Optional[str] = None):
    def factory(nlp):
        return LeanJapaneseTokenizer(nlp.vocab, split_mode=split_mode)

    return factory

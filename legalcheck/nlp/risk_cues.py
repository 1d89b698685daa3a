"""Signs of danger and urgency (再被害防止要綱の15項目, 切迫性の徴候) as typed facts.

The words are data (risk.yaml); each hit gets the care an act gets: a plan, a heading, a question or
the record's own details yield nothing; a denied hit (「凶器は所持していない」「（答）ありません」) is a
sign of absence; a reported, suspected or opined one (「〜と聞いた」「〜らしい」, 所見) is hedged, so the
law layer treats it as not ruled out rather than as established. Whether a sign counts toward the
level is decided in legalcheck/law/risk.py, not here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from legalcheck import yaml_fast as yaml   # libyaml's parser: the same objects, a faster start

from legalcheck.facts import Facts, RiskCue, Span
from legalcheck.nlp import clauses as C
from legalcheck.nlp import structure as S
from legalcheck.nlp.context import Ctx
from legalcheck.nlp.cues import answered_no, clause_denied, negated_span, to_word_end
from legalcheck.nlp.lexicon import fold, phrase_regex

_FILE = Path(__file__).with_name("risk.yaml")
_SKIP_ROLES = (S.PLAN, S.HEADING, S.META, S.QUESTION)
# 「…」とは言っていない: the words are denied by the one said to have said them
_WORDS_DENIED = re.compile(r"^[^。]{0,4}?(と|なんて|なんか|など)(は|も)?(一度も|一切)?(言っ|話し|送っ|書い|述べ)て(は|も)?(い)?(ない|ません|おらず|なかった)")


@dataclass(frozen=True)
class _Cue:
    id: str
    phrases: re.Pattern
    inverted: bool
    unless_after: re.Pattern | None
    feeling: bool
    unless_before: re.Pattern | None
    about_suspect: bool


@dataclass(frozen=True)
class _Vocabulary:
    cues: tuple
    hearsay_after: re.Pattern
    denied_after: re.Pattern
    not_negation_after: re.Pattern


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    cues = tuple(_Cue(cid, phrase_regex(v["phrases"]), bool(v.get("inverted")),
                      re.compile(fold(v["unless_after"])) if v.get("unless_after") else None, bool(v.get("feeling")),
                      re.compile(fold(v["unless_before"])) if v.get("unless_before") else None,
                      bool(v.get("about_suspect") or v.get("inverted")))
                 for cid, v in raw["cues"].items())
    return _Vocabulary(cues, re.compile(fold(raw["hearsay_after"])), re.compile(fold(raw["denied_after"])),
                       re.compile(fold(raw["not_negation_after"])))


def read_risk_cues(ctx: Ctx, facts: Facts, hits) -> list[RiskCue]:
    """Every sign the narrative tells, in text order. `hits(regex)` gives spans of the caller's text."""
    voc = vocabulary()
    out: list[RiskCue] = []
    for cue in voc.cues:
        for sp in hits(cue.phrases):
            found = _read(ctx, cue, sp, voc)
            if found is not None:
                out.append(found)
    out.sort(key=lambda c: (c.evidence.start, c.id))
    return out


def _read(ctx: Ctx, cue: _Cue, sp: Span, voc: _Vocabulary) -> RiskCue | None:
    k = ctx.tok_at[sp.start]
    if k is None:
        return None
    si = ctx.sent_of[k]
    role = ctx.role[si]
    text = ctx.text
    after = fold(text[sp.end:sp.end + 30])
    if cue.unless_after is not None and cue.unless_after.search(after):
        return None
    if cue.unless_before is not None and cue.unless_before.search(fold(text[max(0, sp.start - 6):sp.start])):
        return None
    question = ctx.question[si]
    if question:
        # 「（問）暴力を振るわれたことはあるか。」「（答）ありません。」: only a denying answer tells
        if answered_no(ctx, sp):
            return RiskCue(cue.id, sp, negated=not cue.inverted, sentence_index=si)
        if _answered_yes(ctx, sp):
            return RiskCue(cue.id, sp, negated=cue.inverted, sentence_index=si)
        return None
    if role in _SKIP_ROLES or ctx.heading[si]:
        return None
    sent = ctx.sents[si]
    tail = fold(text[sp.end:ctx.toks[sent.hi - 1].end])
    denied = bool(voc.denied_after.search(after) or _WORDS_DENIED.search(after)) or (
        not voc.not_negation_after.search(after) and (negated_span(ctx, sp) or clause_denied(ctx, sp)))
    if cue.about_suspect and not _about_suspect(ctx, si, role, k):
        return None
    hedge = None
    if role == S.OPINION:
        hedge = "捜査員の所見（推測）"
    elif (m := voc.hearsay_after.search(tail)) and not (cue.feeling and not re.search("聞|噂", m.group())):
        hedge = "伝聞又は推測として記載"
    elif denied and role == S.SUSPECT_STATEMENT:
        hedge = "被疑者の否認（裏付けなし）"
    negated = denied != cue.inverted
    return RiskCue(cue.id, to_word_end(text, sp), negated=negated, hedged=hedge is not None,
                   hedge_text=hedge, sentence_index=si)


_YES = re.compile(r"\s*(（答）|\(答\)|答[：:]|Ａ[：:．.]|A[：:．.])\s*(はい|あります|ありました|されました|言われました|見ました|持っています|持っていました)")


def _answered_yes(ctx: Ctx, sp: Span) -> bool:
    """「（問）…凶器を見せられたことはあるか。」「（答）はい、…」: the question's answer affirms it."""
    nxt = ctx.text.find("\n", sp.end)
    return nxt >= 0 and bool(_YES.match(ctx.text[nxt + 1:nxt + 30]))


def _about_suspect(ctx: Ctx, si: int, role: str, k: int) -> bool:
    """反省・謝罪, a diary, hatred tell the indicator only when they are the suspect's: his words to her,
    his statement, the officer's opinion of him, or a clause that names him before the words."""
    if role in (S.SUSPECT_STATEMENT, S.OPINION):
        return True
    q = ctx.inside[k]
    if q >= 0 and ctx.quote_kind[q] in ("speech", "admission") and ctx.quote_speaker[q] in (None, "suspect"):
        return True
    sent = ctx.sents[si]
    lo = C.clause_start(ctx.toks, sent, k)   # 「Ｍから電話を受け、日時をメモに記録」: the memo's clause is hers
    return any(ctx.roles[i] == "suspect" for i in range(lo, k + 1))

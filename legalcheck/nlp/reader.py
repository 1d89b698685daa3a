"""Narrative → typed facts. Only what the text says, who did it and how sure it is; the legal
judgement happens in legalcheck.law over these facts. The stages live in their own modules."""
from __future__ import annotations

import re
from datetime import date

from legalcheck.nlp import clauses as C
from legalcheck.nlp.acts import act_from_trigger, communications, quote_acts
from legalcheck.nlp.context import Ctx, QUESTION_LINE, char_to_tok, in_quote, line_start, paren_depths
from legalcheck.nlp.cues import answered_no, read_measures, read_motives, negated_span, refusal_denied, to_word_end
from legalcheck.nlp.discourse import mark_background, number_occasions
from legalcheck.nlp.facts import Cue, DateRange, Facts, Span
from legalcheck.nlp.lexicon import lexicon
from legalcheck.nlp.mentions import attributive_date, find_device_mentions, extra_counts
from legalcheck.nlp.parties import cast
from legalcheck.nlp.parties import token_roles
from legalcheck.nlp.pipeline import tokenize
from legalcheck.nlp.quotes import classify_quote, suspect_speech, victim_statement
from legalcheck.text.dates import find_dates
from legalcheck.text.dates import find_periods
from legalcheck.text.normalize import normalize
from legalcheck.text.numbers import find_counts

_ACTOR_DOUBT = re.compile(r"(のは|犯人は|差出人は|送り主は)[^。]{0,40}(とみられる|と見られる|と思われる|らしい|可能性)|"
                          r"(人物|差出人|送り主|犯人)[^。]{0,25}(かどうか|特定されていない|特定できていない|不明)|差出人のない|差出人不明")


_ACTOR_FOUND = re.compile(r"ことが判明|と判明|ことを認め|と認め|自供|特定した|特定された|犯行を認め")


def read_facts(narrative: str, incident_date: date | None = None) -> Facts:
    text = narrative
    toks = tokenize(text)
    norm = normalize(text)
    folded = norm.text
    lex = lexicon()
    sents = C.sentences(toks)
    qs, inside = C.quotes(toks)
    c = cast(text)
    roles = token_roles(toks, text, c)
    facts = Facts(narrative=text, parties=list(c.parties), victim_sex=c.victim_sex)

    dates = find_dates(text, incident_date)
    periods = find_periods(text, dates)
    counts = find_counts(text)
    facts.dates = [DateRange(d.earliest, d.latest, d.text) for d in dates]

    def hits(regex):
        """Regex hits over the folded text, as spans of the caller's text."""
        if regex is None:
            return []
        out = []
        for m in regex.finditer(folded):
            s, e = norm.span(m.start(), m.end())
            out.append(Span(s, e, text[s:e]))
        return out

    tok_at = char_to_tok(toks, len(text))
    sent_of = [0] * len(toks)
    for s in sents:
        for k in range(s.lo, s.hi):
            sent_of[k] = s.index

    quote_kind, quote_speaker = [], []
    for q in qs:
        kind, speaker = classify_quote(toks, q, roles, sents[sent_of[q.lo]], lex, inside)
        quote_kind.append(kind)
        quote_speaker.append(speaker)
    device_mentions = find_device_mentions(toks, hits, lex, tok_at)
    ctx = Ctx(text, toks, sents, inside, qs, quote_kind, roles, dates, periods, counts, device_mentions,
               tok_at, sent_of, incident_date)
    ctx.extra_counts = extra_counts(text, norm)
    ctx.folded, ctx.consent = folded, False   # consent is read once, when a location act needs it
    starts = {st for st, _ in device_mentions}
    ctx.devices_text = {t.text for t in toks if t.start in starts} | {"機器", "装置", "発信機", "タグ"}
    ctx.quote_speaker = quote_speaker
    ctx.in_paren = paren_depths(toks)
    ctx.question = [bool(QUESTION_LINE.match(text[line_start(text, toks[s.lo].start):toks[s.hi - 1].end])) for s in sents]
    ctx.heading = [bool(re.search(r"(事案|事件|の件)[。]?\s*$|^\s*【[^】]*】\s*$", text[toks[s.lo].start:toks[s.hi - 1].end]))
                   for s in sents]
    ctx.dates = [d for d in dates if not attributive_date(ctx, d)]

    # 1. Act triggers on tokens (and phrase triggers on the folded text).
    by_norm: dict[str, list] = {}
    for trig in lex.triggers:
        for n in trig.norms:
            by_norm.setdefault(n, []).append(trig)
    candidates: list[tuple[int, object]] = []
    for t in toks:
        for trig in by_norm.get(t.norm, []) + by_norm.get(t.fold, []):
            candidates.append((t.i, trig))
    for trig in lex.triggers:
        for sp in hits(trig.phrases):
            k = tok_at[sp.start]
            if k is not None:
                candidates.append((k, trig))
    seen = set()
    for i, trig in sorted(candidates, key=lambda x: x[0]):
        if (i, trig.category, trig.subtype) in seen:
            continue
        act = act_from_trigger(ctx, i, trig)
        if act is not None:
            seen.add((i, trig.category, trig.subtype))
            facts.acts.append(act)

    # 2. Communications (2-1-5) and what they say (2-1-2/3/4/7/8 by content).
    facts.acts.extend(communications(ctx, lex, hits))
    facts.acts.extend(quote_acts(ctx))

    # 3. Cues over the whole text.
    facts.motives = [m for m in read_motives(lex, hits, text)
                     if m.kind in ("romance", "no_romance") or not in_quote(ctx, m.evidence)]
    # 「怖くはない」「不安はない」 deny the fear; 「眠れない」 is the fear itself
    facts.fears = [Cue("fear", sp.text, to_word_end(text, sp)) for sp in hits(lex.fear)
                   if not re.match(r"[^。、]{0,4}?(はない|はなかった|くない|くなかった|ていない|ことはない|は感じていない)",
                                   text[sp.end:sp.end + 12])]
    facts.refusals = []
    for kind, rx in (("refusal_contact", lex.refusal_contact), ("refusal_general", lex.refusal_general)):
        for sp in hits(rx):
            if suspect_speech(ctx, sp):
                continue
            if refusal_denied(ctx, sp) or answered_no(ctx, sp):
                facts.refusals.append(Cue("no_refusal", sp.text, sp, negated=True))
            else:
                facts.refusals.append(Cue(kind, sp.text, sp))
    for rid, rx in lex.related.items():
        for sp in hits(rx):
            if victim_statement(ctx, sp):
                continue
            facts.related.append(Cue(rid, sp.text, sp, negated=negated_span(ctx, sp)))
    facts.measures = read_measures(ctx, lex, hits)
    facts.earlier_conduct = [Cue("earlier", sp.text, sp) for sp in hits(lex.earlier_conduct)]
    facts.order_expired = [Cue("order_expired", sp.text, sp) for sp in hits(lex.order_expired)]
    if _ACTOR_DOUBT.search(folded) and not _ACTOR_FOUND.search(folded):
        for a in facts.acts:
            if a.actor == "suspect" and not a.admitted and not a.actor_explicit and not a.hedged:
                a.hedged, a.hedge_text = True, "行為者の特定が未了"
    mark_background(ctx, facts)
    number_occasions(facts)
    return facts

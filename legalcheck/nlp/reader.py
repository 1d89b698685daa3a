"""Narrative → typed facts. Only what the text says, who did it and how sure it is; the legal
judgement happens in legalcheck.law over these facts. The stages live in their own modules."""
from __future__ import annotations

from dataclasses import replace

import calendar
import re
import unicodedata
from datetime import date

from legalcheck.nlp import clauses as C
from legalcheck.nlp import structure as S
from legalcheck.nlp.acts import act_from_trigger, quote_acts
from legalcheck.nlp.context import Ctx, char_to_tok, in_quote, line_start, paren_depths
from legalcheck.nlp.cues import answered_no, clause_denied, read_extensions, read_measures, read_motives, negated_span, refusal_denied, to_word_end
from legalcheck.nlp.discourse import calls_from_another_line, doubted_denials, found_dates, found_sender, single_contacts, share_objects, mark_background, number_occasions, recorded_actor, waiting_seen, waiting_to_speak
from legalcheck.nlp.facts import ACTOR_UNPROVEN, Cue, DateRange, Facts, Span
from legalcheck.nlp.lexicon import fold, lexicon
from legalcheck.nlp.messages import communications, continuations, counts_after_day, log_series
from legalcheck.nlp.act_dates import attributive_date, date_for, index_lookups, listed_day_counts
from legalcheck.nlp.record_dates import FIRST_LINE_RECORD, recent_in_record_year, record_date
from legalcheck.nlp.agents import mark_agents, mark_through
from legalcheck.nlp.alibi import apply_alibis
from legalcheck.nlp.table_logs import arrow_logs, call_lines, table_logs
from legalcheck.nlp.mentions import extra_counts, find_device_mentions, her_shop, mark_open_device_kinds
from legalcheck.nlp.parties import cast
from legalcheck.nlp.parties import token_roles
from legalcheck.nlp.pipeline import tokenize
from legalcheck.nlp.risk_cues import read_risk_cues
from legalcheck.nlp.quotes import classify_quote, quote_content_kinds, suspect_speech, victim_statement
from legalcheck.text.dates import find_dates
from legalcheck.text.dates import find_periods
from legalcheck.text.normalize import Normalized, normalize
from legalcheck.text.numbers import find_counts
from legalcheck.text import scan   # whole-text scans: the same matches, faster

_ACTOR_DOUBT = scan.compile(r"(のは|犯人は|差出人は|送り主は)[^。]{0,40}(とみられる|と見られる|と思われる|らしい|可能性)|"
                          r"(人物|差出人|送り主|犯人|(書い|置い|貼っ|送っ|入れ|撮影し|投函し)た(者|人物))[^。]{0,25}(かどうか|特定(は|が)?(されて|できて)(い|お)(ない|らず)|不明)|差出人のない|差出人不明|差出人の(記載|名前|表示)は(ない|なく)|"
                          r"差出人欄?(は|が)?(空白|空欄|無記入|無記名)|"
                          # 「Ｂによる行為と推認されるが、特定には至っていない」
                          r"(推認|推測|疑われ|思われ|みられ|見られ)[^。]{0,10}が[、，]?[^。]{0,6}特定(には|に)?至って(い|お)(ない|らず)|"
                          # 「誰が置いたのか分からない」, not her fear of what comes (「誰が来るか分からず怖い」)
                          r"誰が[^。]{0,20}?(た|だ|いる|てる)の?か(は|も)?(不明|分から|わから|特定)|"
                          # 「アカウント情報について運営会社に開示請求中」: whose account sent them is being asked
                          r"(送信者|発信者|アカウント|名義|送信元|投稿者)[^。]{0,30}?(開示請求|特定されていない|特定できていない|特定に至っていない|不明)|"
                          # 「相手方　被相談者（相談者の推測）：元交際相手Ｋ」: who he is, is her guess
                          r"(相手方|被相談者|被疑者|行為者)[^。\n]{0,12}[（(][^）)]{0,10}(推測|推定|心当たり|思い当たる|疑い|疑う|疑わ)[^）)]{0,4}[）)]|"
                          r"(発信者|投稿者|書き込んだ者|投稿した者)[^。]{0,20}(不明|特定されていない|特定できていない|開示)")


# 「たぶん同じ人だと思う」「同一人物かどうかは不明」: the acts' doers may be different people
_SAME_DOUBT = scan.compile(r"同じ(人|男|女|人物)[^。」]{0,6}?(だと思う|と思う|かもしれない|らしい|ではないか)|"
                         r"同一(人物|の者|犯)[^。]{0,4}?(か|かどうか|であるか)[^。]{0,6}?(不明|分から|わから|確認中|特定|未確認)")
_ON_BEHALF_DOUBT = scan.compile(r"((頼まれ|依頼され|指示され|言われ|頼ん|依頼し|指示し)[^。]{0,24}?(のか|か(どうか)?)|"
                              r"(指示|依頼|共謀|差し金|関与)[^。]{0,8}の有無|"   # 「相手方の指示・共謀の有無は不明」
                              r"(意思|指示|依頼|差し金)による(もの)?か)[^。]{0,24}?"
                              r"(分から|わから|不明|確認中|要確認|確認を要する|判明していない|未確認|問題とな|問題にな|争点|判然としない|明らかでない|はっきりしない)")
_ACTOR_FOUND = re.compile(r"ことが判明|と判明|ことを認め|と認め|自供|特定した|特定された|犯行を認め")


def read_facts(narrative: str, incident_date: date | None = None, norm: Normalized | None = None) -> Facts:
    """``norm``: ``normalize(narrative)`` when the caller has it (one normalisation per analysis)."""
    text = narrative
    toks = tokenize(text)
    norm = norm if norm is not None else normalize(text)
    folded = norm.text
    lex = lexicon()
    sents = C.sentences(toks)
    qs, inside = C.quotes(toks)
    c = cast(text)
    roles = token_roles(toks, text, c)
    agents = [] if _ON_BEHALF_DOUBT.search(norm.text) else mark_agents(toks, roles, sents, inside)
    facts = Facts(narrative=text, parties=list(c.parties), victim_sex=c.victim_sex)

    dates = find_dates(text, incident_date, norm=norm)
    periods = find_periods(text, dates, norm=norm)
    counts = find_counts(text, norm=norm)
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
        sent_of[s.lo:s.hi] = [s.index] * (s.hi - s.lo)

    secs = S.sections(text)
    # a sentence's role is that of its first word (a sentence may start with the blank lines before a heading)
    sent_role = [S.sentence_role(text, _first_word(toks, s).start, toks[s.hi - 1].end, secs) for s in sents]
    _first_person(toks, roles, inside, sent_of, sent_role, S.narrator(text))
    quote_kind, quote_speaker = [None] * len(qs), [None] * len(qs)
    for n in range(len(qs) - 1, -1, -1):
        q = qs[n]
        if q.verb is None and n + 1 < len(qs) and q.hi + 1 == qs[n + 1].lo and qs[n + 1].verb is not None \
                and quote_kind[n + 1] == "speech":
            # 「「…駅で降りたんだね」「…僕も好き」とＤＭが届く」: quotes listed before one verb are said alike
            quote_kind[n], quote_speaker[n] = quote_kind[n + 1], quote_speaker[n + 1]
            continue
        quote_kind[n], quote_speaker[n] = classify_quote(toks, q, roles, sents[sent_of[q.lo]], lex, inside,
                                                         sent_role[sent_of[q.lo]])
    device_mentions = mark_open_device_kinds(text, sents, toks, find_device_mentions(toks, hits, lex, tok_at))
    ctx = Ctx(text, toks, sents, inside, qs, quote_kind, roles, dates, periods, counts, device_mentions,
               tok_at, sent_of, incident_date)
    ctx.extra_counts = extra_counts(text, norm)
    ctx.folded, ctx.consent = folded, False   # consent is read once, when a location act needs it
    starts = {st for st, _ in device_mentions}
    ctx.devices_text = {t.text for t in toks if t.start in starts} | {"機器", "装置", "発信機", "タグ"}
    ctx.quote_speaker = quote_speaker
    ctx.in_paren = paren_depths(toks)
    ctx.role = sent_role
    ctx.opinion_section = [any(sec.kind == S.OPINION and sec.start <= toks[s.lo].start < sec.end for sec in secs)
                           for s in sents]
    question_line = S.rules().question_line   # one rule for the role and for the line (on the folded text)
    ctx.question = [r == S.QUESTION or bool(question_line.match(fold(text[line_start(text, toks[s.lo].start):toks[s.hi - 1].end][:40])))
                    for s, r in zip(sents, sent_role)]
    # 「問　…１２月中に５０回くらい電話しているが。」「答　はい。」: a question answered yes tells what it asks
    ctx.answered_yes = {n for n, s in enumerate(sents) if ctx.question[n] and (nl := text.find("\n", toks[s.hi - 1].end)) >= 0
                        and _YES_ANSWER.match(text, nl + 1)}
    ctx.heading = [r == S.HEADING or bool(re.search(r"(事案|事件|の件)[。]?\s*$|^\s*【[^】]*】\s*$", text[toks[s.lo].start:toks[s.hi - 1].end]))
                   for s, r in zip(sents, sent_role)]
    ctx.first_line_end = text.find("\n") if "\n" in text else len(text)
    ctx.first_line_is_record = bool(FIRST_LINE_RECORD.search(text[:min(ctx.first_line_end, 200)]))
    record_dates = [d for d in dates if record_date(ctx, d)]
    facts.report_date = max((d.latest for d in record_dates), default=None)
    ctx.report_date = facts.report_date
    ctx.dates = recent_in_record_year([d for d in dates if d not in record_dates and not attributive_date(ctx, d)],
                                       secs, ctx.report_date, text)
    index_lookups(ctx)
    ctx.her_shop = her_shop(ctx)   # 「Ｌの店」: read once, for every place word

    # 1. Act triggers on tokens (and phrase triggers on the folded text).
    by_norm = _triggers_by_norm(lex)
    candidates: list[tuple[int, object]] = []
    for t in [t for t in toks if t.norm in by_norm or t.fold in by_norm]:
        for got in (by_norm.get(t.norm), by_norm.get(t.fold)):
            if got:
                candidates += [(t.i, trig) for trig in got]
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
    facts.acts.extend(continuations(ctx, lex, facts.acts))
    facts.acts.extend(quote_acts(ctx))
    facts.acts.extend(log_series(ctx, lex))
    tabled, bodies = table_logs(ctx, lex)
    if bodies:
        # a table's message cells are words sent (read by table_logs), not acts told by the record
        facts.acts = [a for a in facts.acts if not any(a.evidence.start < y and a.evidence.end > x for x, y in bodies)]
    facts.acts.extend(tabled)
    arrows = arrow_logs(ctx) + call_lines(ctx)
    # a series line read here is not also a message the communications pass found on the same line
    facts.acts = [a for a in facts.acts if not (a.category == "2-1-5" and any(
        x.clause.start <= a.evidence.start < x.clause.end for x in arrows))] + arrows

    facts.acts = _by_role(ctx, facts.acts)
    mark_through(ctx, facts.acts, agents)
    facts.acts = _without_summary(text, secs, facts.acts)
    for a in facts.acts:
        counts_after_day(ctx, a)

    # 3. Cues over the whole text; an officer's opinion or plan is never taken as the answer.
    def told(sp, drop=(S.PLAN, S.OPINION, S.HEADING, S.META)) -> bool:
        k = tok_at[sp.start]
        return k is None or sent_role[sent_of[k]] not in drop

    # 「問　相手方から好意を示されたことは。」: the officer's question names a motive, it does not tell one
    # the lexicon's romance lemmas as tokens too (its phrases miss inflected forms: 「付き合いたい」「結婚して」)
    romance, ambiguous = lex.motives["romance"][0], lex.words["romance_ambiguous"]
    words = [Span(t.start, t.end, text[t.start:t.end]) for t in toks if t.norm in romance and t.norm not in ambiguous]
    facts.motives = [m for m in read_motives(lex, hits, text, lambda sp: clause_denied(ctx, sp), words)
                     if (told(m.evidence, (S.PLAN, S.OPINION, S.HEADING, S.META, S.QUESTION))
                         # 「問　Ｆさん（Ｅの元交際相手の女性）に何をしたのか」: a question presupposes the relation it names
                         or (m.kind == "breakup" and m.label.startswith("元") and told(m.evidence)))
                     and not _rumoured(ctx, m.evidence)
                     and not (m.kind == "romance" and _ASKED_OPEN.match(text, m.evidence.end))
                     # 「遺産分割のやり直し」「工事のやり直し」: redoing a thing, not getting back together
                     and not (m.label.startswith(("やり直", "遣り直")) and _THING_OF.search(text, max(0, m.evidence.start - 4), m.evidence.start))
                     and (m.kind in ("romance", "no_romance") or not in_quote(ctx, m.evidence) or _told_motive(ctx, m))
                     # 「悪い友達と付き合っていないか」: keeping company with friends is no courtship
                     and not (m.kind == "romance" and m.label.startswith("付き合") and _WITH_FRIENDS.search(text, max(0, m.evidence.start - 6), m.evidence.start))]
    # 「Ｉの真意が復縁か返済かは分からない」: the record itself says his motive is open
    for m in _MOTIVE_OPEN_NEAR.finditer(text):
        if told(Span(m.start(), m.end(), m.group(0)), (S.PLAN, S.HEADING, S.META, S.QUESTION)):
            facts.motives.append(Cue("motive_open", m.group(0), Span(m.start(), m.end(), m.group(0))))
            break
    # 「相手は日によって異なり、特定の店員を狙っている様子はない」: nobody in particular is the object
    facts.unspecific = [Cue("unspecific", m.group(0), Span(m.start(), m.end(), m.group(0))) for m in _UNSPECIFIC.finditer(text)
                        if told(Span(m.start(), m.end(), m.group(0)), (S.PLAN, S.OPINION, S.HEADING, S.META, S.QUESTION))][:2]
    # 「相手方：Ｚ（５９歳・男性）　相談者の実父」: he is her kin; a parent's love is not plainly the Act's feeling
    kin = _SUSPECT_KIN[0].search(text) or _SUSPECT_KIN[1].search(text)
    if kin:
        facts.motives.append(Cue("kin", kin.group("kin"), Span(kin.start("kin"), kin.end("kin"), kin.group("kin"))))
    # 「元交際相手とみられる男性」: a relationship only presumed tells no break-up of theirs
    facts.motives = [m for m in facts.motives if not (m.kind == "breakup" and _PRESUMED.match(text, m.evidence.end))]
    # 「「息子はまだあなたのことが好きなのよ」と言っていた」: his feelings told by someone else are hearsay of his purpose
    facts.motives = [replace(m, kind="romance_hearsay") if m.kind == "romance" and _others_words(ctx, m.evidence) else m
                     for m in facts.motives]
    for sp in hits(lex.motives["own_no_feelings"][1]):
        k = tok_at[sp.start]
        if k is None or ctx.inside[k] < 0:
            continue
        q = ctx.inside[k]
        sent = sents[sent_of[k]]
        before = next((roles[m] for m in range(ctx.qs[q].lo - 1, sent.lo - 1, -1) if roles[m]), None)
        if ctx.quote_speaker[q] == "suspect" or ctx.quote_kind[q] == "admission" or (
                ctx.quote_kind[q] in ("statement", "hearsay") and before == "suspect"):
            facts.motives.append(Cue("no_romance", sp.text, sp))
    # 「怖くはない」「不安はない」「怖いとは思わなかった」 deny the fear; 「眠れない」 is the fear itself
    fear_hits = [sp for sp in hits(lex.fear) if told(sp, (S.PLAN, S.HEADING))]
    # 「怖いかどうかについては聴取していない」: whether she is afraid was not asked
    fear_hits = [sp for sp in fear_hits if not _FEAR_ASKED.match(text[sp.end:sp.end + 24])]
    # 「怖いというより、戸惑っている」「怖いというほどではない」: fear played down is neither told nor denied
    # (不安方法 is judged on the manner; her playing it down leaves the manner open)
    fear_hits = [sp for sp in fear_hits if not _FEAR_RATHER.match(text[sp.end:sp.end + 10])]
    # 「母親に付き添われて来署」「保護者同伴」: coming to the police with someone is no change she made from fear
    fear_hits = [sp for sp in fear_hits if not (sp.text in ("付き添", "同伴") and (
        _TO_POLICE.match(text, sp.end) or text[max(0, sp.start - 3):sp.start].endswith(("保護者", "親", "母", "父"))))]
    facts.fears = [Cue("fear", sp.text, to_word_end(text, sp), date=_remark_time(ctx, sp)) for sp in fear_hits
                   if not _FEAR_DENIED.match(text[sp.end:sp.end + 14])]
    facts.calm = [Cue("calm", sp.text, to_word_end(text, sp), negated=True, date=_remark_time(ctx, sp)) for sp in fear_hits
                  if _FEAR_DENIED.match(text[sp.end:sp.end + 14])]
    facts.refusals = []
    for kind, rx in (("refusal_contact", lex.refusal_contact), ("refusal_general", lex.refusal_general)):
        for sp in hits(rx):
            if suspect_speech(ctx, sp) or not told(sp):
                continue
            if _WILL_REFUSE.match(text, sp.end):
                continue   # 「明日、番号を着信拒否にする」と述べた: a refusal she means to make, not one made
            if _ASKED.search(text[sp.end:sp.end + 24].split("。")[0]):
                answer = text[sp.end:sp.end + 40]
                if _SAID_NOT.search(answer) and not _UNSURE.search(answer):
                    # 「「もう連絡しないで」と言ったかについて「言ってない」」: asked, and she says she did not
                    facts.refusals.append(Cue("no_refusal", sp.text, sp, negated=True))
                continue   # 「電話をやめるよう伝えていたかどうかは聴取していない」: not known to have been said
            if refusal_denied(ctx, sp) or answered_no(ctx, sp):
                facts.refusals.append(Cue("no_refusal", sp.text, sp, negated=True))
            else:
                k = tok_at[sp.start]
                sent = sents[sent_of[k]] if k is not None else None
                when = date_for(ctx, sent, k) if sent is not None else None
                tail = text[sp.end:toks[sent.hi - 1].end] if sent is not None else ""
                facts.refusals.append(Cue(kind, sp.text, sp, date=when, continued=bool(_CONTINUED.search(tail))))
    for rid, rx in lex.related.items():
        for sp in hits(rx):
            if victim_statement(ctx, sp) or not told(sp, (S.PLAN, S.HEADING, S.META)):
                continue
            facts.related.append(Cue(rid, sp.text, sp, negated=negated_span(ctx, sp)))
    # 「警告・禁止命令等の経過」: the record's title names the kinds of measure it follows, it issues none
    title_end = ctx.first_line_end if ctx.first_line_end <= 30 and "。" not in text[:ctx.first_line_end] else 0
    facts.measures = [m for m in read_measures(ctx, lex, hits) if told(m.evidence, (S.PLAN, S.OPINION))
                      and not (m.evidence.start < title_end and m.date is None)]
    facts.earlier_conduct = [Cue("earlier", sp.text, sp) for sp in hits(lex.earlier_conduct)]
    facts.order_expired = [Cue("order_expired", sp.text, sp) for sp in hits(lex.order_expired)]
    facts.order_extended = [c for c in read_extensions(ctx) if told(c.evidence, (S.PLAN, S.OPINION))]
    recorded_actor(ctx, facts)
    found_sender(ctx, facts)
    calls_from_another_line(ctx, facts)
    single_contacts(ctx, facts)
    doubted_denials(ctx, facts)
    if _ON_BEHALF_DOUBT.search(folded):
        # 「ｋがｊに頼まれて来たのか、自分の判断で来たのかは分からない」: another's act may be his, done through them
        for a in facts.acts:
            if a.actor == "other":
                a.actor, a.actor_text = "unknown", "第三者の行為（被疑者の依頼によるか不明）"
    doubt = _SAME_DOUBT.search(folded)
    facts.same_actor_doubt = doubt.group(0) if doubt else None
    named = _suspect_named(ctx)
    facts.suspect_named = named
    if not named:
        # nobody is named: the unknown sender or visitor is the suspect, his acts judged as acts (contract §1)
        for a in facts.acts:
            if a.actor == "unknown":
                a.actor, a.actor_text = "suspect", "氏名不詳の行為者"
    elif _ACTOR_DOUBT.search(folded) and not _ACTOR_FOUND.search(folded):
        for a in facts.acts:
            if a.actor == "suspect" and not a.admitted and not a.actor_explicit and not a.hedged:
                a.hedged, a.hedge_text = True, ACTOR_UNPROVEN
    mark_background(ctx, facts)
    share_objects(facts)
    waiting_seen(facts)
    waiting_to_speak(facts)
    number_occasions(facts)
    found_dates(ctx, facts)
    listed_day_counts(ctx, facts.acts)
    if apply_alibis(ctx, facts.acts):
        number_occasions(facts)   # days an alibi took out may leave acts of one day: one occasion
    facts.risk_cues = read_risk_cues(ctx, facts, hits)
    return facts


# 「電話はしないでと伝えたが続いている」「拒否したにもかかわらず、その後も…」
_CONTINUED = re.compile(r"(が|けど|けれど|のに|にもかかわらず)[、，]?[^。]{0,12}?(続い|続け|続く|止ま(ら|な)|やま(ず|ない)|収まら|変わら|その後も|なおも)")


# 「…と言ったかについて」「怖いか尋ねると」: the words stand in a question, not in what was said or felt
_ASKED_WORDS = r"かどうか|か否か|かについて|か(?:と)?(?:尋ね|たずね|聞い|聞く|聞か|質問|問う|問い)"
_ASKED = re.compile(_ASKED_WORDS + r"|かは(不明|分から|わから|未確認|確認)")
_WILL_REFUSE = re.compile(r"(?:にする|にします|にしよう|にしたい|するつもり|する予定|しようと思)")
_UNSURE = re.compile(r"覚えていない|覚えてない|たぶん|多分|思う|かもしれ|はっきりしない|分からない|わからない")
_SAID_NOT = re.compile(r"(言って|伝えて|送って)(い)?(ない|ません)|(言わ|伝え)(なかった|ていない)")


_FEAR_RATHER = re.compile(r"[^。、]{0,4}?(というより|と言うより|というほどでは|と言うほどでは|ほどではな|ほどでもな|までではな)")
# 「不安を感じているかについては「よく分からない」」: the fear asked about, not told
_FEAR_ASKED = re.compile(r"[^。、]{0,4}?(?:" + _ASKED_WORDS + ")|[^。、「」]{0,12}?か(?:どうか)?(?:について|との問い|を尋ね|を聞)")
_FEAR_DENIED = re.compile(r"[^。、]{0,4}?(はない(?!か)|はなかった|くない(?!か)|くなかった|ていない(?!か)|ことはない(?!か)|は感じていない|"
                          r"(?:は|く|くは|ことは)ありません(?:でした)?(?!か)|ていません(?:でした)?(?!か)|"
                          r"(と|とは|とも)(思わ|感じ)(なかった|ない|ず|ませんでした)|(と|とは|とも)(思っ|感じ)て(い|お)?(ない|ません|なかった))")
_NAMED_PERSON = re.compile(r"[一-龥ぁ-んァ-ヶ]{1,6}（仮名）")
_UNKNOWN_SUSPECT = re.compile(r"^(?:は|が|も)?(?:不明|不詳|特定されていない|特定できていない|分からない|わからない|いない|おらず|ない)")


_TO_POLICE = re.compile(r"[^。、]{0,5}?(来署|来所|来庁|出頭|相談に来)")
_WITH_FRIENDS = re.compile(r"(?:友達|友人|仲間|先輩|後輩|同僚)と$")
_YES_ANSWER = re.compile(r"[ \t　]*(?:答|Ａ|A|（答）|\(答\))[ \t　:：]*(?:はい|そうです|そのとおり|その通り|間違いありません|間違いない|認めます)")
_UNSPECIFIC = re.compile(r"特定の(?:者|人|人物|店員|女性|男性|生徒|相手|職員|客)を(?:狙って|ねらって|対象として|選んで)(?:いる|いた)?"
                         r"(?:様子|形跡|事情|状況)?(?:は|も)(?:ない|なく|なかった|見られない|うかがえない|認められない)"
                         r"|相手は(?:日|その都度|毎回|時|その時)によって(?:異なり|異なる|異なっ|違い|違う|違っ|変わり|変わる|変わっ)")
_KIN = r"(?P<kin>実父|実母|養父|養母|継父|継母|義父|義母|父親|母親|父|母|実兄|実姉|兄|姉|弟|妹|長男|次男|三男|長女|次女|三女|息子|娘|祖父|祖母|叔父|伯父|叔母|伯母)"
_SUSPECT_KIN = (re.compile(rf"^[ 　・【]*(?:相手方|被疑者|行為者|加害者)[^\n]{{0,40}}?(?:相談者|被害者|申告者)(?:の|である){_KIN}(?![^\n]{{0,3}}(?:の|が|と))", re.M),
                re.compile(rf"^[ 　・【]*(?:相手方|被疑者|行為者|加害者)[^\n]{{0,30}}?[（(・、　 ]{_KIN}(?:[）)・、]|[ 　]*$)", re.M))
_MOTIVE_OPEN = re.compile(r"(?:真意|目的|動機|狙い|意図)(?:が|は)[^。]{0,30}?か(?:どうか)?(?:は|も)?[、，]?[^。]{0,12}?"
                          r"(?:分からない|わからない|不明|判然としない|はっきりしない|確定できない|定かでない|判断できない|"
                          r"今後の(?:聴取|捜査|調査)(?:による|を要する|で明らか))"
                          # 「子との面会を求める行為か、相談者への感情によるものか判断できない」: one of the options is the feeling
                          r"|[^。\n　]{0,30}?か[、，]?[^。]{0,24}?(?:感情|好意|恋愛|未練|復縁)[^。]{0,12}?か(?:は|も)?[^。]{0,6}?"
                          r"(?:判断できない|判断でき(?:ず|ていない)|分からない|わからない|不明|確定できない)"
                          # 「恋愛感情等充足目的の有無は現時点で判断できない」
                          r"|(?:目的|動機)の有無(?:は|も|について(?:は)?)[^。]{0,10}?(?:判断できない|判断でき(?:ず|ていない)|不明|確定できない|分からない|判然としない|今後の(?:聴取|捜査))"
                          # 「…好意をうかがわせる事情が乏しい。目的の立証には追加の資料が必要」
                          r"|(?:目的|動機)(?:要件)?の(?:立証|認定|判断)(?:には|は)[^。]{0,20}?(?:追加の資料|更なる|さらなる|補充)[^。]{0,10}?必要")
# searched only near its words (the second branch alone is tried at every position otherwise)
_MOTIVE_OPEN_NEAR = scan.Near(_MOTIVE_OPEN, ("真意", "目的", "動機", "狙い", "意図", "感情", "好意", "恋愛", "未練", "復縁"))
_PRESUMED = re.compile(r"(?:と|で)?(?:みられる|見られる|思われる|推測される|らしい|かもしれない|ではないか|とのこと)")
_SUMMARY_TITLE = re.compile(r"概要|要旨|あらまし|事案の要点")


def _without_summary(text: str, secs, acts: list) -> list:
    """「第１　事案の概要」 restates in one sentence, without dates, what the detailed sections tell: its acts
    go when the same kind of act is told elsewhere."""
    if not any(_SUMMARY_TITLE.search(sec.title or "") for sec in secs):
        return acts
    # the summary runs to the next heading of any kind (「第２　捜査結果」 names no section kind of its own)
    spans, start, pos = [], None, 0
    for line in text.splitlines(keepends=True):
        m = S.rules().heading_line.match(fold(line).strip())
        title = S._title(m) if m else None
        if title:
            if start is not None:
                spans.append((start, pos))
            start = pos if _SUMMARY_TITLE.search(title) else None
        pos += len(line)
    if start is not None:
        spans.append((start, pos))
    inside = lambda a: any(s <= a.evidence.start < e for s, e in spans)
    told_elsewhere = {a.category for a in acts if not inside(a)}
    # a summary act with its own dates (「被疑事実の要旨　令和7年12月30日から…前後16回にわたり」) is the precise one
    own_date = lambda a: a.date is not None and a.date.source == "told"
    return [a for a in acts if not (inside(a) and a.category in told_elsewhere and not own_date(a))]


_BY_NORM: list = [None, None]   # the lexicon it was built from, and the index


def _triggers_by_norm(lex) -> dict[str, list]:
    """The lexicon's triggers by each of their norms (built once per lexicon, not per narrative)."""
    if _BY_NORM[0] is not lex:
        by_norm: dict[str, list] = {}
        for trig in lex.triggers:
            for n in trig.norms:
                by_norm.setdefault(n, []).append(trig)
        _BY_NORM[:] = [lex, by_norm]
    return _BY_NORM[1]


def _first_word(toks, s):
    return next((toks[k] for k in range(s.lo, s.hi) if toks[k].text.strip()), toks[s.lo])


# 「δが今も相談者に好意を持っているかは、相談者にも分からない」: a motive named in an open question is not told
_ASKED_OPEN = re.compile(r"[^。「」]{0,20}?か(?:どうか|否か)?(?:は|も|について(?:は)?)[、，]?[^。]{0,14}?"
                         r"(?:分から|わから|不明|未確認|確認(?:中|できていない|されていない|を要する)|はっきりしない|定かでない)")


_THING_OF = re.compile(r"[一-龥ァ-ヶ][一-龥ァ-ヶぁ-ん]?[のを]$")   # 「遺産分割のやり直し」「引継ぎをやり直せ」


def _others_words(ctx: Ctx, sp) -> bool:
    """The span stands in words said by someone who is neither the suspect nor the victim (his mother, a
    friend), or in an account that person gave."""
    k = ctx.tok_at[sp.start]
    if k is None or ctx.inside[k] < 0:
        return False
    q = ctx.inside[k]
    if ctx.quote_kind[q] == "hearsay":
        return True
    # someone else speaking, named as such (「母親は「…」と言っていた」), not a party the cast failed to bind
    sent = ctx.sents[ctx.sent_of[k]]
    before = ctx.text[ctx.toks[sent.lo].start:ctx.toks[ctx.qs[q].lo].start]
    return ctx.quote_speaker[q] == "other" and any(w in before for w in lexicon().words["third_person_speakers"])


_MONTH_TOPIC = re.compile(r"([0-9０-９]{1,2})月(?:の|頃の|ごろの)?(?:とき|時|際|件)(?:は|が|も)")
_WHEN_TOPIC = re.compile(r"^(?:の|頃の|ごろの)?(?:とき|時|際|件)(?:は|が|も)")


def _remark_time(ctx: Ctx, sp: Span) -> DateRange | None:
    """「１月のときは本当に怖かった」: a remark of fear about one time speaks of the acts of that time only."""
    k = ctx.tok_at[sp.start] if sp.start < len(ctx.tok_at) else None
    if k is None:
        return None
    lo = ctx.toks[ctx.sents[ctx.sent_of[k]].lo].start
    for d in reversed(ctx.date_ix.between(lo, sp.start)):
        if _WHEN_TOPIC.match(ctx.text, d.end):
            return DateRange(d.earliest, d.latest, d.text)
    # inside her words the reader keeps no dates (「１月のときは本当に怖かった」): the month, in the year of the last
    # date of that month told before
    found = list(_MONTH_TOPIC.finditer(ctx.text, lo, sp.start))
    if not found:
        return None
    m = found[-1]   # the time nearest the fear word
    month = int(unicodedata.normalize("NFKC", m.group(1)))
    same = [d for d in ctx.date_ix.between(0, m.start()) if d.earliest.month == month and d.latest.month == month]
    if not same or not 1 <= month <= 12:
        return None
    y = same[-1].earliest.year
    return DateRange(date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]), m.group(0))


def _told_motive(ctx: Ctx, m) -> bool:
    """A money, work or neighbour motive said in someone's account to the police (「お金のことだけで、それ以外の
    理由はないと思う」, 「金のためだった」と供述), not words inside a message or letter he sent her."""
    k = ctx.tok_at[m.evidence.start]
    if m.kind not in ("money", "work", "neighbour", "custody", "breakup") or k is None or ctx.inside[k] < 0:
        return False
    q = ctx.inside[k]
    if ctx.quote_kind[q] in ("victim", "account", "admission", "statement"):
        return True   # 「元彼がまた会社の前にいる」 in her call: who he is to her
    # his demand for money (「金出せよ」「生活費５０万貸せ」) or to see the child (「子どもに会わせないなら…」) says what
    # he is after; a letter's slander does not
    return m.kind in ("money", "custody") and bool({"demand", "threat"} & set(quote_content_kinds(ctx, ctx.qs[q])))


def _suspect_named(ctx: Ctx) -> bool:
    """Does the narrative name a suspect (「相手方Ｂ」「元交際相手の男」), not only say he is unknown
    (「相手方は不明」)?"""
    for t in ctx.toks:
        if t.i + 1 < len(ctx.toks) and ctx.roles[t.i + 1] == ctx.roles[t.i] and ctx.toks[t.i + 1].start == t.end:
            continue   # 「行為+者」 split by Sudachi: judge the word at its last part (「行為者不明」)
        if t.text == "相手" and not (t.i + 1 < len(ctx.toks) and ctx.roles[t.i + 1]) and not (
                t.i > 0 and ctx.toks[t.i - 1].pos in ("NOUN", "PREFIX") and ctx.toks[t.i - 1].end == t.start):
            continue   # 「相手の息づかいのような音」: the caller, whoever he is, names no one
        if ctx.roles[t.i] == "suspect" and (ctx.inside[t.i] < 0 or ctx.quote_kind[ctx.inside[t.i]] == "account") \
                and not _UNKNOWN_SUSPECT.match(ctx.text[t.end:t.end + 12]) \
                and not clause_denied(ctx, Span(t.start, t.end, t.text)):
            return True   # 「交際相手や元交際相手もいない」 names nobody
    # a person named by a pseudonym or a mask the cast could not place (「鈴木（仮名）」「Ｆ君」「Ｗ氏」) may well be him
    if _NAMED_PERSON.search(ctx.text):
        return True
    for m in _MASK_TITLED.finditer(ctx.text):
        k = ctx.tok_at[m.start()]
        if k is not None and ctx.roles[k] not in ("victim", "close") and ctx.inside[k] < 0:
            return True
    return False


_MASK_TITLED = re.compile(r"(?<![Ａ-Ｚａ-ｚA-Za-z])[Ａ-Ｚ][０-９]?(?:君|くん|氏|さん)")


_RUMOUR = re.compile(r"」(?:と|との|とする|という)(?:記事|噂|うわさ|報道|書き込み|投稿|風評|憶測)")


def _rumoured(ctx: Ctx, sp) -> bool:
    """「「Ｆ氏はＥ議員に好意を寄せており…」とする記事」: a motive a publication or a rumour gave is no cue."""
    k = ctx.tok_at[sp.start]
    if k is None or ctx.inside[k] < 0:
        return False
    q = ctx.qs[ctx.inside[k]]
    return bool(_RUMOUR.match(ctx.text, ctx.toks[q.hi].start))


_FIRST_PERSON = {"私", "僕", "俺", "わたし", "あたし", "わたくし", "自分"}


def _first_person(toks, roles, inside, sent_of, sent_role, narrator) -> None:
    """「私は…」 outside quotes, in a record written in the first person: the one whose statement the
    title says it is; else the party the text never names in the third person (a victim's statement
    names 被疑者, his names 元妻); under the suspect's own statement (弁解) always him."""
    mine = [t for t in toks if roles[t.i] is None and inside[t.i] < 0 and t.text in _FIRST_PERSON and t.text != "自分"]
    if not mine:
        return
    if narrator is None:
        named = {roles[t.i] for t in toks if roles[t.i] and inside[t.i] < 0}
        narrator = "victim" if "suspect" in named and "victim" not in named else (
            "suspect" if "victim" in named and "suspect" not in named else None)
    for t in mine:
        role = "suspect" if sent_role[sent_of[t.i]] == S.SUSPECT_STATEMENT else narrator
        if role:
            roles[t.i] = role


def _by_role(ctx: Ctx, acts: list) -> list:
    """Acts only from narrated facts and accounts: a plan, a heading, reference notes or a statement of
    feelings yields none; an officer's opinion only a hedged one; words quoted in a statement to the
    police are not words said to her."""
    out = []
    for a in acts:
        role = ctx.role[a.sentence_index]
        if role in (S.PLAN, S.BACKGROUND, S.STATEMENT, S.HEADING, S.META, S.QUESTION) and not (
                role == S.HEADING and a.series) and not (role == S.QUESTION and a.sentence_index in ctx.answered_yes):
            continue   # a heading names no act, except the log of messages it introduces
        if role == S.SUSPECT_STATEMENT and a.evidence.text[:1] in C.OPEN_Q:
            continue
        if role == S.OPINION and ctx.opinion_section[a.sentence_index]:
            continue   # 【所見】: the officer's assessment of acts told elsewhere, never an act of its own
        if role == S.OPINION and not a.hedged:
            a.hedged, a.hedge_text = True, "捜査員の所見（推測）"
        out.append(a)
    return out

"""Message logs pasted as tables (「| 日時 | 本文 | 既読 |」), as intake records copy them from a phone's screen:
each row is one message (or a counted run of them, 「同趣旨のメッセージ ６３件」), his unless the row or its sender
column marks it hers (「（Ｓ返信）」). One 5号 series from the rows after her refusal (or all his rows), and the
content acts (3号・4号・2号…) of what the rows say."""
from __future__ import annotations

import re
import unicodedata

from legalcheck.nlp.act_dates import date_for
from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import ACTOR_UNPROVEN, ActFact, DateRange, Span
from legalcheck.nlp.lexicon import fold
from legalcheck.nlp.quotes import QUOTE_CATEGORY, _content_rules

_ROW = re.compile(r"^[ \t　]*[|｜](.*)[|｜][ \t　]*$", re.M)
_RULE_ROW = re.compile(r"^[\s|｜:：\-－ー]+$")
_DATE_HEAD = re.compile(r"日時|日付|時刻|年月日")
_TEXT_HEAD = re.compile(r"本文|内容|メッセージ|文面|件名|記載")
_SENDER_HEAD = re.compile(r"送信者|発信者|差出人|送信元|発信元|from|From")
_HERS = re.compile(r"[（(][^）)]{0,8}(?:返信|送信|発信)[）)]|本人返信|被害者返信|相談者返信")
_MEANS = (("email", re.compile(r"SMS|ＳＭＳ|ショートメ|メール")),
          ("sns", re.compile(r"LINE|ＬＩＮＥ|ライン|DM|ＤＭ|インスタ|アプリ|SNS|ＳＮＳ|チャット|メッセージ|メッセンジャー|Facebook|Ｆａｃｅｂｏｏｋ|フェイスブック")))
_SENDER_OPEN = re.compile(r"(?:送信元|送信者|差出人|発信元|アカウント)[^。]{0,60}?(?:未確認|不明|特定(?:され|でき)て(?:い|お)?ない|分からない|わからない)"
                          r"|結び付きは未確認|結びつきは未確認|(?:の|による)仕業と考えている|本人(?:か|であるか)は(?:不明|未確認)")
_ROW_COUNT = re.compile(r"([0-9０-９]+)\s*(?:件|通)")


def table_logs(ctx: Ctx, lex) -> tuple[list[ActFact], list[tuple[int, int]]]:
    """The acts the message tables tell, and their message cells (words sent, not acts the record tells)."""
    acts: list[ActFact] = []
    bodies: list[tuple[int, int]] = []
    rows = list(_ROW.finditer(ctx.text))
    k = 0
    while k < len(rows):
        # a table: consecutive rows, the first its header
        run = [rows[k]]
        while k + 1 < len(rows) and ctx.text.count("\n", run[-1].end(), rows[k + 1].start()) <= 1:
            k += 1
            run.append(rows[k])
        k += 1
        found, cells = _one_table(ctx, lex, run)
        acts.extend(found)
        bodies.extend(cells)
    return acts, bodies


def _cells(m: re.Match) -> list[tuple[int, int]]:
    """The cells of a row as (start, end) offsets in the text, stripped of spaces."""
    out, start = [], m.start(1)
    for part in re.split(r"[|｜]", m.group(1)):
        a = start + len(part) - len(part.lstrip(" \t　"))
        b = start + len(part.rstrip(" \t　"))
        out.append((a, max(a, b)))
        start += len(part) + 1
    return out


def _one_table(ctx: Ctx, lex, run: list) -> tuple[list[ActFact], list[tuple[int, int]]]:
    if len(run) < 3:
        return [], []
    head = [ctx.text[a:b] for a, b in _cells(run[0])]
    text_col = next((n for n, h in enumerate(head) if _TEXT_HEAD.search(h)), None)
    date_col = next((n for n, h in enumerate(head) if _DATE_HEAD.search(h)), None)
    if date_col is not None and text_col is None and _CALL_TABLE.search(
            " ".join(head) + ctx.text[max(0, run[0].start() - 120):run[0].start()]):
        return _call_table(ctx, run, head, date_col), []
    if text_col is None or date_col is None:
        return [], []
    sender_col = next((n for n, h in enumerate(head) if _SENDER_HEAD.search(h)), None)
    caption = ctx.text[max(0, run[0].start() - 300):run[0].start()]
    means = next((kind for kind, rx in _MEANS if rx.search(caption)), "sns")
    his, bodies, refusal_at = [], [], None
    for m in run[1:]:
        if _RULE_ROW.match(m.group(0)):
            continue
        cells = _cells(m)
        if len(cells) <= max(text_col, date_col):
            continue
        ta, tb = cells[text_col]
        bodies.append((ta, tb))
        body = ctx.text[ta:tb]
        scell = cells[sender_col] if sender_col is not None and sender_col < len(cells) else None
        sender = ctx.text[slice(*scell)] if scell else ""
        if _HERS.search(body) or _names_her(ctx, scell):
            if refusal_at is None and lex.refusal_contact is not None and lex.refusal_contact.search(fold(body)):
                refusal_at = len(his)
            continue
        if sender and not _names_him(ctx, scell):
            continue   # someone else's row (a friend forwarding, the shop's reply)
        k = ctx.tok_at[ta] if ta < len(ctx.tok_at) else None
        if k is None:
            continue
        da, db = cells[date_col]
        told = ctx.date_ix.between(da, db + 1)
        day = DateRange(told[0].earliest, told[-1].latest, ctx.text[da:db], "told") if told else \
            date_for(ctx, ctx.sents[ctx.sent_of[k]], k)
        n = _ROW_COUNT.search(body)
        his.append((Span(ta, tb, body), day, int(unicodedata.normalize("NFKC", n.group(1))) if n else 1))
    # 「送信元：新規アカウント…。ＳＴとの結び付きは未確認」: who sent the rows is open
    around = ctx.text[max(0, run[0].start() - 300):min(len(ctx.text), run[-1].end() + 300)]
    actor = "unknown" if _SENDER_OPEN.search(around) else "suspect"
    after = his[refusal_at:] if refusal_at is not None else his
    if len(after) < 1 or (refusal_at is None and len(his) < 2):
        return [], bodies
    first = after[0]
    days = [d for _, d, _ in after if d is not None]
    date = DateRange(min(d.earliest for d in days), max(d.latest for d in days),
                     f"{days[0].text}〜{days[-1].text}", days[0].source) if days else None
    count = sum(n for _, _, n in after)
    series = ActFact(kind="message", category="2-1-5", subtype=None, evidence=first[0], clause=first[0],
                     actor=actor, actor_explicit=False, means=means, date=date, count=count,
                     count_text=f"一覧上{count}件", count_vague=False, negated=False,
                     sentence_index=ctx.sent_of[ctx.tok_at[first[0].start]])
    series.series, series.content_told = True, True
    if days and len(days) == len(after):
        series.dated_counts = tuple((d, n) for (_, d, n) in after)
    out = [series]
    kinds, _ = _content_rules()
    for kind, rx in kinds:
        rows = [(sp, d, n) for sp, d, n in his if rx.search(fold(sp.text))]
        if rows:
            sp, d, _ = rows[0]
            out.append(ActFact(kind=kind, category=QUOTE_CATEGORY[kind], subtype=None, evidence=sp, clause=sp,
                               actor=actor, actor_explicit=False, date=d, count=sum(n for _, _, n in rows),
                               count_text=None, count_vague=False, negated=False,
                               sentence_index=ctx.sent_of[ctx.tok_at[sp.start]]))
    return out, bodies


# 「通話履歴の精査結果」「| 日付 | 時刻 | 発信番号 | 種別 | 備考 |」: a table of calls, one row a call or a counted run
_CALL_TABLE = re.compile(r"着信履歴|通話履歴|発着信|発信番号|着信番号|通話種別|着信種別")
_CALLER_HEAD = re.compile(r"発信番号|発信者|発信元|番号|相手")
_CALL_COUNT = re.compile(r"(?:計|合計)?\s*([0-9０-９]+)\s*(?:回|件|本)")
_WITHHELD = re.compile(r"非通知|公衆電話|番号不明|通知不可")
_DITTO = re.compile(r"^(?:同上|同|〃)")
_NUMBER = re.compile(r"[0-9０-９][0-9０-９\-－ー×＊*Xx]{5,}")


def _call_table(ctx: Ctx, run: list, head: list[str], date_col: int) -> list[ActFact]:
    """His calls from a call log: rows whose caller names him, repeats a row of his (同上) or his number;
    withheld numbers (非通知) and numbers nobody tied to him are not his. Rows answered in silence are
    silent calls (無言電話: 5号 without her refusal)."""
    caller_col = next((n for n, h in enumerate(head) if _CALLER_HEAD.search(h)), None)
    rows, prev, his_numbers = {(w, k): [] for w in ("his", "open") for k in ("phone", "silent_call")}, None, set()
    for m in run[1:]:
        if _RULE_ROW.match(m.group(0)):
            continue
        cells = _cells(m)
        if len(cells) <= date_col or caller_col is None or len(cells) <= caller_col:
            continue
        cell = cells[caller_col]
        caller = ctx.text[slice(*cell)]
        number = _NUMBER.search(caller)
        if "suspect" in _role_in(ctx, cell) or (number and number.group(0) in his_numbers):
            whose = "his"
        elif _DITTO.match(caller) and prev is not None:
            whose = prev
        elif _WITHHELD.search(caller) or (number and not _role_in(ctx, cell)):
            whose = "open"     # a withheld or bare number: calls told, whose is not
        else:
            whose = "other"    # her mother, a friend
        prev = whose
        if whose == "other":
            continue
        if number and whose == "his":
            his_numbers.add(number.group(0))
        a, b = cells[0][0], cells[-1][1]
        rest = " ".join(ctx.text[slice(*c)] for n, c in enumerate(cells) if n not in (date_col, caller_col))
        n = _CALL_COUNT.search(rest)
        da, db = cells[date_col]
        told = ctx.date_ix.between(da, db + 1)
        if not told or ctx.tok_at[a] is None:
            continue
        day = DateRange(told[0].earliest, told[-1].latest, ctx.text[da:db], "told")
        kind = "silent_call" if "無言" in rest else "phone"
        rows[(whose, kind)].append((Span(a, b, ctx.text[a:b]), day, int(unicodedata.normalize("NFKC", n.group(1))) if n else 1))
    out = []
    for (whose, means), his in rows.items():
        if not his or (means == "phone" and sum(n for _, _, n in his) < 2):
            continue
        count = sum(n for _, _, n in his)
        first = his[0][0]
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=first, clause=first,
                      actor="suspect" if whose == "his" else "unknown", actor_explicit=whose == "his", means=means,
                      date=DateRange(min(d.earliest for _, d, _ in his), max(d.latest for _, d, _ in his),
                                     f"{his[0][1].text}〜{his[-1][1].text}", "told"),
                      count=count, count_text=f"履歴上{count}回", count_vague=False, negated=False,
                      sentence_index=ctx.sent_of[ctx.tok_at[first.start]])
        act.series = True
        act.dated_counts = tuple((d, n) for _, d, n in his)
        if whose == "open":
            act.hedged, act.hedge_text = True, ACTOR_UNPROVEN
        out.append(act)
    return out


def _role_in(ctx: Ctx, cell) -> set:
    if cell is None:
        return set()
    a, b = cell
    ks = [ctx.tok_at[p] for p in range(a, b) if p < len(ctx.tok_at) and ctx.tok_at[p] is not None]
    return {ctx.roles[k] for k in set(ks) if ctx.roles[k]}


def _names_her(ctx: Ctx, cell) -> bool:
    return "victim" in _role_in(ctx, cell)


def _names_him(ctx: Ctx, cell) -> bool:
    return "suspect" in _role_in(ctx, cell) or not _role_in(ctx, cell)



# 「・３月２日〜３月３１日　ｂｘ→相談者　計約７０件（…）」: a log line of who wrote to whom, and how many
_ARROW_LINE = re.compile(r"^[ \t　・]*(?P<when>[^\n→]{1,30}?)[ \t　]+(?P<src>[^\s→]{1,12})[ \t　]*[→⇒][ \t　]*"
                         r"(?P<dst>[^\s「]{1,12})[ \t　]*(?P<rest>[^\n]*)$", re.M)
_ARROW_COUNT = re.compile(r"^(?:計|合計|約|計約)*\s*([0-9０-９]+)\s*(?:件|通|回)")
_ARROW_TOTAL = re.compile(r"(?:計|合計|計約)\s*([0-9０-９]+)\s*(?:件|通|回)(?=[（(\s　]|$)")


def arrow_logs(ctx: Ctx) -> list[ActFact]:
    """A received-message log told line by line as 「日付　Ｘ→相談者　計Ｎ通」: a series from him to her, by
    the means its caption names (「電子メールの受信記録」「ＬＩＮＥ受信一覧」)."""
    out = []
    if "→" not in ctx.text and "⇒" not in ctx.text:
        return out   # (most narratives: no line to try)
    for m in _ARROW_LINE.finditer(ctx.text):
        # the count right after the names, or closing the line (「Facebookメッセンジャーで「戻ってきて」等　計６２件」)
        n = _ARROW_COUNT.match(m.group("rest")) or _ARROW_TOTAL.search(m.group("rest"))
        if n is None or not ctx.date_ix.between(m.start("when"), m.end("when")):
            continue
        if _role_in(ctx, (m.start("src"), m.end("src"))) != {"suspect"} or \
                not _role_in(ctx, (m.start("dst"), m.end("dst"))) & {"victim", "close"}:
            continue
        caption = ctx.text[max(0, m.start() - 300):m.start()]
        means = next((kind for kind, rx in _MEANS if rx.search(m.group("rest"))), None) or \
            next((kind for kind, rx in _MEANS if rx.search(caption)), None)
        k = ctx.tok_at[m.start("src")]
        if means is None or k is None:
            continue
        told = ctx.date_ix.between(m.start("when"), m.end("when"))
        count = int(unicodedata.normalize("NFKC", n.group(1)))
        end = m.start("rest") + n.end()
        ev = Span(m.start("src"), end, ctx.text[m.start("src"):end])
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=ev, clause=Span(m.start(), m.end(), m.group(0)),
                      actor="suspect", actor_explicit=True, means=means,
                      date=DateRange(told[0].earliest, told[-1].latest, m.group("when").strip(), "told"),
                      count=count, count_text=n.group(0).strip(), count_vague=False, negated=False,
                      sentence_index=ctx.sent_of[k])
        act.series, act.content_told = True, "「" in m.group("rest")
        out.append(act)
    return out


# 「発信元：Ｓ子（２９歳）の携帯電話」 then 「・令和７年１月１４日　２３:０２　通話３０秒　（無言）」: a call log told line by line
_CALLER_LINE = re.compile(r"^[ \t　・]*(?:発信元|発信者|発信番号|架電者)[：:][ \t　]*(?P<who>[^\n]{1,60})$", re.M)
_CALL_LOG_LINE = re.compile(r"^[ \t　・]*(?P<when>[^\n]{1,24}?)[ \t　]+[0-9０-９]{1,2}[:：][0-9０-９]{2}[ \t　]+"
                            r"(?P<kind>通話|着信|不在着信|発信|架電)(?P<rest>[^\n]*)$", re.M)


def call_lines(ctx: Ctx) -> list[ActFact]:
    """The calls of a call log told line by line, from the caller its header names (his, or open when the
    header names nobody cast): silent ones (無言) apart from the rest, each run one series."""
    if "通話" not in ctx.text and "着信" not in ctx.text:
        return []
    head = _CALLER_LINE.search(ctx.text)
    if head is None:
        return []
    roles = _role_in(ctx, (head.start("who"), head.end("who")))
    if "suspect" in roles:
        actor = "suspect"
    elif roles & {"victim", "close", "other"}:
        return []
    else:
        actor = "unknown"
    rows: dict[str, list] = {"silent_call": [], "phone": []}
    for m in _CALL_LOG_LINE.finditer(ctx.text, head.end()):
        told = ctx.date_ix.between(m.start("when"), m.end("when"))
        k = ctx.tok_at[m.start("when")] if m.start("when") < len(ctx.tok_at) else None
        if not told or k is None:
            continue
        means = "silent_call" if "無言" in m.group("rest") else "phone"
        ev = Span(m.start("when"), m.end(), ctx.text[m.start("when"):m.end()])
        rows[means].append((ev, DateRange(told[0].earliest, told[-1].latest, m.group("when").strip(), "told")))
    out = []
    for means, his in rows.items():
        if len(his) < 2 and means == "phone":
            continue
        if not his:
            continue
        first = his[0][0]
        lines = Span(first.start, his[-1][0].end, ctx.text[first.start:his[-1][0].end])
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=first, clause=lines,
                      actor=actor, actor_explicit=actor == "suspect", means=means,
                      date=DateRange(min(d.earliest for _, d in his), max(d.latest for _, d in his),
                                     f"{his[0][1].text}〜{his[-1][1].text}", "told"),
                      count=len(his), count_text=f"履歴上{len(his)}回", count_vague=False, negated=False,
                      sentence_index=ctx.sent_of[ctx.tok_at[first.start]])
        act.series, act.dated_counts = True, tuple((d, 1) for _, d in his)
        if actor == "unknown":
            act.hedged, act.hedge_text = True, ACTOR_UNPROVEN
        out.append(act)
    return out

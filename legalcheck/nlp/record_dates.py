"""The record's own date (its title line, 受理・聴取 lines, the date a statement was taken) and the year
of year-less days told in it: a record does not tell of days after it was made."""
from __future__ import annotations

import re
from dataclasses import replace

from legalcheck.nlp import structure as S
from legalcheck.nlp.act_dates import TIME_LINE
from legalcheck.nlp.context import Ctx, line_start


FIRST_LINE_RECORD = re.compile(r"日[\s　（(）)]*(?:[^\s。]{0,6})?(?:相談|受理|記録|メモ|報告|聴取|通報)[^。]{0,20}$|"
                                # 「捜査報告書（令和３年１１月１日）」: a document's title with its own date
                                r"^[^。\n]{0,14}?(?:報告書|調書|受理票|記録|届|状|申出書|メモ)[\s　]*[（(][^。\n（(]{0,16}日[）)]\s*$|"
                                # 「引継書（ストーカー事案）　令和6年3月18日　生活安全課」: a title, its date, its writer
                                r"^[^。\n]{0,24}?(?:書|票|簿|記録|メモ)(?:[（(][^）)\n]{0,12}[）)])?[\s　]+[^。\n]{0,14}日(?:[（(][月火水木金土日][）)])?(?:[\s　]|[0-9０-９]{1,2}[:：時]|$)")
_RECORD_HEADING = re.compile(r"受理|聴取|作成|報告|届出|録取|相談日|記載日|記録[(（]|調書[(（]|受理票|報告書")


_RECENT_TITLE = re.compile(r"最近|今回|本件|直近|今般")




def recent_in_record_year(dates: list, secs, report, text: str) -> list:
    """「2　最近の状況　3月5日…」 under a record of 令和6年3月18日: a year-less date in a section about the
    recent events is of the record's year, not of an order told in the section before (令和5年2月1日)."""
    recent = [sec for sec in secs if _RECENT_TITLE.search(sec.title or "")]
    if report is None:
        return dates
    out = []
    for d in dates:
        # 「22:10　通報者から聴取。８月１１日夜にも…」: a time line of the record tells of its own days, whatever
        # year a person's description named before (「令和６年１２月に離婚」)
        on_time_line = TIME_LINE.match(text, text.rfind("\n", 0, d.start) + 1) is not None
        if d.inferred and d.earliest.year < report.year and (on_time_line or any(sec.start <= d.start < sec.end for sec in recent)):
            try:
                e, l = d.earliest.replace(year=report.year), d.latest.replace(year=report.year + d.latest.year - d.earliest.year)
            except ValueError:
                e = l = None
            if e is not None and l <= report:
                d = replace(d, earliest=e, latest=l)
        elif d.inferred and d.earliest > report:
            # 「（令和７年２月３日の調書）…１２月１０日の夜に」: a day the record tells of is not after the record
            for back in (1, 2):   # a chain of year-less dates may have run on past the turn of a year twice
                try:
                    e, l = d.earliest.replace(year=d.earliest.year - back), d.latest.replace(year=d.latest.year - back)
                except ValueError:
                    break
                if l <= report:
                    d = replace(d, earliest=e, latest=l)
                    break
        out.append(d)
    return out


def record_date(ctx: Ctx, d) -> bool:
    """A date of the record itself (受理日時, 聴取日, a heading 「（令和６年５月１日受理）」), not of an act."""
    k = ctx.tok_at[d.start]
    if k is None:
        return False
    si = ctx.sent_of[k]
    if ctx.role[si] == S.META:
        return True
    if d.start < ctx.first_line_end and ctx.first_line_is_record:
        return True   # 「平成２９年５月１８日　電話相談」: the record's own first line
    if _TAKEN_AT.match(ctx.text, d.end):
        return True   # 「…被疑事件につき、令和７年２月３日 〇〇警察署において、本職は」: when the statement was taken
    ls = line_start(ctx.text, d.start)
    le = ctx.text.find("\n", d.start)
    line = ctx.text[ls:le if le >= 0 else len(ctx.text)]
    if ctx.text.count("\n", 0, ls) <= 2 and d.precision != "year" and _DATE_LINE.match(line.replace(d.text, "", 1)):
        return True   # 「捜　査　報　告　書\n令和３年９月１５日\n」: a date standing alone under the title
    if ctx.role[si] == S.HEADING or ctx.heading[si]:
        sent = ctx.sents[si]
        return bool(_RECORD_HEADING.search(ctx.text[ctx.toks[sent.lo].start:ctx.toks[sent.hi - 1].end]))
    return False


_TAKEN_AT = re.compile(r"[\s　]*[^\s。、]{0,14}?(?:警察署|署|交番|駐在所|本部)(?:において|にて)")
_DATE_LINE = re.compile(r"^[\s　]*([（(][月火水木金土日][）)])?[\s　]*$")

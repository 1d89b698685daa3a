"""`legalcheck facts`: what the reader saw in a narrative, with the evidence marked in the text."""
from __future__ import annotations

from datetime import date

from legalcheck.nlp.cleaned import read_clean_facts
from legalcheck.present.safe import terminal_safe

HI, LO = "\033[1;33m", "\033[0m"


def _mark(text: str, spans, color: bool) -> str:
    a, b = (HI, LO) if color else ("【", "】")
    out, pos = [], 0
    for s, e in sorted(set(spans)):
        if s < pos:
            continue
        out += [terminal_safe(text[pos:s], True), a, terminal_safe(text[s:e], True), b]
        pos = e
    out.append(terminal_safe(text[pos:], True))
    return "".join(out)


def render_facts(text: str, incident_date: str | None = None, color: bool = False) -> str:
    facts = read_clean_facts(text, date.fromisoformat(incident_date) if incident_date else None)
    lines = ["# 記述（読み取った根拠を強調）", _mark(text, [(a.evidence.start, a.evidence.end) for a in facts.acts], color), ""]
    lines.append("# 行為")
    for a in facts.acts:
        flags = [f for f, on in (("否定", a.negated), (f"不確実:{a.hedge_text}", a.hedged), ("本人の自認", a.admitted),
                                 ("背景", a.background), (f"承諾:{a.consent}", a.consent)) if on]
        lines.append(f"- {a.category}{':' + a.subtype if a.subtype else ''} [{a.kind}] 「{a.evidence.text}」"
                     f" @{a.evidence.start}-{a.evidence.end} 行為者={a.actor} 相手={a.object_role}"
                     f" 日付={a.date.iso() if a.date else '不明'} 回数={a.count}"
                     + (f" 場所={a.place}({a.place_owner}{',付近' if a.near else ''}{',現在地' if a.current_place else ''})" if a.place else "")
                     + (f" 機器={a.device}" if a.device else "") + (f" 手段={a.means}" if a.means else "")
                     + (" 遠隔" if a.remote else "") + (f" {' '.join(flags)}" if flags else ""))
        lines.append(f"    節: 「{a.clause.text}」")
    lines.append("# 人物")
    for p in facts.parties:
        lines.append(f"- {p.role}: {p.text} @{p.evidence.start}")
    lines.append(f"  被害者の性別（推定）: {facts.victim_sex}")
    for title, cues in (("動機", facts.motives), ("恐怖", facts.fears), ("拒絶", facts.refusals), ("関連罪", facts.related)):
        lines.append(f"# {title}")
        for c in cues:
            lines.append(f"- {c.kind}: 「{c.evidence.text}」 @{c.evidence.start}{' (否定)' if c.negated else ''}")
    lines.append("# 行政措置")
    for m in facts.measures:
        lines.append(f"- {m.kind}: 「{m.evidence.text}」 日付={m.date.iso() if m.date else '不明'}{' 行為後' if m.after_acts else ''}")
    lines.append("# 危険性・切迫性の徴候")
    for c in facts.risk_cues:
        flags = ("否定" if c.negated else "") + (f" 不確実:{c.hedge_text}" if c.hedged else "")
        lines.append(f"- {c.id}: 「{c.evidence.text}」 @{c.evidence.start}-{c.evidence.end}{(' ' + flags.strip()) if flags else ''}")
    return "\n".join(lines[:2] + [terminal_safe(x) for x in lines[2:]]) + "\n"

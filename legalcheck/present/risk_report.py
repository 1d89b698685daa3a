"""The text report's panels for danger and urgency, the next measures (a checklist) and the
offender-contact schedule (dates). Presentation only: every judgement comes from the analysis."""
from __future__ import annotations

from legalcheck.law.logic import MARK

RISK_MARK = {"present": "●", "absent": "○", "unknown": "？"}
BASIS_JA = {"not_ruled_out": "否定できない", "denial_unconfirmed": "否定は被疑者の弁解のみ", "not_told": "記載なし"}
TREND_JA = {"rising": "増加", "falling": "減少", "steady": "横ばい", "unknown": "判断できない"}
MEASURE_STATUS = {"satisfied": "要件あり", "undetermined": "要確認", "not_satisfied": "要件を欠く"}
DUE_JA = {"past": "経過", "today": "本日", "upcoming": "予定"}


def _q(ev: list[dict], limit: int = 2) -> str:
    return " / ".join(f"「{e['text']}」" for e in ev[:limit] if e)


def _item(it: dict) -> list[str]:
    head = f"  {RISK_MARK[it['status']]} {('%2d ' % it['no']) if it.get('no') else ''}{it['label']}: {it['status_ja']}"
    if it.get("basis") in ("not_ruled_out", "denial_unconfirmed"):
        head += f"（{BASIS_JA[it['basis']]}：{'・'.join(it.get('hedges') or [])}）"
    out = [head]
    if it["evidence"]:
        out.append(f"      根拠: {_q(it['evidence'])}")
    for d in it.get("derived", [])[:2]:
        out.append(f"      根拠: {d['reason']}" + (f" {_q([d['evidence']], 1)}" if d.get("evidence") else ""))
    return out


def risk_lines(a: dict) -> list[str]:
    risk = a.get("risk")
    if not risk:
        return []
    lines = ["", f"■ 危険性・切迫性: {risk['level']}", f"  {risk['why']}"]
    for r in risk["reasons"]:
        lines.append(f"  ・{r['text']}" + (f" {_q(r['evidence'], 1)}" if r.get("evidence") else ""))
    lines.append("  再被害防止対象者指定理由書の項目（● 該当 / ○ 非該当 / ？ 不明）")
    for it in risk["indicators"]:
        lines += _item(it)
    lines.append("  切迫性の徴候")
    for it in risk["urgency"]:
        lines += _item(it)
    esc = a.get("escalation") or {}
    if esc.get("events"):
        lines.append("")
        lines.append("■ 行為の推移")
        months = "、".join(f"{m}: {n}回" for m, n in esc["per_month"].items()) or "日付のある行為なし"
        lines.append(f"  月ごとの回数: {months}（傾向: {TREND_JA[esc['trend']]}）")
        path = " → ".join(f"{s['label']}（{s['first'] or '日付不明'}）" for s in esc["stages"])
        lines.append(f"  段階: {path}")
        if esc.get("last_act"):
            lines.append(f"  最後の行為: {esc['last_act']}（分析日まで{esc['days_since_last_act']}日）")
        if esc.get("undated"):
            lines.append(f"  日付不明の行為: {esc['undated']}件")
        for m in esc.get("acts_after_measures", []):
            lines.append(f"  ! {m['label']}（{m['date']}）の後も {m['acts']}件の行為（{m['first_after']}から）")
    ms = a.get("measures")
    if ms and ms.get("items"):
        lines.append("")
        lines.append(f"■ 次に取り得る措置（{ms['date']}時点の法令と運用。□ 未了・確認事項）")
        for it in ms["items"]:
            state = "実施・検討" if it["kind"] == "directive" else MEASURE_STATUS[it["status"]]
            lines.append(f"  {MARK[it['status']]} {it['label']}: {state}"
                         + (f"（{it['provision']}）" if it.get("provision") else ""))
            for c in it.get("conditions", []):
                if c.get("step"):
                    continue
                lines.append(f"      {MARK[c['status']]} {c['text']}")
            for m in it.get("missing", []):
                lines.append(f"      □ {m}")
            if it.get("source") and it["kind"] == "directive":
                lines.append(f"      出典: {it['source']}")
    fu = a.get("follow_up")
    if fu:
        lines.append("")
        lines.append("■ 加害者連絡の予定（禁止命令等の後）")
        if fu.get("order"):
            o = fu["order"]
            last = f"、有効期間の末日 {fu['last_day']}" if fu.get("last_day") else ""
            lines.append(f"  {o['label']}: {o['date']}{last}")
        for c in fu.get("contacts", []):
            lines.append(f"  □ {c['date']}（約{c['months']}か月後・{DUE_JA[c['due']]}）: {'、'.join(c['confirm'])}を確認")
        if fu.get("extension"):
            lines.append(f"  □ 延長の検討 {fu['extension']['review_on']}、処分は {fu['extension']['decide_by']} まで（{fu['extension']['provision']}）")
        for t in fu.get("after_each", []):
            lines.append(f"  ・毎回: {t}")
        for t in fu.get("not_made_or_stopped", []):
            lines.append(f"  ・実施しない／打ち切る: {t}")
        if fu.get("unreachable"):
            lines.append(f"  ・連絡が取れないとき: {fu['unreachable']}")
        for q in fu.get("questions", []):
            lines.append(f"  □ {q}")
    if risk.get("questions"):
        lines.append("")
        lines.append("■ 危険性の評価のために確認すべき事項")
        for q in risk["questions"]:
            lines.append(f"  □ {q}")
    return lines

"""A readable Japanese report of an analysis: the element tree with ✓ / ✗ / ? and evidence quotes,
for terminals and training handouts. Presentation only: no legal decision is made here."""
from __future__ import annotations

from legalcheck.law.logic import LABEL, MARK
from legalcheck.present.risk_report import risk_lines
from legalcheck.present.safe import safe_tree

ELEMENT_JA = {"purpose": "恋愛感情等充足目的", "target": "特定の者又は密接関係者に対する行為", "repetition": "反復",
              "anxiety_method": "不安方法", "mihari_place": "見張りの場所的要件（最一小判令和2年7月30日）"}
MARKERS = {"verified": "検証済", "composed": "改正文から合成", "summary": "文言未確認・要旨", "unknown": "文言未確認・内容不明"}


def _element_name(k: str, e: dict) -> str:
    """The element's name; 不安方法 with the provision that defined it on that date (2条2項 / 3項 / 4項)."""
    name = ELEMENT_JA.get(k, k)
    ref = (e.get("statute") or {}).get("ref")
    if k == "anxiety_method" and ref:
        return f"{name}（{ref.replace('ストーカー規制法', '')}）"
    return name
OFFENCE_JA = {"art18": "ストーカー行為罪", "art19": "禁止命令等違反のストーカー行為罪", "art20": "その他の禁止命令等違反罪"}


def _m(status: str) -> str:
    return f"{MARK[status]} {LABEL[status]}"


def _quote(ev: list[dict], limit: int = 2) -> str:
    return " / ".join(f"「{e['text']}」" for e in ev[:limit])


def render(a: dict) -> str:
    a = safe_tree(a)   # quotes, reasoning, questions: nothing from the narrative reaches a terminal raw
    law = a["law"]
    lines = ["ストーカー規制法 構成要件の検討", "=" * 30,
             f"適用法令: {law['title']}（{law['version']} 施行版、基準日 {law.get('applied_date', '')}）",
             f"データ版: {law['data_version'][:12]}  legalcheck {law['legalcheck_version']}", ""]
    o18 = a["offenses"]["art18"]
    lines.append(f"■ 結論: {OFFENCE_JA['art18']} … {_m(o18['status'])}")
    lines.append(f"  {o18['reasoning']}")
    lines.append("")
    lines.append("■ 要件の木（ストーカー行為 = 目的 ∧ 対象 ∧ つきまとい等 ∧ 反復 ∧ 不安方法）")
    for k, e in a["elements"].items():
        lines.append(f"  {MARK[e['status']]} {_element_name(k, e)}: {LABEL[e['status']]}")
        lines.append(f"      {e['reasoning']}")
        if e.get("evidence"):
            lines.append(f"      根拠: {_quote(e['evidence'])}")
        if e.get("statute", {}).get("ref"):
            lines.append(f"      条文: {e['statute']['ref']}（{e['statute'].get('version')}版）")
    lines.append("")
    lines.append("■ 行為（行為時の条文で判断）")
    if not a["acts"]:
        lines.append("  （つきまとい等に当たり得る行為は読み取れなかった）")
    for act in a["acts"]:
        when = act.get("date") or "日付不明"
        lines.append(f"  {MARK[act['status']]} {act['key']}（{act['label']}） {LABEL[act['status']]}  [{when}]")
        lines.append(f"      {_quote(act['evidence'], 1)} {act['reasoning']}")
        if act.get("anxiety"):
            ref = (a["elements"].get("anxiety_method", {}).get("statute") or {}).get("ref", "")
            lines.append(f"      不安方法（{ref.replace('ストーカー規制法', '')}。反復として数えるか）: {_m(act['anxiety'])}")
        st = act.get("statute") or {}
        if st.get("ref"):
            lines.append(f"      条文: {st['ref']}（{st.get('version')}版）")
        else:
            lines.append("      条文: 行為時に該当する規定なし")
    lines.append("")
    lines.append("■ 罪名と法定刑")
    for k, o in a["offenses"].items():
        lines.append(f"  {MARK[o['status']]} {OFFENCE_JA[k]}（{k}）: {LABEL[o['status']]}")
        lines.append(f"      {o['reasoning']}")
        p = o.get("penalty")
        if p:
            lines.append(f"      法定刑（行為時 {o['statute'].get('ref') or ''}）: {p['text']}")
        pj = o.get("penalty_at_judgment")
        if pj and o["status"] != "not_satisfied":
            lines.append(f"      裁判時に適用される刑: {pj['text']} — {pj['reasoning']}")
    if a["related"]:
        lines.append("")
        lines.append("■ 検討すべき関連罪")
        for r in a["related"]:
            pen = (r.get("penalty") or {}).get("text") or r.get("note") or ""
            lines.append(f"  ・{r['name']}（{r['article']}） {_quote(r.get('evidence', []), 1)} {pen}")
    if a["precedents"]:
        lines.append("")
        lines.append("■ 判例")
        for p in a["precedents"]:
            lines.append(f"  ・{p['citation']}: {p['holding']}")
    if a["questions"]:
        lines.append("")
        lines.append("■ 確認すべき事項")
        for q in a["questions"]:
            lines.append(f"  □ {q}")
    lines += risk_lines(a)
    applied = law.get("applied") or []
    if applied:
        lines.append("")
        lines.append("■ 適用した規定の版（この結果が用いた法令データ）")
        for r in applied:
            when = f"{r['version']}版" if r.get("version") else "版不明"
            title = f" {r['title']}" if r.get("title") else ""
            lines.append(f"  ・{r['id']}{title}（{when}・{MARKERS.get(r.get('verification'), r.get('verification'))}）")
    if a["warnings"]:
        lines.append("")
        lines.append("■ 注意")
        for w in a["warnings"]:
            lines.append(f"  ! {w}")
    return "\n".join(lines) + "\n"

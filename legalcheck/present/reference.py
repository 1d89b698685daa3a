"""The lawyers' reference: a provision as it read on a day, its history, and the precedents.

Presentation only: every fact comes from legalcheck.law; nothing legal is decided here.
"""
from __future__ import annotations

from datetime import date

from legalcheck.law import caselaw, statutes
from legalcheck.law.data import LAWS, canonical, law_data
from legalcheck.inputs import japan_today

MARKERS = {
    "verified": "検証済",
    "composed": "改正文から合成",
    "summary": "文言未確認・要旨",
    "unknown": "文言未確認・内容不明",
}


def _date(value: date | str | None) -> date:
    if value is None:
        return japan_today()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"日付「{value}」を解釈できません（YYYY-MM-DD の形式で指定してください）") from None


def _span(p: statutes.Provision) -> str:
    return f"{p.version.isoformat()}〜{p.until.isoformat() if p.until else ''}"


def _body(p: statutes.Provision, indent: str = "  ") -> list[str]:
    lines = []
    if p.removed:
        lines.append(f"{indent}（この番号の規定は削除・移動）")
    elif p.text is not None:
        lines += [f"{indent}{line}" for line in p.text.splitlines()]
    else:
        lines.append(f"{indent}〔条文の文言は未確認。以下は要旨〕")
        lines += [f"{indent}{line}" for line in (p.summary or "").splitlines()]
    if p.note:
        lines.append(f"{indent}注: {p.note}")
    lines.append(f"{indent}出典: {p.source}")
    return lines


def _block(p: statutes.Provision) -> list[str]:
    title = f"　{p.title}" if p.title else ""
    head = f"【{p.cite()}】{title}"
    meta = f"  版: {_span(p)}（{p.amended_by}）〔{MARKERS[p.verification]}〕"
    return [head, meta] + _body(p)


def _not_in_force(ref: str, law_id: str, key, at: date) -> str:
    """Why nothing is shown: not yet created, removed, or not in the data."""
    cite = f"{LAWS[law_id]}{canonical(key)}"
    rec = law_data().provisions.get((law_id, key))
    if rec is None:
        under = statutes.provisions_under(ref, at)
        if not statutes.history_under(ref):
            return f"{cite}は収録していません（本データにない条項です）。"
        if not under:
            first = min(h[0].version for h in statutes.history_under(ref))
            return f"{cite}に属する規定で{at.isoformat()}に効力のあるものは収録されていません（収録されている最初の版は{first.isoformat()}施行）。"
    later = [v for v in rec.versions if v.start > at]
    current = rec.version_at(at)
    if current is not None and current.removed:
        # the old provision moved away; the number itself may carry another provision later (not in the data)
        old = rec.versions[rec.versions.index(current) - 1] if rec.versions.index(current) > 0 else None
        title = f"（{old.title or rec.title}）" if old is not None and (old.title or rec.title) else ""
        return (f"{cite}{title}の規定は{current.start.isoformat()}施行の{current.law}により削除・移動されました"
                f"（{current.note}）。{at.isoformat()}時点でこの番号にある規定は収録していません。")
    if later and later[0].new:
        return (f"{cite}は{at.isoformat()}には存在しませんでした"
                f"（{later[0].start.isoformat()}施行の{later[0].law}で新設）")
    if later:
        return f"{cite}の{at.isoformat()}時点の版は収録されていません（収録されている最初の版は{later[0].start.isoformat()}施行）。"
    return f"{cite}は{at.isoformat()}には効力のある版がありません。"


def _footnote_later(ref: str, at: date) -> list[str]:
    """Items under the ref that did not exist on `at` but were created later (e.g. 2条3項各号 in 2020)."""
    lines = []
    for hist in statutes.history_under(ref):
        first = hist[0]
        if first.version > at and not any(h.version <= at for h in hist):
            lines.append(f"  ・{first.cite()}: {first.version.isoformat()}施行の{first.amended_by}で新設"
                         f"{'（' + first.title + '）' if first.title else ''}")
    return ["", "この日にはまだなかった規定:"] + lines if lines else []


def _render_category(key: str, at: date) -> str:
    label = statutes.category_label(key)
    p = statutes.category_provision(key, at)
    if p is None:
        start = statutes.category_start(key)
        later = statutes.category_provision(key, start)
        where = f"{later.cite()}として" if later else ""
        return (f"行為類型 {key}（{label}）は{at.isoformat()}には規制対象ではありませんでした"
                f"（{start.isoformat()}施行の{later.amended_by if later else '改正'}で{where}対象となった）。")
    return "\n".join([f"行為類型 {key}（{label}）: {at.isoformat()}時点の条文", ""] + _block(p))


def _render_category_history(key: str) -> str:
    """A contract category's history through every item number it stood in (2-3-3: 2条3項2号 → 3号)."""
    lines = [f"行為類型 {key}（{statutes.category_label(key)}）の改正履歴（号の番号が変わっても同じ類型を追う）", ""]
    hist = statutes.category_history(key)
    if not hist:
        return lines[0] + "\n（収録された規定はありません）\n"
    for p in hist:
        lines.append(f"【{p.cite()}】{('　' + p.title) if p.title else ''}")
        lines.append(f"  ◆ {_span(p)}　{p.amended_by}〔{MARKERS[p.verification]}〕")
        lines += _body(p, indent="    ")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_statute(ref: str, at: date | str | None = None, history: bool = False) -> str:
    """A provision (with its 柱書 and items) as it read on `at` (default today), or its whole history."""
    if not isinstance(ref, str) or not ref.strip():
        raise ValueError("条項を指定してください（例: 2条1項1号、2条3項、18条、施行令1条）")
    ref = ref.strip()
    if not history:
        at_ = _date(at)
        if ref in law_data().categories:
            return _render_category(ref, at_)
    else:
        if ref in law_data().categories:
            return _render_category_history(ref)
        at_ = None
    law_id, key = statutes.parse_ref(ref, at_)
    ref = f"施行令{canonical(key)}" if law_id == "stalker-order" else canonical(key)
    if history:
        hists = statutes.history_under(ref)
        if not hists:
            return f"{LAWS[law_id]}{canonical(key)}は収録していません（本データにない条項です）。"
        lines = [f"{LAWS[law_id]}{canonical(key)}の改正履歴", ""]
        for hist in hists:
            first = hist[0]
            lines.append(f"【{first.cite()}】")
            shown_title = None
            for p in hist:
                what = "削除・移動" if p.removed else (p.title if p.title != shown_title else "")
                shown_title = p.title
                lines.append(f"  ◆ {_span(p)}　{p.amended_by}〔{MARKERS[p.verification]}〕{('　' + what) if what else ''}")
                lines += _body(p, indent="    ")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"
    shown = statutes.provisions_under(ref, at_)
    if not shown:
        return _not_in_force(ref, law_id, key, at_) + "\n"
    lines = [f"{LAWS[law_id]}{canonical(key)}（{at_.isoformat()}時点）", ""]
    for p in shown:
        lines += _block(p) + [""]
    lines += _footnote_later(ref, at_)
    return "\n".join(lines).rstrip() + "\n"


def render_precedents(element: str | None = None, category: str | None = None) -> str:
    """Citation, court/date/docket, holding, elements, categories and later law of each precedent."""
    found = caselaw.precedents(element=element, category=category)
    cond = "、".join(x for x in (f"要素 {element}（{caselaw.ELEMENT_LABELS[element]}）" if element else "",
                                  f"行為類型 {category}（{statutes.category_label(category)}）" if category else "") if x)
    if not found:
        return f"該当する裁判例はありません{('（' + cond + '）') if cond else ''}。\n"
    lines = [f"裁判例 {len(found)}件{('（' + cond + '）') if cond else ''}", ""]
    for p in found:
        lines.append(f"■ {p.citation}　[{p.id}]")
        lines.append(f"  {p.court}　{p.date.isoformat() if p.date else '日付不明'}　{p.kind}"
                     f"　{p.docket or '事件番号未確認'}{('　' + p.outcome) if p.outcome else ''}")
        lines.append(f"  争点: {p.question}")
        lines.append(f"  判旨（要約）: {p.holding}")
        if p.elements:
            lines.append("  要素: " + "、".join(f"{e}（{caselaw.ELEMENT_LABELS[e]}）" for e in p.elements))
        if p.categories:
            lines.append("  行為類型: " + "、".join(f"{c}（{statutes.category_label(c)}）" for c in p.categories))
        if p.later_law:
            lines.append(f"  その後の法改正等: {p.later_law}")
        if p.unverified:
            lines.append("  未確認: " + "、".join(p.unverified))
        lines.append(f"  出典: {' ; '.join(p.sources)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

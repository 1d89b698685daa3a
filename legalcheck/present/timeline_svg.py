"""The acts on a timeline, drawn by the server as accessible SVG (no chart library in the browser):
dates on the horizontal axis, one lane per act category, prior measures as marked vertical lines,
acts without a date in a column of their own. Shapes and text labels say what colour also says;
role="img" with <title>/<desc>, and each mark has its own <title>. Pages and the print report
reuse `render()`. Presentation only: it draws `analysis["escalation"]`."""
from __future__ import annotations

from datetime import date, timedelta
from xml.sax.saxutils import escape

from legalcheck.present.safe import terminal_safe

LANE_JA = {"2-1-1": "つきまとい等（1号）", "2-1-2": "監視の告知（2号）", "2-1-3": "要求（3号）", "2-1-4": "粗野・乱暴（4号）",
           "2-1-5": "電話・メール等（5号）", "2-1-6": "汚物等の送付（6号）", "2-1-7": "名誉を害する（7号）",
           "2-1-8": "性的羞恥（8号）", "2-3-1": "GPS等（2条3項）", "2-3-2": "紛失防止タグ（2条3項）", "2-3-3": "機器の取付け（2条3項）"}
# stage → (shape, colour); the shape and the text carry the meaning, the colour only repeats it
STAGE_MARK = {"contact": ("circle", "#1f6fb2"), "rough": ("triangle", "#b25e00"), "tracking": ("square", "#6a3d9a"),
              "approach": ("diamond", "#b2182b"), None: ("circle", "#555555")}
STATUS_JA = {"satisfied": "該当", "undetermined": "要確認", "not_satisfied": "非該当"}
W, LEFT, RIGHT, TOP, LANE_H, UNDATED_W = 860, 190, 30, 56, 46, 90


def _t(s) -> str:
    return escape(terminal_safe(str(s)))


def _mark(shape: str, x: float, y: float, colour: str, dashed: bool) -> str:
    style = f'fill="{colour}" stroke="#000000" stroke-width="1"' + (' fill-opacity="0.35" stroke-dasharray="2 2"' if dashed else "")
    if shape == "square":
        return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" {style}/>'
    if shape == "diamond":
        return f'<polygon points="{x:.1f},{y - 8:.1f} {x + 8:.1f},{y:.1f} {x:.1f},{y + 8:.1f} {x - 8:.1f},{y:.1f}" {style}/>'
    if shape == "triangle":
        return f'<polygon points="{x:.1f},{y - 8:.1f} {x + 7:.1f},{y + 6:.1f} {x - 7:.1f},{y + 6:.1f}" {style}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" {style}/>'


def render(analysis: dict, id_prefix: str = "timeline") -> str:
    esc = analysis.get("escalation") or {}
    events = esc.get("events") or []
    measures = [m for m in esc.get("measures") or [] if m.get("date")]
    lanes = sorted({e["category"] for e in events})
    dated = [date.fromisoformat(e["date"]) for e in events if e.get("date")]
    dated += [date.fromisoformat(m["date"]) for m in measures]
    undated = [e for e in events if not e.get("date")]
    h = TOP + LANE_H * max(1, len(lanes)) + 50
    plot_right = W - RIGHT - (UNDATED_W if undated else 0)
    tid, did = f"{id_prefix}-title", f"{id_prefix}-desc"
    title = "行為の時系列"
    summary = _summary(esc, lanes, measures, undated)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{tid} {did}" '
           f'width="{W}" height="{h}" viewBox="0 0 {W} {h}" font-family="IPAGothic, sans-serif" font-size="12">',
           f'<title id="{tid}">{_t(title)}</title>', f'<desc id="{did}">{_t(summary)}</desc>',
           f'<rect x="0" y="0" width="{W}" height="{h}" fill="#ffffff"/>']
    if not events and not measures:
        out.append(f'<text x="{W / 2:.0f}" y="{h / 2:.0f}" text-anchor="middle">記述から日付のある行為は読み取れなかった</text>')
        out.append("</svg>")
        return "\n".join(out)
    day = date.fromisoformat((analysis.get("measures") or {}).get("date") or "2000-01-01")   # the analysis day
    lo, hi = (min(dated), max(dated)) if dated else (day, day)
    pad = max(7, (hi - lo).days // 20)   # no mark on the plot's edge
    lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    span = max(1, (hi - lo).days)

    def x_of(d: date) -> float:
        return LEFT + (plot_right - LEFT) * (d - lo).days / span

    y_axis = TOP + LANE_H * max(1, len(lanes))
    out.append(f'<line x1="{LEFT}" y1="{y_axis}" x2="{plot_right}" y2="{y_axis}" stroke="#000000"/>')
    m = date(lo.year, lo.month, 1)
    ticks = []
    while m <= hi:
        if m >= lo:
            ticks.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    step = max(1, len(ticks) // 8 + (len(ticks) % 8 > 0))
    for t in ticks[::step]:
        x = x_of(t)
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{y_axis + 4}" stroke="#cccccc"/>')
        out.append(f'<text x="{x:.1f}" y="{y_axis + 18}" text-anchor="middle">{t.year}-{t.month:02d}</text>')
    for i, cat in enumerate(lanes):
        y = TOP + LANE_H * i + LANE_H / 2
        out.append(f'<text x="{LEFT - 10}" y="{y + 4:.1f}" text-anchor="end">{_t(LANE_JA.get(cat, cat))}</text>')
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" stroke="#eeeeee"/>')
    for mz in measures:
        x = x_of(date.fromisoformat(mz["date"]))
        label = f"{mz['label']} {mz['date']}"
        out.append(f'<g><title>{_t(label)}</title><line x1="{x:.1f}" y1="{TOP - 20}" x2="{x:.1f}" y2="{y_axis}" '
                   f'stroke="#000000" stroke-width="2" stroke-dasharray="6 3"/>'
                   f'<text x="{x + 3:.1f}" y="{TOP - 24}" font-weight="bold">▼{_t(label)}</text></g>')
    if undated:
        ux = plot_right + UNDATED_W / 2
        out.append(f'<text x="{ux:.1f}" y="{y_axis + 18}" text-anchor="middle">日付不明</text>')
    per_lane_undated: dict[str, int] = {}
    for e in events:
        i = lanes.index(e["category"])
        y = TOP + LANE_H * i + LANE_H / 2
        if e.get("date"):
            x = x_of(date.fromisoformat(e["date"]))
            when = e["date"] if e.get("date_latest") in (None, e["date"]) else f"{e['date']}〜{e['date_latest']}"
            day = e["date"][5:].replace("-", "/")
        else:
            k = per_lane_undated.get(e["category"], 0)
            per_lane_undated[e["category"]] = k + 1
            x = plot_right + 20 + 16 * (k % 4)
            when, day = "日付不明", "?"
        shape, colour = STAGE_MARK.get(e.get("stage"), STAGE_MARK[None])
        tip = f"{when} {e['label']}（{STATUS_JA.get(e['status'], e['status'])}）" + (f" {e['count']}回" if e.get("count", 1) > 1 else "")
        if e.get("evidence"):
            tip += f"「{e['evidence']['text']}」"
        count = f"×{e['count']}" if e.get("count", 1) > 1 else ""
        out.append(f'<g><title>{_t(tip)}</title>{_mark(shape, x, y, colour, e["status"] != "satisfied")}'
                   f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" font-size="10">{_t(day + count)}</text></g>')
    lx = LEFT
    for stage, label in (("contact", "連絡・告知"), ("rough", "粗野・乱暴"), ("tracking", "位置の把握"), ("approach", "接近")):
        shape, colour = STAGE_MARK[stage]
        out.append(_mark(shape, lx, h - 14, colour, False) + f'<text x="{lx + 12}" y="{h - 10}">{label}</text>')
        lx += 110
    out.append(f'{_mark("circle", lx, h - 14, "#999999", True)}<text x="{lx + 12}" y="{h - 10}">薄い印 = 要確認</text>')
    out.append("</svg>")
    return "\n".join(out)


def _summary(esc: dict, lanes: list[str], measures: list[dict], undated: list[dict]) -> str:
    parts = []
    if esc.get("first_act"):
        parts.append(f"{esc['first_act']}から{esc['last_act']}までの行為")
    counts = "、".join(f"{m}に{n}回" for m, n in (esc.get("per_month") or {}).items())
    if counts:
        parts.append(f"月ごとの回数は{counts}")
    if lanes:
        parts.append("類型: " + "、".join(LANE_JA.get(c, c) for c in lanes))
    stages = esc.get("stages") or []
    if stages:
        parts.append("段階: " + " → ".join(s["label"] for s in stages))
    for m in measures:
        parts.append(f"{m['label']}（{m['date']}）")
    if undated:
        parts.append(f"日付不明の行為{len(undated)}件")
    return "。".join(parts) + "。" if parts else "行為は読み取れなかった。"

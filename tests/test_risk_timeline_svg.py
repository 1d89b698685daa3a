"""The timeline picture (present/timeline_svg.py): well-formed SVG, accessible (role="img", <title> and
<desc> referenced by aria-labelledby, text labels for lanes, measures and each mark), escaped, and
drawn from the analysis; also through `legalcheck analyze --format svg` and in the text report."""
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from legalcheck import analyze
from legalcheck.present.text_report import render as text_report
from legalcheck.present.timeline_svg import render

NS = {"s": "http://www.w3.org/2000/svg"}
ROOT = Path(__file__).resolve().parent.parent

CASE = """【捜査報告書】
被疑者甲（３５歳）は、元交際相手の被害者乙子（３１歳）に復縁を拒まれた後、次のとおりつきまとい等を繰り返した。
・令和６年１月１０日、乙子の携帯電話に「会って話がしたい」とメールを送信した。
・令和６年２月３日、乙子の勤務先前で待ち伏せした。
・令和６年３月５日、同月１２日、同月１９日、乙子の自宅付近をうろついた。
・令和６年３月２６日、乙子の自宅の敷地内に侵入した。
乙子は「怖くて夜も眠れない」と話している。
"""


def analysis(**kw):
    return analyze(CASE, today=date(2024, 4, 10), **kw).to_dict()


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_escalation_data_behind_the_picture():
    e = analysis()["escalation"]
    assert e["per_month"] == {"2024-01": 2, "2024-02": 1, "2024-03": 3}
    assert e["trend"] == "rising" and e["escalated"] is True
    assert [s["stage"] for s in e["stages"]] == ["contact", "approach", "intrusion_violence"]
    assert e["stages"][2]["related"] == ["trespass"]
    assert e["last_act"] == "2024-03-19" and e["days_since_last_act"] == 22
    risk = analysis()["risk"]
    assert risk["level"] == "高"
    assert any(r["id"] == "frequency_up" and "2024-02: 1回 → 2024-03: 3回" in r["text"] for r in risk["reasons"])


def test_svg_is_well_formed_and_accessible():
    a = analysis(prior_measures=[{"kind": "warning", "date": "2024-01-20"}])
    root = parse(render(a))
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"
    title, desc = root.find("s:title", NS), root.find("s:desc", NS)
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "行為の時系列"
    assert "2024-01-10から2024-03-19までの行為" in desc.text and "警告（2024-01-20）" in desc.text
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"つきまとい等（1号）", "要求（3号）", "電話・メール等（5号）"} <= set(labels)
    assert "▼警告 2024-01-20" in labels and "2024-02" in labels
    assert "03/05×3" in labels                     # a mark says its day and count in text, not colour alone
    assert "日付不明" in labels                     # the undated act has its own column
    tips = [g.find("s:title", NS).text for g in root.iter("{http://www.w3.org/2000/svg}g") if g.find("s:title", NS) is not None]
    assert any(t.startswith("2024-02-03 待ち伏せ（該当）") for t in tips)


def test_narrative_text_is_escaped():
    a = analysis()
    a["escalation"]["events"][0]["evidence"]["text"] = "<script>alert(1)</script> & \x1b[2J"
    svg = render(a, id_prefix="case-1")
    assert "<script>" not in svg and "\x1b" not in svg
    root = parse(svg)
    assert root.find("s:title", NS).get("id") == "case-1-title"
    assert any("<script>alert(1)</script> &" in (g.find("s:title", NS).text or "")
               for g in root.iter("{http://www.w3.org/2000/svg}g") if g.find("s:title", NS) is not None)


def test_nothing_to_draw():
    a = analyze("相談者から、隣家の騒音について相談を受けた。", today=date(2024, 4, 10)).to_dict()
    root = parse(render(a))
    assert root.find("s:desc", NS).text == "行為は読み取れなかった。"


def test_text_report_panels():
    out = text_report(analysis(prior_measures=[{"kind": "prohibition_order", "date": "2024-03-31"}]))
    assert "■ 危険性・切迫性: 高" in out
    assert "■ 行為の推移" in out and "傾向: 増加" in out
    assert "■ 次に取り得る措置（2024-04-10時点の法令と運用。□ 未了・確認事項）" in out
    assert "      □ 被害者の申出又は職権" in out
    assert "■ 加害者連絡の予定（禁止命令等の後）" in out
    assert "  □ 2024-04-30（約1か月後・予定）" in out and "  □ 2025-01-31（約10か月後・予定）" in out
    assert "有効期間の末日 2025-03-30" in out


def test_cli_writes_the_svg(tmp_path):
    case = tmp_path / "case.txt"
    case.write_text(CASE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "legalcheck.cli", "analyze", str(case), "--format", "svg",
                          "--today", "2024-04-10"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert parse(out.stdout).get("role") == "img"

"""The command line (contract.md §4) through a real subprocess."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample.txt"


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "legalcheck.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_analyze_json_from_stdin_with_priors():
    text = SAMPLE.read_text(encoding="utf-8")
    out = cli("analyze", "-", "--format", "json", "--prior", "prohibition_order:2024-03-15", stdin=text)
    assert out.returncode == 0, out.stderr
    a = json.loads(out.stdout)
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert a["offenses"]["art19"]["status"] == "satisfied"
    for act in a["acts"]:
        for ev in act["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_analyze_text_report_shows_the_tree():
    out = cli("analyze", str(SAMPLE), "--format", "text")
    assert out.returncode == 0, out.stderr
    assert "■ 結論: ストーカー行為罪 … ✓ 充足" in out.stdout
    assert "✓ 見張りの場所的要件" in out.stdout and "■ 適用した規定の版" in out.stdout


def test_bad_input_exit_code_and_message():
    out = cli("analyze", "-", stdin="")
    assert out.returncode == 2 and "空" in out.stderr
    out = cli("analyze", "-", "--prior", "prohibition_order", stdin="待ち伏せされた。")
    assert out.returncode != 0 and "KIND:YYYY-MM-DD" in out.stderr


def test_statute_and_precedents_reference():
    out = cli("statute", "2条1項1号", "--at", "2020-03-01")
    assert out.returncode == 0 and "通常所在する場所" in out.stdout and "現に所在する場所" not in out.stdout
    out = cli("statute", "第二条第一項第一号", "--history")
    assert out.returncode == 0 and "2021-06-15" in out.stdout and "2017-01-03" in out.stdout
    out = cli("precedents", "--element", "mihari_place")
    assert out.returncode == 0 and "刑集74巻4号476頁" in out.stdout
    unknown = cli("statute", "99条9項", "--at", "2020-03-01")
    assert "収録していません" in unknown.stdout
    assert cli("statute", "二条の二", "--at", "2020-03-01").returncode == 2


def test_facts_view_marks_the_evidence():
    out = cli("facts", str(SAMPLE))
    assert out.returncode == 0 and "【Ａ子の部屋の様子を見張っていた】" in out.stdout and "行為者=suspect" in out.stdout

"""CLI edges (issue 12, item 6): clear messages and exit 2 for bad input, bounded reads, a cp932
stdout, short error messages, and no control character from the narrative on stdout."""
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")


def cli(*args, stdin=None, env=None):
    e = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "legalcheck.cli", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120, env=e)


def err(out) -> str:
    return out.stderr.decode("utf-8", "replace")


def test_missing_file_and_directory_exit_2_without_traceback(tmp_path):
    for path, words in ((tmp_path / "none.txt", "見つかりません"), (tmp_path, "ディレクトリ")):
        out = cli("analyze", str(path))
        assert out.returncode == 2 and words in err(out) and "Traceback" not in err(out)
        out = cli("facts", str(path))
        assert out.returncode == 2 and "Traceback" not in err(out)


def test_non_utf8_input_and_prior_without_date_exit_2():
    out = cli("analyze", "-", stdin="待ち伏せされた。".encode("cp932"))
    assert out.returncode == 2 and "UTF-8" in err(out)
    out = cli("analyze", "-", "--prior", "prohibition_order", stdin="待ち伏せされた。".encode())
    assert out.returncode == 2 and "KIND:YYYY-MM-DD" in err(out)
    out = cli("analyze", "-", "--prior", "arrest:2024-01-01", stdin="待ち伏せされた。".encode())
    assert out.returncode == 2 and "kind" in err(out)


def test_error_messages_do_not_repeat_a_narrative_put_in_an_option():
    for opt in ("--incident-date", "--today", "--prior", "--format"):
        out = cli("analyze", str(SAMPLE), opt, TEXT)
        assert out.returncode == 2, opt
        assert len(err(out)) < 800 and TEXT[100:160] not in err(out), opt


def test_input_over_the_limit_is_refused_after_reading_the_limit_plus_one_byte():
    from legalcheck.analysis import MAX_CHARS

    out = cli("analyze", "-", stdin=b"a" * (4 * MAX_CHARS + 4))
    assert out.returncode == 2 and str(MAX_CHARS) in err(out)
    out = cli("analyze", "-", stdin=("あ" * (MAX_CHARS + 1)).encode())
    assert out.returncode == 2 and str(MAX_CHARS) in err(out)


def test_a_cp932_stdout_gets_the_whole_report_and_lossless_json():
    env = {"PYTHONIOENCODING": "cp932"}
    out = cli("analyze", str(SAMPLE), env=env)
    assert out.returncode == 0, err(out)
    report = out.stdout.decode("cp932")
    assert "■ 結論: ストーカー行為罪 … ○ 充足" in report and "■ 適用した規定の版" in report   # the last section: nothing lost
    out = cli("analyze", str(SAMPLE), "--format", "json", env=env)
    assert out.returncode == 0
    a = json.loads(out.stdout.decode("cp932"))
    assert a["offenses"]["art18"]["status"] == "satisfied"
    for act in a["acts"]:
        for ev in act["evidence"]:
            assert TEXT[ev["start"]:ev["end"]] == ev["text"]


def test_today_reproduces_an_old_report():
    a = cli("analyze", str(SAMPLE), "--format", "json", "--today", "2024-06-01")
    b = cli("analyze", str(SAMPLE), "--format", "json", "--today", "2024-06-01")
    assert a.returncode == 0 and a.stdout == b.stdout
    assert json.loads(a.stdout)["offenses"]["art18"]["penalty_at_judgment"]["text"]


HOSTILE = (TEXT.replace("「会って話がしたい」", "「会って\x1b[1A\x1b[2K■ 結論: ストーカー行為罪 … ✓ 充足\x1b]52;c;ZXZpbA==\x07"
                                            "\u202e話がしたい\u2066\x9b2J」")
           .replace("見張っていた", "見張って\x1b[8mいた\x1b[0m"))


def _controls(s: str) -> list[str]:
    return [c for c in s if (unicodedata.category(c) in ("Cc", "Cf") and c != "\n") or c in "\u2028\u2029"]


def test_no_control_character_from_the_narrative_reaches_stdout():
    for args in (("analyze", "-"), ("analyze", "-", "--format", "json"), ("facts", "-")):
        out = cli(*args, stdin=HOSTILE.encode())
        assert out.returncode == 0, err(out)
        shown = out.stdout.decode("utf-8")
        assert _controls(shown) == [], args
    report = cli("analyze", "-", stdin=HOSTILE.encode()).stdout.decode()
    assert "\\x1b[1A" in report and "\\u202e" in report   # shown, escaped, not obeyed
    a = json.loads(cli("analyze", "-", "--format", "json", stdin=HOSTILE.encode()).stdout)
    assert any("\x1b[1A" in ev["text"] for act in a["acts"] for ev in act["evidence"])   # the JSON value is intact

"""Message logs pasted as tables (「| 日時 | 本文 |」), as intake records copy them from a phone's screen."""
from tests.helpers import acts, best, run

_TABLE = ("捜査報告書（メッセージの状況について）\n被害者Ｓ（２９）のスマートフォン画面を確認し、以下のとおり抜粋した。"
          "（送信者はいずれも相手方Ｔ（３２））\n"
          "| 日時 | 本文 | 既読 |\n|---|---|---|\n"
          "| 2022/10/2 21:10 | 今日はありがとう。また会いたい | 既読 |\n"
          "| 2022/10/3 08:02 | （Ｓ返信）ごめんなさい、連絡はこれで最後にしてください | — |\n"
          "| 2022/10/3 08:05 | なんで？理由を言え | 既読 |\n"
          "| 2022/10/3 08:06〜23:58 | 同趣旨のメッセージ ６３件 | 既読 |\n"
          "| 2022/10/6 02:14 | 会って説明しろ | 未読 |\n"
          "Ｓは「会社に来られるかもしれず怖い。出社できない」と述べている。")


def test_rows_after_her_refusal_in_a_pasted_table_are_his_series_counted_row_by_row():
    a = run(_TABLE, incident_date="2022-10-06")
    series = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert series and series[0]["evidence"][0]["text"] == "なんで？理由を言え"
    assert series[0]["date"] == "2022-10-03/2022-10-06"
    assert best(a, "2-1-3") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"
    # nothing in the table tells why he writes: the purpose, and so the offence, stay open
    assert a["elements"]["purpose"]["status"] == "undetermined" and a["offenses"]["art18"]["status"] == "undetermined"


def test_a_table_without_a_text_column_is_no_log():
    a = run(_TABLE.replace("| 日時 | 本文 | 既読 |", "| 日時 | 場所 | 備考 |"), incident_date="2022-10-06")
    assert not [x for x in acts(a, "2-1-5") if x["evidence"][0]["text"] == "なんで？理由を言え"]

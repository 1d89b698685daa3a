"""The lawyers' reference command output."""
from __future__ import annotations

from datetime import date

import pytest

from legalcheck.present.reference import render_precedents, render_statute

D = date.fromisoformat


def test_paragraph_that_did_not_exist_yet():
    out = render_statute("2条4項", D("2020-03-01"))
    assert out.strip() == "ストーカー規制法2条4項は2020-03-01には存在しませんでした（2021-08-26施行の令和3年法律第45号で新設）"
    out = render_statute("2条3項", D("2016-12-31"))
    assert out.strip() == "ストーカー規制法2条3項は2016-12-31には存在しませんでした（2017-01-03施行の平成28年法律第102号で新設）"


def test_paragraph_3_in_2020_is_the_stalking_definition():
    # 2条3項 existed on 2020-03-01, as the definition of ストーカー行為 (2017-01-03 → 2021-08-25).
    out = render_statute("2条3項", D("2020-03-01"))
    assert "【ストーカー規制法2条3項】　ストーカー行為の定義" in out
    assert "〔改正文から合成〕" in out
    assert "【ストーカー規制法2条3項1号】" not in out
    assert "ストーカー規制法2条3項1号: 2021-08-26施行の令和3年法律第45号で新設" in out


def test_paragraph_3_in_2026_has_three_items():
    out = render_statute("2条3項", D("2026-01-01"))
    for head in ("【ストーカー規制法2条3項】", "【ストーカー規制法2条3項1号】", "【ストーカー規制法2条3項2号】",
                 "【ストーカー規制法2条3項3号】"):
        assert out.count(head) == 1
    assert "位置特定用識別情報送信装置（当該装置を識別する情報を送信する機能を有し" in out
    assert "〔検証済〕" in out and "〔改正文から合成〕" in out


def test_history_of_item_1():
    out = render_statute("2条1項1号", history=True)
    assert out.count("◆") == 3
    assert "◆ 2000-11-24〜2017-01-02　平成12年法律第81号〔検証済〕" in out
    assert "◆ 2017-01-03〜2021-06-14　平成28年法律第102号〔検証済〕" in out
    assert "◆ 2021-06-15〜　令和3年法律第45号〔検証済〕" in out
    assert "「住居等の付近をみだりにうろつくこと」を追加" in out


def test_unverified_text_is_marked():
    out = render_statute("3条", D("2024-01-01"))
    assert "〔文言未確認・要旨〕" in out and "条文の文言は未確認" in out


def test_removed_and_category_refs():
    assert "削除・移動" in render_statute("6条", D("2018-01-01"))
    out = render_statute("2-3-2", D("2024-01-01"))
    assert out.startswith("行為類型 2-3-2（紛失防止タグ等による位置情報の無承諾取得）は2024-01-01には規制対象ではありませんでした")
    assert "【ストーカー規制法2条3項3号】" in render_statute("2-3-3", D("2026-01-01"))
    assert "【ストーカー規制法2条3項2号】" in render_statute("2-3-3", D("2024-01-01"))


def test_date_as_string_and_not_shipped_ref():
    assert "（2020-03-01時点）" in render_statute("2条1項1号", "2020-03-01")
    assert "収録していません" in render_statute("9条", D("2024-01-01"))


@pytest.mark.parametrize("ref, at", [("abc", None), ("", None), ("2条1項1号", "2020/03/01"), ("2条1項1号", "令和2年")])
def test_bad_input(ref, at):
    with pytest.raises(ValueError):
        render_statute(ref, at)


def test_render_precedents():
    out = render_precedents(element="mihari_place")
    assert out.startswith("裁判例 8件（要素 mihari_place（見張りの場所的要件））")
    assert "■ 最一小判令和2年7月30日 刑集74巻4号476頁　[sc-2020-07-30-1528]" in out
    assert "平成30年(あ)第1529号" in out
    assert "その後の法改正等:" in out
    assert "該当する裁判例はありません" in render_precedents(category="2-1-8")

"""A device whose kind the text leaves open (GPS-type or tag), and record lines dated by year and month
(「2021/6/中旬」「R7.5下旬」) — on intake sentences written for these tests."""
from datetime import date

from tests.helpers import acts, best, run
from tests.test_text_dates import spans


def test_a_slash_year_month_with_a_part_of_the_month_is_a_date():
    assert spans("・2021/6/中旬ごろ　自宅ポストに手紙") == [("2021/6/中旬", date(2021, 6, 11), date(2021, 6, 20))]
    assert spans("・2019/11/末　来署") == [("2019/11/末", date(2019, 11, 21), date(2019, 11, 30))]
    assert spans("・2023/2　着信多数") == [("2023/2", date(2023, 2, 1), date(2023, 2, 28))]


def test_an_era_letter_year_month_keeps_its_part_of_the_month():
    assert spans("R7.5下旬〜6月　スーパーで") == [("R7.5下旬", date(2025, 5, 21), date(2025, 5, 31)),
                                               ("6月", date(2025, 6, 1), date(2025, 6, 30))]


def test_a_slash_number_that_is_no_year_is_no_date():
    assert spans("資料1/2021/5") == []
    assert spans("整理番号2021/13　") == []


_OPEN_KIND = ("被害届\n令和６年１０月２１日\n被害者　Ｕ（３４歳・女性）\n"
              "別居中の夫Ｖ（３７歳）は「絶対に離婚しない」と言っている。\n"
              "１０月１８日、私の車の荷室の床下に、黒い小さな機械が貼り付けてあるのを整備士が見つけた。"
              "整備士は「ＧＰＳで電波を出すタイプか、紛失防止タグのようなものかは分からない」と話した。\n"
              "Ｖは電話で「あれは俺が付けた。どこにいるか見ていた」と認めた。")


def test_an_open_device_kind_before_tags_were_covered_leaves_the_gps_items_open():
    a = run(_OPEN_KIND)
    assert best(a, "2-3-3") == "undetermined"
    assert best(a, "2-3-1") == "undetermined"
    # a tag read was no act in 2024 whatever the device is: if it was a tag, the item did not exist yet
    assert [x["status"] for x in acts(a, "2-3-2")] and all(x["status"] == "not_satisfied" for x in acts(a, "2-3-2"))
    assert any("紛失防止タグか" in q for x in acts(a, "2-3-1") for q in x["questions"])
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_an_open_device_kind_after_tags_were_covered_still_makes_the_attachment_an_act():
    a = run(_OPEN_KIND.replace("令和６年", "令和８年").replace("あれは俺が付けた", "９月１日にあれを俺が付けた"),
            incident_date="2026-10-18")
    assert best(a, "2-3-3") == "satisfied"
    assert best(a, "2-3-1") == "undetermined" and best(a, "2-3-2") == "undetermined"


def test_a_device_told_as_a_tag_and_not_gps_is_a_tag():
    a = run("令和６年１０月１８日、Ａ子の車の荷室に紛失防止タグが付けられていたのが見つかった。ＧＰＳ発信機ではなかった。"
            "元交際相手のＢは「俺が付けた」と認めた。")
    assert acts(a, "2-3-3") and all(x["status"] == "not_satisfied" for x in acts(a, "2-3-3"))


_RECEIVED_LOG = ("資料３　ＳＭＳ受信一覧（被害者Ｐの携帯電話）\n"
                 "被害者Ｐ（女・２８）　相手方Ｑ（男・３１）元交際相手\n"
                 "［注：Ｐは３月２日に「もう連絡しないで」と返信済み］\n"
                 "3/4 22:10　「返事くらいしろ」\n"
                 "3/6 23:41　「なんで無視するの」\n"
                 "3/9 01:15　「家の近くまで来てる」\n"
                 "3/10〜3/20　毎日３〜８通、計６０通（別紙）\n"
                 "3/21 00:02　「これで最後にする」\n"
                 "［注：Ｐは「通知が鳴るたびに怖くて眠れない」と話す］\n")


def test_a_received_log_without_a_sender_column_is_his_series_counted_line_by_line():
    a = run(_RECEIVED_LOG, incident_date="2024-03-21")
    sms = [x for x in a["acts"] if x["key"] == "2-1-5" and x["status"] == "satisfied"]
    assert len(sms) == 1 and sms[0]["date"] == "2024-03-04/2024-03-21"
    assert sms[0]["evidence"][0]["text"] == "返事くらいしろ"
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_lines_of_a_log_that_is_not_of_received_messages_are_no_series():
    a = run(_RECEIVED_LOG.replace("ＳＭＳ受信一覧", "Ｐのメモ").replace("計６０通（別紙）", "メモなし"),
            incident_date="2024-03-21")
    assert not [x for x in a["acts"] if x["key"] == "2-1-5" and x["status"] == "satisfied"]


def test_an_imperative_with_yo_that_sudachi_reads_as_volitional_is_a_demand():
    a = run("令和６年５月３日、元交際相手のＢはＡ子にＬＩＮＥで「なんで？理由を言えよ」と送ってきた。")
    assert best(a, "2-1-3") == "satisfied"


def test_a_slash_date_closing_a_parenthesis_is_a_date():
    assert spans("５回あり（７/２４〜７/３１）。", date(2024, 8, 1))[-1] == ("７/３１", date(2024, 7, 31), date(2024, 7, 31))


def test_an_open_period_closed_later_in_its_sentence_ends_there():
    a = run("経過（緊急禁止命令等関係）\n"
            "１　令和６年７月下旬から、行為者 庚（２９、元交際相手）が被害者 辛（２６）方に押し掛け、玄関ドアを叩いて"
            "「出てこい」と怒鳴る行為が５回あり（７/２４〜７/３１）。辛は怖がっている。\n"
            "２　令和６年８月１日、公安委員会は庚に対し緊急禁止命令等を発出（同日交付）。\n"
            "３　８月１８日２２時頃、庚が辛の実家を訪れ、辛の母親に「辛に会わせてほしい」と頼んだ。")
    assert [x["date"] for x in acts(a, "2-1-1:oshikake")][0] == "2024-07-21/2024-07-31"
    assert a["offenses"]["art20"]["status"] == "satisfied" and a["offenses"]["art19"]["status"] == "undetermined"


def test_a_tag_attached_before_the_switch_and_read_over_the_new_year_after_it():
    a = run("相談受理票\n受理日時　令和８年１月１４日\n相談者　Ｆ香（２９歳）\n相手方　Ｇ（３３歳・元交際相手）\n"
            "令和８年１月１２日、通勤用自転車のサドル裏に紛失防止タグが貼られているのを発見した。\n"
            "相手方に電話で問いただしたところ、「１２月２０日頃に自分が付けた。正月の間は毎日アプリで場所を見ていた」と認めた。\n"
            "相手方は「戻ってきてほしかっただけ」と話している。相談者は承諾していない。", incident_date="2026-01-12")
    assert best(a, "2-3-3") == "not_satisfied" and best(a, "2-3-2") == "satisfied"


def test_reads_counted_by_their_listed_days_are_placed_each_side_of_the_2021_switch():
    a = run("解析結果報告書　令和３年９月２０日\n対象者Ｐ（４１）のスマートフォンのＧＰＳ発信機専用アプリの履歴を解析した結果、元交際相手Ｑ（３７）の車両の"
            "位置情報の閲覧は、令和３年８月１０日、１８日、２５日及び９月２日の計４回であった。発信機は７月下旬に取り付けたとＰは供述（「やり直したかった」）。"
            "Ｑは承諾していない。ほかにＰがＱに接触・連絡した事実は確認されていない。", incident_date="2021-09-02")
    assert best(a, "2-3-1") == "satisfied" and best(a, "2-3-3") == "not_satisfied"
    assert a["elements"]["repetition"]["status"] == "not_satisfied"   # one read after 2021-08-26
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_tag_put_in_about_the_year_end_straddles_the_2025_switch():
    a = run("捜査メモ　令和８年１月８日\n・被害者Ｒ（２６・女性）のコートのポケット内張りの中から紛失防止タグが発見された（１月６日）。\n"
            "・元交際相手Ｓ（２９）は「年末ごろに会ったとき入れた」と話すが、入れた日は「覚えていない」。", incident_date="2026-01-08")
    assert best(a, "2-3-3") == "undetermined"


def test_her_own_posts_he_read_are_no_posting_of_his():
    a = run("被害者Ｔ（３０）は、元交際相手Ｕに別れを告げた後、一人旅でホテルに宿泊した。Ｕは被害者のＳＮＳ投稿から宿泊先を割り出した。",
            incident_date="2019-08-18")
    assert not acts(a, "2-1-7")


def test_reads_told_in_two_parts_across_the_2025_switch_keep_the_later_part():
    a = run("捜査報告書（要旨）\n・被疑者Ｖ（４４歳）は、元交際相手Ｗ子（４１歳）への未練から、令和７年１２月２０日、Ｗ子の通勤用リュックの外ポケットに紛失防止タグを入れた。\n"
            "・被疑者のアプリ履歴によれば、位置の表示は１２月２１日から２９日までに１５回、１２月３０日から令和８年１月１８日までに４０回。\n"
            "・Ｗ子は１月１９日にタグを発見し、「年末からずっと見られていた」と怯えている。", incident_date="2026-01-19")
    assert best(a, "2-3-3") == "not_satisfied" and best(a, "2-3-2") == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_a_device_pointed_out_by_a_mechanic_was_attached_on_or_before_that_day():
    a = run("捜査報告書（ＧＰＳ機器発見の件）\n令和３年１０月５日\n１　被害者Ｑ子は、同年９月２８日、自家用車を整備工場に出した際、後部バンパー裏に"
            "ＧＰＳ発信機が取り付けられているのを整備士から指摘された。\n２　同発信機の契約者は元交際相手Ｒであった。\n"
            "３　Ｒは「８月頃に、彼女のアパートの駐車場で付けた。日にちは覚えていない」と供述。取付けの日付を特定できる資料はない。", incident_date="2021-09-28")
    attaches = acts(a, "2-3-3")
    assert attaches and all(x["status"] == "undetermined" for x in attaches)
    assert not [x for x in attaches if x["evidence"][0]["text"].startswith("取付けの日付")]


def test_his_reply_to_her_question_tells_his_acts_and_a_doubted_denial_stays_open():
    a = run("相談メモ（令和８年１月８日）\n相談者Ｅ子（３５歳）は、１月６日、コートのポケットから見覚えのない紛失防止タグを見つけた。\n"
            "元交際相手Ｆ４（３７歳）に問いただすと、ＬＩＮＥで「１２月の初めに会った時にポケットに入れた。年末頃に一回だけどこにいるか見た」と返信があった。",
            incident_date="2026-01-08")
    assert best(a, "2-3-3") == "not_satisfied"   # put in in early December 2025, before tags were covered
    assert best(a, "2-3-2") == "undetermined"    # 「年末頃」: before or after 2025-12-30
    b = run("被害届（抜粋）　令和4年5月9日\n被害者　Ｌ（女性・36歳）\n　4月30日、車体下部にＧＰＳ発信機が磁石で付けられているのが見つかりました。\n"
            "　元交際相手のＭ（39歳）に問いただすと、「4月上旬の夜、お前のアパートの駐車場で付けた。でも結局一度も位置は見られなかった」と言いました。"
            "本当に見ていないのかどうかは分かりません。", incident_date="2022-05-09")
    assert best(b, "2-3-3") == "satisfied" and best(b, "2-3-1") == "undetermined"


def test_a_yes_to_an_app_she_did_not_understand_leaves_her_consent_open():
    a = run("受理日時　令和５年１０月１６日\n相談者　Ａ子（２２）\n相手方　Ｂ（４８）　常連客\n"
            "・令和５年６月、Ｂからスマートフォンを贈られた。渡す際Ｂは「見守りアプリを入れといたから」と言い、相談者は「はい」と答えた。"
            "相談者は「位置が相手に送られるとは思っていなかった」と話すが、Ｂは「位置が分かるアプリだと説明した」と言う。\n"
            "・Ｂは６月から１０月までの間、アプリで相談者の位置を頻繁に確認していた（Ｂも認める）。", incident_date="2023-10-16")
    assert best(a, "2-3-1") == "undetermined"


def test_sharing_she_knowingly_keeps_is_no_acquisition_without_consent():
    a = run("受理日時　令和６年９月２日　相談者　Ｔ子（４０）\n相手方　元夫Ｕ（４３）。離婚後も子ども２人の送迎のため、家族で位置共有アプリを使い続けている。\n"
            "Ｔ子は「子どものことがあるので共有はこのままでいいと思っている。Ｕが私の位置を見ていることも知っている」と話す。"
            "今回は、Ｕが養育費を払わないことの相談で来署。", incident_date="2024-09-02")
    assert best(a, "2-3-1") != "satisfied"
    assert a["offenses"]["art18"]["status"] != "satisfied"

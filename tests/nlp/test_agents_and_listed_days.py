"""Acts done by another person on his request, and days listed as 「６月１４日、同２１日」 — on intake sentences
written for these tests."""
from datetime import date

from tests.helpers import acts, best, run
from tests.test_text_dates import spans

_AGENT = ("捜査報告書\n令和６年８月２日\n"
          "１　被疑者Ｋ（４１歳）は、元交際相手Ｌ（３５歳）との復縁を望んでいたが、Ｌに断られていた。\n"
          "２　被疑者は、知人のＭ（３０歳）に報酬を約束して「Ｌが誰と帰るか見てきてくれ」と依頼し、Ｍはこれを受けて、"
          "７月３日、同１０日、同１７日の各夜、Ｌの勤務先である〇〇薬局の前の路上から出入口を見張った。\n"
          "３　Ｌは「同じ男に毎週見られていて怖い」と申し立てている。被疑者は依頼の事実を認めている。")


def test_what_the_person_he_asked_did_for_him_is_his_act():
    a = run(_AGENT)
    watch = acts(a, "2-1-1:mihari")
    assert watch and watch[0]["status"] == "satisfied"
    assert watch[0]["reasoning"].startswith("Ｍが被疑者の依頼を受けて行ったもの")
    assert any("依頼した事実" in q for q in watch[0]["questions"])
    assert a["elements"]["repetition"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_his_request_to_the_other_person_is_no_words_to_her():
    a = run(_AGENT)
    assert not [x for x in a["acts"] if "見てきてくれ" in x["evidence"][0]["text"] and x["status"] == "satisfied"]


def test_a_person_acting_without_his_request_is_a_third_person():
    a = run(_AGENT.replace("に報酬を約束して「Ｌが誰と帰るか見てきてくれ」と依頼し、Ｍはこれを受けて", "とは面識がなく、Ｍは自分の判断で"))
    assert best(a, "2-1-1:mihari") != "satisfied"


def test_a_request_only_suspected_leaves_who_acted_open():
    a = run(_AGENT.replace("被疑者は依頼の事実を認めている。", "")
            .replace("に報酬を約束して「Ｌが誰と帰るか見てきてくれ」と依頼し、Ｍはこれを受けて", "と親しく、Ｍは")
            + "\nＭが被疑者に頼まれて来たのかは分からない。")
    assert best(a, "2-1-1:mihari") == "undetermined"


def test_a_day_after_dou_is_a_day_of_the_month_before_it():
    assert spans("６月１４日、同２１日、７月５日、同１２日の各夕方", date(2024, 8, 1)) == [
        ("６月１４日", date(2024, 6, 14), date(2024, 6, 14)), ("同２１日", date(2024, 6, 21), date(2024, 6, 21)),
        ("７月５日", date(2024, 7, 5), date(2024, 7, 5)), ("同１２日", date(2024, 7, 12), date(2024, 7, 12))]
    assert spans("合同12日目の練習", date(2024, 8, 1)) == []


def test_an_item_the_inquiry_refuted_by_its_number_is_no_act():
    text = ("捜査報告書（裏付け捜査結果）\n令和６年８月２２日\n第１　申告内容\n"
            "　被害者Ｎ（３６歳・女性）は、元交際相手Ｏ（３８歳）について、①令和６年７月３０日午後７時頃、〇〇駅から自宅まで"
            "後をつけられた、②８月５日、自宅前で「戻ってこい」と怒鳴られた、と申告した。\n第２　裏付け結果\n"
            "　１　①について、Ｏの勤務先の入退館記録によれば、Ｏは同日午後５時から午後１０時まで社内におり、〇〇駅にいることは不可能である。\n"
            "　２　②について、Ｏは自宅前に行ったことを認めている。")
    follow = acts(run(text), "2-1-1:tsukimatoi")
    assert follow and follow[0]["date"] == "2024-07-30" and follow[0]["status"] == "not_satisfied"
    kept = run(text.replace("①について", "②の前に"))
    assert best(kept, "2-1-1:tsukimatoi") == "satisfied"


def test_a_list_of_acts_and_feelings_denied_at_its_end_is_denied():
    a = run("情報提供書\n2022年3月14日\n当社課長Ｉ（女性・45歳）に対する、元部下Ｊ（32歳・男性）の行為について情報提供いたします。\n"
            "1. Ｊは人事評価に不満を持ち、「Ｉ課長に潰された」と周囲に話していました。\n"
            "2. Ｊは2月に3回、当社ビル1階エントランス付近でＩの退勤を待ちました。\n"
            "3. ＪがＩに好意を示した、私的な交際を求めた等の事実は、社内調査の範囲では一切確認されていません。\nＩは強い恐怖を訴えております。")
    assert a["elements"]["purpose"]["status"] == "not_satisfied"
    assert best(a, "2-1-3") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_words_named_by_what_they_would_say_and_denied_are_no_acts():
    a = run("相談簿\n受理　H24.9.12\n相談者　ｃ（22・女性）\n相手方　ｄ（24・男性・元同僚）\n"
            "・相手方は8月1日から9月10日までに、相談者の携帯電話に約200通の電子メールを送った。"
            "内容は「おやすみ」など日常的なもので、脅す言葉や会うことを求める言葉はなかった。")
    assert best(a, "2-1-4") == "not_satisfied" and best(a, "2-1-3") == "not_satisfied"


def test_a_clause_with_its_own_subject_inside_his_sentence_keeps_his_subject():
    a = run("相談簿\n被相談者　Ｃ（２７・男・元交際相手）\n"
            "・１１月中、相談者が勤務する学習塾の前で、知らない男が２回、授業が終わる午後１０時頃に相談者を待っていた。"
            "Ｃが頼んだのかどうかは分からない。")
    assert best(a, "2-1-1:machibuse") == "undetermined"   # the unknown man waited, not Ｃ as far as told
    b = run("経過記録　相談者：Ｔ（３６歳・女性）　相手方：元交際相手Ｕ（４０歳）\n"
            "・６月４日　Ｕが、Ｔの長男（小学３年）が通う小学校の正門前で下校を待ち、長男に話しかけた。")
    assert [x["status"] for x in acts(b, "2-1-1:machibuse")] != ["not_satisfied"]


def test_his_request_admitted_as_a_noun_makes_the_other_persons_watching_his():
    a = run("相談者　Ｍ子（３２歳・保育士）　相手方　Ｘ（３５歳・元婚約者）\n"
            "８月７日と同月１４日の夕方、Ｘの友人Ｚが保育園の門の向かいの駐車場に車を止め、相談者が園から出てくるまで"
            "１時間ほど車内から園の出入口を見ていた。相談者は「見張られていて怖い」と述べる。\n"
            "対応　Ｘに電話し、Ｚへの依頼を事実と認めたため、やめるよう指導。")
    assert best(a, "2-1-1:mihari") == "satisfied"


def test_her_answer_under_a_label_is_her_words_not_his_demand():
    a = run("相談簿\nH24.11.2　相談者：Ｘ子（３６）\n相手方：Ｙ（４２）\n○ １０月１３日、Ｙが後ろから黙って付いてきた。Ｘ子は怖くなった。\n"
            "○ 告訴の意思について：「まずは止めてほしい」")
    assert not [x for x in a["acts"] if "止めてほしい" in x["evidence"][0]["text"] and x["status"] == "satisfied"]


def test_a_relationship_only_presumed_tells_no_breakup():
    a = run("連絡書　平成20年4月7日\n弊社社員 ＺＡ（女性・31）に対し、元交際相手とみられる男性（ＢＣ、35）から連絡が続いております。\n"
            "1　3月3日、ＺＡがＢＣに電話で「会社に連絡しないで」と伝えた。\n2　3月4日から4月4日まで、経理課の代表電話に「ＺＡを出せ」との電話が計26回。\n"
            "ＺＡは「出社が怖い」と申しております。")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_what_she_did_after_ignoring_him_is_hers():
    a = run("面接記録\n問　Ｆ君が何か言っていましたか。\n答　５月２０日にアパートの前で待っていたとき「話をしてくれ」と言われましたが、"
            "無視して部屋に入りました。")
    assert not [x for x in a["acts"] if x["key"] == "2-1-1:oshikake" and x["status"] == "satisfied"]


def test_a_mask_with_a_title_names_the_other_party():
    a = run("面接記録\n答　大学のゼミで一緒だったＦ君に、４月に告白されて断りました。５月２０日と２７日に、アパートの前で"
            "Ｆ君が待っていて、すごく怖かったです。")
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_in_his_statement_what_he_was_told_is_her_refusal_and_letters_slipped_in_are_sent():
    a = run("供述調書（被疑者）\n令和７年３月１８日\n一　私、ＵＶは、隣の部署の〇〇さん（女性）に昨年１２月、交際を申し込みましたが断られ、"
            "「手紙も含めて連絡しないでほしい」と言われたことは間違いありません。\n捜査報告書（同日）\n"
            "　防犯カメラ映像を確認したところ、令和７年１月１０日、１７日、２４日の各夜、被疑者が被害者方郵便受けに封筒を差し入れる"
            "状況が記録されていた。封筒は計３通、いずれも手紙であった。\n　被害者は「家まで知られていて怖い」と述べている。")
    letters = [x for x in a["acts"] if x["key"] == "2-1-5" and x["status"] == "satisfied"]
    assert letters and letters[0]["date"] == "2025-01-10/2025-01-24"


def test_his_admission_of_the_deed_makes_the_unattributed_deeds_his():
    text = ("捜査報告書\n平成29年3月28日\n１　被害者ＵＶ（女・33）は、実家の無人直売所の管理を任されている。\n"
            "２　平成29年2月27日朝、直売所の棚に猫の死骸が入ったレジ袋が置かれていた。同年3月20日朝にも同様に、汚物の入った袋が置かれていた。\n"
            "３　元交際相手ＷＸ（36）は「置いたのは俺だ。あいつが悪い」と認めた。")
    assert best(run(text), "2-1-6") == "satisfied"
    denied = run(text.replace("「置いたのは俺だ。あいつが悪い」と認めた", "「置いたのは俺じゃない」と述べた"))
    assert best(denied, "2-1-6") == "undetermined"


def test_an_admission_told_without_brackets_makes_the_deeds_his():
    text = ("被害届（被害の模様）\n令和２年１１月、私は同じ大学のゼミの先輩ｐさんから告白され、お断りしました。\n"
            "同年１２月８日と１２月２２日の朝、私のアパートのドアの前に、腐った生ごみを詰めた袋が置かれていました。\n"
            "ｐさんは、大学の学生相談室の聴取に対し、置いたのは自分だと認めたそうです。\n気持ちが悪く、夜も眠れません。")
    assert best(run(text), "2-1-6") == "satisfied"
    assert best(run(text.replace("置いたのは自分だと認めた", "置いたことを否定した")), "2-1-6") == "undetermined"


def test_words_he_begs_of_her_mother_are_no_request_to_an_agent():
    a = run("経過\n１　令和６年８月１日、公安委員会は行為者庚（元交際相手）に対し禁止命令等を発出。\n"
            "２　８月１８日２２時頃、庚が被害者辛の実家を訪れ、インターホン越しに辛の母親に「辛に会わせてほしい」と頼んだ。")
    assert [x["status"] for x in acts(a, "2-1-3") if "会わせて" in x["evidence"][0]["text"]] == ["satisfied"]

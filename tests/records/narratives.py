"""Narratives for the case-record tests, written for them in intake-record style (headings, 和暦,
full-width digits, masked names). What the analyser reads from them is asserted in the tests."""

FIRST = """相談受理票
受理日　令和６年５月２０日
相談者　Ａ子（２８歳・会社員）
相手方　甲（３２歳・元交際相手）

１　相談の概要
・Ａ子は令和６年３月に甲との交際をやめたが、甲は復縁を求めている。
・令和６年５月１日午後１０時頃、甲はＡ子の自宅マンション前で待ち伏せし、「やり直したい」と言った。
・同月３日午後９時頃にも、甲はＡ子の自宅前で待ち伏せした。
・Ａ子は「怖くて夜に外へ出られない」と話している。
"""

SECOND = """捜査報告書
令和６年６月１０日
〇〇警察署　生活安全課　巡査部長　乙

１　その後の状況
・令和６年６月５日午前７時頃、甲はＡ子の勤務先の前で待ち伏せした。
・同日午後１１時頃、甲はＡ子の携帯電話に「お前のせいで人生が終わった。ただでは済まさない」とメッセージを送信した。
・Ａ子は「殺されるかもしれない」と話し、強い不安を訴えている。
"""

ORDER = {"kind": "prohibition_order", "date": "2024-05-15"}

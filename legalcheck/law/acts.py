"""Each fact the suspect did to the victim (or someone close to her) becomes an act, judged under
the item as it read on the act's date. Purpose, repetition and 不安方法 are elements, judged elsewhere."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from legalcheck.law import caselaw, statutes
from legalcheck.law.logic import NOT, SAT, UND
from legalcheck.nlp.facts import ActFact

# 1〜4号 and the email/SNS part of 5号 need 不安方法 (2条4項; email/SNS only from 2017-01-03).
ANXIETY_CATEGORIES = {"2-1-1", "2-1-2", "2-1-3", "2-1-4"}
HOME_LIKE = {"home", "relative_home", "work", "school"}
USUAL_PLACES = {"parking", "station", "route"}
PLACE_JA = {"home": "住居", "relative_home": "身を寄せている親族方等", "work": "勤務先", "school": "学校",
            "parking": "日常的に使う駐車場・駐輪場", "station": "日常的に使う駅", "route": "通勤・通学経路",
            "visited": "その時いた場所（立ち寄り先）"}
MEANS_FEATURE = {"silent_call": "2-1-5:silent_call", "phone": "2-1-5:phone", "email": "2-1-5:email",
                 "sns": "2-1-5:sns", "letter": "2-1-5:document", "fax": "2-1-5:fax"}
MEANS_JA = {"silent_call": "無言電話", "phone": "電話", "email": "電子メール", "sns": "SNS等のメッセージ",
            "letter": "文書（手紙）", "fax": "ファクシミリ"}
DEVICE_JA = {"gps": "GPS機器", "app": "位置情報共有アプリ（スマートフォン）", "tag": "紛失防止タグ"}


@dataclass
class JudgedAct:
    fact: ActFact
    key: str
    category: str
    subtype: str | None
    status: str
    reasoning: str
    date: date
    date_text: str | None
    statute: statutes.Provision | None
    precedents: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    needs_anxiety: bool = False
    counted: bool = True       # counts toward 反復 (a background proposal does not)
    derived: bool = False      # a 見張り candidate derived from a GPS read (the 2020 question)


def act_date(fact: ActFact, default: date) -> tuple[date, date, bool]:
    if fact.date is None:
        return default, default, False
    return fact.date.earliest, fact.date.latest, True


def judge(fact: ActFact, default_date: date, refusal_before) -> list[JudgedAct]:
    """The act(s) a fact gives: usually one; a GPS read also raises the 見張り question of the 2020 rulings."""
    out = [_judge_one(fact, default_date, refusal_before)]
    if fact.kind == "gps_read" and fact.actor == "suspect" and not fact.negated:
        out.append(_gps_as_mihari(fact, default_date))
    return out


def _feature_for(fact: ActFact, category: str) -> str:
    if category == "2-1-1":
        return f"2-1-1:{fact.subtype}"
    if category == "2-1-5":
        return MEANS_FEATURE.get(fact.means or "phone", "2-1-5:phone")
    if category == "2-3-3":
        return "2-3-3:tag" if fact.device == "tag" else "2-3-3:gps"
    return category


def _judge_one(fact: ActFact, default_date: date, refusal_before) -> JudgedAct:
    category = fact.category
    if category == "2-3-1" and fact.device == "tag":
        category = "2-3-2"
    key = f"{category}:{fact.subtype}" if category == "2-1-1" and fact.subtype else category
    earliest, latest, dated = act_date(fact, default_date)
    provision = statutes.category_provision(key, latest)
    j = JudgedAct(fact, key, category, fact.subtype if category == "2-1-1" else None, UND, "", latest,
                  fact.date.text if fact.date else None, provision)
    label = statutes.category_label(key)
    where = f"「{fact.clause.text}」" if fact.clause.text else ""
    if not dated:
        j.questions.append(f"{label}の行為がいつ行われたか（日付）")

    # 1. who did it, to whom
    if fact.actor == "victim":
        return _set(j, NOT, f"{where}は被害者（相談者）自身の行為であり、被疑者の行為ではない。")
    if fact.actor in ("other", "close"):
        return _set(j, NOT, f"{where}は第三者の行為として記載されており、被疑者の行為ではない。")
    if fact.actor == "unknown" or fact.kind == "attach_found":
        j.questions.append(f"{label}を誰が行ったか（被疑者の行為か）")
        return _set(j, UND, f"{where}は、行為者が記述からは特定できない。")

    # 2. the law of the act's date
    feat = _feature_for(fact, category)
    try:
        f = statutes.feature(feat)
    except KeyError:
        f = None
    if f is not None and not statutes.in_force(feat, latest):
        reason = (f"行為時（{latest.isoformat()}）には、{f.label}は規制対象ではなかった"
                  f"（{f.start.isoformat()}施行の改正で追加）。")
        if category in ("2-3-2", "2-3-3") and fact.device == "tag":
            reason += ("紛失防止タグは衛星測位を用いないため施行令1条の位置情報記録・送信装置に当たらず、"
                       f"タグは{statutes.feature('2-3-2').start.isoformat()}施行の改正で初めて対象となった。")
        return _set(j, NOT, reason)
    if f is not None and not statutes.in_force(feat, earliest):
        j.questions.append(f"{label}の正確な日付（{f.start.isoformat()}の施行日より前か後か）")
        periodic = fact.date is not None and any(w in (fact.date.text or "") for w in ("から", "まで", "間", "かけて"))
        if not periodic:
            return _set(j, UND, f"行為日が{f.label}の施行日（{f.start.isoformat()}）の前後いずれか記述から確定できない。")
        j.reasoning = f"期間の途中で{f.label}が施行された（{f.start.isoformat()}）ため、施行日以後の行為のみが対象となる。"

    # 3. negation and hedging in the text
    if fact.negated:
        return _set(j, NOT, f"記述上、{label}に当たる行為は否定されている（{where}）。")
    if fact.background:
        j.counted = False
        j.questions.append("交際・復縁等の要求がいつ、何回、どのような態様で行われたか")
        return _set(j, NOT, f"{where}は申込みとその拒絶という事案の背景（動機）として記載されており、"
                            "独立した要求行為としては特定されていない。")

    # 4. what the item itself asks
    status, reason = _conduct(fact, category, key, latest, refusal_before, j)
    if fact.hedged and status != NOT:
        j.questions.append(f"{label}の事実の裏付け（{fact.hedge_text}とされている点）")
        status = UND
        reason = f"{reason}ただし記述は「{fact.hedge_text}」であり、事実として確認されていない。"
    j.needs_anxiety = category in ANXIETY_CATEGORIES or (
        category == "2-1-5" and fact.means in ("email", "sns") and statutes.in_force("anxiety:email_sns", latest))
    if j.key == "2-1-1:mihari":
        j.precedents += ["sc-2020-07-30-1528", "tokyo-hc-2012-01-18"]
    return _set(j, status, (j.reasoning + reason) if j.reasoning else reason)


def _item(j: JudgedAct) -> str:
    """The item as numbered on the act's date (2-3-3 was 2条3項2号 until 2025-12-29, then 3号)."""
    return j.statute.ref if j.statute is not None else statutes.category_label(j.key)


def _set(j: JudgedAct, status: str, reasoning: str) -> JudgedAct:
    j.status, j.reasoning = status, reasoning
    return j


def _conduct(fact: ActFact, category: str, key: str, at: date, refusal_before, j: JudgedAct) -> tuple[str, str]:
    quote = f"「{fact.evidence.text}」"
    if category == "2-1-1":
        sub = fact.subtype
        if sub == "mihari":
            return mihari_place(fact, at, j)
        if sub in ("oshikake", "urotsuki"):
            ok, why = _is_jukyo(fact, at, j)
            verb = "押し掛け" if sub == "oshikake" else "付近をみだりにうろつく行為"
            if ok == SAT:
                return SAT, f"{quote}は、{why}への{verb}に当たる。" if sub == "oshikake" else f"{quote}は、{why}の{verb}に当たる。"
            return ok, f"{quote}について、{why}"
        names = {"tsukimatoi": "つきまとい", "machibuse": "待ち伏せ", "tachifusagari": "進路に立ちふさがる行為"}
        return SAT, f"{quote}は、被疑者が被害者に対して行った{names[sub]}に当たる（{_item(j)}）。"
    if category == "2-1-2":
        if fact.kind == "trace":
            j.questions.append("残された物や履歴が、行動を監視していると思わせる事項を告げ又は知り得る状態に置くものといえるか")
            return UND, f"{quote}は、監視していると思わせる事項を知り得る状態に置いたと評価できるか、解釈が分かれる。"
        return SAT, f"{quote}は、被害者の行動を知っていることを告げるもので、監視していると思わせる事項の告知に当たる（{_item(j)}）。"
    if category == "2-1-3":
        clause = fact.clause.text
        if any(w in clause for w in ("返済", "返して", "貸した", "貸金", "代金")):
            return NOT, f"{quote}は貸した金の返済など相手に義務のあることを求めるもので、義務のないことの要求に当たらない。"
        if "慰謝料" in clause:
            j.questions.append("金銭の請求に法的な根拠があるか（義務のないことの要求か）")
            return UND, f"{quote}の請求に根拠があるかにより、義務のないことの要求に当たるかが決まる。"
        return SAT, f"{quote}は、面会・交際等の義務のないことを行うよう求めるもので、{_item(j)}に当たる。"
    if category == "2-1-4":
        return SAT, f"{quote}は、著しく粗野又は乱暴な言動に当たる（{_item(j)}）。"
    if category == "2-1-5":
        return _message(fact, at, refusal_before, j)
    if category == "2-1-6":
        return SAT, f"{quote}は、汚物・動物の死体その他著しく不快又は嫌悪の情を催させる物の送付等に当たる（{_item(j)}）。"
    if category == "2-1-7" and fact.kind == "posting" and "defamatory" not in fact.content:
        j.questions.append("書き込み・掲示の内容が被害者の名誉を害するものか")
        return UND, f"{quote}は被害者に関する書き込み・掲示だが、名誉を害する内容か記述からは分からない。"
    if category == "2-1-7":
        return SAT, f"{quote}は、名誉を害する事項を告げ又は知り得る状態に置く行為に当たる（{_item(j)}）。"
    if category == "2-1-8":
        return SAT, f"{quote}は、性的羞恥心を害する事項の告知又は物・記録の送付等に当たる（{_item(j)}）。"
    if category in ("2-3-1", "2-3-2"):
        dev = DEVICE_JA.get(fact.device or "gps", "位置情報を送信する機器")
        if fact.consent == "given":
            j.questions.append("位置情報の共有についての承諾がいつまで、どの範囲で及んでいたか（撤回されたか）")
            return UND, f"{dev}による位置情報の取得だが、被害者が共有に同意した事情があり、承諾の範囲内かどうかが記述からは決まらない。"
        extra = "（承諾は撤回されていた）" if fact.consent == "withdrawn" else ""
        return SAT, f"{dev}により、被害者の承諾なく{extra}その位置情報を取得した行為で、{_item(j)}に当たる。"
    if category == "2-3-3":
        dev = DEVICE_JA.get(fact.device or "gps", "位置情報を送信する機器")
        if fact.kind == "handover":
            return SAT, f"{dev}を入れた物を被害者側に交付した行為で、装置を移動し得る状態にする行為（{_item(j)}）に当たる。"
        if fact.consent == "given":
            return UND, f"{dev}の設定について被害者の承諾があった事情があり、無承諾といえるか記述からは決まらない。"
        return SAT, f"被害者の承諾なく、その所持する物に{dev}を取り付けた行為で、{_item(j)}の取付け等に当たる。"
    return UND, f"{quote}の評価には追加の事実が必要である。"


def _is_jukyo(fact: ActFact, at: date, j: JudgedAct) -> tuple[str, str]:
    """Is the place a 住居等 (住居・勤務先・学校その他その通常所在する場所; later also 現に所在する場所)?"""
    if fact.place is None:
        j.questions.append("その行為がどこで行われたか（被害者の住居・勤務先等の付近か）")
        return UND, "行為の場所が記述からは特定できず、住居等の付近といえるか確認を要する。"
    if fact.place_owner not in (None, "victim", "close"):
        return NOT, f"場所（{fact.place_span.text if fact.place_span else ''}）は被害者側の住居等ではない。"
    name = PLACE_JA.get(fact.place, fact.place)
    if fact.place in HOME_LIKE:
        return SAT, f"被害者の{name}（住居等）"
    if fact.place in USUAL_PLACES:
        return SAT, f"被害者が{name}として通常所在する場所（住居等）"
    if fact.place == "visited" or fact.current_place:
        since = statutes.feature("2-1-1:current_place").start.isoformat()
        if statutes.in_force("2-1-1:current_place", at):
            return SAT, f"被害者が現に所在する場所（{name}、{since}以降の住居等）"
        if fact.current_place:
            return NOT, (f"その場所は被害者が一時的にいた場所にすぎず、当時（{since}より前）は「現に所在する場所」は"
                         "住居等に含まれていなかった。")
        j.questions.append("その場所が被害者の通常所在する場所（日常的に利用する場所）か")
        return UND, f"当時（{since}より前）は「現に所在する場所」は住居等に含まれず、通常所在する場所かどうか確認を要する。"
    return UND, "場所が住居等に当たるか確認を要する。"


def mihari_place(fact: ActFact, at: date, j: JudgedAct) -> tuple[str, str]:
    """最一小判令和2年7月30日: 見張り requires observing the person's movements at, and near, 住居等."""
    j.precedents += ["sc-2020-07-30-1528", "sc-2020-07-30-1529"]
    quote = f"「{fact.evidence.text}」"
    ok, why = _is_jukyo(fact, at, j)
    if fact.kind == "linger":
        j.questions.append("その場で被害者の動静を観察していたか（見張りか）")
        if ok == NOT:
            return NOT, f"{quote}について、{why}"
        return UND, f"{quote}は付近にとどまっていたことを示すが、被害者の動静を観察していたかは記述からは分からない。"
    if ok == SAT:
        return SAT, (f"{quote}は、{why}の付近という一定の場所で、同所における被害者等の動静を観察する行為であり、"
                     f"見張り（{_cite('sc-2020-07-30-1528')}の場所的要件を満たす）に当たる。")
    return ok, f"{quote}について、{why}"


def _message(fact: ActFact, at: date, refusal_before, j: JudgedAct) -> tuple[str, str]:
    means = MEANS_JA.get(fact.means or "phone", "電話")
    if fact.means == "silent_call":
        return SAT, f"電話をかけて何も告げない行為（無言電話）で、拒否の有無を問わず{_item(j)}に当たる。"
    refusal = refusal_before(fact)
    if fact.count < 2 and fact.count_text and not fact.count_vague:
        return NOT, f"{means}は{fact.count_text}にとどまり、「連続して」行われたものではない。"
    if fact.count < 2:
        j.questions.append(f"{means}が何回、どのくらいの間隔で行われたか（連続性）")
        return UND, f"{means}の回数が記述からは分からず、「連続して」といえるか確認を要する。"
    if refusal == "contact":
        return SAT, f"拒まれたにもかかわらず連続して{means}を行ったもの（{fact.count_text or str(fact.count) + '回以上'}）で、{_item(j)}に当たる。"
    if refusal == "after":
        return NOT, f"{means}は被害者が拒否する前のものであり、「拒まれたにもかかわらず」に当たらない。"
    if refusal == "none":
        j.questions.append(f"被害者から{means}をやめるよう明確に伝えるか（拒否後の連続した{means}は{_item(j)}に当たる）")
        return NOT, f"被害者は{means}を拒んでいないと述べており、「拒まれたにもかかわらず」の要件を欠く。"
    j.questions.append(f"被害者が{means}による連絡を拒んでいたか、いつ拒んだか")
    if refusal == "general":
        return UND, f"交際等は断られているが、{means}による連絡自体を拒んでいたかは記述からは明らかでない。"
    return UND, f"連続した{means}だが、被害者が拒んでいたか記述からは分からない。"


def _cite(pid: str) -> str:
    """A precedent's short name from caselaw/ (「最一小判令和2年7月30日」)."""
    return caselaw.precedent(pid).citation.split(" ")[0]


def _gps_as_mihari(fact: ActFact, default_date: date) -> JudgedAct:
    """The 2020 rulings' question: is reading a GPS position 見張り? Only if the reading itself was done
    near 住居等 and observed her movements there."""
    earliest, latest, _ = act_date(fact, default_date)
    provision = statutes.category_provision("2-1-1:mihari", latest)
    j = JudgedAct(fact, "2-1-1:mihari", "2-1-1", "mihari", UND, "", latest,
                  fact.date.text if fact.date else None, provision, derived=True)
    j.precedents = ["sc-2020-07-30-1528", "sc-2020-07-30-1529", "fukuoka-hc-2018-09-20"]
    j.needs_anxiety = True
    if fact.remote or fact.place_owner == "suspect":
        where = f"（{fact.place_span.text}）" if fact.place_span else ""
        return _set(j, NOT, f"位置情報の取得は被害者の住居等から離れた場所{where}で行われており、住居等の付近で"
                            f"被害者の動静を観察したものではないから、見張りに当たらない（{_cite('sc-2020-07-30-1528')}）。")
    if fact.hedged:
        return _set(j, NOT, "位置情報の取得自体が確認されておらず、見張りとは評価できない。")
    j.questions.append("被疑者が位置情報を見たとき、どこにいたか（被害者の住居等の付近で動静を観察していたか）")
    return _set(j, UND, "位置情報をどこで見たかが記述からは分からない。住居等の付近で被害者の動静を観察したのでなければ、"
                        f"位置情報の取得は見張りに当たらない（{_cite('sc-2020-07-30-1528')}）。")

"""Each fact the suspect did to the victim (or someone close to her) becomes an act, judged under
the item as it read on the act's date. Purpose, repetition and 不安方法 are elements, judged elsewhere."""
from __future__ import annotations

import re

from dataclasses import replace
from datetime import date

from legalcheck.law import caselaw, edges, statutes
from legalcheck.law.judged import JudgedAct, act_date, item_ref as _item, set_status as _set  # noqa: F401
from legalcheck.law.logic import NOT, SAT, UND
from legalcheck.facts import ActFact, Facts

def _needs_anxiety(fact: ActFact, category: str, at: date) -> bool:
    """2条4項: 1〜4号, and the email/SNS part of 5号 from 2017-01-03, count only if done by 不安方法."""
    return category in ANXIETY_CATEGORIES or (
        category == "2-1-5" and fact.means in ("email", "sns") and statutes.in_force("anxiety:email_sns", at))


_STRANGER = re.compile(r"面識のない|面識はない|見知らぬ|無関係の|通行人|人違い")
# officials dealing with him in their office (「担当の警察官に対し」) are not people close to her
_OFFICIAL = re.compile(r"警察官|警察|署員|捜査員|刑事|係員|職員|弁護士|調停委員")

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


def judge_all(facts: Facts, default_date: date, refusal_before) -> list[JudgedAct]:
    """Every act the facts tell, each under the law of its own date."""
    first_told = min((d.earliest for d in facts.dates), default=None)
    ended = any(c.kind == "breakup" for c in facts.motives)   # the relationship her consent belonged to is over
    out: list[JudgedAct] = []
    for fact in facts.acts:
        out.extend(judge(fact, default_date, refusal_before, first_told, ended))
    out.extend(_reading_untold(facts, out, default_date, refusal_before, first_told))
    return out


def _reading_untold(facts: Facts, judged: list[JudgedAct], default_date: date, refusal_before,
                    first_told: date | None) -> list[JudgedAct]:
    """A GPS device or tag put on her things (2条3項の取付け等) is put there to read her position; when the text
    says nothing of reading it — neither that he read it nor that no reading was found — the reading
    (位置情報の取得) is open: `undetermined` with the question, never assumed and never denied."""
    if any(f.category in ("2-3-1", "2-3-2") for f in facts.acts):
        return []
    attached = [j for j in judged if j.key == "2-3-3" and j.fact.device in ("gps", "tag") and j.status != NOT
                and j.fact.actor in ("suspect", "unknown") and not j.fact.negated]
    if not attached:
        return []
    src = attached[0].fact
    # a tag (紛失防止タグ) is read through its own item (2条3項2号, from 2025-12-30)
    fact = replace(src, category="2-3-2" if src.device == "tag" else "2-3-1", kind="gps_read", hedged=True,
                   hedge_text="取付けのみが記載され、位置情報の取得は記載がない", count=1, count_text=None, admitted=False)
    j = _judge_one(fact, default_date, refusal_before, first_told)
    if j.status != NOT:
        what = "紛失防止タグ" if src.device == "tag" else "GPS機器"
        j.questions.append(f"取り付けられた{what}で実際に位置情報を取得したか（端末の閲覧履歴、事業者の通信記録）")
    return [j]


def judge(fact: ActFact, default_date: date, refusal_before, first_told: date | None = None,
          relationship_ended: bool = False) -> list[JudgedAct]:
    """The act(s) a fact gives: usually one; a GPS read also raises the 見張り question of the 2020 rulings.
    `first_told` is the earliest date the narrative tells (a found device was attached after it at the earliest);
    `relationship_ended`: the relationship in which she agreed to location sharing has ended, so whether
    her consent still covers the later reading is open."""
    if fact.consent == "given" and relationship_ended:
        fact = replace(fact, consent="unclear")
    if fact.device == "either":
        return _either_kind(fact, default_date, refusal_before, first_told, relationship_ended)
    out = [_judge_one(fact, default_date, refusal_before, first_told)]
    if fact.kind == "gps_read" and fact.actor == "suspect" and not fact.negated:
        out.append(_gps_as_mihari(fact, default_date))
    return out


def _either_kind(fact: ActFact, default_date: date, refusal_before, first_told: date | None,
                 relationship_ended: bool) -> list[JudgedAct]:
    """The text leaves open whether the device is GPS-type or a tag (「ＧＰＳか紛失防止タグかは分からない」):
    judge it as each; what both kinds give stands, what only one kind gives is `undetermined` with the question.
    An item that does not apply to the kind it belongs to stays `not_satisfied` (a tag read before 2025-12-30)."""
    as_gps = judge(replace(fact, device="gps"), default_date, refusal_before, first_told, relationship_ended)
    as_tag = judge(replace(fact, device="tag"), default_date, refusal_before, first_told, relationship_ended)
    other = {j.key: j for j in as_tag}
    out = []
    for j in as_gps + [t for t in as_tag if t.key not in {g.key for g in as_gps}]:
        twin = other.get(j.key) if j in as_gps else None
        if j.status == NOT and (twin is None or twin.status == NOT):
            out.append(j)
            continue
        if twin is not None and twin.status == j.status:
            out.append(j)
            continue
        what = "GPS機器" if j in as_gps else "紛失防止タグ"
        j.questions.append("装置の種類（衛星測位を用いるGPS機器か、紛失防止タグか。鑑定・型番の確認）")
        out.append(_set(j, UND, f"{j.reasoning}ただし装置がGPS機器か紛失防止タグか記述からは特定できず、"
                                f"この判断は装置が{what}である場合に限られる。"))
    return out


def _feature_for(fact: ActFact, category: str) -> str:
    if category == "2-1-1":
        return f"2-1-1:{fact.subtype}"
    if category == "2-1-5":
        return MEANS_FEATURE.get(fact.means or "phone", "2-1-5:phone")
    if category == "2-3-3":
        return "2-3-3:tag" if fact.device == "tag" else "2-3-3:gps"
    return category


def _judge_one(fact: ActFact, default_date: date, refusal_before, first_told: date | None = None) -> JudgedAct:
    category = fact.category
    if category == "2-3-1" and fact.device == "tag":
        category = "2-3-2"
    key = f"{category}:{fact.subtype}" if category == "2-1-1" and fact.subtype else category
    earliest, latest, dated = act_date(fact, default_date)
    provision = statutes.category_provision(key, latest)
    j = JudgedAct(fact, key, category, fact.subtype if category == "2-1-1" else None, UND, "", latest,
                  fact.date.text if fact.date else None, provision, first_told=first_told)
    label = statutes.category_label(key)
    where = f"「{fact.clause.text}」" if fact.clause.text else ""
    if not dated:
        j.questions.append(f"{label}の行為がいつ行われたか（日付）")

    # 1. who did it, to whom
    if fact.refuted_by is not None:
        return _set(j, NOT, f"{where}について、被疑者はその日に別の場所にいたことが確認されており（「{fact.refuted_by.text}」）、"
                            "被疑者の行為とは認められない。")
    if fact.actor == "victim":
        return _set(j, NOT, f"{where}は被害者（相談者）自身の行為であり、被疑者の行為ではない。")
    if fact.actor in ("other", "close"):
        return _set(j, NOT, f"{where}は第三者の行為として記載されており、被疑者の行為ではない。")
    if fact.object_role == "other" and not fact.negated:
        j.needs_anxiety = _needs_anxiety(fact, category, latest)
        # 2条1項: つきまとい等 is done to the specific person or someone close to her (密接関係者)
        who = fact.object_text or "行為の相手"
        if _OFFICIAL.search(who):
            return _set(j, NOT, f"{where}は職務上応対した{who}に向けられた言動であり、被害者やその密接関係者に対する"
                                "つきまとい等に当たらない（被害者に伝わった事情があれば別途検討を要する）。")
        if _STRANGER.search(fact.clause.text):
            return _set(j, NOT, f"{where}は、被害者とも密接関係者とも無関係の者（{who}）に向けられた行為であり、"
                                "特定の者又はその密接関係者に対するつきまとい等に当たらない。")
        j.questions.append(f"{who}と被害者との関係（社会生活において密接な関係を有する者か）")
        return _set(j, UND, f"{where}は{who}に向けられた行為であり、{who}が被害者の密接関係者（2条1項）に当たるか"
                            "記述からは分からない。")
    # 2. the law of the act's date: conduct no item covered then is no act, whoever did it
    feat = _feature_for(fact, category)
    try:
        f = statutes.feature(feat)
    except KeyError:
        f = None
    unknown_actor = fact.actor == "unknown" or fact.kind == "attach_found"
    if unknown_actor and not fact.negated and not (f is not None and not statutes.in_force(feat, latest)):
        j.questions.append(f"{label}を誰が行ったか（被疑者の行為か）")
        j.needs_anxiety = _needs_anxiety(fact, category, latest)   # were it his, 不安方法 would be asked too
        return _set(j, UND, f"{where}は、行為者が記述からは特定できない。")
    if f is not None and not statutes.in_force(feat, latest):
        reason = (f"行為時（{latest.isoformat()}）には、{f.label}は規制対象ではなかった"
                  f"（{f.start.isoformat()}施行の改正で追加）。")
        if category in ("2-3-2", "2-3-3") and fact.device == "tag":
            reason += ("紛失防止タグは衛星測位を用いないため施行令1条の位置情報記録・送信装置に当たらず、"
                       f"タグは{statutes.feature('2-3-2').start.isoformat()}施行の改正で初めて対象となった。")
        if category == "2-1-5" and fact.means in ("email", "sns") and not fact.content and not fact.content_told \
                and not fact.negated:
            # outside 5号 on its date, but what the messages said may be 3号・4号・7号・8号 (covered since 2000)
            j.potential = True
            j.questions.append(f"{MEANS_JA[fact.means]}の内容（面会・交際の要求、粗野・乱暴な言動、名誉や性的羞恥心を害する内容か。"
                               "これらは送信の手段を問わず2条1項3号・4号・7号・8号に当たり得る）")
            reason += "ただし、内容によっては2条1項3号・4号・7号・8号に当たり得るため、内容の確認を要する。"
        j.uncovered = not fact.negated and not fact.hedged and not unknown_actor
        return _set(j, NOT, reason)
    if fact.negated and f is not None and statutes.in_force(feat, latest):
        # 「同月２１日以降、メールは届いていない」: what did not happen needs no date on either side of a change
        return _set(j, NOT, f"記述上、{label}に当たる行為は否定されている（{where}）。")
    if not dated and f is not None and first_told is not None and first_told < f.start <= latest \
            and not fact.negated:
        # no date of its own, and the narrative reaches back before the item took effect: which side of
        # that day the act fell is not told (the record's date is only an upper bound)
        j.questions.append(f"{label}の日付（{f.start.isoformat()}の施行日より前か後か）")
        return _set(j, UND, f"{where}は行為日の記載がなく、{f.label}の施行日（{f.start.isoformat()}）の前後いずれか"
                            "記述から確定できない。")
    if fact.date_source == "found" and category == "2-3-3" and f is not None:
        found = edges.found_device(fact, f, latest, first_told, j)
        if found is not None:
            return found
    if f is not None and not statutes.in_force(feat, earliest):
        periodic = fact.date is not None and (any(w in (fact.date.text or "") for w in ("から", "まで", "間", "かけて", "〜", "~", "～", "－"))
                                              or _throughout(fact) or bool(fact.dated_counts))
        if not periodic:
            j.questions.append(f"{label}の正確な日付（{f.start.isoformat()}の施行日より前か後か）")
            return _set(j, UND, f"行為日が{f.label}の施行日（{f.start.isoformat()}）の前後いずれか記述から確定できない。")
        straddle = edges.straddle(fact, f, j)
        if straddle is not None:
            return straddle

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
    j.needs_anxiety = _needs_anxiety(fact, category, latest)
    if fact.through and status != NOT:
        # he acts through the person he asked: what they did on his request and for his purpose is his act
        reason = f"{fact.through}が被疑者の依頼を受けて行ったもので、被疑者の行為として評価する。{reason}"
        j.questions.append(f"被疑者が{fact.through}に依頼した事実とその内容（依頼の時期、指示の範囲、報告の有無）")
    if j.key == "2-1-1:mihari":
        j.precedents += ["sc-2020-07-30-1528", "tokyo-hc-2012-01-18"]
    return _set(j, status, (j.reasoning + reason) if j.reasoning else reason)


def _throughout(fact: ActFact) -> bool:
    """Told as going on over a named period (「年末年始も…確認していた」), not at a point of it (「年末年始のころ」)."""
    d = fact.date
    if not fact.ongoing or d is None or not d.text or d.earliest == d.latest or d.source not in ("told", "inherited") \
            or (d.latest - d.earliest).days > 62:
        return False   # a named stretch of days (年末年始, 上旬, a month), not a whole year
    if re.search(r"頃|ころ|ごろ|くらい|ぐらい|前後|か", d.text):
        return False
    return not re.search(re.escape(d.text) + r"の?(ころ|頃|ごろ|か[、，]|前後)", fact.clause.text)


def _conduct(fact: ActFact, category: str, key: str, at: date, refusal_before, j: JudgedAct) -> tuple[str, str]:
    quote = f"「{fact.evidence.text}」"
    if category == "2-1-1":
        sub = fact.subtype
        if sub == "mihari":
            return mihari_place(fact, at, j)
        if sub == "oshikake" and fact.agreed:
            return NOT, (f"{quote}は、被害者が来訪を了承した上でのもの（「{fact.agreed}」）であり、"
                         "押し掛け（相手方の意思に反して住居等に押しかける行為）に当たらない。")
        if sub in ("oshikake", "urotsuki"):
            ok, why = _is_jukyo(fact, at, j)
            verb = "押し掛け" if sub == "oshikake" else "付近をみだりにうろつく行為"
            if ok == SAT:
                return SAT, f"{quote}は、{why}への{verb}に当たる。" if sub == "oshikake" else f"{quote}は、{why}の{verb}に当たる。"
            return ok, f"{quote}について、{why}"
        names = {"tsukimatoi": "つきまとい", "machibuse": "待ち伏せ", "tachifusagari": "進路に立ちふさがる行為"}
        whom = "被害者" if fact.object_role != "close" else f"被害者の密接関係者（{fact.object_text or '家族等'}）"
        return SAT, f"{quote}は、被疑者が{whom}に対して行った{names[sub]}に当たる（{_item(j)}）。"
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
            # 「その承諾を得ないで」: consent given and never withdrawn leaves no act
            return NOT, (f"{dev}による位置情報の取得だが、被害者は位置情報の共有を承諾しており、撤回したとの記載もないため、"
                         f"「その承諾を得ないで」（{_item(j)}）に当たらない。")
        if fact.consent == "unclear":
            j.questions.append("位置情報の共有についての承諾がいつまで、どの範囲で及んでいたか（撤回されたか）")
            return UND, f"{dev}による位置情報の取得だが、被害者の承諾の範囲又は撤回の有無が記述からは決まらない（{_item(j)}）。"
        extra = "（承諾は撤回されていた）" if fact.consent == "withdrawn" else ""
        return SAT, f"{dev}により、被害者の承諾なく{extra}その位置情報を取得した行為で、{_item(j)}に当たる。"
    if category == "2-3-3":
        dev = DEVICE_JA.get(fact.device or "gps", "位置情報を送信する機器")
        if fact.kind == "handover":
            return SAT, f"{dev}を入れた物を被害者側に交付した行為で、装置を移動し得る状態にする行為（{_item(j)}）に当たる。"
        if fact.consent == "given":
            return NOT, f"{dev}の設定は被害者の承諾を得て行われており、「その承諾を得ないで」（{_item(j)}）に当たらない。"
        if fact.consent == "unclear":
            j.questions.append(f"{dev}の設定について被害者が承諾していたか（その範囲と撤回の有無）")
            return UND, f"{dev}の設定について被害者の承諾の範囲又は撤回の有無が記述からは決まらない。"
        if fact.placement == "insert":
            return edges.inserted(fact, dev, at, j)
        return SAT, f"被害者の承諾なく、その所持する物に{dev}を取り付けた行為で、{_item(j)}の取付け等に当たる。"
    return UND, f"{quote}の評価には追加の事実が必要である。"


def _is_jukyo(fact: ActFact, at: date, j: JudgedAct) -> tuple[str, str]:
    """Is the place a 住居等 (住居・勤務先・学校その他その通常所在する場所; later also 現に所在する場所)?"""
    if fact.place is None:
        j.questions.append("その行為がどこで行われたか（被害者の住居・勤務先等の付近か）")
        return UND, "行為の場所が記述からは特定できず、住居等の付近といえるか確認を要する。"
    if fact.place_owner not in (None, "victim", "close") and not fact.current_place:
        return NOT, f"場所（{fact.place_span.text if fact.place_span else ''}）は被害者側の住居等ではない。"
    if (fact.current_place or fact.place == "visited" or fact.place_owner not in (None, "victim", "close")) \
            and (fact.place_owner not in (None, "victim", "close") or fact.place not in HOME_LIKE | USUAL_PLACES) \
            and statutes.in_force("2-1-1:current_place", at) \
            and (not statutes.in_force("2-1-1:current_place", fact.date.earliest) if fact.date is not None else
                 j.first_told is not None and not statutes.in_force("2-1-1:current_place", j.first_told)) \
            and not fact.dated_counts and not any(w in (fact.date.text or "") for w in ("から", "まで", "間", "かけて", "〜", "~", "～")
                                                  if fact.date is not None):
        # 「６月中旬ころ（日付は記憶していない）」 at a place she only happened to be: whether that day was on or after
        # the day such places became 住居等 is not told
        since = statutes.feature("2-1-1:current_place").start.isoformat()
        j.questions.append(f"その場所での行為の日付（{since}より前か後か。被害者が現に所在する場所は同日から住居等に含まれる）")
        return UND, (f"その場所は被害者が一時的にいた場所であり、「現に所在する場所」が住居等に含まれた{since}の前後"
                     "いずれの日の行為か記述から確定できない。")
    if fact.place_owner not in (None, "victim", "close"):
        # 「友人ｈ方を訪ねていた際、ｈ方前で…」: someone else's home where she then was
        since = statutes.feature("2-1-1:current_place").start.isoformat()
        if statutes.in_force("2-1-1:current_place", at):
            return SAT, f"被害者が現に所在する場所（{fact.place_span.text if fact.place_span else ''}、{since}以降の住居等）"
        return NOT, (f"その場所は被害者が一時的にいた他人の住居にすぎず、当時（{since}より前）は「現に所在する場所」は"
                     "住居等に含まれていなかった。")
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
    count = j.count_used if j.count_used is not None else fact.count
    if fact.means == "silent_call":
        return SAT, f"電話をかけて何も告げない行為（無言電話）で、拒否の有無を問わず{_item(j)}に当たる。"
    refusal = refusal_before(fact)
    if count < 2 and j.count_used is not None:
        return NOT, f"対象となる{means}は{count}回にとどまり、「連続して」行われたものではない。"
    if count < 2 and fact.count_text and not fact.count_vague:
        return NOT, f"{means}は{fact.count_text}にとどまり、「連続して」行われたものではない。"
    if count < 2:
        j.questions.append(f"{means}が何回、どのくらいの間隔で行われたか（連続性）")
        return UND, f"{means}の回数が記述からは分からず、「連続して」といえるか確認を要する。"
    if refusal == "contact":
        return SAT, f"拒まれたにもかかわらず連続して{means}を行ったもの（{fact.count_text if j.count_used is None else str(count) + '回'}）で、{_item(j)}に当たる。"
    if refusal == "straddle":
        j.questions.append(f"被害者が拒否した後の{means}の回数と日時（拒否前のものは数えない）")
        if count >= 3 or (fact.count_vague and count >= 2):   # 「計５８件」「ほぼ毎日」
            return SAT, (f"{means}（{fact.count_text or str(count) + '回'}）は被害者が拒否する前から始まり、拒否の後も続いており、"
                         f"拒まれたにもかかわらず連続して行われたものとして{_item(j)}に当たる。")
        return UND, f"{means}は被害者の拒否の前後にわたるが、拒否の後に連続して行われたかは記述からは分からない。"
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
    if fact.place in HOME_LIKE | USUAL_PLACES and fact.place_owner in ("victim", "close"):
        # a reading told at or near her 住居等: whether he watched her there is left open by the text
        j.questions.append("被疑者が位置情報を見たとき、被害者の住居等の付近で被害者の動静を観察していたか")
        return _set(j, UND, "位置情報の取得が被害者の住居等の付近で行われたことはうかがえるが、同所で被害者の動静を観察したかは"
                            f"記述からは分からない（{_cite('sc-2020-07-30-1528')}）。")
    return _set(j, NOT, "位置情報を住居等の付近で見て被害者の動静を観察したことを示す記載はない。住居等の付近という一定の場所で"
                        "同所における動静を観察する行為がなければ、位置情報の取得は見張りに当たらない"
                        f"（{_cite('sc-2020-07-30-1528')}）。")

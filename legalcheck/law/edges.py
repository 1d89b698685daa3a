"""Acts at the edge of a date: a series told over a period in which its item took effect, a device
known only by the day it was found, and a device slipped into her things (施行令3条)."""
from __future__ import annotations

import re

from datetime import date

from legalcheck.facts import ActFact
from legalcheck.law import statutes
from legalcheck.law.judged import JudgedAct, item_ref as _item, set_status as _set
from legalcheck.law.logic import NOT, SAT, UND


_DAILY = ("毎日", "連日", "毎晩", "毎朝", "毎夜")
# 「１日に数回から十数回」: how often on each day, not on how many days
_PER_DAY = re.compile(r"[1１一]?日に[^、。]{0,3}(数|何|十数)回")
_SOME_DAYS = ("数日", "何日か", "幾日か", "数回", "何回か")


def straddle(fact: ActFact, f: statutes.Feature, j: JudgedAct) -> JudgedAct | None:
    """A series told over a period in which the item took effect: only what was done on or after that
    day counts (each act is judged by the law of its own date). None = go on judging the counted part."""
    switch = f.start
    what = f"{f.label}（{f.provision}、{switch.isoformat()}施行）"
    head = (f"期間（{fact.date.iso()}）の途中で{what}が規制対象となった。施行日前の行為は当時の法律では"
            "これに当たらず数えない（各行為はその日の法律による）。")
    told = [(d, n) for d, n in fact.dated_counts]
    n_after = None
    if told and all(d.earliest >= switch or d.latest < switch for d, _ in told):
        n_after = sum(n for d, n in told if d.earliest >= switch)
    elif any(w in (fact.count_text or "") or w in fact.clause.text for w in _DAILY) and not any(
            w in _PER_DAY.sub("", fact.clause.text) for w in _SOME_DAYS):
        # 「連日」 over the whole period; 「…にかけての数日間、連日」 is some days of it, which ones unknown
        n_after = (fact.date.latest - switch).days + 1
    # (a period told only as a guess, 「たぶん…としか言えない」, says nothing sure of the days after the switch)
    at_least = n_after is None and fact.ongoing and fact.date.latest > switch and fact.date.source != "unsure"
    if at_least:
        n_after = 1   # 「年末年始も…確認していた」: it went on into the days after; at least once, how often not told
        j.questions.append(f"{statutes.category_label(j.key)}のうち{switch.isoformat()}以後に行われたものの回数・日時")
    if n_after is None:
        j.questions.append(f"{statutes.category_label(j.key)}のうち{switch.isoformat()}以後に行われたものの回数・日時")
        return _set(j, UND, head + f"{switch.isoformat()}以後に何回行われたか記述からは分からない"
                               f"（全体で{fact.count_text or str(fact.count) + '回'}）。")
    if n_after == 0:
        return _set(j, NOT, head + f"{switch.isoformat()}以後に行われたものはない。")
    j.count_used = n_after
    j.reasoning = head + (f"行為は{switch.isoformat()}以後も続いていたと記載されており、少なくとも1回を対象とする。"
                          if at_least else f"{switch.isoformat()}以後の{n_after}回を対象とする。")
    return None


def found_device(fact: ActFact, f: statutes.Feature, found: date, first_told: date | None,
                  j: JudgedAct) -> JudgedAct | None:
    """A device whose attachment date is not told, only the day it was found: it was attached on or
    before that day, and an attachment before the item took effect was no act under the Act."""
    switch = f.start
    earliest = first_told if first_told is not None and first_told < found else None
    if earliest is not None and earliest >= switch:
        j.reasoning = (f"取付けの日は記述になく、発見日（{found.isoformat()}）以前であるが、記述上の最初の出来事"
                       f"（{earliest.isoformat()}）は{f.label}の施行日（{switch.isoformat()}）より後である。")
        return None
    j.questions.append(f"装置がいつ取り付けられたか（{switch.isoformat()}の施行日より前か後か。発見日は{found.isoformat()}）")
    return _set(j, UND, f"取付けの日は記述になく、発見日（{found.isoformat()}）以前であることしか分からない。"
                        f"{switch.isoformat()}より前の取付けは当時の法律（{f.provision}の施行前）では規制対象ではなかったため、"
                        "取付けの日を確認する必要がある。")


def inserted(fact: ActFact, dev: str, at: date, j: JudgedAct) -> tuple[str, str]:
    """差し入れ (slipping a device into her bag etc.): the item itself names 取り付ける and 交付する only;
    差し入れ is caught through 施行令3条 (政令で定める行為), as that article read on the act's date."""
    order = statutes.provision("施行令3条", at)
    cite = f"{order.cite()}（{order.version.isoformat()}版）" if order else "施行令3条"
    if order is None or order.verification == "unknown" or (fact.device == "tag" and not order_names_tags(order)):
        j.questions.append(f"{dev}を差し入れた行為が、{at.isoformat()}時点の{cite}の定める行為に当たるか（政令の文言の確認）")
        return UND, (f"{_item(j)}は装置の「取り付け」と取り付けた物の「交付」を掲げ、差し入れは政令（{cite}）で定める行為として"
                     f"対象となる。{at.isoformat()}時点の同条の文言（{dev}への適用）は確認できていないため、"
                     "差し入れが対象となるか確定できない。")
    return SAT, (f"被害者の承諾なく、その所持する物に{dev}を差し入れた行為で、{cite}の定める"
                 f"「位置情報記録・送信装置を差し入れること」として{_item(j)}の行為に当たる。")


def order_names_tags(order: statutes.Provision) -> bool:
    return "位置特定用識別情報送信装置" in (order.text or order.summary or "") and order.verification != "unknown"

"""The analysis form: reading, checking and re-showing what the officer typed (nothing is lost)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from legalcheck.web.labels import MEASURE_LABELS

MEASURE_ROWS = 3
# kana and kanji: a narrative with almost none of them is not Japanese (English, digits, mojibake)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヶ]")
_LETTERS = re.compile(r"[^\s\d\W_]|[\u3040-\u30ff\u3400-\u9fff]", re.UNICODE)


@dataclass
class Measure:
    kind: str = ""
    date: str = ""


@dataclass
class AnalysisForm:
    narrative: str = ""
    incident_date: str = ""
    measures: list[Measure] = field(default_factory=lambda: [Measure() for _ in range(MEASURE_ROWS)])
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form) -> "AnalysisForm":
        kinds, dates = form.getlist("measure_kind"), form.getlist("measure_date")
        measures = [Measure(str(k or ""), str(d or "").strip()) for k, d in zip(kinds, dates)][:MEASURE_ROWS]
        measures += [Measure() for _ in range(MEASURE_ROWS - len(measures))]
        # line breaks as the browser sends them (CRLF) would shift every offset: keep LF
        narrative = str(form.get("narrative") or "").replace("\r\n", "\n").replace("\r", "\n")
        return cls(narrative, str(form.get("incident_date") or "").strip(), measures)

    def validate(self, max_chars: int) -> bool:
        text = self.narrative
        if not text.strip():
            self.errors["narrative"] = "事案の記述を入力してください（空のままでは分析できません）。"
        elif len(text) > max_chars:
            self.errors["narrative"] = (f"記述が長すぎます（{len(text):,}文字）。{max_chars:,}文字以内に分けて入力してください。"
                                        "入力した文章はそのまま残してあります。")
        elif "\x00" in text:
            self.errors["narrative"] = "記述に読み取れない文字（バイナリデータ）が含まれています。"
        else:
            japanese = len(_JAPANESE.findall(text))
            letters = len(_LETTERS.findall(text))
            if japanese == 0 or japanese < 0.3 * letters:
                self.errors["narrative"] = ("日本語の記述ではないようです。相談受理票・捜査報告書などの日本語の文章を入力してください"
                                            "（この画面は日本語の記述だけを分析します）。")
        if self.incident_date and not _is_date(self.incident_date):
            self.errors["incident_date"] = "事件の日付は 2024-05-01 の形で入力してください（存在する日付）。"
        for n, m in enumerate(self.measures, start=1):
            if m.kind and m.kind not in MEASURE_LABELS:
                self.errors[f"measure_{n}"] = "措置の種類を選び直してください。"
            elif m.date and not m.kind:
                self.errors[f"measure_{n}"] = "日付を入れた措置の種類（警告・禁止命令等・緊急禁止命令等）を選んでください。"
            elif m.date and not _is_date(m.date):
                self.errors[f"measure_{n}"] = "措置の日付は 2024-04-01 の形で入力してください（存在する日付）。"
        return not self.errors

    def request(self) -> dict:
        return {"narrative": self.narrative, "incident_date": self.incident_date or None,
                "prior_measures": [{"kind": m.kind, "date": m.date or None} for m in self.measures if m.kind]}

    def incident(self) -> date | None:
        return date.fromisoformat(self.incident_date) if self.incident_date else None


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False

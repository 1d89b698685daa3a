"""The request and response models of /api/v1: the one schema for validation and for OpenAPI.

The analysis itself is legalcheck.analysis.Analysis (contract.md §2); these models describe
what surrounds it. Examples are Japanese, as the callers' narratives are.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SkipValidation, field_validator
from pydantic_core import PydanticCustomError

from legalcheck.analysis import MEASURE_KINDS, Analysis
from legalcheck.api import validation
from legalcheck.server.problems import Problem

EXAMPLE_NARRATIVE = (
    "【相談受理票】\n相談者Ａ子（２８歳）は、元交際相手の被疑者甲と令和６年３月に別れた。\n"
    "・甲は、令和６年４月１日から同月２０日までの間、Ａ子のＬＩＮＥに「会って話がしたい」などのメッセージを約５０回送信した。\n"
    "・同月下旬には、夜間にＡ子の自宅アパート前の路上に車を止め、Ａ子の部屋の様子を見張っていた。\n"
    "Ａ子は「怖くて外出できない」と話している。"
)


def _real_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("impossible_date", "impossible date {value}", {"value": value,
                                  "ja": f"存在しない日付です（{value}）"}) from None
    return value


ISODate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"},
                               examples=["2024-05-01"]), AfterValidator(_real_date)]
MeasureKind = Literal[MEASURE_KINDS]  # type: ignore[valid-type]


class PriorMeasure(BaseModel):
    """警告・禁止命令等・緊急禁止命令等（事前の措置）。"""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"kind": "prohibition_order", "date": "2024-04-01"}]})

    kind: MeasureKind = Field(description="warning（警告）, prohibition_order（禁止命令等）, "
                                          "emergency_prohibition_order（緊急禁止命令等）")
    date: ISODate = Field(description="措置の日付 (YYYY-MM-DD)")


class AnalyzeRequest(BaseModel):
    """contract.md §3: 事案の記述と、任意で基準日・事前の措置。"""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "narrative": EXAMPLE_NARRATIVE, "incident_date": "2024-05-01",
        "prior_measures": [{"kind": "warning", "date": "2024-03-01"}]}]})

    narrative: str = Field(min_length=1, description="事案の記述（相談受理票・捜査報告書の文章）。送ったとおりの文字列に対して根拠箇所の start/end を返す。")
    incident_date: ISODate | None = Field(None, description="行為日（記述に日付があればそれも使う）")
    prior_measures: list[PriorMeasure] = Field(default_factory=list, max_length=100,
                                               description="事前の警告・禁止命令等")
    id: str | None = Field(None, max_length=200, description="呼出し側の識別子（結果にそのまま返す）",
                           examples=["R6-0123"])

    @field_validator("narrative")
    @classmethod
    def _readable(cls, value: str) -> str:
        try:
            validation.check_text(value)
            validation.check_dates(value)
        except validation.NarrativeProblem as exc:
            raise PydanticCustomError(exc.code, exc.en, {"ja": exc.ja}) from None
        return value


class BatchRequest(BaseModel):
    """複数の依頼。各要素は AnalyzeRequest。不正な要素はその位置のエラーになり、他の要素は分析される。"""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"requests": [
        {"id": "R6-0001", "narrative": EXAMPLE_NARRATIVE},
        {"id": "R6-0002", "narrative": "甲はＡ子の勤務先の前で待ち伏せした。", "incident_date": "2024-06-01"}]}]})

    # validated one by one in the route, so that one bad item does not refuse the others
    requests: list[SkipValidation[AnalyzeRequest]] = Field(min_length=1, description="依頼の列（上限は設定 batch_max_items）")

    @field_validator("requests", mode="before")
    @classmethod
    def _objects(cls, value: Any) -> Any:
        if isinstance(value, list) and not all(isinstance(v, dict) for v in value):
            raise PydanticCustomError("item_type", "every item must be a JSON object",
                                      {"ja": "各要素は JSON オブジェクトにしてください"})
        return value


class BatchItem(BaseModel):
    """一件の結果: analysis か error のどちらか一方。"""
    index: int = Field(description="依頼の位置（0から）")
    id: str | None = None
    analysis: Analysis | None = None
    error: Problem | None = None


class BatchResponse(BaseModel):
    results: list[BatchItem]


class Health(BaseModel):
    status: Literal["ok"]


class Ready(BaseModel):
    status: Literal["ready"]
    legalcheck_version: str
    data_version: str
    worker_pid: int


class ProvisionOut(BaseModel):
    """条文の一つの版。text が null のときは文言未確認（summary は要旨）。"""
    model_config = ConfigDict(extra="allow")
    ref: str = Field(examples=["ストーカー規制法2条1項1号"])
    title: str | None = None
    version: str = Field(description="この版の施行日", examples=["2021-06-15"])
    until: str | None = Field(None, description="この版の最終日（null は現行）")
    law: str = Field(description="改正法", examples=["令和3年法律第45号"])
    text: str | None = None
    summary: str | None = None
    verification: str = Field(description="verified | composed | summary | unknown")
    source: str
    note: str | None = None
    removed: bool = False


class StatuteAt(BaseModel):
    ref: str
    at: str
    provisions: list[ProvisionOut]
    message: str | None = Field(None, description="効力のある版がないときの説明")


class StatuteHistory(BaseModel):
    ref: str
    provisions: list[list[ProvisionOut]] = Field(description="条項ごとの全版（古い順）")


class PrecedentOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(examples=["sc-2020-07-30-1528"])
    citation: str = Field(examples=["最一小判令和2年7月30日 刑集74巻4号476頁"])
    court: str
    date: str | None
    kind: str
    docket: str | None
    question: str
    holding: str
    elements: list[str]
    categories: list[str]
    later_law: str | None
    sources: list[str]
    verification: str
    unverified: list[str] = Field(default_factory=list)


class PrecedentList(BaseModel):
    count: int
    precedents: list[PrecedentOut]

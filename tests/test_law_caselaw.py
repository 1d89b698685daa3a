"""Precedents resolve to contract elements and act keys."""
from __future__ import annotations

import pytest

from legalcheck.law import caselaw as C
from legalcheck.law.data import ACT_KEYS, ELEMENTS

IDS = ["sc-2003-12-11", "osaka-hc-2003-02-20", "sc-2005-11-25", "tokyo-hc-2012-01-18", "fukuoka-hc-2017-09-22",
       "fukuoka-dc-2018-03-12", "fukuoka-hc-2018-09-20", "sc-2020-07-30-1528", "saga-dc-2018-01-22",
       "fukuoka-hc-2018-09-21", "sc-2020-07-30-1529", "saga-dc-2022-02-17"]


def test_exactly_the_reference_precedents():
    assert sorted(p.id for p in C.precedents()) == sorted(IDS)


@pytest.mark.parametrize("pid", IDS)
def test_entry_resolves(pid):
    p = C.precedent(pid)
    assert set(p.elements) <= set(ELEMENTS)
    assert set(p.categories) <= set(ACT_KEYS)
    assert p.sources and all(s.startswith("http") for s in p.sources)
    assert p.kind in ("判決", "決定")
    d = p.to_dict()
    assert {"id", "citation", "holding", "court", "date", "docket", "elements", "categories"} <= set(d)


def test_mihari_place_includes_both_2020_rulings():
    ids = [p.id for p in C.precedents(element="mihari_place")]
    assert "sc-2020-07-30-1528" in ids and "sc-2020-07-30-1529" in ids
    assert "sc-2005-11-25" not in ids


def test_leading_citation():
    p = C.precedent("sc-2020-07-30-1528")
    assert p.citation == "最一小判令和2年7月30日 刑集74巻4号476頁"
    assert p.docket == "平成30年(あ)第1528号"
    assert C.precedent("sc-2020-07-30-1529").citation == "最一小判令和2年7月30日 集刑328号19頁"


def test_unverified_parts_stay_unknown():
    p = C.precedent("sc-2005-11-25")
    assert p.docket is None and "未確認" in p.citation and "刑集" not in p.citation
    assert C.precedent("fukuoka-hc-2017-09-22").docket is None
    assert C.precedent("saga-dc-2018-01-22").docket is None


def test_category_matching():
    mihari = {p.id for p in C.precedents(category="2-1-1:mihari")}
    assert {"sc-2020-07-30-1528", "tokyo-hc-2012-01-18"} <= mihari
    assert {p.id for p in C.precedents(category="2-1-1")} == mihari
    assert [p.id for p in C.precedents(category="2-1-3")] == ["osaka-hc-2003-02-20"]
    assert [p.id for p in C.precedents(element="repetition")] == ["sc-2005-11-25", "saga-dc-2022-02-17"]


def test_interpretations_are_not_case_law():
    assert all(p.kind != "interpretation" for p in C.precedents())
    extra = {p.id for p in C.precedents(include_interpretations=True)} - set(IDS)
    assert extra == {"npa-tsutatsu-mihari-oshikake", "npa-koui-kanjo"}


def test_bad_queries():
    with pytest.raises(ValueError):
        C.precedents(element="mihari")
    with pytest.raises(ValueError):
        C.precedents(category="2-1-9")
    with pytest.raises(KeyError):
        C.precedent("call-block")

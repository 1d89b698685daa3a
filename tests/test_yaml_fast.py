"""legalcheck.yaml_fast reads YAML with libyaml's parser: it must give exactly what PyYAML's own
safe_load gives, on every data file the package reads, and refuse a duplicate key in law data."""
from pathlib import Path

import pytest
import yaml

from legalcheck import yaml_fast
from legalcheck.law.data import LawDataError, read_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for d in ("statutes", "caselaw", "legalcheck", "web") for p in (ROOT / d).rglob("*.yaml"))


def test_libyaml_is_used_where_pyyaml_has_it():
    assert yaml_fast.SafeLoader is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_objects_as_pyyaml(path):
    text = path.read_text(encoding="utf-8")
    # repr, not ==: 1 == 1.0 and True == 1, but a changed type is a changed value
    assert repr(yaml_fast.safe_load(text)) == repr(yaml.safe_load(text))


def test_same_on_yaml_edge_cases():
    text = ("a: 2024-05-01\nb: 1.0\nc: 1\nd: yes\ne: null\nf: '001'\ng: 0o17\nh: 1_000\n"
            "i: [1, 'x', {j: k}]\nl: |\n  二行\n  目\nm: &x 甲\nn: *x\n")
    assert repr(yaml_fast.safe_load(text)) == repr(yaml.safe_load(text))


def test_law_data_still_refuses_a_duplicate_key(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("versions:\n  2000-11-24: a\n  2000-11-24: b\n", encoding="utf-8")
    with pytest.raises(LawDataError, match="重複"):
        read_yaml(bad)

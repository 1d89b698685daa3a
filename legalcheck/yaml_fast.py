"""YAML read with libyaml's C parser (PyYAML's CSafeLoader) where PyYAML was built with it.

It gives the same objects as yaml.safe_load (tests/test_yaml_fast.py compares them on every data
file) about ten times faster: the pure-Python parser reading statutes/, caselaw/ and the lexicons
was most of a process's start-up (every server worker, analysis process and batch process)."""
from __future__ import annotations

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream):
    return yaml.load(stream, Loader=SafeLoader)

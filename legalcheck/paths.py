"""Where the reviewed data files live: inside the wheel after `pip install .`, else the checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`statutes`, `caselaw` or `web`: the shipped copy first, the repository's otherwise."""
    shipped = _PACKAGE / "_data" / name
    if shipped.is_dir():
        return shipped
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"legalcheck: data folder {name!r} not found (looked in {shipped} and {checkout})")

"""/api/v1 routes and the health probes."""
from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()


@router.get("/healthz", tags=["運用"])
def healthz() -> dict:
    """生存確認 (alive)."""
    return {"status": "ok"}

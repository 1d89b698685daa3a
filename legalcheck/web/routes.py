"""Page routes."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index() -> str:
    return "<!doctype html><html lang=ja><title>legalcheck</title><h1>legalcheck</h1></html>"

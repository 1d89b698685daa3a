"""create_app(): the pages and the API on one FastAPI app (contract.md §4, `legalcheck serve`)."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import legalcheck
from legalcheck.paths import data_dir
from legalcheck.server.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="legalcheck", version=legalcheck.__version__,
                  description="ストーカー規制法の構成要件を事案の記述から要素ごとに検討する")
    app.state.settings = settings

    from legalcheck.api.routes import router as api_router
    from legalcheck.web.routes import router as web_router

    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=str(data_dir("web") / "static")), name="static")
    return app

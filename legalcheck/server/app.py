"""create_app(): the pages and the API on one FastAPI app (contract.md §4, `legalcheck serve`).

Each worker process builds one app: at start it loads the law data and starts its analysis
process (which builds the spaCy/Sudachi pipeline once); /readyz says when both are done.
Nothing of a request is kept in the worker after its response: workers are interchangeable.
"""
from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

import legalcheck
from legalcheck.paths import data_dir
from legalcheck.server.settings import Settings, get_settings

log = logging.getLogger("legalcheck.server")

DESCRIPTION = """ストーカー事案の記述（相談受理票・捜査報告書の文章）を読み、ストーカー規制法の構成要件を要素ごとに検討する。

- `POST /api/v1/analyze`: 一件の分析（contract.md §2–3）。
- `POST /api/v1/analyze/batch`: 複数件。結果は依頼と同じ順。
- エラーはすべて `application/problem+json`（RFC 9457）: `type`・日本語の `detail`・英語の `detail_en`・`field`・`code`。
- APIキーが設定されているときは `Authorization: Bearer <key>` が必要。
"""


def create_app(settings: Settings | None = None, *, start_runner: bool = True) -> FastAPI:
    settings = settings or get_settings()
    from legalcheck.server.runner import AnalysisRunner

    runner = AnalysisRunner(settings.analysis_processes or os.cpu_count() or 1)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        from legalcheck.law.data import law_data

        law_data()   # a data error stops the worker here, before it takes traffic
        if start_runner:
            await runner.start()
        yield
        await runner.stop()

    app = FastAPI(title="legalcheck", version=legalcheck.__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_tags=[{"name": "分析", "description": "事案の記述の分析"},
                                {"name": "条文", "description": "ある日の時点の条文と改正履歴"},
                                {"name": "判例", "description": "判例（要旨）"},
                                {"name": "事件記録", "description": "事件・記述・保存した分析・加害者連絡（役割付きAPIキー）"},
                                {"name": "運用", "description": "生存・準備完了の確認"}])
    app.state.settings = settings
    app.state.runner = runner
    from legalcheck.records.cases import Records

    app.state.records = Records()   # case records (issue 16): opened, and migrated, on first use

    from legalcheck.api import docs, errors
    from legalcheck.api.cases import router as cases_router
    from legalcheck.api.routes import router as api_router
    from legalcheck.server import metrics
    from legalcheck.server.middleware import ServerMiddleware
    from legalcheck.web.routes import router as web_router

    errors.install(app)
    from legalcheck.api import cases as case_api

    case_api.install(app)
    from legalcheck.web import pages as web_pages

    web_pages.install(app)
    app.include_router(api_router)
    app.include_router(cases_router)
    app.include_router(docs.router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=str(data_dir("web") / "static")), name="static")

    if settings.metrics_enabled:
        @app.get("/metrics", include_in_schema=False)
        def prometheus_metrics() -> Response:
            data, content_type = metrics.render()
            return Response(data, media_type=content_type)

    app.add_middleware(ServerMiddleware, settings=settings)
    if settings.trusted_proxies:
        # outermost, so that everything (audit log, rate limit, secure cookies) sees the real client;
        # uvicorn's own copy of this middleware is off (serving.py): this setting alone decides
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    return app

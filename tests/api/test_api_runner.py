"""analyze_in_worker(): what page routes call instead of analyze() on the worker's threads."""
from __future__ import annotations

import asyncio

import pytest

from api_support import SAMPLE, spans_exact


def test_analyze_in_worker_result_and_input_error():
    from legalcheck.analysis import InputError
    from legalcheck.server.app import create_app
    from legalcheck.server.runner import analyze_in_worker
    from legalcheck.server.settings import Settings

    app = create_app(Settings())

    async def main():
        async with app.router.lifespan_context(app):
            a = await analyze_in_worker(app, SAMPLE, incident_date="2024-05-01")
            with pytest.raises(InputError) as err:
                await analyze_in_worker(app, "甲が待ち伏せした。", prior_measures=[{"kind": "arrest", "date": "2024-01-01"}])
            return a, err.value

    a, err = asyncio.run(main())
    spans_exact(SAMPLE, a)
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert "prior_measures[0].kind" in str(err)

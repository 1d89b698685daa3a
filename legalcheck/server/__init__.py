"""The one FastAPI app that serves the pages (legalcheck.web) and the HTTP API (legalcheck.api)."""

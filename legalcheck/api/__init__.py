"""The HTTP API for intake systems (/api/v1, contract.md §2–4)."""

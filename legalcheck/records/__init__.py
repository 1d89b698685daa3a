"""Case records (issue 16): cases, their narratives and saved analyses, follow-up tasks and contacts
with the offender (seed 000), users and roles, and an append-only audit log, in one real database
(SQLite by default, PostgreSQL when several workers or machines share it).

Layers: config → db → crypto → models → audit/users → cases/followup (service functions). The HTTP
API (legalcheck/api/cases.py) and the pages (legalcheck/web/cases.py) only call the service functions.
"""

"""Alembic environment: migrations run on the connection legalcheck.records.db.upgrade() hands over
(or on LEGALCHECK_DATABASE_URL when run by the alembic command with this folder as script_location)."""
from alembic import context
from sqlalchemy import create_engine

from legalcheck.records.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:   # pragma: no cover - the plain `alembic` command
    from legalcheck.records.config import get_record_settings

    engine = create_engine(config.get_main_option("sqlalchemy.url") or get_record_settings().database_url)
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()

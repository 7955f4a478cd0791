"""Alembic environment: runs on the connection the app hands over."""

from __future__ import annotations

from alembic import context

from wimc_desktop.db.migrate import include_name
from wimc_desktop.db.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    include_name=include_name,  # the search index tables are raw DDL, not ORM tables
)
with context.begin_transaction():
    context.run_migrations()

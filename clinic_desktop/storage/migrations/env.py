"""Alembic environment: migrations always run on a connection the application hands in."""

from __future__ import annotations

from alembic import context

from clinic_desktop.storage.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Migrations run from the application (clinic_desktop.storage.migrate), "
        "which supplies the database connection."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

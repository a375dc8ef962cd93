"""Alembic's environment for the server's schema: the migrations run on the connection the
caller hands over (``config.attributes["connection"]``, inside the caller's transaction and
lock: :func:`server_stub.migrations.upgrade`), or, from Alembic's own command line (making a
new revision), on ``TWEESTAP_SERVER_DB``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from server_stub.models import Base
from server_stub.settings import Settings


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters a column by copying its table (Alembic's batch mode).
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
        compare_type=True,
    )


def run() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _configure(connection)
        context.run_migrations()  # in the caller's transaction
        return
    from server_stub.db import create_db_engine  # the command line only

    engine = create_db_engine(Settings.from_env().db_url)
    try:
        with engine.begin() as own:
            _configure(own)
            context.run_migrations()
    finally:
        engine.dispose()


run()

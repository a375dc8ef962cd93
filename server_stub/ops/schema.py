"""Whether the database's schema is the one this server runs on: the one seam for
``/api/ready`` (and anything else that must know).

:func:`schema_status` answers ``current``, ``behind`` (the database lacks something this
server needs: run the upgrade) or ``ahead`` (it has something this server does not know: a
newer server has migrated it). Until the schema has migrations it compares the database
with the tables, columns and indexes that :mod:`server_stub.models` declares. Once migrations
exist, only this function's body changes: it compares the database's migration revision with
the newest one this server ships (Alembic: ``MigrationContext.configure(connection)
.get_current_heads()`` against ``ScriptDirectory.from_config(config).get_heads()``), and its
callers stay as they are.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import Engine, inspect, text

from server_stub.models import Base

SchemaStatus = Literal["current", "behind", "ahead"]


def _index_names(engine: Engine) -> set[str]:
    """Every index's name (read from the catalogue: SQLAlchemy's SQLite inspector skips, with a
    warning, the expression index on ``lower(name)``)."""
    if engine.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND name IS NOT NULL"
    elif engine.dialect.name == "postgresql":
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    else:  # pragma: no cover - the server runs on SQLite and PostgreSQL only
        raise NotImplementedError(engine.dialect.name)
    with engine.connect() as connection:
        return {str(name) for name in connection.execute(text(query)).scalars()}


def schema_status(engine: Engine) -> SchemaStatus:
    """``current``, ``behind`` or ``ahead``: see the module's docstring."""
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    indexes = _index_names(engine)
    behind = ahead = False
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            behind = True
            continue
        present = {column["name"] for column in inspector.get_columns(table.name)}
        declared = {column.name for column in table.columns}
        behind |= bool(declared - present)
        ahead |= bool(present - declared)
        behind |= any(index.name not in indexes for index in table.indexes)
    if ahead:  # also when something is missing too: a newer server may have dropped it
        return "ahead"
    return "behind" if behind else "current"

"""Whether the database's schema is the one this server runs on: the one seam for
``/api/ready`` (and anything else that must know).

:func:`schema_status` answers ``current`` (the database's Alembic revision is the newest one
this server ships), ``behind`` (an older revision, or a database made before migrations: run
``tweestap-server db upgrade``, or start ``serve``, which upgrades) or ``ahead`` (a revision
this server does not know: a newer server has migrated it). The migrations are the truth
about the schema (:mod:`server_stub.migrations`); this only reads the revision.
"""

from __future__ import annotations

from sqlalchemy import Engine

from server_stub.migrations import SchemaState, revision_of

SchemaStatus = SchemaState


def schema_status(engine: Engine) -> SchemaStatus:
    """``current``, ``behind`` or ``ahead``: see the module's docstring."""
    return revision_of(engine).state

"""tests/server/test_migrations.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_migrations import *  # noqa: F403

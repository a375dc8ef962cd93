"""tests/server/test_purge.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_purge import *  # noqa: F403

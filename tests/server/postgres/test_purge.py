"""tests/server/services/test_purge.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_purge import *  # noqa: F403

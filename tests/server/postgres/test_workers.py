"""tests/server/test_workers.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_workers import *  # noqa: F403

"""tests/server/test_schemathesis.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_schemathesis import *  # noqa: F403

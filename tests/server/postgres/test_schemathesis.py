"""tests/server/api/test_schemathesis.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.api.test_schemathesis import *  # noqa: F403

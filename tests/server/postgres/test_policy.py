"""tests/server/test_policy.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_policy import *  # noqa: F403

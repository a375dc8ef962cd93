"""tests/server/services/test_policy.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_policy import *  # noqa: F403

"""tests/server/test_verification.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_verification import *  # noqa: F403

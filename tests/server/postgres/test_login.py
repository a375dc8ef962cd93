"""tests/server/test_login.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_login import *  # noqa: F403

"""tests/server/test_throttle.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_throttle import *  # noqa: F403

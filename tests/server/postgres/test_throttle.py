"""tests/server/services/test_throttle.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_throttle import *  # noqa: F403

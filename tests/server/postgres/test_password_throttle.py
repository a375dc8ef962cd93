"""tests/server/services/test_password_throttle.py, run on PostgreSQL (``databases`` fixture)."""

from tests.server.services.test_password_throttle import *  # noqa: F403

"""tests/server/services/test_login.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_login import *  # noqa: F403

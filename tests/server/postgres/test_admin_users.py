"""tests/server/test_admin_users.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_admin_users import *  # noqa: F403

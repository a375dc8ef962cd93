"""tests/server/services/test_admin_users.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_admin_users import *  # noqa: F403

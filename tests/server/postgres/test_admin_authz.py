"""tests/server/api/test_admin_authz.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.api.test_admin_authz import *  # noqa: F403

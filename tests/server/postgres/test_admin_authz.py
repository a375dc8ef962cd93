"""tests/server/test_admin_authz.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_admin_authz import *  # noqa: F403

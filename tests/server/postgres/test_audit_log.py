"""tests/server/test_audit_log.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_audit_log import *  # noqa: F403

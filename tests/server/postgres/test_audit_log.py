"""tests/server/services/test_audit_log.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_audit_log import *  # noqa: F403

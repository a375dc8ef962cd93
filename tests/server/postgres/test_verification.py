"""tests/server/services/test_verification.py on PostgreSQL
(this folder's ``databases`` fixture)."""

from tests.server.services.test_verification import *  # noqa: F403

"""tests/server/services/test_email_codes.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_email_codes import *  # noqa: F403

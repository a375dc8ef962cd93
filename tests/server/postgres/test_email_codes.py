"""tests/server/test_email_codes.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_email_codes import *  # noqa: F403

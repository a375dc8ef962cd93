"""tests/server/services/test_usernames.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_usernames import *  # noqa: F403

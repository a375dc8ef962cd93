"""tests/server/test_usernames.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_usernames import *  # noqa: F403

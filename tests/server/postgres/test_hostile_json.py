"""tests/server/test_hostile_json.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_hostile_json import *  # noqa: F403

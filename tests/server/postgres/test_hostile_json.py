"""tests/server/api/test_hostile_json.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.api.test_hostile_json import *  # noqa: F403

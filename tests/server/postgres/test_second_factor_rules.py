"""tests/server/test_second_factor_rules.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_second_factor_rules import *  # noqa: F403

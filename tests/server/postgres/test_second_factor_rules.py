"""tests/server/test_second_factor_rules.py, run on PostgreSQL (``databases`` fixture)."""

from tests.server.test_second_factor_rules import *  # noqa: F403

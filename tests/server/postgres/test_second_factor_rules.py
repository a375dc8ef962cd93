"""tests/server/services/test_second_factor_rules.py, run on PostgreSQL (``databases`` fixture)."""

from tests.server.services.test_second_factor_rules import *  # noqa: F403

"""tests/server/test_enrollment.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_enrollment import *  # noqa: F403

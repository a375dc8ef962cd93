"""tests/server/services/test_enrollment.py on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.services.test_enrollment import *  # noqa: F403

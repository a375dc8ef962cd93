"""tests/server/services/test_trusted_device.py on PostgreSQL
(this folder's ``databases`` fixture)."""

from tests.server.services.test_trusted_device import *  # noqa: F403

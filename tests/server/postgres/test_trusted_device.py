"""tests/server/test_trusted_device.py, run on PostgreSQL (this folder's ``databases`` fixture)."""

from tests.server.test_trusted_device import *  # noqa: F403

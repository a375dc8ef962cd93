"""tests/server/http/test_client_address.py on PostgreSQL
(this folder's ``databases`` fixture)."""

from tests.server.http.test_client_address import *  # noqa: F403

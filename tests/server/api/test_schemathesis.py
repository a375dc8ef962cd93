"""Property-based requests generated from /openapi.json: whatever arrives, never a 5xx.

Calls go over HTTP to a real server, with the token of a complete P&O administrator so the
admin routes are exercised past their guard. Bounded: a few examples per operation.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from server_stub.app import create_app
from server_stub.services import Services
from server_stub.settings import Argon2Params, Settings
from tests.server.harness import Databases, Harness, Login, start_harness, stop_harness


class Live:
    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        harness.add_user("jan", email="jan@example.org")
        harness.add_user("extern", kind="extranet")
        self.admin: Login = harness.admin()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> Iterator[Live]:
    url = databases.new()
    harness = start_harness(Path(tmp_path_factory.mktemp("schemathesis")), url)
    yield Live(harness)
    stop_harness(harness)
    databases.drop(url)


def _openapi() -> dict[str, Any]:
    """The schema the server serves at /openapi.json (routes only: nothing is called)."""
    with tempfile.TemporaryDirectory() as home:
        services = Services.build(
            Settings.from_env({}, home=Path(home), argon2=Argon2Params.for_tests())
        )
        try:
            return create_app(services).openapi()
        finally:
            services.close()


schema = schemathesis.openapi.from_dict(_openapi())


def test_the_served_schema_is_the_one_tested(live: Live) -> None:
    assert live.harness.client.get("/openapi.json").json() == _openapi()


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors(case: Any, live: Live) -> None:
    headers = dict(live.admin.headers)
    if case.path.startswith("/api/session") and case.method.upper() == "DELETE":
        headers = {}  # keep the admin session alive for the other operations
    response = case.call(base_url=live.harness.url, headers=headers, timeout=30)
    case.validate_response(response, checks=[not_a_server_error])

"""The PostgreSQL connection pool holds as many connections as the server's threads can use at
once: bursts of parallel requests open each connection once and keep it."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import event

from server_stub.db import POSTGRESQL_POOL_SIZE
from tests.server.harness import Harness
from tests.server.postgres.test_postgres import at_once


def test_bursts_of_parallel_requests_reuse_the_pools_connections(harness: Harness) -> None:
    """Before: SQLAlchemy's default pool kept 5 and closed the other 10 it may open after
    each use, so every burst of 40 requests in the thread pool opened new connections."""
    harness.add_user("jan")
    harness.enroll("jan")
    login = harness.login("jan")
    assert harness.verify(login, harness.code("jan")).status_code == 200
    pool: Any = harness.services.ctx.db.engine.pool
    kept_before = pool.checkedin()
    opened = []

    @event.listens_for(harness.services.ctx.db.engine, "connect")
    def count(*_args: Any) -> None:
        opened.append(1)

    def me(client: httpx.Client) -> httpx.Response:
        return client.get("/api/me", headers={"Authorization": f"Bearer {login.token}"})

    for _ in range(5):
        assert at_once(40, me, harness.url) == [200] * 40
    assert kept_before + len(opened) <= POSTGRESQL_POOL_SIZE
    assert pool.checkedin() == kept_before + len(opened), "connections were closed after use"

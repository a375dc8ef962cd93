"""PostgreSQL for the server tests: one private cluster per test session (see ``cluster.py``),
a fresh database per harness. Overriding ``databases`` runs every harness-based test collected
under this folder (the shared flows are imported from the SQLite tests) against PostgreSQL.

PostgreSQL missing is an error, never a skip: CI installs it (Debian package ``postgresql``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.harness import Databases
from tests.server.postgres.cluster import Cluster


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def databases(postgres: Cluster) -> Databases:
    return postgres

"""``tweestap-server serve`` as a process under a typical umask (022): its files are private,
and it refuses to start on files other local users can read."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.served import Served, run_cli


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def make(home: Path | None = None, *, wait: bool = True, **env: str) -> Served:
        served = Served(home or tmp_path / "server-home", env=dict(env))
        started.append(served)
        return served.start(wait=wait)

    yield make
    for served in started:
        served.stop()


def test_the_home_and_every_database_file_are_private(serve: Callable[..., Served]) -> None:
    served = serve()
    # A request that writes (the failed login's audit entry), so the WAL files exist.
    answer = httpx.post(f"{served.url}/api/session", json={"username": "x", "password": "y"})
    assert answer.status_code == 401
    home = served.home
    assert mode(home) == 0o700
    files = [home / name for name in ("server.db", "server.db-wal", "server.db-shm", "secret.key")]
    assert all(path.exists() for path in files), sorted(p.name for p in home.iterdir())
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}


def test_user_add_creates_the_home_and_database_private(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    done = run_cli(home, "user", "add", "anna", "--password", "lang genoeg")
    assert done.returncode == 0, done.stderr
    assert mode(home) == 0o700
    assert mode(home / "server.db") == 0o600


@pytest.mark.parametrize("name", ["server.db", "server.db-wal"])
def test_a_database_file_readable_by_others_is_refused_at_start(
    serve: Callable[..., Served], tmp_path: Path, name: str
) -> None:
    home = tmp_path / "server-home"
    assert run_cli(home, "user", "add", "anna", "--password", "lang genoeg").returncode == 0
    (home / name).touch()
    (home / name).chmod(0o644)
    served = serve(home, wait=False)
    assert served.exit_code() == 1
    output = served.output()
    assert f"chmod 600 {home / name}" in output, output
    assert "Traceback" not in output


def test_a_home_open_to_others_is_refused_at_start(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    home = tmp_path / "server-home"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    served = serve(home, wait=False)
    assert served.exit_code() == 1
    output = served.output()
    assert f"chmod 700 {home}" in output, output
    assert not (home / "server.db").exists()  # nothing was written into it

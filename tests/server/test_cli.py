"""``tweestap-server``: user add, serve and demo, as a user runs them."""

from __future__ import annotations

import io
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyotp
import pytest

from server_stub.cli import main
from server_stub.demo import ACCOUNTS, DEMO_PASSWORD, print_logins, seed_demo
from server_stub.domain.audit import AuditFilter
from server_stub.services import Services
from server_stub.settings import Settings
from tests.paths import ROOT
from tests.server.harness import Harness


@pytest.fixture
def server_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "server-home"
    monkeypatch.setenv("TWEESTAP_SERVER_HOME", str(home))
    monkeypatch.delenv("TWEESTAP_SERVER_DB", raising=False)
    return home


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_user_add(server_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "user",
            "add",
            "piet",
            "--password",
            "lang genoeg",
            "--admin",
            "--modules",
            "p&o,zorg",
            "--email",
            "piet@example.org",
        ]
    )
    assert code == 0
    assert "piet" in capsys.readouterr().out
    services = Services.build(Settings.from_env())
    try:
        user = services.users.get("piet")
        assert (user.admin, user.modules, user.kind, user.email) == (
            True,
            ["p&o", "zorg"],
            "employee",
            "piet@example.org",
        )
        assert services.audit.query(AuditFilter(action="user_create"))[0].actor == "cli"
    finally:
        services.close()
    assert (server_home / "server.db").exists()
    assert (server_home / "secret.key").stat().st_mode & 0o077 == 0


def test_user_add_extranet_with_another_database(server_home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elders.db'}"
    assert main(["user", "add", "ext", "--password", "lang genoeg", "--extranet", "--db", url]) == 0
    services = Services.build(Settings.from_env(db_url=url))
    try:
        assert services.users.get("ext").kind == "extranet"
    finally:
        services.close()


def test_user_add_refusals(server_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "add", "piet", "--password", "lang genoeg"]) == 0
    assert main(["user", "add", "piet", "--password", "lang genoeg"]) == 1
    assert "user_exists" in capsys.readouterr().err
    assert main(["user", "add", "kees", "--password", "lang genoeg", "--modules", "kantine"]) == 2
    assert main(["user", "add", "kees", "--password", "kort"]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["user", "add", "kees"])
    assert usage.value.code == 2


@pytest.mark.parametrize("count", ["0", "65", "twee", "-2"])
def test_serve_refuses_a_number_of_workers_out_of_range(
    server_home: Path, capsys: pytest.CaptureFixture[str], count: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--workers", count])
    assert exit_.value.code == 2
    assert "from 1 to 64" in capsys.readouterr().err


def test_db_current_and_db_upgrade(server_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "current"]) == 1  # migrations pending: a script can tell
    assert capsys.readouterr().out == "none (behind: 0001, 0002 to apply; head 0002)\n"
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "applied 0001, 0002; now at 0002\n"
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out == "already at 0002\n"
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out == "0002 (head)\n"
    assert (server_home / "server.db").stat().st_mode & 0o077 == 0


def test_a_database_a_newer_server_migrated_is_refused_at_start(
    server_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    with sqlite3.connect(server_home / "server.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    capsys.readouterr()
    assert main(["user", "add", "piet", "--password", "lang genoeg"]) == 1
    error = capsys.readouterr().err
    assert "revision 0099, which this server does not know" in error
    assert "Traceback" not in error
    assert main(["db", "current"]) == 1
    assert "0099 (newer than this server's head, 0002)" in capsys.readouterr().out


def _spawn(args: list[str], home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TWEESTAP_SERVER_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "server_stub", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.terminate()
        process.communicate(timeout=20)


def wait_healthy(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the server did not come up")


def test_serve(server_home: Path, tmp_path: Path, processes: list[subprocess.Popen[str]]) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db = f"sqlite:///{tmp_path / 'served.db'}"
    process = _spawn(["serve", "--port", str(port), "--db", db], server_home)
    processes.append(process)
    wait_healthy(url, process)
    response = httpx.post(f"{url}/api/session", json={"username": "x", "password": "y"})
    assert response.status_code == 401
    assert (tmp_path / "served.db").exists()


def test_demo_serves_and_prints_working_logins(
    tmp_path: Path, processes: list[subprocess.Popen[str]]
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = _spawn(["demo", "--port", str(port)], tmp_path / "unused-home")
    processes.append(process)
    wait_healthy(url, process)
    process.terminate()
    output, _errors = process.communicate(timeout=20)
    assert DEMO_PASSWORD in output
    for account in ACCOUNTS:
        assert account.name in output
    assert len(re.findall(r"setup key: [A-Z2-7]{32}", output)) == 5
    assert output.count("otpauth://totp/Tweestap:") == 5


def test_demo_organisation(harness: Harness) -> None:
    logins = seed_demo(harness.services)
    out = io.StringIO()
    print_logins(logins, out)
    overview = harness.services.admin.overview()
    assert overview.employees.active == 5
    assert overview.employees.pending == 1
    assert overview.employees.not_enrolled == 1
    assert overview.employees.blocked == 1
    assert overview.extranet.total == 2
    assert overview.p_and_o_admins == 2
    assert overview.warnings == []
    anna = next(login for login in logins if login.account.name == "anna.admin")
    assert anna.secret is not None and anna.secret in out.getvalue()
    login = harness.login("anna.admin", DEMO_PASSWORD)
    assert login.next == "totp"
    assert harness.verify(login, pyotp.TOTP(anna.secret).at(harness.clock.now())).status_code == 200
    assert harness.client.get("/api/admin/overview", headers=login.headers).status_code == 200
    assert harness.login("eva.half", DEMO_PASSWORD).next == "enroll"
    assert harness.login("ext.jansen", DEMO_PASSWORD).next == "email"
    assert harness.login("ext.devries", DEMO_PASSWORD).next == "enroll"
    assert harness.login_response("frank.geblokkeerd", DEMO_PASSWORD).status_code == 403

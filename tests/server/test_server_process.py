"""``tweestap-server serve`` as a process under a typical umask (022), production argon2:
its files are private, it refuses to start on files other local users can read, and a
stranger cannot make it swallow memory with large request bodies."""

from __future__ import annotations

import os
import select
import socket
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyotp
import pytest

from server_stub.schemas.users import UserCreate
from server_stub.security import totp
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.users import find_user
from server_stub.settings import Settings
from tests.server.harness import PASSWORD
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
def test_a_database_file_left_readable_by_an_older_version_is_made_private_at_start(
    serve: Callable[..., Served], tmp_path: Path, name: str
) -> None:
    home = tmp_path / "server-home"
    assert run_cli(home, "user", "add", "anna", "--password", "lang genoeg").returncode == 0
    (home / name).touch()
    (home / name).chmod(0o644)
    served = serve(home)
    assert mode(home / name) == 0o600
    served.stop()
    output = served.output()
    assert f"{home / name} was open to other users (mode 644); made it 600" in output, output
    assert "Traceback" not in output


def test_a_home_left_open_by_an_older_version_is_made_private_at_start(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    home = tmp_path / "server-home"
    assert run_cli(home, "user", "add", "anna", "--password", "lang genoeg").returncode == 0
    home.chmod(0o755)
    (home / "server.db").chmod(0o644)
    served = serve(home)
    assert (mode(home), mode(home / "server.db")) == (0o700, 0o600)
    answer = httpx.post(
        f"{served.url}/api/session", json={"username": "anna", "password": "lang genoeg"}
    )
    assert answer.status_code == 200, answer.text  # the data is the same
    served.stop()
    output = served.output()
    assert f"{home} was open to other users (mode 755); made it 700" in output, output


def test_an_open_database_file_of_another_account_is_refused_with_the_fix(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    """(As root, as the suite runs in CI: only root can give a file to another account.)"""
    home = tmp_path / "server-home"
    assert run_cli(home, "user", "add", "anna", "--password", "lang genoeg").returncode == 0
    database = home / "server.db"
    database.chmod(0o644)
    os.chown(database, 65534, 65534)  # nobody
    served = serve(home, wait=False)
    assert served.exit_code() == 1
    output = served.output()
    assert f"run: chown root {database} && chmod 600 {database}" in output, output
    assert mode(database) == 0o644  # not the server's to change
    assert "Traceback" not in output


# -- request bodies ------------------------------------------------------------------------

MIB = 1024 * 1024
LIMIT = 64 * 1024


@dataclass
class Answered:
    status: int
    sent: int  # body bytes the server let the client send before it answered


def post_until_answered(
    url: str, total: int, *, chunked: bool, path: str = "/api/session"
) -> Answered:
    """POST a ``total``-byte body (with Content-Length, or chunked), sending only while the
    server has not answered yet; the status and how much of the body went out."""
    host, port = url.removeprefix("http://").split(":")
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"{framing}\r\n\r\n"
    ).encode()
    piece = b"x" * LIMIT
    sent = 0
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        pending = b""
        while sent < total or pending:
            readable, writable, _ = select.select([sock], [sock], [], 30)
            if readable:
                break  # the answer (or the end of the connection) came first
            if not writable:
                raise AssertionError("the server neither read nor answered for 30 s")
            if not pending:
                size = min(len(piece), total - sent)
                data = piece[:size]
                pending = f"{size:x}\r\n".encode() + data + b"\r\n" if chunked else data
                sent += size
                if chunked and sent >= total:
                    pending += b"0\r\n\r\n"
            try:
                pending = pending[sock.send(pending) :]
            except (BlockingIOError, InterruptedError):
                continue
            except (BrokenPipeError, ConnectionResetError):
                break
        sock.setblocking(True)
        answer = b""
        try:
            while b"\r\n" not in answer:
                more = sock.recv(4096)
                if not more:
                    break
                answer += more
        except ConnectionResetError:
            pass
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return Answered(status, sent)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_six_parallel_100_mb_bodies_get_413_early_and_cost_no_memory(
    serve: Callable[..., Served], chunked: bool
) -> None:
    served = serve()
    before = served.memory_kib("VmHWM")
    answers: list[Answered] = []

    def one() -> None:
        answers.append(post_until_answered(served.url, 100 * MIB, chunked=chunked))

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert [a.status for a in answers] == [413] * 6, answers
    # Socket buffers on loopback take a few MiB before the answer is seen; not 100.
    assert max(a.sent for a in answers) < 16 * MIB, answers
    grown_mib = (served.memory_kib("VmHWM") - before) / 1024
    assert grown_mib < 64, f"the server's peak memory grew by {grown_mib:.0f} MiB"
    assert httpx.get(f"{served.url}/api/health", timeout=10).status_code == 200


def test_the_body_limit_is_64_kib(serve: Callable[..., Served]) -> None:
    served = serve()
    body = b'{"username": "jan", "password": "x"}'
    at_limit = body[:-1] + b" " * (LIMIT - len(body)) + b"}"
    assert len(at_limit) == LIMIT
    headers = {"Content-Type": "application/json"}
    with httpx.Client(base_url=served.url, timeout=30) as client:
        assert client.post("/api/session", content=at_limit, headers=headers).status_code == 401
        over = client.post("/api/session", content=at_limit + b" ", headers=headers)
        assert over.status_code == 413
        # The login form is limited the same way.
        form = {"username": "jan", "password": "x" * LIMIT, "csrf_token": "y" * 43}
        assert client.post("/login", data=form).status_code == 413


# -- a flood of password attempts ----------------------------------------------------------


def prepare_paired_user(home: Path) -> tuple[str, str]:
    """A paired user with a session waiting at the code step, straight into the database the
    server will use (production argon2 for its password); (session token, base32 secret)."""
    services = Services.build(Settings.from_env({}, home=home))
    try:
        services.users.create(UserCreate(name="anna", password=PASSWORD).to_domain(), Actor("test"))
        services.users.create(UserCreate(name="bram", password=PASSWORD).to_domain(), Actor("test"))
        secret = totp.new_secret()
        with services.ctx.db.write() as db:
            user = find_user(db, "anna")
            services.enrollment.activate(db, user, secret)
            token = services.sessions.create(db, user_id=user.id, state="totp", ip="127.0.0.1")
        return token, totp.to_base32(secret)
    finally:
        services.close()


def test_64_parallel_password_attempts_cost_bounded_memory_and_the_server_keeps_answering(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    """Production argon2id (64 MiB each). Before: 2.4 GB, a real login 15 s, health 7-9 s."""
    home = tmp_path / "server-home"
    token, secret = prepare_paired_user(home)
    served = serve(home)
    before = served.memory_kib("VmHWM")
    statuses: list[int] = []
    health: list[tuple[int, float]] = []
    flooding = threading.Event()
    flooding.set()

    def attempt(number: int) -> None:
        with httpx.Client(base_url=served.url, timeout=120) as client:
            body = {"username": f"gast{number}", "password": f"gok {number}"}
            statuses.append(client.post("/api/session", json=body).status_code)

    def watch_health() -> None:
        with httpx.Client(base_url=served.url, timeout=60) as client:
            while flooding.is_set():
                started = time.monotonic()
                answer = client.get("/api/health")
                health.append((answer.status_code, time.monotonic() - started))
                time.sleep(0.05)

    watcher = threading.Thread(target=watch_health)
    watcher.start()
    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(64)]
    for thread in threads:
        thread.start()
    # Meanwhile: a code check, and a real user's login from another address (127.0.0.2),
    # which retries as Retry-After says when the server is busy.
    code = pyotp.TOTP(secret).now()
    started = time.monotonic()
    verified = httpx.post(
        f"{served.url}/api/session/verify",
        json={"code": code},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    code_seconds = time.monotonic() - started
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    started = time.monotonic()
    with httpx.Client(base_url=served.url, transport=transport, timeout=60) as user:
        for _ in range(30):
            login = user.post("/api/session", json={"username": "bram", "password": PASSWORD})
            if login.status_code != 503:
                break
            time.sleep(int(login.headers["Retry-After"]))
    login_seconds = time.monotonic() - started
    for thread in threads:
        thread.join(120)
    flooding.clear()
    watcher.join(60)

    assert verified.status_code == 200, verified.text
    assert login.status_code == 200, login.text
    assert set(statuses) <= {401, 429, 503} and len(statuses) == 64, statuses
    assert health and {status for status, _ in health} == {200}
    # Generous bounds: this machine is shared; the point is seconds, not tens of seconds.
    assert code_seconds < 5, code_seconds
    assert max(seconds for _, seconds in health) < 5, max(health)
    assert login_seconds < 20, login_seconds
    slots = len(os.sched_getaffinity(0))
    grown_mib = (served.memory_kib("VmHWM") - before) / 1024
    assert grown_mib < 70 * slots + 100, f"peak memory grew by {grown_mib:.0f} MiB"


# -- another process holding the database's write lock -----------------------------------


def test_a_locked_database_gets_503_within_seconds_and_health_and_pages_keep_answering(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    """Before: the code check waited in the event loop for 30 s and answered 500, and the
    whole server (health, the login page) stood still meanwhile."""
    home = tmp_path / "server-home"
    token, secret = prepare_paired_user(home)
    served = serve(home)
    holder = sqlite3.connect(home / "server.db", isolation_level=None, timeout=1)
    try:
        holder.execute("BEGIN IMMEDIATE")  # as a backup script or `user add` might, for long
        verify_answer: list[tuple[httpx.Response, float]] = []

        def code_check() -> None:
            started = time.monotonic()
            answer = httpx.post(
                f"{served.url}/api/session/verify",
                json={"code": pyotp.TOTP(secret).now()},
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            )
            verify_answer.append((answer, time.monotonic() - started))

        checking = threading.Thread(target=code_check)
        checking.start()
        time.sleep(0.5)  # the code check is waiting for the lock now
        with httpx.Client(base_url=served.url, timeout=60) as client:
            health_seconds = []
            for _ in range(10):  # health's answer is at most a second old
                started = time.monotonic()
                health = client.get("/api/health")
                health_seconds.append(time.monotonic() - started)
                if health.status_code != 200:
                    break
                time.sleep(0.25)
            started = time.monotonic()
            page = client.get("/")
            page_seconds = time.monotonic() - started
        checking.join(30)
        assert max(health_seconds) < 3 and page_seconds < 3, (health_seconds, page_seconds)
        assert health.status_code == 503
        assert health.json()["database"] == "busy"
        assert int(health.headers["Retry-After"]) >= 1
        assert page.status_code == 200
        answer, seconds = verify_answer[0]
        assert answer.status_code == 503, answer.text
        assert answer.json() == {"detail": "database_busy"}
        assert int(answer.headers["Retry-After"]) >= 1
        assert seconds < 6, seconds
    finally:
        if holder.in_transaction:
            holder.rollback()
        holder.close()
    # Once the lock is gone all is well again (health's answer may be a second old), and the
    # code was not used up by the refusal.
    deadline = time.monotonic() + 5
    while httpx.get(f"{served.url}/api/health", timeout=10).json()["database"] != "ok":
        assert time.monotonic() < deadline, "health still says busy"
        time.sleep(0.2)
    again = httpx.post(
        f"{served.url}/api/session/verify",
        json={"code": pyotp.TOTP(secret).now()},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert again.status_code == 200, again.text

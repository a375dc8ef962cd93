"""``tweestap-server serve --workers 2`` as a real process on a loopback port: the guarantees
that live in the database hold across its worker processes (tests/server/postgres/ runs the
same on PostgreSQL), and several ``serve`` processes may start at once on an empty database.

Which worker answers a request is the kernel's choice (they share one listening socket). The
tests do not leave it to chance: they open connections until every worker holds some, find
out which worker holds which connection from /proc (the worker's socket inodes against the
kernel's TCP table), and send each request over a connection of a chosen worker.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import pyotp
import pytest
from sqlalchemy import select

from server_stub.crypto import blob_key_id, key_id
from server_stub.models import TotpCredential
from server_stub.schemas.users import UserCreate
from server_stub.security import totp
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.users import find_user
from server_stub.settings import Argon2Params, Settings
from tests.server.harness import PASSWORD, Databases
from tests.server.ops.org import scrape
from tests.server.served import Served, free_port, run_cli

WORKERS = 2
TEST = Actor("test")

# What tests/server/postgres/test_workers.py runs again on PostgreSQL: the guarantees that live
# in the database (the operations' tests below do not depend on it).
__all__ = [
    "deployment",
    "opened",
    "serve",
    "test_sigterm_lets_every_worker_answer_the_request_it_has_then_all_exit",
    "test_the_same_code_sent_at_once_to_every_worker_is_accepted_exactly_once",
    "test_three_serve_processes_started_at_once_on_an_empty_database_all_come_up",
    "test_wrong_codes_taking_turns_over_the_workers_throttle_after_five_in_total",
]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def worker_pids(served: Served) -> list[int]:
    """The supervisor's children that serve requests (not multiprocessing's helper)."""
    return [
        pid
        for pid in children(served.pid)
        if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def listening_inodes(port: int) -> set[str]:
    """The socket inodes listening on ``port`` (the kernel's TCP table)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # LISTEN
                found.add(fields[9])
    return found


def peer_ports_by_inode(server_port: int) -> dict[str, int]:
    """For every TCP connection accepted on ``server_port``: its socket inode -> the client's
    port (the kernel's table, /proc/net/tcp and tcp6)."""
    found = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            remote_port = int(fields[2].rsplit(":", 1)[1], 16)
            if local_port == server_port and remote_port != 0:
                found[fields[9]] = remote_port
    return found


@dataclass
class Connection:
    """One keep-alive HTTP connection to the server and the worker process holding it."""

    http: http.client.HTTPConnection
    worker: int

    def post(self, path: str, body: object, token: str) -> tuple[int, dict[str, object]]:
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        self.http.request("POST", path, body=json.dumps(body), headers=headers)
        answer = self.http.getresponse()
        return answer.status, json.loads(answer.read() or b"{}")


def connections_to_every_worker(
    served: Served, per_worker: int, opened: list[http.client.HTTPConnection]
) -> dict[int, list[Connection]]:
    """At least ``per_worker`` open connections held by each worker, keyed by worker pid
    (every connection it opens in ``opened``, for the test to close)."""
    deadline = time.monotonic() + 60
    pending: list[http.client.HTTPConnection] = []
    by_worker: dict[int, list[Connection]] = {}
    while time.monotonic() < deadline:
        workers = worker_pids(served)
        if len(workers) == WORKERS and all(
            len(by_worker.get(pid, [])) >= per_worker for pid in workers
        ):
            return by_worker
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
        opened.append(connection)
        connection.request("GET", "/api/health")
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200
        pending.append(connection)
        ports = peer_ports_by_inode(served.port)
        for pid in workers:
            held = {ports[inode] for inode in socket_inodes(pid) if inode in ports}
            for waiting in list(pending):
                if waiting.sock.getsockname()[1] in held:
                    pending.remove(waiting)
                    by_worker.setdefault(pid, []).append(Connection(waiting, pid))
    raise AssertionError(f"not every worker took connections: {sorted(by_worker)}")


def prepare(settings: Settings, sessions: int) -> tuple[list[str], str]:
    """User ``anna``, paired, with ``sessions`` logins waiting at the code step (straight into
    the database the server will use); (session tokens, base32 secret)."""
    services = Services.build(settings)
    try:
        services.users.create(UserCreate(name="anna", password=PASSWORD).to_domain(), Actor("test"))
        secret = totp.new_secret()
        with services.ctx.db.write() as db:
            user = find_user(db, "anna")
            services.enrollment.activate(db, user, secret)
            tokens = [
                services.sessions.create(db, user_id=user.id, state="totp", ip="127.0.0.1")
                for _ in range(sessions)
            ]
        return tokens, totp.to_base32(secret)
    finally:
        services.close()


@dataclass
class Deployment:
    home: Path
    db_url: str | None

    @property
    def settings(self) -> Settings:
        return Settings.from_env({}, home=self.home, db_url=self.db_url)

    def served(self, *args: str) -> Served:
        db = ("--db", self.db_url) if self.db_url else ()
        return Served(self.home, args=[*db, *args])


@pytest.fixture
def deployment(tmp_path: Path, databases: Databases) -> Iterator[Deployment]:
    url = databases.new()
    yield Deployment(tmp_path / "server-home", url)
    databases.drop(url)


@pytest.fixture
def opened() -> Iterator[list[http.client.HTTPConnection]]:
    connections: list[http.client.HTTPConnection] = []
    yield connections
    for connection in connections:
        connection.close()


@pytest.fixture
def serve(deployment: Deployment) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def make(*args: str, wait: bool = True) -> Served:
        served = deployment.served(*args)
        started.append(served)
        return served.start(wait=wait)

    yield make
    for served in started:
        served.stop()


def a_wrong_code(secret: str) -> str:
    now = time.time()
    valid = {pyotp.TOTP(secret).at(now + 30 * step) for step in range(-2, 4)}
    return next(code for code in (f"{n:06d}" for n in range(123456, 999999)) if code not in valid)


def test_the_same_code_sent_at_once_to_every_worker_is_accepted_exactly_once(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    tokens, secret = prepare(deployment.settings, 8)
    served = serve("--workers", str(WORKERS))
    by_worker = connections_to_every_worker(served, per_worker=4, opened=opened)
    connections = [c for held in by_worker.values() for c in held[:4]]
    assert len({c.worker for c in connections}) == WORKERS
    code = pyotp.TOTP(secret).now()
    start = threading.Barrier(len(connections))
    answers: list[tuple[int, int, dict[str, object]]] = []

    def send(connection: Connection, token: str) -> None:
        start.wait()
        status, body = connection.post("/api/session/verify", {"code": code}, token)
        answers.append((connection.worker, status, body))

    threads = [
        threading.Thread(target=send, args=(c, t)) for c, t in zip(connections, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    statuses = sorted(status for _, status, _ in answers)
    assert statuses == [200] + [409] * 7, answers
    assert all(body == {"detail": "code_already_used"} for _, s, body in answers if s == 409)
    assert {worker for worker, _, _ in answers} == set(by_worker)
    # Not a wrong guess: the user is not throttled.
    services = Services.build(deployment.settings)
    try:
        user = services.users.get("anna")
        assert user.failed_codes == 0 and user.throttled_until is None
    finally:
        services.close()


def test_wrong_codes_taking_turns_over_the_workers_throttle_after_five_in_total(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    tokens, secret = prepare(deployment.settings, 7)
    served = serve("--workers", str(WORKERS))
    by_worker = connections_to_every_worker(served, per_worker=1, opened=opened)
    first, second = (held[0] for held in by_worker.values())
    wrong = a_wrong_code(secret)
    turns = [first, second] * 4
    answers = [
        (turn.worker, *turn.post("/api/session/verify", {"code": wrong}, token))
        for turn, token in zip(turns, tokens[:6], strict=False)
    ]
    assert [status for _, status, _ in answers] == [401] * 5 + [429], answers
    assert {worker for worker, _, _ in answers} == {first.worker, second.worker}
    # The right code now waits too, whichever worker it reaches.
    status, _ = second.post("/api/session/verify", {"code": pyotp.TOTP(secret).now()}, tokens[6])
    assert status == 429


def test_three_serve_processes_started_at_once_on_an_empty_database_all_come_up(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    """Before migrations every process ran create_all and the seed policy row's
    check-then-insert at once, and on PostgreSQL most trials ended in UniqueViolation."""
    started = [serve(wait=False) for _ in range(3)]
    for served in started:
        served.wait_healthy()
    current = run_cli(deployment.home, "db", "current", *deployment.served().args)
    assert current.returncode == 0, current.stderr
    assert "(head)" in current.stdout, current.stdout
    tokens, secret = prepare(deployment.settings, 3)
    code = pyotp.TOTP(secret).now()
    statuses = []
    for served, token in zip(started, tokens, strict=True):
        opened.append(http.client.HTTPConnection("127.0.0.1", served.port, timeout=30))
        connection = Connection(opened[-1], served.pid)
        statuses.append(connection.post("/api/session/verify", {"code": code}, token)[0])
    assert statuses == [200, 409, 409]  # one code, accepted once over the three processes


def test_sigterm_lets_every_worker_answer_the_request_it_has_then_all_exit(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    """A login in flight (production argon2 takes a good part of a second) when the operator
    stops the service: it is answered, then the supervisor and its workers exit cleanly."""
    prepare(deployment.settings, 0)
    served = serve("--workers", str(WORKERS))
    workers = list(connections_to_every_worker(served, per_worker=1, opened=opened))
    answers: list[int | BaseException] = []

    def log_in() -> None:
        try:
            reply = httpx.post(
                f"{served.url}/api/session",
                json={"username": "anna", "password": PASSWORD},
                timeout=30,
            )
            answers.append(reply.status_code)
        except httpx.HTTPError as error:
            answers.append(error)

    login = threading.Thread(target=log_in)
    login.start()
    time.sleep(0.15)  # the request is in; the hash has started
    assert served.process is not None
    served.process.send_signal(signal.SIGTERM)
    login.join(30)
    assert answers == [200]
    assert served.exit_code(timeout=30) == 0
    log = served.output()
    assert all(f"Finished server process [{pid}]" in log for pid in workers), log
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


# -- operations with several workers (one database is enough: nothing here is SQL) -------------


def test_one_metrics_listener_adds_up_what_every_worker_counted(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    tokens, secret = prepare(deployment.settings, 4)
    port = free_port()
    served = serve("--workers", str(WORKERS), "--metrics-port", str(port))
    by_worker = connections_to_every_worker(served, per_worker=1, opened=opened)
    first, second = (held[0] for held in by_worker.values())
    wrong = a_wrong_code(secret)
    assert first.post("/api/session/verify", {"code": wrong}, tokens[0])[0] == 401
    assert first.post("/api/session/verify", {"code": wrong}, tokens[1])[0] == 401
    assert second.post("/api/session/verify", {"code": wrong}, tokens[2])[0] == 401
    right = pyotp.TOTP(secret).now()
    assert second.post("/api/session/verify", {"code": right}, tokens[3])[0] == 200
    samples = scrape(f"http://127.0.0.1:{port}/metrics")
    assert samples[("tweestap_code_checks_total", (("result", "wrong"),))] == 3
    assert samples[("tweestap_code_checks_total", (("result", "ok"),))] == 1
    checks = "tweestap_request_duration_seconds_count"
    route = (("method", "POST"), ("route", "/api/session/verify"))
    assert samples[(checks, (*route, ("status", "401")))] == 3
    assert samples[(checks, (*route, ("status", "200")))] == 1
    # The listener is the supervisor's alone: no worker listens on the metrics port.
    listening = {
        pid
        for pid in [served.pid, *worker_pids(served)]
        if set(socket_inodes(pid)) & listening_inodes(port)
    }
    assert listening == {served.pid}


def test_every_worker_writes_json_log_lines_and_the_access_log(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    prepare(deployment.settings, 0)
    served = serve("--workers", str(WORKERS), "--log-format", "json")
    by_worker = connections_to_every_worker(served, per_worker=2, opened=opened)
    workers = set(by_worker)
    served.stop()
    lines = [line for line in served.output().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line: JSON
    started = {
        int(entry["message"].rsplit("[", 1)[1].rstrip("]"))
        for entry in entries
        if entry["message"].startswith("Started server process")
    }
    assert workers <= started
    access = [entry for entry in entries if entry["logger"] == "tweestap.access"]
    health = [entry for entry in access if entry["path"] == "/api/health"]
    assert len(health) >= sum(len(held) for held in by_worker.values())
    assert all(entry["status"] == 200 for entry in health)


def prepare_users(settings: Settings, names: list[str]) -> dict[str, str]:
    """Paired users (cheap password hashes: nobody logs in with a password here); their
    base32 secrets."""
    cheap = replace(settings, argon2=Argon2Params.for_tests())
    services = Services.build(cheap)
    found = {}
    try:
        for name in names:
            services.users.create(UserCreate(name=name, password=PASSWORD).to_domain(), TEST)
            secret = totp.new_secret()
            with services.ctx.db.write() as db:
                services.enrollment.activate(db, find_user(db, name), secret)
            found[name] = totp.to_base32(secret)
    finally:
        services.close()
    return found


def session_of(services: Services, name: str) -> str:
    with services.ctx.db.write() as db:
        user = find_user(db, name)
        return services.sessions.create(db, user_id=user.id, state="totp", ip="127.0.0.1")


def test_rotate_key_while_both_workers_check_codes_loses_no_login(
    deployment: Deployment,
    serve: Callable[..., Served],
    opened: list[http.client.HTTPConnection],
) -> None:
    """Each worker's key ring notices the new key file by itself: no restart, no failed
    code check while the secrets are re-encrypted, and afterwards both open the new blobs."""
    names = [f"user{n:02d}" for n in range(40)]
    secrets_of = prepare_users(deployment.settings, names)
    served = serve("--workers", str(WORKERS))
    by_worker = connections_to_every_worker(served, per_worker=1, opened=opened)
    turns = [held[0] for held in by_worker.values()]
    answers: list[tuple[int, str, int]] = []
    rotating = threading.Event()
    rotating.set()

    def check_codes() -> None:
        services = Services.build(deployment.settings)
        try:
            for number, name in enumerate(names[:-2]):
                if not rotating.is_set() and number >= 6:
                    return
                connection = turns[number % len(turns)]
                code = pyotp.TOTP(secrets_of[name]).now()
                token = session_of(services, name)
                status, _ = connection.post("/api/session/verify", {"code": code}, token)
                answers.append((connection.worker, name, status))
                time.sleep(0.05)
        finally:
            services.close()

    checker = threading.Thread(target=check_codes)
    checker.start()
    rotated = run_cli(deployment.home, "rotate-key", "--grace", "1", *deployment.served().args)
    rotating.clear()
    checker.join(120)
    assert rotated.returncode == 0, rotated.stderr
    assert answers and all(status == 200 for _, _, status in answers), answers
    assert {worker for worker, _, _ in answers} == set(by_worker)
    # Every secret is under the new key now, and each worker opens it.
    key = (deployment.home / "secret.key").read_bytes()
    services = Services.build(deployment.settings)
    try:
        with services.ctx.db.read() as db:
            blobs = db.scalars(select(TotpCredential.secret)).all()
        assert {blob_key_id(blob) for blob in blobs} == {key_id(key)}
        for connection, name in zip(turns, names[-2:], strict=True):
            code = pyotp.TOTP(secrets_of[name]).now()
            token = session_of(services, name)
            assert connection.post("/api/session/verify", {"code": code}, token)[0] == 200
    finally:
        services.close()

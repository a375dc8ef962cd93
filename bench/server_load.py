"""Load on the 2FA server over loopback: code verifications and full logins (not a test).

Starts a real ``tweestap-server serve`` (a child process, production settings: argon2id
64 MiB/t=3/p=4, the system clock, a fresh SQLite file in a temporary folder) and measures:

1. **Code verifications**: users are created, paired and logged in beforehand, straight
   through the service layer in this process (one prepared argon2 hash with the server's own
   parameters, so the server never rehashes), leaving one session per user waiting at the
   ``totp`` step. The timed phase only sends ``POST /api/session/verify`` with that user's
   current code, at each ``--concurrency``; verifications per second and latency p50/p99.
   Each session has its own user: a code is accepted once per user and step (replay guard),
   and wrong codes never occur, so the throttle never interferes.
2. **Full logins**: ``POST /api/session`` with the password, then verify the code, for
   further paired users; logins per second, against the limit set by argon2 itself:
   one verification with the server's parameters timed in this process pinned to one core,
   ``limit = cores / that time``; a run of parallel verifications on all cores is shown too.

The load generator is this process: asyncio with a minimal keep-alive HTTP/1.1 client (one
connection per concurrent client; ``--client httpx`` uses ``httpx.AsyncClient`` instead,
which costs about ten times the CPU per request). It shares the machine with the server; the
table shows the CPU the client, the server and all other processes used during each timed
phase (in cores: 1.00 = one core busy), so one sees whether the client's own cost or other
work on the machine distorts the figures.

**Databases and workers side by side.** Every configuration runs in the same invocation, one
after the other, on a fresh database each: SQLite (a file in a temporary home) and PostgreSQL
(``--db private``, the default: a private cluster in a temporary folder, started as the tests
start theirs, tests/server/postgres/cluster.py: fsync and synchronous_commit off, like SQLite's
``synchronous=NORMAL`` no flush at each commit; ``--db URL``: an existing server, whose role
may create databases: a scratch database per configuration is made beside the URL's and
dropped after; ``--db none``: SQLite only), each with every ``--workers`` count (1: ``serve``
as one process; N: ``serve --workers N``). The last table puts the verification rates of the
databases side by side with PostgreSQL's share of SQLite's. The server's CPU is that of
``serve`` and all its workers; "db" that of the PostgreSQL cluster's processes (private
cluster only).

Every timed phase is bounded by ``--duration`` seconds and by its number of prepared users;
each is run ``--repeat`` times (fresh users each time) and the best run is shown, with the
spread of rates over the runs. Exit status 1 when any request failed (not for missed goals).

Goals: (1) >= 250 verifications/s with p99 < 100 ms at concurrency 32 (privacyIDEA
3.14: about 25/s, p99 about 1.5 s on the same 2-core machine); (2) full logins >= 80 % of the
argon2 limit.

Usage::

    .venv/bin/python bench/server_load.py [--users 2000] [--duration 5] [--concurrency 1,8,32]
        [--logins 120] [--login-duration 10] [--login-concurrency 8] [--repeat 2]
        [--db private|URL|none] [--workers 1,2] [--json results.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

# Run as a script (``bench/`` is not a package): the project's root is added for
# ``server_stub``.
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

import httpx
from argon2_cost import measure_hash
from cpu_time import machine_busy_seconds
from http_connections import Connection, HttpxConnection, RawConnection, Response
from load_databases import PostgreSQL, process_tree, tree_cpu_seconds
from load_report import (
    POSTGRESQL,
    SQLITE,
    Configuration,
    Run,
    print_side_by_side,
    print_table,
)

from server_stub.models import User
from server_stub.security import totp
from server_stub.services import Services
from server_stub.settings import Argon2Params, Settings

PASSWORD = "bench password 5"  # noqa: S105 - a throw-away account's password


@dataclass(frozen=True)
class Account:
    name: str
    secret: bytes
    token: str | None = None  # a session waiting at the ``totp`` step, when prepared

    def code(self) -> str:
        return totp.code_at_step(self.secret, totp.time_step(datetime.now(UTC)))


# -- the server --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(port: int, workers: int = 1, db_url: str | None = None) -> list[str]:
    script = Path(sys.executable).with_name("tweestap-server")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "server_stub"]
    more = ["--workers", str(workers)] if workers > 1 else []
    if db_url:
        more += ["--db", db_url]
    return [*base, "serve", "--host", "127.0.0.1", "--port", str(port), *more]


@contextmanager
def running_server(
    home: Path, *, workers: int = 1, db_url: str | None = None
) -> Iterator[tuple[str, int]]:
    """``tweestap-server serve`` on a free loopback port; yields its URL and process id."""
    port = free_port()
    env = {**os.environ, "TWEESTAP_SERVER_HOME": str(home)}
    env.pop("TWEESTAP_SERVER_DB", None)
    log = (home / "server.log").open("wb")
    command = server_command(port, workers, db_url)
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited: {(home / 'server.log').read_text()}")
            try:
                if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer within 60 s")
            time.sleep(0.1)
        # Every worker up: each answers health on its own connection in time.
        while workers > 1 and len(process_tree(process.pid)) < workers + 1:
            if time.monotonic() > deadline:
                raise RuntimeError("the workers did not start within 60 s")
            time.sleep(0.1)
        time.sleep(1.0 if workers > 1 else 0.0)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# -- preparing users, pairings and sessions ------------------------------------------------


def prepare(settings: Settings, groups: dict[str, tuple[int, bool]]) -> dict[str, list[Account]]:
    """For each group ``name -> (count, with_session)``: paired users, and when asked one
    session per user waiting at the ``totp`` step. Done through the service layer (no HTTP,
    one argon2 hash for all) so that setting up thousands of users takes seconds."""
    services = Services.build(settings)
    try:
        password_hash = services.ctx.passwords.hash(PASSWORD)
        now = services.clock.now()
        prepared: dict[str, list[Account]] = {}
        for group, (count, with_session) in groups.items():
            accounts: list[Account] = []
            with services.ctx.db.write() as db:
                users = [
                    User(
                        name=f"{group}{number:06d}",
                        kind="employee",
                        password_hash=password_hash,
                        created_at=now,
                    )
                    for number in range(count)
                ]
                db.add_all(users)
                db.flush()
                for user in users:
                    secret = totp.new_secret()
                    services.enrollment.activate(db, user, secret)
                    token = None
                    if with_session:
                        token = services.sessions.create(
                            db, user_id=user.id, state="totp", ip="127.0.0.1"
                        )
                    accounts.append(Account(user.name, secret, token))
            prepared[group] = accounts
        return prepared
    finally:
        services.close()


# -- the load ------------------------------------------------------------------------------


def _failure(path: str, response: Response) -> str:
    return f"POST {path}: {response.status} {response.body[:200]!r}"


async def _verify(connection: Connection, account: Account, token: str) -> str | None:
    path = "/api/session/verify"
    response = await connection.post(path, {"code": account.code()}, token)
    return None if response.status == 200 else _failure(path, response)


async def _full_login(connection: Connection, account: Account) -> str | None:
    path = "/api/session"
    response = await connection.post(path, {"username": account.name, "password": PASSWORD})
    if response.status != 200:
        return _failure(path, response)
    body = response.json()
    if body.get("next") != "totp":
        return f"login of {account.name}: next={body.get('next')!r}, expected 'totp'"
    return await _verify(connection, account, str(body["token"]))


async def _drive(
    url: str,
    kind: str,
    accounts: Sequence[Account],
    concurrency: int,
    duration: float,
    pid: int,
    client_kind: str,
    db_pids: Sequence[int] = (),
) -> Run:
    run = Run(kind, concurrency)
    queue = iter(accounts)
    address = httpx.URL(url)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        connections: list[Connection] = [
            RawConnection(address.host, address.port or 80)
            if client_kind == "raw"
            else HttpxConnection(client)
            for _ in range(concurrency)
        ]
        # Open the connections before the clock starts.
        await asyncio.gather(*(connection.open() for connection in connections))
        deadline = time.perf_counter() + duration

        async def worker(connection: Connection) -> None:
            for account in queue:
                if time.perf_counter() >= deadline:
                    return
                started = time.perf_counter()
                broken = False
                try:
                    if kind == "verify":
                        assert account.token is not None
                        problem = await _verify(connection, account, account.token)
                    else:
                        problem = await _full_login(connection, account)
                except (OSError, asyncio.IncompleteReadError, httpx.HTTPError) as error:
                    problem = f"{type(error).__name__}: {error}"
                    broken = True
                if problem is None:
                    run.ok += 1
                    run.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    run.errors += 1
                    run.first_error = run.first_error or problem
                    if broken:
                        return  # this worker's connection is gone

        server_before = tree_cpu_seconds([pid])
        db_before = tree_cpu_seconds(db_pids)
        machine_before = machine_busy_seconds()
        cpu_before = time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(worker(connection) for connection in connections))
        run.seconds = time.perf_counter() - started
        run.client_cpu = (time.process_time() - cpu_before) / run.seconds
        server_after = tree_cpu_seconds([pid])
        db_after = tree_cpu_seconds(db_pids)
        machine_after = machine_busy_seconds()
        if server_before is not None and server_after is not None:
            run.server_cpu = (server_after - server_before) / run.seconds
        if db_before is not None and db_after is not None:
            run.db_cpu = (db_after - db_before) / run.seconds
        if machine_before is not None and machine_after is not None:
            busy = (machine_after - machine_before) / run.seconds
            used = run.client_cpu + (run.server_cpu or 0.0) + (run.db_cpu or 0.0)
            run.other_cpu = max(0.0, busy - used)
        await asyncio.gather(*(connection.close() for connection in connections))
    return run


def drive(
    url: str,
    kind: str,
    accounts: Sequence[Account],
    concurrency: int,
    duration: float,
    pid: int,
    client_kind: str,
    db_pids: Sequence[int] = (),
) -> Run:
    return asyncio.run(
        _drive(url, kind, accounts, concurrency, duration, pid, client_kind, db_pids)
    )


def _positive_ints(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("give at least one number, each >= 1")
    return values


def run_configuration(
    config: Configuration, args: argparse.Namespace, db_url: str | None, db_pids: list[int]
) -> None:
    home = Path(tempfile.mkdtemp(prefix="tweestap-load-"))
    try:
        groups: dict[str, tuple[int, bool]] = {}
        for repeat in range(args.repeat):
            for concurrency in args.concurrency:
                groups[f"v{repeat}c{concurrency}u"] = (args.users, True)
            if args.logins:
                groups[f"l{repeat}u"] = (args.logins, False)
        total = sum(n for n, _ in groups.values())
        print(f"[{config.name}] preparing {total} paired users ...", flush=True)
        prepare_started = time.perf_counter()
        accounts = prepare(Settings.from_env({}, home=home, db_url=db_url), groups)
        print(f"  done in {time.perf_counter() - prepare_started:.1f} s", flush=True)
        config.verify = {c: [] for c in args.concurrency}
        with running_server(home, workers=config.workers, db_url=db_url) as (url, pid):
            print(f"server: tweestap-server serve at {url} (pid {pid})", flush=True)
            for repeat in range(args.repeat):
                for concurrency in args.concurrency:
                    group = accounts[f"v{repeat}c{concurrency}u"]
                    run = drive(
                        url, "verify", group, concurrency, args.duration, pid, args.client, db_pids
                    )
                    config.verify[concurrency].append(run)
                    print(
                        f"  run {repeat + 1}: verify  x{concurrency:<3} {run.rate:7.1f}/s  "
                        f"p99 {run.percentile(0.99):6.1f} ms  errors {run.errors}",
                        flush=True,
                    )
                if args.logins:
                    group = accounts[f"l{repeat}u"]
                    conc = args.login_concurrency
                    run = drive(
                        url, "login", group, conc, args.login_duration, pid, args.client, db_pids
                    )
                    config.logins.append(run)
                    print(
                        f"  run {repeat + 1}: login   x{conc:<3} {run.rate:7.1f}/s  "
                        f"p99 {run.percentile(0.99):6.1f} ms  errors {run.errors}",
                        flush=True,
                    )
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--users",
        type=int,
        default=2000,
        help="prepared sessions (one user each) per verify run: its maximum request count",
    )
    parser.add_argument(
        "--duration", type=float, default=5.0, help="maximum seconds per verify run"
    )
    parser.add_argument("--concurrency", type=_positive_ints, default=[1, 8, 32])
    parser.add_argument(
        "--logins", type=int, default=120, help="users per full-login run (0: skip the phase)"
    )
    parser.add_argument("--login-duration", type=float, default=10.0)
    parser.add_argument("--login-concurrency", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2, help="runs of every phase (best shown)")
    parser.add_argument(
        "--client",
        choices=("raw", "httpx"),
        default="raw",
        help="load generator: raw asyncio HTTP/1.1 (default, cheap) or httpx.AsyncClient",
    )
    parser.add_argument(
        "--db",
        default="private",
        metavar="URL",
        help="PostgreSQL beside SQLite: 'private' (a private cluster, default), a database URL "
        "whose role may create databases, or 'none' (SQLite only)",
    )
    parser.add_argument(
        "--workers",
        type=_positive_ints,
        default=[1, 2],
        help="numbers of worker processes to measure, e.g. 1,2 (default)",
    )
    parser.add_argument("--hash-runs", type=int, default=5, help="timed argon2 verifications")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.users < 1 or args.repeat < 1 or args.logins < 0 or args.login_concurrency < 1:
        parser.error("--users, --repeat, --login-concurrency must be >= 1, --logins >= 0")

    started = time.perf_counter()
    cost = None
    if args.logins:
        print("timing argon2id with the server's parameters ...", flush=True)
        cost = measure_hash(Argon2Params(), args.hash_runs, seconds=3.0)

    databases = [SQLITE] if args.db == "none" else [SQLITE, POSTGRESQL]
    configs = [Configuration(db, count) for count in args.workers for db in databases]
    with ExitStack() as stack:
        postgresql = PostgreSQL(args.db, stack) if POSTGRESQL in databases else None
        for config in configs:
            if config.database == POSTGRESQL:
                assert postgresql is not None
                run_configuration(config, args, postgresql.new(), postgresql.pids())
                postgresql.drop_all()
            else:
                run_configuration(config, args, None, [])

    for config in configs:
        print(f"\n== {config.name}")
        print_table(config.verify, config.logins, cost)
    print_side_by_side(configs)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    every = [
        (config, run)
        for config in configs
        for run in [r for runs in config.verify.values() for r in runs] + config.logins
    ]
    if args.json:
        summary = {
            "runs": [
                {
                    "database": config.database,
                    "workers": config.workers,
                    **{k: v for k, v in asdict(run).items() if k != "latencies_ms"},
                    "rate": run.rate,
                    "p50_ms": run.percentile(0.5),
                    "p99_ms": run.percentile(0.99),
                }
                for config, run in every
            ],
            "argon2": None if cost is None else {**asdict(cost), "limit": cost.limit},
            "median_verify_rate": {
                config.name: {
                    c: statistics.median(run.rate for run in runs)
                    for c, runs in config.verify.items()
                }
                for config in configs
            },
        }
        args.json.write_text(json.dumps(summary, indent=2))
    failed = [(config, run) for config, run in every if run.errors]
    for config, run in failed:
        print(
            f"errors in {config.name} {run.kind} x{run.concurrency}: {run.first_error}",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

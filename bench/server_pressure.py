"""The 2FA server under pressure a stranger can apply without logging in (not a test).

Starts a real ``tweestap-server serve`` (production settings: argon2id 64 MiB/t=3/p=4, the
system clock, a fresh SQLite file in a temporary folder) and measures, printing figures:

1. **Large bodies**: ``--bodies`` parallel POSTs of ``--body-mib`` MiB each, with a
   Content-Length and chunked: the answer, how much of each body went out before it came,
   how long it took, and how much the server's peak memory (``VmHWM``) grew.
2. **A flood of password attempts**: ``--attempts`` parallel logins with wrong passwords
   (each would cost 64 MiB and 0.2 s of a core): the answers, how long until all came, and
   the server's peak memory growth. Meanwhile, every 50 ms: ``GET /api/health`` and a code
   check (prepared sessions, right codes), with their latencies; and one real user's login
   from another loopback address (127.0.0.2), retrying as ``Retry-After`` says.
3. **A locked database**: another process holds SQLite's write lock for ``--lock-seconds``;
   a code check, ``GET /api/health`` and the login page (``GET /``) meanwhile: status and
   latency of each.

Usage::

    .venv/bin/python bench/server_pressure.py [--attempts 64] [--bodies 6] [--body-mib 100]
        [--lock-seconds 10] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import select
import shutil
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # server_load, beside this file

import httpx
from server_load import PASSWORD, Account, prepare, running_server

from server_stub.settings import Settings

MIB = 1024 * 1024


def reset_peak(pid: int) -> None:
    """Start the process's ``VmHWM`` again from its current size (Linux: ``clear_refs`` 5), so
    that each phase shows its own peak."""
    # OSError: another user's process, or not Linux: the peak then spans the earlier phases.
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/clear_refs").write_text("5")


def vm_kib(pid: int, what: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{what}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {what} for {pid}")


@dataclass
class Timed:
    status: int
    seconds: float


@dataclass
class Series:
    """Latencies (and statuses) of one kind of request sent repeatedly during a phase."""

    name: str
    samples: list[Timed] = field(default_factory=list)

    def row(self) -> str:
        if not self.samples:
            return f"  {self.name:<24} no samples"
        times = sorted(s.seconds * 1000 for s in self.samples)
        statuses = Counter(s.status for s in self.samples)
        return (
            f"  {self.name:<24} n={len(times):<4} p50 {statistics.median(times):7.1f} ms  "
            f"max {times[-1]:7.1f} ms  statuses {dict(sorted(statuses.items()))}"
        )


# -- 1. large bodies -----------------------------------------------------------------------


def post_until_answered(url: str, total: int, chunked: bool) -> tuple[int, int, float]:
    """(status, body bytes sent before the answer, seconds) for one large POST."""
    address = httpx.URL(url)
    host, port = address.host, address.port or 80
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}"
    head = (
        f"POST /api/session HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"{framing}\r\n\r\n"
    ).encode()
    piece = b"x" * (64 * 1024)
    sent = 0
    started = time.perf_counter()
    with socket.create_connection((host, port), timeout=60) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        pending = b""
        while sent < total or pending:
            readable, writable, _ = select.select([sock], [sock], [], 60)
            if readable or not writable:
                break
            if not pending:
                size = min(len(piece), total - sent)
                if chunked:
                    pending = f"{size:x}\r\n".encode() + piece[:size] + b"\r\n"
                else:
                    pending = piece[:size]
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
    seconds = time.perf_counter() - started
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0
    return status, sent, seconds


def large_bodies(url: str, pid: int, count: int, size: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for chunked in (False, True):
        reset_peak(pid)
        before = vm_kib(pid, "VmHWM")
        answers: list[tuple[int, int, float]] = []

        def one(framing: bool = chunked, into: list[tuple[int, int, float]] = answers) -> None:
            into.append(post_until_answered(url, size, framing))

        threads = [threading.Thread(target=one) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        kind = "chunked" if chunked else "content-length"
        results[kind] = {
            "statuses": dict(Counter(a[0] for a in answers)),
            "max_sent_mib": max(a[1] for a in answers) / MIB,
            "max_seconds": max(a[2] for a in answers),
            "peak_growth_mib": (vm_kib(pid, "VmHWM") - before) / 1024,
        }
    return results


# -- 2. a flood of password attempts ------------------------------------------------------


def repeat_while(
    running: threading.Event, series: Series, request: Callable[[httpx.Client], int], url: str
) -> threading.Thread:
    def loop() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            while running.is_set():
                started = time.perf_counter()
                status = request(client)
                series.samples.append(Timed(status, time.perf_counter() - started))
                time.sleep(0.05)

    thread = threading.Thread(target=loop)
    thread.start()
    return thread


def flood(
    url: str, pid: int, attempts: int, waiting: Sequence[Account], user: Account
) -> dict[str, Any]:
    reset_peak(pid)
    before = vm_kib(pid, "VmHWM")
    sessions: Iterator[Account] = iter(waiting)
    running = threading.Event()
    running.set()
    health = Series("GET /api/health")
    codes = Series("POST /api/session/verify")

    def check_code(client: httpx.Client) -> int:
        account = next(sessions)
        answer = client.post(
            "/api/session/verify",
            json={"code": account.code()},
            headers={"Authorization": f"Bearer {account.token}"},
        )
        return answer.status_code

    watchers = [
        repeat_while(running, health, lambda c: c.get("/api/health").status_code, url),
        repeat_while(running, codes, check_code, url),
    ]
    time.sleep(0.3)  # a few samples before the flood
    statuses: list[int] = []

    def attempt(number: int) -> None:
        with httpx.Client(base_url=url, timeout=300) as client:
            body = {"username": f"gast{number}", "password": f"gok {number}"}
            statuses.append(client.post("/api/session", json=body).status_code)

    started = time.perf_counter()
    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    login_started = time.perf_counter()
    tries = 0
    with httpx.Client(base_url=url, transport=transport, timeout=120) as client:
        while True:
            tries += 1
            answer = client.post("/api/session", json={"username": user.name, "password": PASSWORD})
            if answer.status_code != 503 or tries >= 60:
                break
            time.sleep(int(answer.headers.get("Retry-After", "1")))
    login_seconds = time.perf_counter() - login_started
    for thread in threads:
        thread.join()
    flood_seconds = time.perf_counter() - started
    running.clear()
    for watcher in watchers:
        watcher.join()
    return {
        "attempts": dict(sorted(Counter(statuses).items())),
        "all_answered_seconds": flood_seconds,
        "peak_growth_mib": (vm_kib(pid, "VmHWM") - before) / 1024,
        "real_login": {"status": answer.status_code, "seconds": login_seconds, "tries": tries},
        "health": health,
        "codes": codes,
    }


# -- 3. a locked database -------------------------------------------------------------------


def timed(request: Callable[[], httpx.Response]) -> Timed:
    started = time.perf_counter()
    answer = request()
    return Timed(answer.status_code, time.perf_counter() - started)


def locked_database(url: str, database: Path, seconds: float, account: Account) -> dict[str, Any]:
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    results: dict[str, Timed] = {}
    try:
        check = threading.Thread(
            target=lambda: results.__setitem__(
                "code check",
                timed(
                    lambda: httpx.post(
                        f"{url}/api/session/verify",
                        json={"code": account.code()},
                        headers={"Authorization": f"Bearer {account.token}"},
                        timeout=120,
                    )
                ),
            )
        )
        check.start()
        time.sleep(1.2)  # past health's one-second cache
        results["GET /api/health"] = timed(lambda: httpx.get(f"{url}/api/health", timeout=120))
        results["GET / (login page)"] = timed(lambda: httpx.get(f"{url}/", timeout=120))
        check.join()
        remaining = seconds - 1.2
        if remaining > 0:
            time.sleep(remaining)
    finally:
        holder.rollback()
        holder.close()
    return {name: asdict(value) for name, value in results.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--attempts", type=int, default=64)
    parser.add_argument("--bodies", type=int, default=6)
    parser.add_argument("--body-mib", type=int, default=100)
    parser.add_argument("--lock-seconds", type=float, default=10.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="tweestap-pressure-"))
    try:
        accounts = prepare(
            Settings.from_env({}, home=home),
            {"codes": (3000, True), "user": (1, False), "locked": (1, True)},
        )
        with running_server(home) as (url, pid):
            print(f"server: tweestap-server serve at {url} (pid {pid})", flush=True)
            start_kib = vm_kib(pid, "VmRSS")
            bodies = large_bodies(url, pid, args.bodies, args.body_mib * MIB)
            flooded = flood(url, pid, args.attempts, accounts["codes"], accounts["user"][0])
            locked = locked_database(
                url, home / "server.db", args.lock_seconds, accounts["locked"][0]
            )
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print(f"\nserver memory at start: {start_kib / 1024:.0f} MiB (RSS)")
    print(f"\n1. {args.bodies} parallel bodies of {args.body_mib} MiB")
    for kind, figures in bodies.items():
        print(
            f"  {kind:<15} answers {figures['statuses']}  sent before the answer at most "
            f"{figures['max_sent_mib']:.1f} MiB  answered within {figures['max_seconds']:.2f} s"
            f"  peak memory +{figures['peak_growth_mib']:.0f} MiB"
        )
    print(f"\n2. {args.attempts} parallel wrong-password logins (production argon2id)")
    print(
        f"  answers {flooded['attempts']}, all within {flooded['all_answered_seconds']:.1f} s, "
        f"peak memory +{flooded['peak_growth_mib']:.0f} MiB"
    )
    real = flooded["real_login"]
    print(
        f"  a real user's login from another address: {real['status']} after "
        f"{real['seconds']:.2f} s ({real['tries']} tries)"
    )
    print(flooded["health"].row())
    print(flooded["codes"].row())
    print(f"\n3. the database's write lock held by another process for {args.lock_seconds:.0f} s")
    for name, result in locked.items():
        print(f"  {name:<24} {result['status']} after {result['seconds'] * 1000:.0f} ms")
    if args.json:
        summary = {
            "bodies": bodies,
            "flood": {
                **{k: v for k, v in flooded.items() if k not in ("health", "codes")},
                "health": [asdict(s) for s in flooded["health"].samples],
                "codes": [asdict(s) for s in flooded["codes"].samples],
            },
            "locked": locked,
        }
        args.json.write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

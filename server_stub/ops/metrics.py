"""Prometheus metrics: what the server counts, and the listener that exposes it.

Counting is always on and costs a lock and an addition per event; *exposing* is off unless
``Settings.metrics_port`` is set (``serve --metrics-port``). The metrics then have a listener
of their own (default address 127.0.0.1), not a path on the public port: a reverse proxy in
front of the public port cannot leak them by forgetting a rule, no token has to be managed,
and Prometheus scrapes it the way it scrapes every other exporter on the host.

Several worker processes: prometheus-client's multiprocess mode. When the environment has
``PROMETHEUS_MULTIPROC_DIR`` (an empty folder of the server's own, set before this module is
first imported, as the process that starts the workers does), every process writes its values
to files there and :func:`exposition_registry` adds them up: the listener then belongs to the
supervising process, not to a worker (N workers cannot all bind one port), and a worker that
ended is marked with :func:`worker_exited`. Gauges are declared ``livesum`` for that (the sum
over the processes alive); without the variable everything stays in this process's memory.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ParamSpec, TypeVar
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    multiprocess,
    start_http_server,
)
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)

CODE_CHECKS = Counter(
    "tweestap_code_checks",
    "Second-factor code checks (app, pairing and e-mail codes; API and login page) by result: "
    "ok, wrong, replay (a right code already used: 409, not counted as a wrong guess), "
    "throttled (refused unchecked during a wait), busy (the database stayed locked), "
    "refused (no session, wrong step, blocked, address not allowed, unreadable secret), "
    "error (the database away, or an unexpected failure).",
    ["result"],
)
LOGINS = Counter(
    "tweestap_logins",
    "Password steps (API and login page) by result: ok, invalid_credentials, refused "
    "(blocked, address not allowed), throttled, busy, invalid (malformed request).",
    ["result"],
)
THROTTLED = Counter(
    "tweestap_throttled",
    "Attempts refused with 429 because a throttle made them wait: what = code (wrong codes "
    "for an account), password (wrong passwords for a name or an address), email_code (the "
    "resend limit of e-mail codes).",
    ["what"],
)
HASH_WAITING = Gauge(
    "tweestap_password_hashes_waiting",
    "Password hashes (argon2) waiting for a hash slot now.",
    multiprocess_mode="livesum",
)
HASH_RUNNING = Gauge(
    "tweestap_password_hashes_running",
    "Password hashes (argon2) holding a hash slot now.",
    multiprocess_mode="livesum",
)
HASH_REJECTED = Counter(
    "tweestap_password_hashes_rejected",
    "Logins, activations and password changes answered 503 busy because every hash slot was "
    "taken and the queue full (or the wait too long).",
)
REQUEST_SECONDS = Histogram(
    "tweestap_request_duration_seconds",
    "Time from a request's arrival to its answer's end, by method, route template (or "
    "'unmatched') and status.",
    ["method", "route", "status"],
    buckets=(0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

CODE_RESULTS = ("ok", "wrong", "replay", "throttled", "busy", "refused", "error")
LOGIN_RESULTS = ("ok", "invalid_credentials", "refused", "throttled", "busy", "invalid")
THROTTLED_WHAT = ("code", "password", "email_code")
for _result in CODE_RESULTS:  # every series exists from the start: rate() needs a zero
    CODE_CHECKS.labels(_result)
for _result in LOGIN_RESULTS:
    LOGINS.labels(_result)
for _what in THROTTLED_WHAT:
    THROTTLED.labels(_what)


@cache
def _outcome_kinds() -> tuple[Callable[[BaseException], bool], tuple[tuple[type, str], ...]]:
    """What tells the outcomes apart, imported once on first use: the password hashing
    imports this module, so it imports nothing of the services at its top."""
    from server_stub.db import is_busy
    from server_stub.services import errors

    kinds: tuple[tuple[type, str], ...] = (
        (errors.CodeAlreadyUsed, "replay"),
        (errors.InvalidCode, "wrong"),
        (errors.Throttled, "throttled"),
        (errors.Unavailable, "busy"),
        (errors.ServiceError, "refused"),
    )
    return is_busy, kinds


def code_check_result(outcome: object) -> str:
    """The ``result`` label of a code check's outcome (the result, or what it raised)."""
    if not isinstance(outcome, BaseException):
        return "ok"
    is_busy, kinds = _outcome_kinds()
    for kind, result in kinds:
        if isinstance(outcome, kind):
            return result
    return "busy" if is_busy(outcome) else "error"


def observe_code_check(outcome: object) -> None:
    CODE_CHECKS.labels(code_check_result(outcome)).inc()


def observe_code_checks(outcomes: Iterable[object]) -> None:
    for outcome in outcomes:
        observe_code_check(outcome)


def counted_code_check(check: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``check(*args, **kwargs)`` (a code check of its own, such as
    ``VerificationService.verify``), its result or what it raised counted: the seam through
    which the HTTP side counts what the services decided, the services importing no metrics."""
    try:
        result = check(*args, **kwargs)
    except Exception as error:
        observe_code_check(error)
        raise
    observe_code_check(result)
    return result


# -- exposition ----------------------------------------------------------------------------


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def exposition_registry() -> CollectorRegistry:
    """This process's registry, or, in multiprocess mode, one that adds up every process's
    files (so the supervising process can serve the workers' values)."""
    if multiprocess_dir() is None:
        return REGISTRY
    registry = CollectorRegistry()
    registry.register(_LiveProcessesCollector(multiprocess_dir() or ""))
    return registry


class _LiveProcessesCollector(Collector):
    """The folder's values added up, once the live gauges of processes that are gone have
    been dropped: a worker killed with SIGKILL (the OOM killer, ``kill -9``) runs no shutdown,
    and its last gauges (hashes running, waiting) would otherwise be counted for ever."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.inner = multiprocess.MultiProcessCollector(None, folder)  # type: ignore[no-untyped-call]

    def collect(self) -> Iterable[Metric]:
        for pid in _processes_gone(self.folder):
            multiprocess.mark_process_dead(pid, self.folder)  # type: ignore[no-untyped-call]
        metrics: Iterable[Metric] = self.inner.collect()  # type: ignore[no-untyped-call]
        return metrics


def _processes_gone(folder: str) -> set[int]:
    """The processes with live gauge files in ``folder`` that no longer run."""
    gone: set[int] = set()
    for path in Path(folder).glob("gauge_live*_*.db"):
        pid_text = path.stem.rsplit("_", 1)[-1]
        if not pid_text.isdigit():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            gone.add(int(pid_text))
        except PermissionError:  # pragma: no cover - alive, another user's
            pass
    return gone


def worker_exited(pid: int) -> None:
    """In multiprocess mode: drop a finished worker's live gauges (call from the supervisor)."""
    if multiprocess_dir() is not None:
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]


@dataclass
class MetricsListener:
    """The running metrics listener (``GET /metrics`` on its own address)."""

    server: WSGIServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.server.server_port)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def start_listener(host: str, port: int) -> MetricsListener:
    """Serve the metrics on ``host:port`` in a thread of this process (port 0: any free)."""
    server, thread = start_http_server(port, addr=host, registry=exposition_registry())
    listener = MetricsListener(server, thread)
    log.info("metrics on http://%s:%d/metrics", host, listener.port)
    return listener

"""Prometheus metrics: every code check counted by its result (API and login page), logins,
throttle refusals, the password hash queue and its rejections, request latency by route; the
listener off unless configured, on its own address when it is, and the multiprocess mode
(``PROMETHEUS_MULTIPROC_DIR``) adding up what the processes wrote."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from prometheus_client import REGISTRY

from server_stub.settings import HashLimits
from tests.helpers.server_fakes import GatedHasher
from tests.paths import ROOT
from tests.server.harness import PASSWORD, Harness
from tests.server.ops.org import Org, scrape, verify
from tests.server.served import Served, free_port
from tests.server.services.test_hash_limits import wait_for
from tests.server.web.webclient import open_web


class Delta:
    """How much a sample of this process's registry grew since the start."""

    def __init__(self) -> None:
        self.start: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
        for family in REGISTRY.collect():
            for sample in family.samples:
                self.start[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value

    def __call__(self, name: str, **labels: str) -> float:
        now = REGISTRY.get_sample_value(name, labels) or 0.0
        return now - self.start.get((name, tuple(sorted(labels.items()))), 0.0)


def code_results(delta: Delta) -> dict[str, float]:
    results = ("ok", "wrong", "replay", "throttled", "busy", "refused")
    counted = {r: delta("tweestap_code_checks_total", result=r) for r in results}
    return {result: count for result, count in counted.items() if count}


def test_every_code_check_result_is_counted_on_the_api(
    make_harness: Callable[..., Harness],
) -> None:
    harness = make_harness(db_busy_timeout=timedelta(milliseconds=300))
    harness.add_user("jan")
    harness.enroll("jan")
    delta = Delta()

    first, second = harness.login("jan"), harness.login("jan")
    code = harness.code("jan")
    assert harness.verify(first, code).status_code == 200
    assert harness.verify(second, code).status_code == 409  # a right code, already used
    wrong = harness.login("jan")
    for _ in range(5):  # the replay was no guess: five wrong codes, then the wait
        assert harness.verify(wrong, "000000").status_code == 401
    assert harness.verify(wrong, harness.code("jan", 1)).status_code == 429
    assert harness.verify(harness.login("jan"), "000000").status_code == 429
    bogus = harness.client.post(
        "/api/session/verify", json={"code": code}, headers={"Authorization": "Bearer nope"}
    )
    assert bogus.status_code == 401
    assert code_results(delta) == {
        "ok": 1,
        "replay": 1,
        "wrong": 5,
        "throttled": 2,
        "refused": 1,
    }
    assert delta("tweestap_throttled_total", what="code") == 2
    assert delta("tweestap_logins_total", result="ok") == 4

    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert harness.verify(wrong, "000000").status_code == 503
    finally:
        holder.close()
    assert delta("tweestap_code_checks_total", result="busy") == 1


def test_code_checks_of_the_login_page_are_counted_too(harness: Harness) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    delta = Delta()
    web = open_web(harness)
    try:
        assert web.login("jan").status_code == 200
        assert web.code("000000").status_code == 401
        assert web.code(harness.code("jan")).status_code == 200
    finally:
        web.close()
    assert code_results(delta) == {"wrong": 1, "ok": 1}
    assert delta("tweestap_logins_total", result="ok") == 1


def test_password_throttle_refusals_and_wrong_passwords_are_counted(harness: Harness) -> None:
    delta = Delta()
    for _ in range(5):
        assert harness.login_response("niemand", "geraden").status_code == 401
    assert harness.login_response("niemand", "geraden").status_code == 429
    assert delta("tweestap_logins_total", result="invalid_credentials") == 5
    assert delta("tweestap_logins_total", result="throttled") == 1
    assert delta("tweestap_throttled_total", what="password") == 1


def test_the_hash_queue_and_its_rejections(make_harness: Callable[..., Harness]) -> None:
    hasher = GatedHasher()
    harness = make_harness(
        hasher=hasher, hash_limits=HashLimits(slots=1, queue=1, wait=timedelta(seconds=30))
    )
    delta = Delta()
    hasher.gate.clear()
    answers: list[httpx.Response] = []
    threads = [
        threading.Thread(target=lambda n=n: answers.append(harness.login_response(f"g{n}", "x")))
        for n in range(2)
    ]
    try:
        for thread in threads:
            thread.start()
        wait_for(lambda: hasher.running == 1, "one hash to run")
        wait_for(
            lambda: REGISTRY.get_sample_value("tweestap_password_hashes_waiting") == 1,
            "one hash to wait",
        )
        assert REGISTRY.get_sample_value("tweestap_password_hashes_running") == 1
        assert harness.login_response("g3", "x").status_code == 503  # the queue is full
        assert delta("tweestap_password_hashes_rejected_total") == 1
        assert delta("tweestap_logins_total", result="busy") == 1
    finally:
        hasher.gate.set()
        for thread in threads:
            thread.join(30)
    assert sorted(a.status_code for a in answers) == [401, 401]
    assert REGISTRY.get_sample_value("tweestap_password_hashes_waiting") == 0
    assert REGISTRY.get_sample_value("tweestap_password_hashes_running") == 0


# -- the listener, in a real server process ----------------------------------------------------


@pytest.fixture
def org(tmp_path: Path) -> Org:
    org = Org(tmp_path / "server-home")
    org.add("anna", "bram")
    return org


def test_metrics_are_off_unless_configured(serve: Callable[..., Served], org: Org) -> None:
    served = serve(org.home)
    assert httpx.get(f"{served.url}/metrics").status_code == 404
    served.stop()
    assert "metrics on" not in served.output()


def test_metrics_on_their_own_listener_count_what_the_server_did(
    serve: Callable[..., Served], org: Org
) -> None:
    port = free_port()
    served = serve(org.home, "--metrics-port", str(port))
    metrics = f"http://127.0.0.1:{port}/metrics"
    login = httpx.post(
        f"{served.url}/api/session", json={"username": "anna", "password": PASSWORD}, timeout=30
    )
    assert login.status_code == 200, login.text
    token = login.json()["token"]
    assert verify(served.url, token, "000000").status_code == 401
    code = org.next_code("anna")
    assert code is not None
    assert verify(served.url, token, code).status_code == 200
    assert httpx.get(f"{served.url}/api/health").status_code == 200

    samples = scrape(metrics)
    assert samples[("tweestap_code_checks_total", (("result", "ok"),))] == 1
    assert samples[("tweestap_code_checks_total", (("result", "wrong"),))] == 1
    assert samples[("tweestap_code_checks_total", (("result", "replay"),))] == 0
    assert samples[("tweestap_logins_total", (("result", "ok"),))] == 1
    verify_count = (
        "tweestap_request_duration_seconds_count",
        (("method", "POST"), ("route", "/api/session/verify"), ("status", "200")),
    )
    assert samples[verify_count] == 1
    assert ("tweestap_password_hashes_waiting", ()) in samples
    assert any(name == "process_cpu_seconds_total" for name, _ in samples)
    # Not on the public port.
    assert httpx.get(f"{served.url}/metrics").status_code == 404
    served.stop()
    assert f"metrics on http://127.0.0.1:{port}/metrics" in served.output()


def test_the_metrics_port_taken_is_refused_at_start(serve: Callable[..., Served], org: Org) -> None:
    with socket_on_port() as port:
        served = serve(org.home, "--metrics-port", str(port), wait=False)
        assert served.exit_code() == 1
    output = served.output()
    assert f"cannot serve metrics on 127.0.0.1:{port}" in output, output
    assert "Traceback" not in output


def test_in_multiprocess_mode_the_values_are_read_from_the_shared_folder(
    serve: Callable[..., Served], org: Org, tmp_path: Path
) -> None:
    """What several workers will do: each process writes its values to files in
    PROMETHEUS_MULTIPROC_DIR, and the listener adds up the folder."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    port = free_port()
    served = serve(org.home, "--metrics-port", str(port), PROMETHEUS_MULTIPROC_DIR=str(folder))
    login = httpx.post(
        f"{served.url}/api/session", json={"username": "bram", "password": PASSWORD}, timeout=30
    )
    code = org.next_code("bram")
    assert code is not None
    assert verify(served.url, login.json()["token"], code).status_code == 200
    samples = scrape(f"http://127.0.0.1:{port}/metrics")
    assert samples[("tweestap_code_checks_total", (("result", "ok"),))] == 1
    assert samples[("tweestap_password_hashes_running", ())] == 0
    assert sorted(path.name.split("_")[0] for path in folder.iterdir())  # the processes' files
    assert any(path.name.startswith("counter_") for path in folder.iterdir())


class socket_on_port:  # noqa: N801 - used like a function
    """A port some other program listens on."""

    def __enter__(self) -> int:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        port: int = self.sock.getsockname()[1]
        return port

    def __exit__(self, *_: object) -> None:
        self.sock.close()


@pytest.mark.parametrize(
    "module",
    [
        "server_stub.security.passwords",
        "server_stub.ops.metrics",
        "server_stub.services.verification",
        "server_stub.api.code_checks",
        "server_stub.web.code_steps",
        "server_stub.services",
        "server_stub.cli",
    ],
)
def test_every_module_that_counts_imports_first_without_a_cycle(module: str) -> None:
    """The password hashing and the HTTP side import the metrics, which read the services'
    refusals: they must not import them back at import time, whichever a program imports first
    (bench/ imports passwords)."""
    import subprocess
    import sys

    from tests.paths import ROOT

    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_invented_http_methods_share_one_label_and_cannot_grow_the_metrics(
    serve: Callable[..., Served], org: Org
) -> None:
    # The method is the client's to choose (any token): as a label of its own, every invented
    # one would add a dozen series that live as long as the process, on a public port, without
    # a login; the scrape and the server's memory would grow with each request.
    port = free_port()
    served = serve(org.home, "--metrics-port", str(port))
    for n in range(20):
        with socket.create_connection(("127.0.0.1", served.port), timeout=10) as connection:
            connection.sendall(
                f"INVENTED{n} /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
            )
            assert b" 405 " in connection.recv(1000)
    samples = scrape(f"http://127.0.0.1:{port}/metrics")
    methods = {
        dict(labels)["method"]
        for name, labels in samples
        if name == "tweestap_request_duration_seconds_count"
    }
    assert not any(method.startswith("INVENTED") for method in methods), methods
    other = (
        "tweestap_request_duration_seconds_count",
        (("method", "other"), ("route", "/api/health"), ("status", "405")),
    )
    assert samples[other] == 20


def test_a_worker_killed_with_sigkill_leaves_no_live_gauge_behind(
    serve: Callable[..., Served], org: Org, tmp_path: Path
) -> None:
    # A worker killed mid-hash (the OOM killer, kill -9) runs no shutdown, so it never drops
    # its live gauges itself: the supervisor's scrape must not go on counting a dead process's
    # hashes as running, for ever.
    folder = tmp_path / "prometheus"
    folder.mkdir()
    port = free_port()
    serve(org.home, "--metrics-port", str(port), PROMETHEUS_MULTIPROC_DIR=str(folder))
    worker = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, signal\n"
            "from server_stub.ops import metrics\n"
            "metrics.HASH_RUNNING.inc()\n"
            "metrics.HASH_WAITING.inc(3)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
        ],
        cwd=ROOT,
        env={**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder)},
    )
    assert worker.wait(60) == -signal.SIGKILL
    assert any(path.name.endswith(f"_{worker.pid}.db") for path in folder.iterdir())
    samples = scrape(f"http://127.0.0.1:{port}/metrics")
    assert samples[("tweestap_password_hashes_running", ())] == 0
    assert samples[("tweestap_password_hashes_waiting", ())] == 0

"""The embedded 2FA server on this computer: found over HTTP, or started as a process.

The desktop app never imports ``server_stub``; it runs ``python -m server_stub serve`` with
the same interpreter, its data folder inside the app's own (``$TWEESTAP_HOME/server``), and
waits until ``GET /api/health`` answers. A server the app started keeps running when the app
closes (employees log in through it); its output goes to ``server.log`` in its folder.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop import paths
from desktop.admin.errors import (
    AdminError,
    EmbeddedServerFailed,
    InvalidServerAddress,
    NoEmbeddedServer,
    ServerBusy,
)
from desktop.clock import MonotonicClock
from desktop.net.admin_client import AdminClient, normalize_address

EMBEDDED_HOST = "127.0.0.1"
EMBEDDED_PORT = 8765
"""Where this app runs its own server: the app's choice, passed to the server on its command
line (``--host``, ``--port``, ``--home``), so nothing here repeats the server's defaults."""
START_TIMEOUT = 30.0
POLL_INTERVAL = 0.1
LOG_NAME = "server.log"


@dataclass(frozen=True)
class EmbeddedServer:
    """Where the embedded server listens and keeps its data."""

    home: Path
    host: str = EMBEDDED_HOST
    port: int = EMBEDDED_PORT

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.home / LOG_NAME

    def is_address(self, address: str) -> bool:
        """Whether ``address`` (as typed) means this server."""
        try:
            wanted = httpx.URL(normalize_address(address))
        except InvalidServerAddress:
            return False
        hosts = {self.host, "localhost"} if self.host == EMBEDDED_HOST else {self.host}
        return (
            wanted.scheme == "http"
            and wanted.host in hosts
            and (wanted.port or 80) == self.port
            and wanted.path in ("", "/")
        )

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "server_stub",
            "serve",
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--home",
            str(self.home),
        ]


def default_embedded() -> EmbeddedServer:
    return EmbeddedServer(home=paths.data_home() / "server")


def is_running(url: str) -> bool:
    """Whether a Tweestap server answers ``GET /api/health`` at ``url``."""
    client = AdminClient(url)
    try:
        client.health()
    except ServerBusy:  # a Tweestap server whose database is locked for a moment
        return True
    except AdminError:  # nothing there, or something that is not a Tweestap server
        return False
    finally:
        client.close()
    return True


def start(
    server: EmbeddedServer,
    *,
    timeout: float = START_TIMEOUT,
    probe: Callable[[str], bool] = is_running,
) -> subprocess.Popen[bytes]:
    """Start the server process and wait until it answers; :class:`EmbeddedServerFailed`
    (with the last line of its log) when it exits or stays silent."""
    if getattr(sys, "frozen", False):  # a packaged app: its interpreter is Tweestap itself
        raise NoEmbeddedServer(server.url)
    paths.ensure_private_dir(server.home)
    with open(server.log_file, "ab") as log:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            server.command(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # outlives the app; not stopped by the terminal's Ctrl+C
        )
    steady = MonotonicClock()
    deadline = steady.now() + timeout
    while steady.now() < deadline:
        if probe(server.url):
            return process
        if process.poll() is not None:
            raise EmbeddedServerFailed(_last_line(server.log_file), str(server.log_file))
        time.sleep(POLL_INTERVAL)
    stop(process)
    raise EmbeddedServerFailed("no answer within the waiting time", str(server.log_file))


_started: list[subprocess.Popen[bytes]] = []
"""The server processes this app started. They outlive its windows (employees log in
through them), so they are kept referenced here for the life of the app."""


def ensure_running(server: EmbeddedServer) -> subprocess.Popen[bytes] | None:
    """Start the server unless it already answers; the process, if one was started."""
    if is_running(server.url):
        return None
    process = start(server)
    _started.append(process)
    return process


def started_processes() -> tuple[subprocess.Popen[bytes], ...]:
    """The processes :func:`ensure_running` started, oldest first."""
    return tuple(_started)


def stop_started() -> None:
    """Stop every process :func:`ensure_running` started (tests and scripts clean up)."""
    while _started:
        stop(_started.pop())


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


def _last_line(log: Path) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return "the server stopped"
    return lines[-1].strip() if lines else "the server stopped"

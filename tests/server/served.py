"""``tweestap-server`` as a real process: ``serve`` on a free loopback port with its own home,
production settings (argon2id 64 MiB, the system clock), as an administrator runs it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.paths import ROOT

TYPICAL_UMASK = 0o022  # what most systems give a service: files 0644, folders 0755


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def run_cli(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``tweestap-server ARGS`` to the end, under a typical umask."""
    return subprocess.run(
        [sys.executable, "-m", "server_stub", *args],
        cwd=ROOT,
        env={**os.environ, "TWEESTAP_SERVER_HOME": str(home), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        umask=TYPICAL_UMASK,
        check=False,
    )


@dataclass
class Served:
    """One ``tweestap-server serve`` process; ``args`` are more options for ``serve``. What it
    prints is read as it comes (a server that logs a lot never blocks on a full pipe)."""

    home: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None
    args: list[str] = field(default_factory=list)
    _lines: list[str] = field(default_factory=list)
    _reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, *, wait: bool = True) -> Served:
        env = {
            **os.environ,
            "TWEESTAP_SERVER_HOME": str(self.home),
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        env.pop("TWEESTAP_SERVER_DB", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server_stub", "serve", "--port", str(self.port), *self.args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            umask=TYPICAL_UMASK,
        )
        self._reader = threading.Thread(target=self._read, args=(self.process,), daemon=True)
        self._reader.start()
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.output()}")
            try:
                if httpx.get(f"{self.url}/api/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise AssertionError("the server did not come up")

    def exit_code(self, timeout: float = 60.0) -> int:
        assert self.process is not None
        return self.process.wait(timeout)

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        with process.stdout:
            for line in process.stdout:
                self._lines.append(line)

    def printed(self) -> str:
        """What the process printed so far (it may still be running)."""
        return "".join(self._lines)

    def output(self) -> str:
        """Everything the process printed, once it has ended ("" while it runs)."""
        assert self.process is not None
        if self.process.poll() is None:
            return ""
        self.process.wait(10)
        if self._reader is not None:
            self._reader.join(10)
        return self.printed()

    def memory_kib(self, what: str = "VmHWM") -> int:
        """``VmRSS`` (now) or ``VmHWM`` (the peak so far) of the server process, in KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith(f"{what}:"):
                return int(line.split()[1])
        raise AssertionError(f"no {what} in /proc/{self.pid}/status")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        if self._reader is not None:
            self._reader.join(10)

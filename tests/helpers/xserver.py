"""Running the screen-capture helper on an X server: pytest-xvfb's, or one of our own."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.paths import ROOT

START_DEADLINE = 10.0  # seconds for Xvfb to announce its display


@contextmanager
def own_xvfb(*screens: str) -> Iterator[str]:
    """A private Xvfb with the given screens (``"800x600x24"``...) on a free display
    number (Xvfb picks it and reports it through ``-displayfd``); killed afterwards."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is not installed (scripts/system-deps.sh installs it)"
    read_end, write_end = os.pipe()
    args = [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-noreset"]
    for index, geometry in enumerate(screens):
        args += ["-screen", str(index), geometry]
    process = subprocess.Popen(
        args, pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    os.close(write_end)
    try:
        display = _read_display(read_end, process)
        yield f":{display}"
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def pytest_xvfb(request: pytest.FixtureRequest) -> object | None:
    """pytest-xvfb's ``xvfb`` fixture value; ``None`` when the plugin is off or not loaded."""
    try:
        value: object = request.getfixturevalue("xvfb")
    except pytest.FixtureLookupError:
        return None
    return value


@contextmanager
def x_server(xvfb: object | None) -> Iterator[str]:
    """pytest-xvfb's X server (its ``xvfb`` fixture) when it runs one, else a private one."""
    if xvfb is not None:
        display = str(getattr(xvfb, "display"))  # noqa: B009 - the plugin's object is untyped
        yield display if display.startswith(":") else f":{display}"
        return
    with own_xvfb("800x600x24") as display:
        yield display


def _read_display(fd: int, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + START_DEADLINE
    received = b""
    while not received.endswith(b"\n"):
        left = deadline - time.monotonic()
        assert left > 0 and process.poll() is None, "Xvfb did not start"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 64)
            assert chunk, "Xvfb closed -displayfd without a display number"
            received += chunk
    return received.decode().strip()


def helper_env(display: str, **extra: str) -> dict[str, str]:
    """The environment for a child that must use the real X server (not offscreen)."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XDG_SESSION_TYPE", None)
    return env


def show_qr_command(text: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "tests.helpers.show_qr", text, *options]


def run_helper(
    display: str, text: str, *options: str, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        show_qr_command(text, *options),
        cwd=ROOT,
        env=helper_env(display, **extra_env),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

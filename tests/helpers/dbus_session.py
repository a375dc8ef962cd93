"""A private session bus for tests: a ``dbus-daemon`` of our own with no service folders,
so nothing is ever auto-started on it (no stray daemons, no password prompt window)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""The bus configuration; ``{socket}`` is the path of its socket."""

START_TIMEOUT = 10.0


@contextmanager
def private_bus(prefix: str = "tweestap-bus-") -> Iterator[str]:
    """A running dbus-daemon with no services on it; yields its address. Stopped after."""
    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon is missing: run scripts/system-deps.sh (Debian package dbus)")
    folder = Path(tempfile.mkdtemp(prefix=prefix))  # short: socket paths are limited
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=folder / "bus"), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--config-file", str(config), "--nofork", "--nopidfile"],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not (folder / "bus").exists():
            if time.monotonic() > deadline or daemon.poll() is not None:
                pytest.fail("the private dbus-daemon did not start")
            time.sleep(0.02)
        yield f"unix:path={folder / 'bus'}"
    finally:
        daemon.terminate()
        daemon.wait(10)
        shutil.rmtree(folder, ignore_errors=True)

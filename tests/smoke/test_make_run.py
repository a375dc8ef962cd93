"""What `make run` starts, headless: the demo server answers, its logins work, the app
in the demo folder holds the administrator's account and paints its window."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.paths import ROOT


@dataclass
class Demo:
    url: str
    home: Path
    env: dict[str, str]
    process: subprocess.Popen[str]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """One demo for the module (the last test stops it)."""
    tmp_path = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TWEESTAP_PASSWORD": "demo vault password",  # no keyring here: the vault's password
    }
    env.pop("TWEESTAP_HOME", None)
    process = subprocess.Popen(
        [
            *(sys.executable, "scripts/run_demo.py", "--no-app"),
            *("--home", str(tmp_path), "--port", str(free_port())),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output: list[str] = []
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        if line.startswith("Serving until Ctrl+C"):
            break
    text = "".join(output)
    assert "Serving until Ctrl+C" in text, text
    url = next(
        part
        for line in output
        if line.startswith("2FA server")
        for part in line.split()
        if part.startswith("http://")
    )
    yield Demo(url, tmp_path / "app", {**env, "TWEESTAP_HOME": str(tmp_path / "app")}, process)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    process.stdout.close()


def app(demo: Demo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=demo.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_demo_server_answers_and_the_admin_logs_in_with_the_code_from_the_app(
    demo: Demo,
) -> None:
    assert httpx.get(f"{demo.url}/api/health").status_code == 200
    assert "Tweestap" in httpx.get(f"{demo.url}/").text
    session = httpx.post(
        f"{demo.url}/api/session", json={"username": "anna.admin", "password": "welkom-demo"}
    ).json()
    assert session["next"] == "totp"
    codes = json.loads(app(demo, "code", "anna.admin", "--json").stdout)
    assert [entry["account"] for entry in codes] == ["anna.admin"]
    verified = httpx.post(
        f"{demo.url}/api/session/verify",
        json={"code": codes[0]["code"]},
        headers={"Authorization": f"Bearer {session['token']}"},
    )
    assert verified.status_code == 200, verified.text
    overview = httpx.get(
        f"{demo.url}/api/admin/overview",
        headers={"Authorization": f"Bearer {session['token']}"},
    )
    assert overview.status_code == 200


def test_demo_employee_is_asked_to_enroll(demo: Demo) -> None:
    session = httpx.post(
        f"{demo.url}/api/session", json={"username": "daan.nieuw", "password": "welkom-demo"}
    ).json()
    assert session["next"] == "enroll"


def test_demo_app_points_the_admin_panel_at_the_demo_server_and_paints(demo: Demo) -> None:
    settings = json.loads((demo.home / "settings.json").read_text(encoding="utf-8"))
    assert settings["settings"]["server_url"] == demo.url
    painted = app(demo, "--exit-after-first-frame")
    assert painted.returncode == 0, painted.stderr
    assert "Traceback" not in painted.stderr


def test_stopping_the_demo_stops_its_server(demo: Demo) -> None:  # keep last: it ends the demo
    demo.process.send_signal(signal.SIGINT)
    demo.process.wait(timeout=30)
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{demo.url}/api/health", timeout=2)

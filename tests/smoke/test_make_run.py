"""What `make run` starts, headless: the demo server answers, its logins work, the app
in the demo folder holds the administrator's account and paints its window; the printed
guide speaks the system's language with the app's own menu names, says when the wanted
port was taken, and never stops at a password prompt on the terminal."""

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


def start_demo(home: Path, port: int, **env_changes: str | None) -> tuple[Demo, str]:
    """``run_demo.py --no-app`` in ``home``; the demo and the guide it printed."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TWEESTAP_PASSWORD": "demo vault password",  # no keyring here: the vault's password
    }
    env.pop("TWEESTAP_HOME", None)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    process = subprocess.Popen(
        [
            *(sys.executable, "scripts/run_demo.py", "--no-app"),
            *("--home", str(home), "--port", str(port)),
        ],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,  # a prompt on the terminal would end the demo here
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
        if "Ctrl+C" in line:
            break
    text = "".join(output)
    assert "Ctrl+C" in text, text
    url = next(
        part for line in output for part in line.split() if part.startswith("http://127.0.0.1:")
    )
    app_env = {**env, "TWEESTAP_HOME": str(home / "app")}
    return Demo(url, home / "app", app_env, process), text


def stop_demo(demo: Demo) -> None:
    if demo.process.poll() is None:
        demo.process.send_signal(signal.SIGINT)
        demo.process.wait(timeout=30)
    if demo.process.stdout is not None:
        demo.process.stdout.close()


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Demo, str]]:
    """One demo for the module (the last test stops it), and its guide."""
    demo, text = start_demo(tmp_path_factory.mktemp("demo"), free_port())
    yield demo, text
    stop_demo(demo)


@pytest.fixture(scope="module")
def demo(started: tuple[Demo, str]) -> Demo:
    return started[0]


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


# -- the guide -------------------------------------------------------------------------------


def test_the_english_guide_names_the_menus_as_the_app_does(started: tuple[Demo, str]) -> None:
    _demo, text = started
    assert "File \u203a Administration\u2026" in text
    assert '"Add account", then "Scan screen"' in text
    assert '"Select region\u2026"' in text
    assert "Type it on the login page now" not in text  # the administrator is paired already
    assert "Close Tweestap to stop" not in text  # closing only hides it in the tray
    assert "File \u203a Quit" not in text  # --no-app: Ctrl+C stops, as the last line says


def test_a_dutch_system_gets_a_dutch_guide_and_a_taken_port_is_said(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = int(taken.getsockname()[1])
        demo, text = start_demo(
            tmp_path, busy, TWEESTAP_LANG=None, LANGUAGE=None, LC_ALL=None, LANG="nl_NL.UTF-8"
        )
    try:
        assert "Bestand \u203a Beheer\u2026: log in als anna.admin" in text
        assert '"Account toevoegen" en dan "Scherm scannen"' in text
        assert '"Gebied selecteren\u2026"' in text
        assert 'Kies onder Medewerkers daan.nieuw en "reset tweestapsverificatie"' in text
        assert "Beleid (geldigheid authenticator (uren)), Overzicht en Auditlog" in text
        assert f"Poort {busy} was bezet" in text
        assert f":{busy}" not in demo.url
        assert f"de demo gebruikt poort {demo.url.rsplit(':', 1)[1]}." in text
        assert "De demo-server draait tot je Ctrl+C indrukt." in text
        for english in ("File", "Things to try", "Serving until"):
            assert english not in text
        assert httpx.get(f"{demo.url}/api/health").status_code == 200
    finally:
        stop_demo(demo)


def test_with_the_app_lock_on_nothing_is_asked_on_the_terminal(tmp_path: Path) -> None:
    from desktop.vault import open_vault

    app_home = tmp_path / "app"
    locked = open_vault(app_home, password_prompt=lambda _request: "a long demo password")
    assert locked.key_storage == "password"
    demo, text = start_demo(tmp_path, free_port(), TWEESTAP_PASSWORD=None)
    try:
        assert "anna.admin's account is behind a password, so it was not added" in text
        assert "Password" not in text  # no prompt
        settings = json.loads((app_home / "settings.json").read_text(encoding="utf-8"))
        assert settings["settings"]["server_url"] == demo.url
    finally:
        stop_demo(demo)


def test_the_guide_says_tweestap_asks_for_its_password_in_its_own_window(qapp: object) -> None:
    from desktop import i18n
    from scripts.run_demo import AdminAccount, Port, guide

    def write(language: str, account: AdminAccount) -> str:
        return guide(
            language,
            url="http://127.0.0.1:8765",
            port=Port(8765, 8765),
            home=Path(".demo/app"),
            log=Path(".demo/server.log"),
            account=account,
        )

    try:
        dutch = write("nl", AdminAccount(added=False))
        assert "Tweestap vraagt eerst het wachtwoord van zijn accounts" in dutch
        assert 'kies "Toevoegen"' in dutch
        assert '"Vervang oude regel"' in dutch
        assert "Poort" not in dutch  # the wanted port was free
        assert 'Stoppen: Bestand \u203a Afsluiten in Tweestap, of "Tweestap afsluiten"' in dutch
        english = write("en", AdminAccount(added=False, new_password=True))
        assert "Tweestap first asks you to choose a password" in english
        assert 'To stop: File \u203a Quit in Tweestap, or "Quit Tweestap" in the tray' in english
    finally:
        i18n.install("en")

"""`make run`: the whole system on this computer, to try in ten minutes.

Starts the 2FA server with the demo organisation (a fresh one each time), prepares a demo
data folder for the desktop app (so your own accounts are never touched) with the
administrator's account already in it and the admin panel pointing at the demo server,
prints what to try, then opens Tweestap. Closing Tweestap stops the demo server.

    python scripts/run_demo.py [--port 8765] [--home DIR] [--no-app]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / ".demo"
ADMIN = "anna.admin"
EMPLOYEE = "daan.nieuw"
PASSWORD = "welkom-demo"  # noqa: S105 - the demo organisation's printed password
STARTUP_SECONDS = 60.0


def free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError("no free port")


def start_server(port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "server_stub", "demo", "--port", str(port)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The demo server stopped:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(f"{url}/api/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"The demo server did not answer within {STARTUP_SECONDS:.0f} s (see {log})")


def admin_link(log: Path) -> str:
    """The administrator's otpauth:// link, as the demo printed it."""
    lines = log.read_text(errors="replace").splitlines()
    for index, line in enumerate(lines):
        if line.startswith(ADMIN):
            for following in lines[index + 1 : index + 4]:
                match = re.search(r"otpauth://\S+", following)
                if match:
                    return match.group(0)
    raise SystemExit(f"The demo server printed no link for {ADMIN} (see {log})")


def prepare_app_home(env: dict[str, str], link: str, url: str) -> None:
    # Not captured: without a keyring the vault asks for a password here, on the terminal.
    added = subprocess.run(
        [sys.executable, "-m", "desktop", "add", link, "--replace"], cwd=ROOT, env=env, check=False
    )
    if added.returncode != 0:
        raise SystemExit(f"Could not add {ADMIN}'s account to the demo app.")
    sys.path.insert(0, str(ROOT))
    from desktop.settings import SERVER_URL, Settings

    Settings.load(Path(env["TWEESTAP_HOME"])).update({SERVER_URL.key: url})


def guide(url: str, home: Path, log: Path) -> str:
    return f"""
Tweestap demo
=============
2FA server with the demo organisation: {url}   (log: {log})
Desktop app data for this demo:       {home}   (your own accounts are not touched)
Every demo account's password:        {PASSWORD}

Things to try:
 1. Open {url}/ in a browser and log in as {EMPLOYEE} / {PASSWORD}.
    The page shows a QR code: in Tweestap choose "Add account", then "Scan screen"
    (or press and drag "Select region…"). Type the code Tweestap shows into the page.
 2. Press and hold a code in Tweestap to copy it (the clipboard is wiped after 30 s).
 3. File > Administration…: log in as {ADMIN} / {PASSWORD}; Tweestap offers the
    administrator's own code (it is already in this demo's list).
    Under Employees, choose {EMPLOYEE} and "reset tweestapsverificatie":
    the next login on the web page shows a new QR code.
 4. Try the policy page (geldigheid authenticator), the overview and the audit log.
Other demo logins (blocked, half paired, extranet with e-mail codes) are in the log.
Close Tweestap to stop the demo server.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--home", type=Path, default=DEMO, help="the demo's folder")
    parser.add_argument("--no-app", action="store_true", help="serve only; Ctrl+C stops")
    options = parser.parse_args()

    options.home.mkdir(parents=True, exist_ok=True)
    home = options.home / "app"
    log = options.home / "server.log"
    port = free_port(options.port)
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "TWEESTAP_HOME": str(home)}
    server = start_server(port, log)
    try:
        wait_until_up(url, server, log)
        prepare_app_home(env, admin_link(log), url)
        print(guide(url, home, log), flush=True)
        if options.no_app:
            print("Serving until Ctrl+C.", flush=True)
            server.wait()
            return 0
        return subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=env).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    raise SystemExit(main())

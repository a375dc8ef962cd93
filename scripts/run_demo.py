"""`make run`: the whole system on this computer, to try in ten minutes.

Starts the 2FA server with the demo organisation (a fresh one each time), prepares a demo
data folder for the desktop app (so your own accounts are never touched) with the
administrator's account already in it and the admin panel pointing at the demo server,
prints what to try, then opens Tweestap. Quitting Tweestap stops the demo server.

The guide is Dutch on a Dutch system (``TWEESTAP_LANG``, ``LANG`` ...), English otherwise,
and names the menus and buttons with the app's own words, taken from its translations.
When the demo's accounts are behind a password (the app lock, or no keyring), nothing is
asked on the terminal: Tweestap asks in its own window and then shows the administrator's
account to add.

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
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO = ROOT / ".demo"
ADMIN = "anna.admin"
EMPLOYEE = "daan.nieuw"
PASSWORD = "welkom-demo"  # noqa: S105 - the demo organisation's printed password
STARTUP_SECONDS = 60.0


@dataclass(frozen=True)
class Port:
    number: int
    wanted: int

    @property
    def moved(self) -> bool:
        return self.number != self.wanted


@dataclass(frozen=True)
class AdminAccount:
    """How the administrator's account got into the demo's Tweestap."""

    added: bool
    """Stored already; False: the accounts are behind a password Tweestap asks for itself."""
    new_password: bool = False
    """Tweestap will ask to choose a password (a new data folder without a keyring)."""
    label: str = f"Tweestap: {ADMIN}"
    """How Tweestap names the account (its button in the admin login says it)."""


def free_port(wanted: int) -> Port:
    for port in (wanted, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return Port(int(probe.getsockname()[1]), wanted)
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


def prepare_app_home(home: Path, link: str, url: str) -> AdminAccount:
    """Point the demo's admin panel at the server and store the administrator's account,
    replacing the one of an earlier demo (each demo server has new secrets). Accounts behind
    a password are left alone: no prompt on the terminal, the app asks in its window."""
    from desktop.otp.uri import parse_uri
    from desktop.settings import SERVER_URL, Settings
    from desktop.vault import PasswordNeeded, PasswordRequest, open_vault

    home.mkdir(parents=True, exist_ok=True)
    Settings.load(home).update({SERVER_URL.key: url})
    asked: list[PasswordRequest] = []

    def no_prompt(request: PasswordRequest) -> str | None:
        asked.append(request)
        return None

    account = parse_uri(link)
    try:
        vault = open_vault(home, password_prompt=no_prompt)
    except PasswordNeeded:
        return AdminAccount(
            added=False, new_password=any(r.new for r in asked), label=account.label
        )
    vault.add(account, replace_existing=True)
    return AdminAccount(added=True, label=account.label)


# -- the guide ---------------------------------------------------------------------------------


def app_words(language: str, label: str) -> dict[str, str]:
    """The names of the menus and buttons the guide points at, as the app shows them."""
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    if QCoreApplication.instance() is None:
        QCoreApplication([sys.argv[0]])
    i18n.install(language)

    def word(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text).replace("&", "")

    return {
        "file": word("MainWindow", "&File"),
        "admin": word("MainWindow", "&Administration\u2026"),
        "quit": word("MainWindow", "&Quit"),
        "add_account": word("MainWindow", "Add account"),
        "scan": word("ScanSources", "Scan scree&n"),
        "region": word("ScanSources", "Select re&gion\u2026"),
        "add": word("AddAccountDialog", "&Add"),
        "replace": word("AddAccountDialog", "&Replace old entry"),
        "use_code": word("ConnectDialog", "Use the code from Tweestap ({account})").format(
            account=label
        ),
        "employees": word("AdminWindow", "Employees"),
        "policy": word("AdminWindow", "Policy"),
        "overview": word("AdminWindow", "Overview"),
        "audit": word("AdminWindow", "Audit log"),
        "reset": word("AccountForm", "reset two-step verification"),
        "validity": word("AdminLabels", "authenticator validity (hours)"),
        "tray_quit": word("TrayMenu", "&Quit Tweestap"),
    }


GUIDE = {
    "nl": """
Tweestap-demo
=============
Demo-server met de demo-organisatie: {url}   (logboek: {log})
{port_note}Gegevens van Tweestap in deze demo: {home}   (je eigen accounts blijven onaangeroerd)
Wachtwoord van elk demo-account:      {password}

Probeer dit:
 1. Open {url}/ in een browser en log in als {employee} / {password}.
    De pagina toont een QR-code: kies in Tweestap "{add_account}" en dan "{scan}"
    (of "{region}" en trek een rechthoek om de QR-code). Vul de code die Tweestap
    toont in op de pagina: daarmee is de koppeling afgerond.
 2. Houd in Tweestap een code lang ingedrukt om hem te kopiëren (het klembord wordt na
    30 seconden gewist).
 3. {file} › {admin}: log in als {admin_name} / {password}.
    {admin_account}
    Kies onder {employees} {employee} en "{reset}": bij de volgende keer
    inloggen op de webpagina verschijnt een nieuwe QR-code, met de vraag eerst de oude regel
    uit de app te verwijderen.
 4. Bekijk ook {policy} ({validity}), {overview} en {audit}.
De andere demo-accounts (geblokkeerd, half gekoppeld, extranetter met e-mailcodes) staan in
het logboek.
{stop}""",
    "en": """
Tweestap demo
=============
2FA server with the demo organisation: {url}   (log: {log})
{port_note}Tweestap's data in this demo:          {home}   (your own accounts are not touched)
Every demo account's password:         {password}

Things to try:
 1. Open {url}/ in a browser and log in as {employee} / {password}.
    The page shows a QR code: in Tweestap choose "{add_account}", then "{scan}"
    (or "{region}" and drag a rectangle around the QR code). Type the code Tweestap
    shows into the page: that completes the pairing.
 2. Press and hold a code in Tweestap to copy it (the clipboard is wiped after 30 seconds).
 3. {file} › {admin}: log in as {admin_name} / {password}.
    {admin_account}
    Under {employees}, choose {employee} and "{reset}": the next login on the
    web page shows a new QR code, asking to remove the old entry from the app first.
 4. Try {policy} ({validity}), {overview} and {audit} too.
The other demo logins (blocked, half paired, extranet with e-mail codes) are in the log.
{stop}""",
}

ADMIN_ACCOUNT = {
    "nl": {
        "added": "Het account van {admin_name} staat al in Tweestap, dus Tweestap biedt haar\n"
        '    code zelf aan: kies "{use_code}".',
        "asks": "Tweestap vraagt eerst het wachtwoord van zijn accounts (in zijn eigen\n"
        '    venster) en toont dan het account van {admin_name}: kies "{add}" (en bij de\n'
        '    vraag naar de oude regel "{replace}"). Daarna biedt Tweestap haar code zelf aan.',
        "chooses": "Tweestap vraagt eerst om een wachtwoord voor zijn accounts te kiezen (in\n"
        '    zijn eigen venster) en toont dan het account van {admin_name}: kies "{add}".\n'
        "    Daarna biedt Tweestap haar code zelf aan.",
        "no_app": "Het account van {admin_name} staat achter een wachtwoord en is dus niet\n"
        "    toegevoegd: open Tweestap met TWEESTAP_HOME={home} en voeg de link uit het\n"
        "    logboek toe.",
    },
    "en": {
        "added": "{admin_name}'s account is in Tweestap already, so Tweestap offers her code:\n"
        '    choose "{use_code}".',
        "asks": "Tweestap first asks for the password of its accounts (in its own window),\n"
        '    then shows {admin_name}\'s account: choose "{add}" (and, asked about the old\n'
        '    entry, "{replace}"). Then Tweestap offers her code itself.',
        "chooses": "Tweestap first asks you to choose a password for its accounts (in its own\n"
        '    window), then shows {admin_name}\'s account: choose "{add}". Then Tweestap\n'
        "    offers her code itself.",
        "no_app": "{admin_name}'s account is behind a password, so it was not added: open\n"
        "    Tweestap with TWEESTAP_HOME={home} and add the link from the log.",
    },
}

STOP = {
    "nl": """Stoppen: {file} › {quit} in Tweestap, of "{tray_quit}" in het systeemvak; de
demo-server stopt dan ook. (Met een systeemvak verbergt het sluiten van het venster
Tweestap alleen.)
""",
    "en": """To stop: {file} › {quit} in Tweestap, or "{tray_quit}" in the tray; the demo server
stops too. (With a tray, closing the window only hides Tweestap there.)
""",
}

PORT_NOTE = {
    "nl": "Poort {wanted} was bezet (draait er nog een demo of een ander programma?); "
    "de demo gebruikt poort {port}.\n",
    "en": "Port {wanted} was in use (another demo, or another program?); "
    "the demo uses port {port}.\n",
}

SERVING = {
    "nl": "De demo-server draait tot je Ctrl+C indrukt.",
    "en": "Serving until Ctrl+C.",
}


def guide(
    language: str,
    *,
    url: str,
    port: Port,
    home: Path,
    log: Path,
    account: AdminAccount,
    app: bool = True,
) -> str:
    words = app_words(language, account.label)
    if account.added:
        how = "added"
    elif not app:
        how = "no_app"
    else:
        how = "chooses" if account.new_password else "asks"
    admin_account = ADMIN_ACCOUNT[language][how].format(admin_name=ADMIN, home=home, **words)
    port_note = (
        PORT_NOTE[language].format(wanted=port.wanted, port=port.number) if port.moved else ""
    )
    return GUIDE[language].format(
        url=url,
        log=log,
        home=home,
        password=PASSWORD,
        employee=EMPLOYEE,
        admin_name=ADMIN,
        admin_account=admin_account,
        port_note=port_note,
        stop=STOP[language].format(**words) if app else "",
        **words,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--home", type=Path, default=DEMO, help="the demo's folder")
    parser.add_argument("--no-app", action="store_true", help="serve only; Ctrl+C stops")
    options = parser.parse_args()

    from desktop.i18n import system_language

    language = system_language()
    options.home.mkdir(parents=True, exist_ok=True)
    home = options.home / "app"
    log = options.home / "server.log"
    port = free_port(options.port)
    url = f"http://127.0.0.1:{port.number}"
    env = {**os.environ, "TWEESTAP_HOME": str(home)}
    server = start_server(port.number, log)
    try:
        wait_until_up(url, server, log)
        link = admin_link(log)
        account = prepare_app_home(home, link, url)
        text = guide(
            language,
            url=url,
            port=port,
            home=home,
            log=log,
            account=account,
            app=not options.no_app,
        )
        print(text, flush=True)
        if options.no_app:
            print(SERVING[language], flush=True)
            server.wait()
            return 0
        # Accounts behind a password: the app asks for it, then shows the link for review.
        extra = [] if account.added else [link]
        command = [sys.executable, "-m", "desktop", *extra]
        return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
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

"""Render the admin panel into docs/screenshots/admin-*.png, against a real demo server.

Run under an X server for real fonts, e.g.::

    TWEESTAP_LANG=nl xvfb-run -a -s "-screen 0 1400x1000x24" \\
        .venv/bin/python scripts/screenshot_admin.py

``TWEESTAP_LANG=nl`` (or ``en``) renders one language only; without it, both. The script
starts ``tweestap-server demo`` on a free loopback port (a throw-away organisation), logs in
as its P&O administrator ``anna.admin`` with the code of the setup key the demo prints, and
shows every page as the panel would; the demo server is stopped at the end.
"""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QRect  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.admin.errors import InvalidCredentials, SessionExpired  # noqa: E402
from desktop.clock import SystemClock  # noqa: E402
from desktop.net import embedded_server  # noqa: E402
from desktop.net.admin_client import AdminClient  # noqa: E402
from desktop.net.embedded_server import EmbeddedServer  # noqa: E402
from desktop.otp.model import Account  # noqa: E402
from desktop.ui.admin import questions  # noqa: E402
from desktop.ui.admin.connect_dialog import ConnectDialog  # noqa: E402
from desktop.ui.admin.panel import AdminWindow  # noqa: E402
from desktop.ui.common.background import Background  # noqa: E402
from scripts import screenshot_kit  # noqa: E402

ADMIN = "anna.admin"
PASSWORD = "welkom-demo"  # noqa: S105 - the demo's published password
PANEL_SIZE = (1120, 800)
DIALOG_WIDTH = 520


class Demo:
    """``tweestap-server demo`` as a process; :attr:`keys` has the printed setup keys."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server_stub", "demo", "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
        )
        self.keys: dict[str, str] = {}
        self._read_logins()
        deadline = time.monotonic() + 30
        while not embedded_server.is_running(self.url):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("the demo server did not start")
            time.sleep(0.1)

    def _read_logins(self) -> None:
        if self.process.stdout is None:
            raise RuntimeError("no output from the demo")
        name = None
        for line in self.process.stdout:
            if line.startswith("anna") or line.startswith("bram"):
                name = line.split()[0]
            elif line.strip().startswith("setup key:") and name:
                self.keys[name] = line.split(":", 1)[1].strip()
            if len(self.keys) == 2:
                return
        raise RuntimeError("the demo printed no setup keys")

    def account(self, name: str) -> Account:
        key = self.keys[name]
        return Account(
            issuer="Tweestap",
            name=name,
            secret=base64.b32decode(key + "=" * (-len(key) % 8)),
        )

    def stop(self) -> None:
        embedded_server.stop(self.process)  # type: ignore[arg-type]


def settle(runner: Background, timeout: float = 30) -> None:
    """Let the worker finish and its answers arrive, as the event loop would."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not runner.busy:
            for _ in range(5):
                QApplication.processEvents()
            return
        time.sleep(0.02)
    raise RuntimeError("the server did not answer in time")


def save(widget: QWidget, path: Path) -> None:
    widget.show()
    widget.activateWindow()
    for _ in range(10):
        QApplication.processEvents()
    for field in widget.findChildren(QLineEdit):
        field.deselect()
        field.setCursorPosition(0)
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


_used_steps: set[int] = set()


def wait_for_a_fresh_code() -> None:
    """A code is accepted once (replay protection): the next language waits for a new one."""
    while int(time.time()) // 30 in _used_steps:
        time.sleep(0.5)
    _used_steps.add(int(time.time()) // 30)


def shoot(demo: Demo, out: Path, language: str) -> None:
    clock = SystemClock()
    vault_accounts = [demo.account(ADMIN)]

    def name(scene: str) -> Path:
        return out / f"admin-{scene}-{language}.png"

    # Someone types a password into the name field of the login page: the audit log keeps
    # only a fingerprint of it, and the panel says "unknown username".
    stranger = AdminClient(demo.url)
    try:
        stranger.login(f"Zomer{language}2024!", "niet het wachtwoord")
    except InvalidCredentials:
        pass
    finally:
        stranger.close()

    # The login dialog, then its code step with the code offered from the vault.
    here = EmbeddedServer(home=Path(os.environ["TWEESTAP_HOME"]) / "server", port=demo.port)
    dialog = ConnectDialog(clock, embedded=here, accounts=lambda: vault_accounts)
    dialog.resize(DIALOG_WIDTH, dialog.sizeHint().height())
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText("niet het wachtwoord")
    dialog.start_login()
    settle(dialog.runner)
    save(dialog, name("login-error"))  # the error above the form pushes it down
    dialog.message.hide()
    dialog.password_edit.setText(PASSWORD)
    save(dialog, name("login"))
    dialog.start_login()
    settle(dialog.runner)
    save(dialog, name("code"))
    wait_for_a_fresh_code()
    dialog.use_vault_code()
    settle(dialog.runner)
    client = dialog.client
    if client is None or dialog.overview is None:
        raise RuntimeError(f"the login failed: {dialog.message.text}")

    window = AdminWindow(client, clock, overview=dialog.overview, accounts=lambda: vault_accounts)
    window.resize(*PANEL_SIZE)
    save(window, name("overview"))

    window.show_page(window.policy_page)
    settle(window.session.runner)
    save(window, name("policy"))
    policy = window.policy_page
    policy.extranet.enabled.yes.click()
    policy.validity_hours.setFocus()
    policy.validity_hours.selectAll()
    QTest.keyClicks(policy.validity_hours, "30")  # typed, not saved: explained at the field
    save(window, name("policy-out-of-range"))
    policy.discard()

    users = window.users_page
    window.show_page(users)
    settle(window.session.runner)
    users.select_user("eva.half")
    save(window, name("employees"))

    # Extranet users may choose their method (the demo's policy lets them): the list says whose.
    users.kind_combo.setCurrentIndex(users.kind_combo.findData("extranet"))
    extranet = users.shown_names()
    if extranet:
        users.select_user(extranet[0])
    save(window, name("extranet"))

    # An extranet user made an administrator: the server refuses (an administrator always
    # needs a second factor, so is always an employee) and the panel says why.
    users.form.admin.yes.click()
    users.form.save()
    settle(window.session.runner)
    save(window, name("refused"))
    users.form.discard()
    window.message.close_message()
    users.kind_combo.setCurrentIndex(users.kind_combo.findData("employee"))

    users.select_user("carla.zorg")
    users.form.ip_edit.setText("192.168.1.10, 10.0.0.300")
    users.form.module_boxes["p&o + r"].setChecked(True)
    save(window, name("account-ip-error"))
    users.form.discard()

    # The question "reset two-step verification" asks, with its real text (answered "no").
    asked: list[tuple[str, str, str]] = []

    def record(parent: QWidget | None, title: str, text: str, action: str) -> bool:
        asked.append((title, text, action))
        return False

    real_confirm = questions.confirm
    questions.confirm = record
    try:
        users.form.reset_2fa()
    finally:
        questions.confirm = real_confirm
    box, _go = questions.confirm_box(window, *asked[0])
    save(box, name("reset-question"))
    box.close()

    # The new-account form with an IP address it refuses, as it is typed.
    users.new_account()
    users.form.name_edit.setText("nieuwe.collega")
    users.form.ip_edit.setText("10.0.0.300")
    save(window, name("new-account"))
    users.form.discard()

    # The audit log: the refusal above, a login with a name no account has, the retention.
    window.show_page(window.audit_page)
    settle(window.session.runner)
    audit = window.audit_page
    refused = [row for row, shown in enumerate(audit.rows) if shown.refused]
    if refused:
        audit.table.setCurrentCell(refused[0], 0)  # its details under the table
    save(window, name("audit"))
    retention = window.audit_page.retention
    if retention is not None:
        retention.spin.setFocus()
        retention.spin.selectAll()
        QTest.keyClicks(retention.spin, "10")  # typed, not saved: explained beside it
        save(window, name("audit-retention-out-of-range"))
        retention.discard()

    # The panel as it opens on a 1280x720 laptop (a desktop panel takes 32 pixels).
    window.fit_screen(QRect(0, 0, 1280, 720 - 32))
    window.show_page(users)
    settle(window.session.runner)
    users.select_user("eva.half")
    save(window, name("laptop"))

    relogin = ConnectDialog(
        clock,
        address=client.url,
        username=ADMIN,
        client=client,
        reason=i18n.error_text(SessionExpired()),
        accounts=lambda: vault_accounts,
    )
    relogin.resize(DIALOG_WIDTH, relogin.sizeHint().height())
    save(relogin, name("session-expired"))
    relogin.close()
    window.close()
    window.deleteLater()
    dialog.deleteLater()
    QCoreApplication.processEvents()


def main() -> int:
    args = screenshot_kit.options("Render the admin panel as PNG files.").parse_args()
    os.environ["TWEESTAP_HOME"] = tempfile.mkdtemp(prefix="tweestap-admin-screenshots-")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

    _app = screenshot_kit.start_app(args)
    demo = Demo()
    status = 0
    try:
        for language in screenshot_kit.languages(args):
            if not screenshot_kit.install(language):
                status = 1
            shoot(demo, args.out, language)
    finally:
        demo.stop()
    return status


if __name__ == "__main__":
    raise SystemExit(main())

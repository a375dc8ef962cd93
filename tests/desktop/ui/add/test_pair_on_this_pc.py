"""Pair on this PC in one click, end to end: the login page's "Pair with the authenticator
app on this PC" link, clicked in headless Chromium, reaches Tweestap's review dialog
through the desktop's own path; the person adds the account and types its code on the page.

The path is the real one: ``tweestap desktop-entry`` writes the desktop entry and makes
Tweestap the ``otpauth`` handler with ``xdg-mime``, in a private XDG environment (its own
data and config folders, no desktop named, so ``xdg-open`` takes its generic route);
Chromium hands the link to ``xdg-open``, which starts the entry's command with the link;
that second Tweestap hands the link to the open window (one instance per data folder),
and the window opens it in the add dialog for review.

Chromium asks before it opens an outside program ("Open xdg-open?"), a dialog headless
Chromium cannot show. What the person answers there with "Always allow ... to open links
of this type" is a record in the browser profile's preferences
(``protocol_handler.allowed_origin_protocol_pairs``); the test's profile holds that record
for the server's origin. The managed policy ``AutoLaunchProtocolsFromOrigins`` would do the
same, but Chromium reads policies only from ``/etc/chromium/policies/managed``: a change to
every Chromium on the machine, which a test must not make.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.otp.codes import code_at
from desktop.otp.model import Account
from desktop.paths import data_home
from desktop.platform.desktop_entry import DESKTOP_FILE
from desktop.platform.single_instance import server_name
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.app import listen_for_later_starts
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.paths import ROOT
from tests.server.harness import PASSWORD, Harness, start_harness, stop_harness

pytestmark = pytest.mark.gui

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
DESKTOP_VARIABLES = (
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_DESKTOP",
    "DESKTOP_SESSION",
    "KDE_FULL_SESSION",
    "GNOME_DESKTOP_SESSION_ID",
    "BROWSER",
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    harness = start_harness(tmp_path / "server")
    yield harness
    stop_harness(harness)


@pytest.fixture
def desktop_environment(
    tmp_path: Path, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """A private XDG environment in which ``tweestap desktop-entry`` made Tweestap the
    handler of otpauth links; the environment Chromium (and so xdg-open) runs in."""
    if not os.environ.get("DISPLAY"):
        pytest.fail("no X server: xdg-open opens links only with a display (pytest-xvfb)")
    env = {k: v for k, v in os.environ.items() if k not in DESKTOP_VARIABLES}
    env.update(
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        QT_QPA_PLATFORM="offscreen",  # the second Tweestap only hands the link over
        TWEESTAP_HOME=str(isolated_environment),
    )
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        Path(env[name]).mkdir()
    registered = subprocess.run(
        [sys.executable, "-m", "desktop", "desktop-entry"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert registered.returncode == 0, registered.stderr
    handler = subprocess.run(
        ["xdg-mime", "query", "default", "x-scheme-handler/otpauth"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert handler.stdout.strip() == DESKTOP_FILE
    return env


def chromium_profile(folder: Path, origin: str) -> Path:
    """A profile in which the person once ticked "Always allow ``origin`` to open links of
    this type" for otpauth links."""
    preferences = {
        "protocol_handler": {"allowed_origin_protocol_pairs": {origin: {"otpauth": True}}}
    }
    (folder / "Default").mkdir(parents=True)
    (folder / "Default" / "Preferences").write_text(json.dumps(preferences))
    return folder


def test_the_pair_here_link_opens_tweestaps_review_and_its_code_completes_the_pairing(
    qtbot: QtBot,
    server: Harness,
    vault: Vault,
    desktop_environment: dict[str, str],
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with scripts/system-deps.sh")
    server.add_user("jan")
    clock = FixedClock(server.clock.now().timestamp())  # the desktop shows the server's time
    window = MainWindow(vault, clock)
    qtbot.addWidget(window)
    window.show()
    listener = listen_for_later_starts(window, server_name(data_home()))
    assert listener.listening

    reviewed: list[tuple[str, str, int]] = []

    def review_and_add() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AddAccountDialog):
            QTimer.singleShot(20, review_and_add)
            return
        # Shown for review: nothing is stored before the person chooses Add.
        reviewed.append((dialog.issuer_edit.text(), dialog.name_edit.text(), len(vault.accounts)))
        dialog.add_button.click()
        assert dialog.page is Page.DONE
        dialog.accept()

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(chromium_profile(tmp_path / "chromium", server.url)),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            env=dict[str, str | float | bool](desktop_environment),
            locale="nl-NL",
        )
        try:
            page = context.new_page()
            page.goto(server.url + "/")
            page.fill("#username", "jan")
            page.fill("#password", PASSWORD)
            page.click("#login-form button[type=submit]")
            page.wait_for_url("**/enroll")
            link = page.locator("#pair-here")
            expect(link).to_have_text("Koppelen met de authenticator-app op deze pc")
            setup_key = page.locator("#setup-key").inner_text().replace(" ", "")

            QTimer.singleShot(0, review_and_add)
            link.click(no_wait_after=True)
            qtbot.waitUntil(lambda: len(vault.accounts) == 1, timeout=30_000)

            assert reviewed == [("Tweestap", "jan", 0)]
            [account] = vault.accounts
            assert isinstance(account, Account)
            assert account.secret == server_secret(setup_key)
            assert page.url.endswith("/enroll")  # the page stays where it was
            page.fill("#code", code_at(account, clock.now()))
            page.click("#code-form button[type=submit]")
            page.wait_for_url("**/done")
            expect(page.locator("h1")).to_have_text("Je bent ingelogd")
        finally:
            context.close()
    listener.close()
    assert server.services.users.get("jan").enrollment == "active"


def server_secret(setup_key: str) -> bytes:
    import base64

    return base64.b32decode(setup_key + "=" * (-len(setup_key) % 8))

"""Wayland: what the window says when the screen cannot be captured, and the desktop's
screenshot portal, talked to over a private D-Bus with a stand-in portal on it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.platform.screenshot_portal import SERVICE, PortalFailed, ScreenshotPortal
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from tests.helpers import synthetic
from tests.helpers.dbus_session import private_bus
from tests.helpers.synthetic import OTPAUTH
from tests.paths import ROOT

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

DEADLINE = 10.0


@pytest.fixture
def bus_address() -> Iterator[str]:
    """A dbus-daemon of our own, with no services (nothing can be activated on it)."""
    with private_bus(prefix="tweestap-portal-") as address:
        yield address


_connections = iter(range(1_000_000))


@pytest.fixture
def bus(bus_address: str) -> Iterator[QDBusConnection]:
    name = f"tweestap-portal-test-{next(_connections)}"
    connection = QDBusConnection.connectToBus(bus_address, name)
    assert connection.isConnected()
    yield connection
    QDBusConnection.disconnectFromBus(name)


StartPortal = Callable[..., subprocess.Popen[str]]


@pytest.fixture
def fake_portal(bus_address: str, bus: QDBusConnection, qtbot: QtBot) -> Iterator[StartPortal]:
    """Starts the stand-in portal with the given options; waits until it is on the bus."""
    started: list[subprocess.Popen[str]] = []

    def start(*options: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.fake_portal", *options],
            cwd=ROOT,
            env={"DBUS_SESSION_BUS_ADDRESS": bus_address, "PATH": "/usr/bin:/bin"},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        assert json.loads(process.stdout.readline()) == {"ready": True}
        qtbot.waitUntil(lambda: ScreenshotPortal(bus).available(), timeout=int(DEADLINE * 1000))
        return process

    yield start
    for process in started:
        process.kill()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def portal_call(process: subprocess.Popen[str]) -> dict[str, object]:
    assert process.stdout is not None
    call: dict[str, object] = json.loads(process.stdout.readline())
    return call


@pytest.fixture
def code_picture(tmp_path: Path) -> Path:
    image = synthetic.paste(synthetic.page(400, 400), synthetic.qr(OTPAUTH, module=3), 30, 30)
    return synthetic.write_png(tmp_path / "Screenshot from 2024-06-17 10-00-00.png", image)


@pytest.fixture
def wayland(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "wayland"))


# -- the portal -------------------------------------------------------------------------------


def test_the_portal_gives_the_screenshot_file(
    qtbot: QtBot, bus: QDBusConnection, fake_portal: StartPortal, code_picture: Path
) -> None:
    process = fake_portal("--uri", code_picture.as_uri())
    portal = ScreenshotPortal(bus)
    assert portal.available()
    with qtbot.waitSignal(portal.captured, timeout=int(DEADLINE * 1000)) as captured:
        portal.request()
        assert portal.waiting
    assert captured.args == [str(code_picture)]
    assert not portal.waiting
    call = portal_call(process)
    options = call["options"]
    assert isinstance(options, dict) and options["interactive"] is True
    assert str(options["handle_token"]).startswith("tweestap_")


def test_closing_the_portal_window_is_a_cancel(
    qtbot: QtBot, bus: QDBusConnection, fake_portal: StartPortal
) -> None:
    fake_portal("--response", "1")
    portal = ScreenshotPortal(bus)
    with qtbot.waitSignal(portal.cancelled, timeout=int(DEADLINE * 1000)):
        portal.request()


def test_a_portal_failure_is_explained(
    qtbot: QtBot, bus: QDBusConnection, fake_portal: StartPortal
) -> None:
    fake_portal("--response", "2")
    portal = ScreenshotPortal(bus)
    with qtbot.waitSignal(portal.failed, timeout=int(DEADLINE * 1000)) as failed:
        portal.request()
    [error] = failed.args
    assert isinstance(error, PortalFailed)
    assert str(error).startswith("The desktop's screenshot service gave no picture.")


def test_without_a_portal_on_the_bus_it_is_unavailable_at_once(
    qtbot: QtBot, bus: QDBusConnection
) -> None:
    portal = ScreenshotPortal(bus)
    assert not portal.available()
    assert not bus.interface().isServiceRegistered(SERVICE).value()
    with qtbot.waitSignal(portal.failed, timeout=1000) as failed:
        portal.request()
    assert "xdg-desktop-portal" in str(failed.args[0])
    assert not portal.waiting


# -- the window on Wayland --------------------------------------------------------------------


@pytest.mark.usefixtures("wayland")
def test_on_wayland_the_window_says_so_and_offers_the_portal(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    bus: QDBusConnection,
    fake_portal: StartPortal,
    code_picture: Path,
) -> None:
    fake_portal("--uri", code_picture.as_uri())
    sources = dialog.scan_sources
    sources.set_portal(ScreenshotPortal(bus))
    sources.screen_button.click()
    assert sources.message.message.startswith(
        "This desktop (Wayland) does not let programs capture the screen."
    )
    assert sources.portal_button.isVisible()
    assert sources.portal_button.text() == "&Take a screenshot\u2026"
    sources.portal_button.click()
    qtbot.waitUntil(lambda: dialog.key_edit.text() == OTPAUTH, timeout=int(DEADLINE * 1000))
    assert not sources.portal_button.isVisible()
    assert not sources.message.isVisible()
    dialog.add_button.click()  # the portal saved a file with the key in it: offer to delete
    assert dialog.page is Page.DONE
    assert dialog.delete_offer.paths == [str(code_picture)]


@pytest.mark.usefixtures("wayland")
def test_on_wayland_select_region_is_refused_the_same_way(
    dialog: AddAccountDialog, bus: QDBusConnection, fake_portal: StartPortal
) -> None:
    fake_portal()
    dialog.scan_sources.set_portal(ScreenshotPortal(bus))
    dialog.scan_sources.region_button.click()
    assert "Wayland" in dialog.scan_sources.message.message
    assert dialog.scan_sources.portal_button.isVisible()
    assert dialog.scan_sources.region_selector is None


@pytest.mark.usefixtures("wayland")
def test_on_wayland_without_a_portal_only_the_screenshot_route_is_offered(
    dialog: AddAccountDialog, bus: QDBusConnection
) -> None:
    dialog.scan_sources.set_portal(ScreenshotPortal(bus))
    dialog.scan_sources.screen_button.click()
    message = dialog.scan_sources.message.message
    assert "Take a screenshot with your desktop's screenshot tool and open that image" in message
    assert not dialog.scan_sources.portal_button.isVisible()


def test_a_cancelled_portal_changes_nothing(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    bus: QDBusConnection,
    fake_portal: StartPortal,
) -> None:
    fake_portal("--response", "1")
    portal = ScreenshotPortal(bus)
    dialog.scan_sources.set_portal(portal)
    with qtbot.waitSignal(portal.cancelled, timeout=int(DEADLINE * 1000)):
        dialog.scan_sources.take_portal_screenshot()
    assert dialog.key_edit.text() == ""
    assert not dialog.scan_sources.message.isVisible()

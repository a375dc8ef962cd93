"""Copying a code: no spaces, marked secret, wiped after the set time but only if still ours."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.ui.window.clipboard import (
    KDE_PASSWORD_HINT,
    SecureClipboard,
    secret_mime_data,
    sensitive_formats,
)
from tests.helpers.fakes import FakeTimer, FakeTimers

pytestmark = pytest.mark.gui


@pytest.fixture
def system_clipboard(qapp: object) -> QClipboard:
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    return clipboard


@pytest.fixture
def secure(system_clipboard: QClipboard, timers: FakeTimers) -> SecureClipboard:
    return SecureClipboard(timers(None), clear_after=30)  # type: ignore[arg-type]


def wipe_timer(timers: FakeTimers) -> FakeTimer:
    (timer,) = timers.made
    return timer


def test_copy_puts_the_digits_without_the_space(
    secure: SecureClipboard, system_clipboard: QClipboard
) -> None:
    secure.copy("123 456")
    assert system_clipboard.text() == "123456"


def test_copy_marks_the_code_as_secret_for_clipboard_managers(
    secure: SecureClipboard, system_clipboard: QClipboard
) -> None:
    secure.copy("123456")
    mime = system_clipboard.mimeData()
    for mime_type, value in sensitive_formats().items():
        assert mime.hasFormat(mime_type)
        assert bytes(mime.data(mime_type).data()) == value


def test_the_markers_each_platform_gets() -> None:
    assert sensitive_formats("linux") == {KDE_PASSWORD_HINT: b"secret"}
    windows = sensitive_formats("win32")
    assert windows == {
        'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': (
            b"\0\0\0\0"
        ),
        'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\0\0\0\0",
        'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\0\0\0\0",
    }
    mime = secret_mime_data("654321", "win32")
    assert mime.text() == "654321"
    assert set(windows) <= set(mime.formats())


def test_the_code_is_wiped_after_the_configured_time(
    secure: SecureClipboard, system_clipboard: QClipboard, timers: FakeTimers, qtbot: QtBot
) -> None:
    secure.copy("123456")
    timer = wipe_timer(timers)
    assert timer.is_active()
    assert timer.interval() == 30_000
    with qtbot.waitSignal(secure.cleared, timeout=100):
        timer.fire()
    assert system_clipboard.text() == ""
    assert secure.pending is None


def test_the_wipe_time_is_configurable(system_clipboard: QClipboard, timers: FakeTimers) -> None:
    secure = SecureClipboard(timers(None), clear_after=12.5)  # type: ignore[arg-type]
    secure.copy("123456")
    assert wipe_timer(timers).interval() == 12_500


def test_zero_means_the_code_stays(system_clipboard: QClipboard, timers: FakeTimers) -> None:
    secure = SecureClipboard(timers(None), clear_after=0)  # type: ignore[arg-type]
    secure.copy("123456")
    assert not wipe_timer(timers).is_active()
    assert system_clipboard.text() == "123456"


def test_what_the_user_copied_meanwhile_is_not_wiped(
    secure: SecureClipboard, system_clipboard: QClipboard, timers: FakeTimers
) -> None:
    secure.copy("123456")
    system_clipboard.setText("my own text")
    timer = wipe_timer(timers)
    assert not timer.is_active()  # the wipe was called off the moment the text changed
    timer.start(1)  # even if it fired anyway, it must leave the user's text alone
    timer.fire()
    assert system_clipboard.text() == "my own text"


def test_the_same_digits_copied_elsewhere_are_not_ours(
    secure: SecureClipboard, system_clipboard: QClipboard
) -> None:
    secure.copy("123456")
    system_clipboard.setText("123456")  # plain text, without our secret marker
    assert not secure.holds_our_code()
    assert not secure.clear_if_ours()
    assert system_clipboard.text() == "123456"


def test_a_new_copy_restarts_the_wipe(
    secure: SecureClipboard, system_clipboard: QClipboard, timers: FakeTimers
) -> None:
    secure.copy("111111")
    secure.copy("222222")
    timer = wipe_timer(timers)
    assert timer.starts == 2
    assert secure.pending == "222222"
    timer.fire()
    assert system_clipboard.text() == ""


def test_quitting_wipes_our_code(
    secure: SecureClipboard, system_clipboard: QClipboard, qapp: object
) -> None:
    secure.copy("123456")
    app = QGuiApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()
    assert system_clipboard.text() == ""


# -- the real X11 clipboard ------------------------------------------------------------

_OWNER = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.ui.window.clipboard import SecureClipboard
    from desktop.ui.common.timer import Timer
    app = QApplication([])
    secure = SecureClipboard(Timer(), clear_after=30)
    secure.copy("987 654")
    print("copied", flush=True)
    QTimer.singleShot(20000, app.quit)  # the test kills it long before
    app.exec()  # serve the clipboard to the reader
    """
)
_READER = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    mime = app.clipboard().mimeData()
    print(mime.text())
    print(bytes(mime.data("x-kde-passwordManagerHint").data()).decode())
    """
)


def test_other_programs_see_the_secret_marker_on_x11(tmp_path: Path) -> None:
    """A second program (as a clipboard manager would) reads the code and the KDE hint."""
    assert os.environ.get("DISPLAY"), "pytest-xvfb provides an X server for this test"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(Path.cwd())}
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None
        assert owner.stdout.readline().strip() == "copied"
        reader = subprocess.run(
            [sys.executable, "-c", _READER], env=env, capture_output=True, text=True, timeout=30
        )
    finally:
        owner.kill()
        owner.communicate()
    assert reader.stdout.splitlines() == ["987654", "secret"], reader.stderr

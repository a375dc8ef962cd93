"""The camera page of the add-account window, fed with recorded webcam videos through the
same code path as a live camera (OpenCV VideoCapture on a file instead of an index)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.otp.model import Account
from desktop.scan.migration import encode_migration_uris
from desktop.ui.add import camera_page
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.add.camera_page import CameraCapture, CameraChoice, CameraPanel
from desktop.ui.common.account_fields import Tone
from desktop.vault import Vault
from tests.helpers.synthetic import OTPAUTH, page, paste, qr, record_video, webcam_frame

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

WEB = "https://zilliz.nl/inloghulp/"
WAIT_MS = 20_000  # decoding a frame takes milliseconds; the bound is for a loaded machine

Frames = Callable[..., list[np.ndarray]]


@pytest.fixture
def frames() -> Frames:
    """``frames(text_or_None, count, ...)``: a filmed page showing that code (or none)."""
    rng = np.random.default_rng(7)
    scene = page(420, 560, value=235)

    def make(*parts: tuple[str | None, int]) -> list[np.ndarray]:
        made: list[np.ndarray] = []
        for text, count in parts:
            shown = scene if text is None else paste(scene, qr(text, module=4), 120, 40)
            made += [webcam_frame(shown, rng) for _ in range(count)]
        return made

    return make


def video(tmp_path: Path, frames: list[np.ndarray], name: str = "webcam.avi") -> str:
    return str(record_video(tmp_path / name, frames))


def cameras(monkeypatch: pytest.MonkeyPatch, *choices: CameraChoice) -> None:
    """The cameras the search finds (it still runs in its worker thread)."""
    monkeypatch.setattr(camera_page, "find_cameras", lambda: list(choices))


def messages_of(panel: CameraPanel) -> list[str]:
    """Every sentence shown under the picture, in order."""
    shown: list[str] = []
    panel.message_changed.connect(lambda: shown.append(panel.message.message))
    return shown


def finished(panel: CameraPanel) -> bool:
    return not panel.running and panel.status.text() == "The video has ended."


def test_the_camera_button_sits_with_the_other_sources(dialog: AddAccountDialog) -> None:
    sources = dialog.scan_sources
    assert sources.camera_button.text() == "&Camera"
    assert sources.camera_button.isVisible()
    assert sources.camera_button.accessibleName() == "Scan the QR code with the camera"


def test_an_account_code_in_the_video_fills_the_form(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    path = video(tmp_path, frames((None, 4), (OTPAUTH, 6)))
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.scan_sources.camera_button.click()
    assert dialog.page is Page.CAMERA
    qtbot.waitUntil(lambda: dialog.page is Page.FORM, timeout=WAIT_MS)
    assert dialog.key_edit.text() == OTPAUTH
    assert (dialog.issuer_edit.text(), dialog.name_edit.text()) == ("Zilliz", "anna@zorg.nl")
    assert dialog.key_message.tone is Tone.OK
    assert dialog.add_button.isEnabled()
    assert not dialog.camera_panel.running  # the camera was released with its page
    assert dialog.camera_panel.camera_box.currentText() == "Test camera"
    assert dialog.scan_sources.key_files == []  # nothing to delete afterwards


def test_the_preview_shows_the_frames_while_scanning(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    path = video(tmp_path, frames((None, 30)))
    cameras(monkeypatch, CameraChoice("", path))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.preview.frame is not None, timeout=WAIT_MS)
    frame = dialog.camera_panel.preview.frame
    assert frame is not None and (frame.width(), frame.height()) == (640, 480)
    assert not dialog.camera_panel.preview.pixmap().isNull()
    assert dialog.camera_panel.camera_box.currentText() == "Camera 1"  # no system name


def test_a_video_without_a_code_adds_nothing_and_says_so(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
    vault: Vault,
) -> None:
    path = video(tmp_path, frames((None, 8)))
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.scan_sources.camera_button.click()
    qtbot.waitUntil(lambda: finished(dialog.camera_panel), timeout=WAIT_MS)
    assert dialog.page is Page.CAMERA
    assert dialog.camera_panel.message.message == "No QR code was seen."
    assert dialog.camera_panel.message.isVisible()
    assert dialog.key_edit.text() == ""
    assert vault.accounts == ()


def test_a_web_address_is_explained_and_scanning_goes_on_to_the_account(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    path = video(tmp_path, frames((None, 2), (WEB, 5), (OTPAUTH, 6)))
    cameras(monkeypatch, CameraChoice("Test camera", path))
    shown = messages_of(dialog.camera_panel)
    dialog.scan_sources.camera_button.click()
    qtbot.waitUntil(lambda: dialog.page is Page.FORM, timeout=WAIT_MS)
    [explained] = shown
    assert explained.startswith("This QR code opens a web page (zilliz.nl), not an account")
    assert dialog.key_edit.text() == OTPAUTH


def test_a_web_address_alone_leaves_its_explanation_and_no_account(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
    vault: Vault,
) -> None:
    path = video(tmp_path, frames((WEB, 6)))
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.open_camera()
    qtbot.waitUntil(lambda: finished(dialog.camera_panel), timeout=WAIT_MS)
    assert dialog.camera_panel.message.message.startswith("This QR code opens a web page")
    assert dialog.camera_panel.message.tone is Tone.ERROR
    assert vault.accounts == ()


def test_without_a_camera_a_sentence_says_so(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    cameras(monkeypatch)
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.preview.text().startswith("No camera was found"))
    assert not dialog.camera_panel.running
    assert not dialog.camera_panel.camera_box.isEnabled()  # nothing to choose


def test_cameras_are_found_by_probing_and_named_by_the_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.scan import camera

    monkeypatch.setattr(camera, "list_cameras", lambda: [0, 2])
    monkeypatch.setattr(sys, "platform", "linux")
    (tmp_path / "video0").mkdir()
    (tmp_path / "video0" / "name").write_text("Integrated Camera: Integrated C\n")
    monkeypatch.setattr(camera_page, "_LINUX_NAME", str(tmp_path / "video{index}" / "name"))
    assert camera_page.find_cameras() == [
        CameraChoice("Integrated Camera: Integrated C", 0),
        CameraChoice("", 2),  # no name: the list says "Camera 2"
    ]


def test_a_video_that_cannot_be_played_is_explained(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "clip.avi"
    broken.write_text("not a video\n")
    cameras(monkeypatch, CameraChoice("Broken", str(broken)))
    dialog.open_camera()
    qtbot.waitUntil(lambda: not dialog.camera_panel.running and "video" in preview_text(dialog))
    assert "is not a video Tweestap can play" in preview_text(dialog)


def preview_text(dialog: AddAccountDialog) -> str:
    return dialog.camera_panel.preview.text()


def test_back_and_escape_stop_the_camera(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    path = video(tmp_path, frames((None, 4)) * 100)  # long enough to be still running
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.running, timeout=WAIT_MS)
    capture = dialog.camera_panel.capture
    assert capture is not None
    dialog.camera_panel.back_button.click()
    assert dialog.page is Page.FORM
    assert not capture.isRunning() and capture.stopping
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.running, timeout=WAIT_MS)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # back to the form, the window stays
    assert dialog.page is Page.FORM and dialog.isVisible()
    assert not dialog.camera_panel.running


def test_closing_the_window_stops_the_camera(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    path = video(tmp_path, frames((None, 4)) * 100)
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.running, timeout=WAIT_MS)
    capture = dialog.camera_panel.capture
    assert capture is not None
    dialog.reject()
    assert not dialog.isVisible()
    assert not capture.isRunning()
    assert capture.frames_read < 400  # stopped, not played to the end


def test_choosing_another_camera_switches_to_it(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    idle = video(tmp_path, frames((None, 4)) * 100, "idle.avi")
    coded = video(tmp_path, frames((OTPAUTH, 6)), "coded.avi")
    cameras(monkeypatch, CameraChoice("Front", idle), CameraChoice("Back", coded))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.camera_panel.running, timeout=WAIT_MS)
    box = dialog.camera_panel.camera_box
    assert box.isEnabled() and [box.itemText(i) for i in range(box.count())] == ["Front", "Back"]
    box.setCurrentIndex(1)
    box.activated.emit(1)  # what choosing with the mouse or keyboard sends
    qtbot.waitUntil(lambda: dialog.page is Page.FORM, timeout=WAIT_MS)
    assert dialog.key_edit.text() == OTPAUTH


def test_a_google_export_in_the_video_offers_the_import(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
    vault: Vault,
) -> None:
    accounts = [
        Account(issuer="Zilliz", name="anna", secret=b"first secret key!!!!"),
        Account(issuer="Bank", name="piet", secret=b"second secret key!!!"),
    ]
    [export] = encode_migration_uris(accounts, batch_id=42)
    path = video(tmp_path, frames((None, 2), (export, 6)))
    cameras(monkeypatch, CameraChoice("Test camera", path))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.page is Page.FORM, timeout=WAIT_MS)
    offer = dialog.export_offer
    assert offer.isVisible()
    assert offer.import_button.text() == "Import all 2 accounts"
    offer.import_button.click()
    assert dialog.page is Page.IMPORTED
    assert [(a.issuer, a.name) for a in vault.accounts] == [("Zilliz", "anna"), ("Bank", "piet")]


def test_a_multi_part_export_says_what_is_missing_and_keeps_scanning(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
    vault: Vault,
) -> None:
    accounts = [
        Account(issuer="Svc", name=f"user{i}", secret=bytes([65 + i]) * 20) for i in range(3)
    ]
    first, second, third = encode_migration_uris(accounts, batch_id=-7, per_batch=1)
    path = video(tmp_path, frames((third, 5), (first, 5)), "two-of-three.avi")
    cameras(monkeypatch, CameraChoice("Test camera", path))
    shown = messages_of(dialog.camera_panel)
    dialog.open_camera()
    qtbot.waitUntil(lambda: finished(dialog.camera_panel), timeout=WAIT_MS)
    assert shown[0].startswith("Parts 1, 2 of this Google Authenticator export (of 3 QR codes)")
    assert dialog.camera_panel.message.message.startswith(
        "Part 2 of this Google Authenticator export (of 3 QR codes) is still missing."
    )
    assert dialog.page is Page.CAMERA
    assert vault.accounts == ()
    # The last part, on another go: the parts seen before are kept.
    rest = video(tmp_path, frames((second, 5)), "last.avi")
    cameras(monkeypatch, CameraChoice("Test camera", rest))
    dialog.open_camera()
    qtbot.waitUntil(lambda: dialog.page is Page.FORM, timeout=WAIT_MS)
    assert dialog.export_offer.import_button.text() == "Import all 3 accounts"


def test_a_capture_keeps_only_the_newest_frame_for_the_preview(
    qtbot: QtBot, tmp_path: Path, frames: Frames
) -> None:
    capture = CameraCapture(video(tmp_path, frames((None, 12))))
    ready: list[int] = []
    capture.frame_ready.connect(lambda: ready.append(1))
    with qtbot.waitSignal(capture.finished, timeout=WAIT_MS):
        capture.start()
    assert capture.frames_read == 12
    assert len(ready) == 1  # nobody took the first frame: no more signals piled up
    frame = capture.take_frame()
    assert frame is not None and not frame.isNull()
    assert capture.take_frame() is None


def test_an_unexpected_fault_while_reading_is_shown_not_swallowed(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    frames: Frames,
) -> None:
    from desktop.scan import camera

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("driver gone")

    monkeypatch.setattr(camera, "scan_camera", broken)
    cameras(monkeypatch, CameraChoice("Test camera", video(tmp_path, frames((None, 2)))))
    dialog.open_camera()
    qtbot.waitUntil(lambda: "driver gone" in preview_text(dialog), timeout=WAIT_MS)
    assert preview_text(dialog) == (
        "The camera stopped because of an error (driver gone). Choose it again, or add the "
        "account another way."
    )

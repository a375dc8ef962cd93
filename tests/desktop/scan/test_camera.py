"""The camera code path, fed with a recorded webcam video (the same code reads a camera)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from desktop.scan import camera
from desktop.scan.camera import CameraFrames, list_cameras, scan_camera
from desktop.scan.errors import CameraUnavailable
from tests.helpers.synthetic import OTPAUTH, page, paste, qr, record_video, webcam_frame

WEB = "https://zilliz.nl/help"
LATER = "otpauth://totp/Bank:bob?secret=KRSXG5CTMVRXEZLUKN2XAZLSNFSGC4TE&issuer=Bank"
EMPTY, WITH_WEB, WITH_ACCOUNT, WITH_LATER = 6, 4, 6, 6
TOTAL = EMPTY + WITH_WEB + WITH_ACCOUNT + WITH_LATER


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Frames without a code, then a web-address code, then an account code, then another
    account code: each frame tilted, blurred, noisy and JPEG-compressed differently."""
    rng = np.random.default_rng(11)
    scene = page(420, 560, value=235)

    def frames(text: str | None, count: int) -> list[np.ndarray]:
        shown = scene if text is None else paste(scene, qr(text, module=4), 120, 40)
        return [webcam_frame(shown, rng) for _ in range(count)]

    recorded = (
        frames(None, EMPTY)
        + frames(WEB, WITH_WEB)
        + frames(OTPAUTH, WITH_ACCOUNT)
        + frames(LATER, WITH_LATER)
    )
    path = tmp_path_factory.mktemp("camera") / "webcam.avi"
    return record_video(path, recorded)


def test_recorded_webcam_video_yields_codes_in_order_and_stops_at_the_first_account(
    video: Path,
) -> None:
    frames = CameraFrames(video)
    assert list(scan_camera(frames)) == [WEB, OTPAUTH]
    assert EMPTY + WITH_WEB < frames.frames_read <= EMPTY + WITH_WEB + WITH_ACCOUNT


def test_without_stopping_every_code_is_yielded_once(video: Path) -> None:
    assert list(scan_camera(video, stop_after_first=False)) == [WEB, OTPAUTH, LATER]


def test_max_frames_bounds_the_frames_read(video: Path) -> None:
    frames = CameraFrames(video)
    assert list(scan_camera(frames, max_frames=EMPTY)) == []
    assert frames.frames_read == EMPTY


def test_frames_are_bgr_pictures_and_the_camera_is_released_after_the_with(video: Path) -> None:
    with CameraFrames(video) as frames:
        first = next(iter(frames))
    assert first.dtype == np.uint8 and first.shape == (480, 640, 3)
    assert frames._capture is None


def test_a_missing_video_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(CameraUnavailable, match="does not exist"):
        list(scan_camera(tmp_path / "gone.avi"))


def test_a_text_file_named_like_a_video_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "clip.avi"
    fake.write_text("not a video\n")
    with pytest.raises(CameraUnavailable):
        list(scan_camera(fake))


def test_a_camera_index_that_does_not_exist_is_refused_quietly(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(CameraUnavailable, match="Camera 63 cannot be opened"):
        CameraFrames(63).open()
    assert capfd.readouterr() == ("", "")


def test_listing_cameras_without_devices_is_empty_and_quiet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(camera, "_LINUX_DEVICE", str(tmp_path / "video{index}"))
    assert list_cameras() == []
    assert capfd.readouterr() == ("", "")


def test_a_device_node_that_is_not_a_camera_is_left_out_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "video0").write_bytes(b"")
    monkeypatch.setattr(camera, "_LINUX_DEVICE", str(tmp_path / "video{index}"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert list_cameras(max_index=2) == []
    assert capfd.readouterr() == ("", "")


def test_listing_the_real_cameras_answers_without_output(
    capfd: pytest.CaptureFixture[str],
) -> None:
    found = list_cameras()
    assert all(isinstance(index, int) for index in found)
    assert capfd.readouterr() == ("", "")

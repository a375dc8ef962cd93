"""Whether a screen capture can be used, and which refusal applies (a pure function)."""

from __future__ import annotations

import pytest

from desktop.ui.capture.screens import capture_verdict

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("session", ["wayland", "x11", ""])
@pytest.mark.parametrize("has_content", [None, True, False])
def test_the_wayland_platform_never_captures(session: str, has_content: bool | None) -> None:
    assert capture_verdict("wayland", session, has_content=has_content) == "wayland"


@pytest.mark.parametrize("platform", ["offscreen", "minimal"])
def test_platforms_without_a_screen_have_nothing_to_capture(platform: str) -> None:
    assert capture_verdict(platform, "x11", has_content=None) == "no_display"
    assert capture_verdict(platform, "wayland", has_content=False) == "no_display"


@pytest.mark.parametrize("session", ["x11", "wayland", "tty", ""])
def test_before_capturing_x11_goes_ahead_even_in_a_wayland_session(session: str) -> None:
    assert capture_verdict("xcb", session, has_content=None) == "ok"


@pytest.mark.parametrize("session", ["x11", "wayland", "WAYLAND "])
def test_a_capture_with_content_is_used(session: str) -> None:
    assert capture_verdict("xcb", session, has_content=True) == "ok"


@pytest.mark.parametrize("session", ["wayland", "Wayland", " wayland\n"])
def test_a_black_capture_under_xwayland_is_a_wayland_refusal(session: str) -> None:
    assert capture_verdict("xcb", session, has_content=False) == "wayland"


@pytest.mark.parametrize(("platform", "session"), [("xcb", "x11"), ("xcb", ""), ("windows", "")])
def test_a_black_capture_elsewhere_is_an_empty_picture(platform: str, session: str) -> None:
    assert capture_verdict(platform, session, has_content=False) == "empty"

"""The admin panel and the clock check share one 2FA server address: the settings'."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import settings as s
from desktop.clock import FixedClock
from desktop.settings import Settings
from desktop.ui.shell import around_window
from desktop.vault import Vault
from tests.helpers.fakes import FakeTimers
from tests.helpers.window_rig import Rig, make_rig

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(
    qtbot: QtBot,
    vault: Vault,
    isolated_environment: Path,
    timers: FakeTimers,
    clock: FixedClock,
    hold_clock: FixedClock,
) -> Rig:
    return make_rig(qtbot, vault, isolated_environment, timers, clock, hold_clock)


def test_admin_login_opens_at_the_address_from_the_settings(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    rig.extras.settings.update({s.SERVER_URL.key: "https://2fa.zorggroep.nl"})
    calls: list[dict[str, object]] = []
    import desktop.ui.admin.panel

    monkeypatch.setattr(
        desktop.ui.admin.panel,
        "open_admin_panel",
        lambda *args, **options: calls.append(options),
    )
    rig.window.open_admin()
    assert calls[0]["address"] == "https://2fa.zorggroep.nl"


def test_a_successful_admin_login_is_remembered_for_the_clock_check(
    rig: Rig, isolated_environment: Path
) -> None:
    before = len(rig.measure.calls)  # type: ignore[attr-defined]
    rig.window.remember_server("http://127.0.0.1:8765")
    assert Settings.load(isolated_environment).get(s.SERVER_URL) == "http://127.0.0.1:8765"
    assert rig.window.server_address() == "http://127.0.0.1:8765"
    assert len(rig.measure.calls) == before + 1  # type: ignore[attr-defined]
    assert rig.measure.calls[-1].server_url == "http://127.0.0.1:8765"  # type: ignore[attr-defined]


def test_an_address_the_setting_refuses_is_not_remembered(
    rig: Rig, isolated_environment: Path
) -> None:
    around_window.remember_server(rig.extras, "not a server address")
    assert rig.extras.settings.get(s.SERVER_URL) == ""

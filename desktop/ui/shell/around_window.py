"""Everything around the main window, connected in one place: the settings
(and their dialog), the clock check, the app lock and the tray.

``app.py`` calls :func:`attach` once the window exists; tests call it with fake timers,
a synchronous measurement and no real tray or D-Bus.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QDialog

from desktop import settings as s
from desktop.clock import Clock, ClockSources, CorrectedClock
from desktop.errors import UserError
from desktop.net.time_sources import measure
from desktop.platform.session_lock import SessionLockWatcher
from desktop.settings import Settings
from desktop.ui.common.theme import apply_theme
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.shell.app_lock import AppLock, PasswordAsker, ask_new_password
from desktop.ui.shell.clock_check import ClockBanner, ClockCheck, Measure, Runner
from desktop.ui.shell.tray import Tray
from desktop.ui.window.main_window import MainWindow
from desktop.vault import ScryptParams

if TYPE_CHECKING:
    from desktop.ui.help.code_help_dialog import CodeHelpDialog


@dataclass
class Extras:
    window: MainWindow
    settings: Settings
    clock_check: ClockCheck
    clock_banner: ClockBanner
    app_lock: AppLock
    tray: Tray
    timer_factory: TimerFactory = make_timer


def starts_in_tray(extras: Extras) -> bool:
    """Start hidden: when asked to, and only where the tray icon is there to open it."""
    return extras.settings.get(s.START_IN_TRAY) and extras.tray.visible


def clock_sources(settings: Settings) -> ClockSources:
    return ClockSources(
        settings.get(s.CLOCK_SOURCE), settings.get(s.NTP_SERVER), settings.get(s.SERVER_URL)
    )


def attach(
    window: MainWindow,
    settings: Settings,
    clock: CorrectedClock,
    *,
    timer_factory: TimerFactory = make_timer,
    runner: Runner | None = None,
    measure_with: Measure = measure,
    idle_clock: Clock | None = None,
    session: SessionLockWatcher | bool | None = True,
    tray_available: bool | None = None,
    ask_password: PasswordAsker = ask_new_password,
    scrypt_params: ScryptParams | None = None,
    check_clock: bool = True,
) -> Extras:
    """Connect settings, clock check, app lock and tray to ``window`` (whose clock must
    be ``clock``). With ``check_clock`` the first measurement starts right away;
    ``session=True`` watches this desktop's session lock over D-Bus."""
    check = ClockCheck(
        clock,
        lambda: clock_sources(settings),
        save_correction=settings.set_correction,
        timer_factory=timer_factory,
        runner=runner,
        measure_with=measure_with,
        parent=window,
    )
    banner = ClockBanner(check, window)
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QBoxLayout):  # under the general banner, above the list
        layout.insertWidget(layout.indexOf(window.banner) + 1, banner)
    check.changed.connect(window.tick)  # a new correction shows at once
    watcher = session if isinstance(session, SessionLockWatcher) else None
    if session is True:
        watcher = SessionLockWatcher.for_this_desktop(window)
    lock = AppLock(
        window,
        idle_minutes=settings.get(s.LOCK_AFTER_MINUTES),
        timer_factory=timer_factory,
        clock=idle_clock,
        ask_password=ask_password,
        scrypt_params=scrypt_params,
        session=watcher,
    )
    tray = Tray(window, available=tray_available)
    extras = Extras(window, settings, check, banner, lock, tray, timer_factory)
    apply_settings(extras)
    window.settings_requested.connect(lambda: open_settings(extras))
    window.help_requested.connect(lambda: open_help(extras))
    window.server_address = lambda: settings.get(s.SERVER_URL)
    window.remember_server = lambda url: remember_server(extras, url)
    if check_clock:
        check.check_now()
    return extras


def remember_server(extras: Extras, url: str) -> None:
    """The admin panel logged in to ``url``: the clock check uses the same server. A URL
    the setting's pattern refuses (or a full disk) is not worth bothering anyone over."""
    with contextlib.suppress(s.InvalidSetting, s.SettingsNotSaved):
        if extras.settings.update({s.SERVER_URL.key: url}):
            apply_settings(extras, [s.SERVER_URL.key])


def apply_settings(extras: Extras, changed: list[str] | None = None) -> None:
    """Make the window follow the settings (all of them, or the ``changed`` keys)."""
    settings, window = extras.settings, extras.window

    def wanted(setting: s.Setting[Any]) -> bool:
        return changed is None or setting.key in changed

    window.clipboard.clear_after = float(settings.get(s.CLIPBOARD_CLEAR_SECONDS))
    window.view.hold.duration = settings.get(s.HOLD_SECONDS)
    if window.model.show_next_code != settings.get(s.SHOW_NEXT_CODE):
        window.model.show_next_code = settings.get(s.SHOW_NEXT_CODE)
        window.view.viewport().update()
    if changed is not None and s.THEME.key in changed:  # at start: app.py, before any window
        apply_theme(settings.get(s.THEME))
    if wanted(s.LOCK_AFTER_MINUTES):
        extras.app_lock.set_idle_minutes(settings.get(s.LOCK_AFTER_MINUTES))
    if changed is not None and {s.CLOCK_SOURCE.key, s.NTP_SERVER.key, s.SERVER_URL.key} & set(
        changed
    ):
        extras.clock_check.check_now()


def current_values(extras: Extras) -> dict[str, Any]:
    return {**extras.settings.values(), s.APP_LOCK.key: extras.app_lock.enabled}


def open_help(extras: Extras) -> CodeHelpDialog | None:
    """Help > What to do if a code does not work: the checklist for the selected account,
    beside the window (one at a time; locking closes it, as it shows codes)."""
    from desktop.ui.help.code_help_dialog import CodeHelpDialog

    window = extras.window
    if window.vault.is_locked:
        window.show_message(
            QCoreApplication.translate("MainWindow", "Unlock Tweestap first, then open the help.")
        )
        return None
    current = window.current_account()
    for dialog in window.findChildren(CodeHelpDialog):
        if dialog.isVisible():
            if current is not None:
                dialog.account_combo.setCurrentIndex(dialog.account_combo.findData(current.id))
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = CodeHelpDialog(
        window.vault,
        extras.clock_check.clock,
        extras.clock_check,
        account_id=current.id if current is not None else None,
        clock_help=extras.clock_banner.show_help,
        timer_factory=extras.timer_factory,
        parent=window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_settings(extras: Extras) -> None:
    from desktop.ui.shell.settings_dialog import SettingsDialog

    window = extras.window
    dialog = SettingsDialog(current_values(extras), window)
    if window.vault.is_locked:  # the key cannot be moved while it is not in memory
        dialog.editors[s.APP_LOCK.key].setEnabled(False)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    values = dialog.values() if accepted else {}
    dialog.deleteLater()
    if accepted:
        save_settings(extras, values)


def save_settings(extras: Extras, values: dict[str, Any]) -> list[str]:
    """Store and apply ``values`` (from the dialog); returns the keys that changed."""
    window = extras.window
    values = dict(values)
    want_lock = values.pop(s.APP_LOCK.key, extras.app_lock.enabled)
    if want_lock != extras.app_lock.enabled and not window.vault.is_locked:
        if want_lock:
            extras.app_lock.enable()
        else:
            extras.app_lock.disable()
    try:
        changed = extras.settings.update(values)
    except UserError as error:
        window.report(error)
        return []
    apply_settings(extras, changed)
    if s.LANGUAGE.key in changed:
        window.show_message(
            QCoreApplication.translate(
                "SettingsDialog", "The language changes when Tweestap starts again."
            )
        )
    return changed

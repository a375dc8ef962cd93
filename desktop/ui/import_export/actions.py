"""Import, export, back up, "Show QR code" and "Show setup key" for the main window, and the
backup reminder.

Kept out of :mod:`desktop.ui.window.main_window` so the window stays small: it adds these actions
to its menus, the reminder to its layout, and reloads when :attr:`accounts_changed` fires.
The dialogs (and segno, the importers) load only when opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.backup_reminder import backup_reminder_due
from desktop.clock import Clock
from desktop.otp.model import Account
from desktop.vault import Vault

REMINDER_STYLE = """
QFrame#BackupReminder { background: #fdf1d8; border-bottom: 1px solid #e8cf96; }
QFrame#BackupReminder QLabel { color: #4a3a10; }
QFrame#BackupReminder QPushButton#PrimaryButton {
    padding: 5px 14px; border: 2px solid #1c5fae; border-radius: 6px;
    background: #1c5fae; color: white; font-weight: 600;
}
QFrame#BackupReminder QPushButton#LaterButton {
    padding: 5px 10px; border: none; background: transparent; color: #4a3a10;
    text-decoration: underline;
}
"""


class BackupReminder(QFrame):
    """ "No backup yet" across the top of the window, with *Back up now* and *Remind me
    later* (hidden for the rest of the session)."""

    backup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupReminder")
        self.snoozed = False
        self.label = QLabel(
            self.tr(
                "You have no backup of your accounts yet. If this computer breaks or is "
                "lost, every site would have to reset your two-step verification."
            ),
            self,
        )
        self.label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.backup_button.setObjectName("PrimaryButton")
        self.backup_button.clicked.connect(self.backup_requested)
        self.later_button = QPushButton(self.tr("Remind me &later"), self)
        self.later_button.setObjectName("LaterButton")
        self.later_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.later_button.clicked.connect(self.snooze)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 12, 10)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.later_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet(REMINDER_STYLE)
        self.setAccessibleName(self.tr("Backup reminder"))
        self.hide()

    def refresh(self, due: bool) -> None:
        self.setVisible(due and not self.snoozed)

    def snooze(self) -> None:
        self.snoozed = True
        self.hide()


class TransferActions(QObject):
    """The actions and their dialogs; ``current_account`` is the window's selected row."""

    accounts_changed = Signal()

    def __init__(
        self,
        window: QWidget,
        vault: Vault,
        clock: Clock,
        current_account: Callable[[], Account | None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self.vault = vault
        self._clock = clock
        self._current_account = current_account
        self.import_action = self._action(self.tr("&Import\u2026"), self.import_file)
        self.export_action = self._action(self.tr("&Export\u2026"), lambda: self.export())
        self.backup_action = self._action(self.tr("&Back up\u2026"), self.back_up)
        self.show_qr_action = self._action(self.tr("Show &QR code\u2026"), self.show_qr)
        self.show_key_action = self._action(self.tr("Show setup &key\u2026"), self.show_key)
        self.copy_secret: Callable[[str], None] = lambda _text: None
        """The window's secure clipboard (set by the window: it owns the wipe timer)."""
        self.reminder = BackupReminder(window)
        self.reminder.backup_requested.connect(self.back_up)

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        return action

    def refresh(self) -> None:
        """Show or hide the reminder; enable the actions that need accounts."""
        locked = self.vault.is_locked  # a locked vault shows no accounts and takes none
        has_accounts = bool(self.vault.accounts) and not locked
        self.reminder.refresh(has_accounts and backup_reminder_due(self.vault))
        self.import_action.setEnabled(not locked)
        self.export_action.setEnabled(has_accounts)
        self.backup_action.setEnabled(has_accounts)

    def import_file(self) -> None:
        from desktop.ui.import_export.import_dialog import ImportDialog

        dialog = ImportDialog(self.vault, self._window)
        dialog.exec()
        imported = dialog.summary is not None and bool(dialog.summary.imported)
        dialog.deleteLater()
        if imported:
            self.accounts_changed.emit()
        self.refresh()

    def export(self, *, backup: bool = False) -> None:
        from desktop.ui.import_export.export_dialog import ExportDialog

        dialog = ExportDialog(self.vault, self._clock, self._window, backup=backup)
        dialog.exec()
        dialog.deleteLater()
        self.refresh()

    def back_up(self) -> None:
        self.export(backup=True)

    def show_qr(self) -> None:
        from desktop.ui.import_export.qr_codes_dialog import AccountQrDialog

        account = self._current_account()
        if account is None:
            return
        dialog = AccountQrDialog(account, self._window)
        dialog.exec()
        dialog.deleteLater()

    def show_key(self) -> None:
        from desktop.ui.import_export.setup_key_dialog import SetupKeyDialog

        account = self._current_account()
        if account is None:
            return
        dialog = SetupKeyDialog(account, self.vault, self.copy_secret, self._window)
        dialog.exec()
        dialog.deleteLater()

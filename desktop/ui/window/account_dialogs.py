"""The main window's actions that open another window for one account or for all of them:
add (also for a link the desktop handed over), rename, delete after asking, and the admin
panel. Each loads its dialog only when asked for, so the first frame does not pay for it,
and shows the vault as it is afterwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.clock import Clock
    from desktop.ui.common.timer import TimerFactory
    from desktop.ui.window.main_window import MainWindow


def add_account(
    window: MainWindow, clock: Clock, timer_factory: TimerFactory, text: str | None = None
) -> None:
    """The add dialog (with ``text`` in its key field, for review); the account added, if
    any, becomes the current row."""
    from desktop.ui.add.add_dialog import AddAccountDialog  # its QR/camera code loads only now

    dialog = AddAccountDialog(
        window.vault,
        clock,
        window,
        timer_factory=timer_factory,
        copy_code=window.clipboard.copy,
    )
    if text is not None:
        dialog.set_key_text(text)
    dialog.exec()
    added = dialog.added_account
    dialog.deleteLater()
    window.show_vault(added.id if added is not None else None)


def open_admin(window: MainWindow, clock: Clock) -> None:
    """Log in to the 2FA server and open the admin panel (it may add the administrator's own
    account to the vault, so the list follows)."""
    from desktop.ui.admin.panel import open_admin_panel  # loaded only when asked for

    open_admin_panel(
        window,
        window.vault,
        clock,
        lambda: window.show_vault(None),
        address=window.server_address(),
        on_connected=window.remember_server,
    )


def edit_current(window: MainWindow) -> None:
    """Rename the current account (its service and account name)."""
    from desktop.ui.window.edit_dialog import EditAccountDialog

    account = window.current_account()
    if account is None:
        return
    dialog = EditAccountDialog(account, window)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    issuer, name = dialog.result_issuer, dialog.result_name
    dialog.deleteLater()
    if accepted:
        try:
            window.vault.rename(account.id, issuer=issuer, name=name)
        except UserError as error:
            window.report(error)
        window.show_vault(account.id)


def delete_current(window: MainWindow) -> None:
    """Delete the current account after asking; the next row becomes current."""
    from desktop.ui.window.edit_dialog import confirm_delete

    account = window.current_account()
    if account is None or not confirm_delete(window, account):
        return
    row = window.view.currentIndex().row()
    try:
        window.vault.remove(account.id)
    except UserError as error:
        window.report(error)
        return
    window.show_vault(None)
    proxy = window.proxy
    if proxy.rowCount() > 0:
        window.view.setCurrentIndex(proxy.index(min(row, proxy.rowCount() - 1), 0))
    window.show_message(QCoreApplication.translate("MainWindow", "Account deleted"))

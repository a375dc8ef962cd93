"""Render the account dialogs into docs/screenshots/, in English and Dutch.

Run under an X server for real fonts, e.g.::

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python scripts/screenshot_dialogs.py

``TWEESTAP_LANG=nl`` (or ``en``) renders one language only; without it, both;
``--scene NAME`` (repeatable) renders only those scenes. Nothing touches the real data
folder or keyring: every scene gets a throw-away vault in a temporary folder and a fixed
clock, so every run shows the same codes. The camera page plays a video made here (a
filmed login page whose QR code holds a web address, so the explanation shows under the
picture); the region overlay shows a capture of a login page drawn on the X screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from PySide6.QtCore import QCoreApplication, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from desktop import i18n, pairing_history  # noqa: E402
from desktop.clock import ClockSources, CorrectedClock, FixedClock, Measurement  # noqa: E402
from desktop.otp.model import Account  # noqa: E402
from desktop.ui.add.add_dialog import AddAccountDialog  # noqa: E402
from desktop.ui.add.region_select import RegionOverlay  # noqa: E402
from desktop.ui.help.code_help_dialog import CodeHelpDialog  # noqa: E402
from desktop.ui.import_export.setup_key_dialog import SetupKeyDialog  # noqa: E402
from desktop.ui.shell.clock_check import ClockCheck  # noqa: E402
from desktop.ui.shell.password_dialog import PasswordDialog  # noqa: E402
from desktop.ui.window.edit_dialog import DeleteQuestion, EditAccountDialog  # noqa: E402
from desktop.vault import (  # noqa: E402
    KeyringProblem,
    PasswordRequest,
    ScryptParams,
    Vault,
    open_vault,
)
from desktop.vault.errors import password_prompt_reason  # noqa: E402
from scripts import screenshot_kit  # noqa: E402
from scripts.screenshot_pictures import (  # noqa: E402
    camera_video,
    login_page,
    pictures,
    qr,
    wait,
)

# RFC 6238's SHA1 seed: at MOMENT the 6-digit code is 050 471, with 29 s to go.
KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
NAME = "jan.de.vries@zorggroep.nl"
LINK = f"otpauth://totp/Zilliz:{NAME.replace('@', '%40')}?secret={KEY}&issuer=Zilliz"
MOMENT = 1111111111
BAD_KEY = "gezd gnbv gy3t qoj0 gezd gnbv gy3t qojq"
ACCOUNT = Account(issuer="Zilliz", name=NAME, secret=b"12345678901234567890")
VAULT_FILE = Path.home() / ".local" / "share" / "tweestap" / "vault.tweestap"
WIDTH = 520

Scene = Callable[[], QWidget]


def main() -> int:
    parser = screenshot_kit.options("Render the account dialogs as PNG files.")
    parser.add_argument("--scene", choices=sorted(SCENES), action="append")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="tweestap-screenshots-"))
    global WORKDIR
    WORKDIR = workdir
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ.pop("TWEESTAP_PASSWORD", None)

    _app = screenshot_kit.start_app(args)
    status = 0
    for language in screenshot_kit.languages(args):
        if not screenshot_kit.install(language):
            status = 1
        for name, scene in SCENES.items():
            if args.scene and name not in args.scene:
                continue
            os.environ["TWEESTAP_HOME"] = str(workdir / f"{name}-{language}")
            widget = scene()
            path = args.out / f"{name}-{language}.png"
            _save(widget, path)
            print(path)
            widget.close()
            widget.deleteLater()
            QCoreApplication.processEvents()
    return status


def _save(widget: QWidget, path: Path) -> None:
    if isinstance(widget, RegionOverlay):  # already up, with its selection half-dragged
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        return
    widget.show()
    widget.activateWindow()
    for _ in range(10):
        QApplication.processEvents()
    for field in widget.findChildren(QLineEdit):
        field.deselect()  # focusing a window selects its field's text: not what people see
        field.setCursorPosition(0)
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")


def _add_dialog(*, existing: bool = False) -> AddAccountDialog:
    # A password vault (no keyring here) with cheap scrypt: screenshots need no strength.
    vault = open_vault(password_prompt=lambda request: "screenshots", scrypt_params=_FAST)
    if existing:
        vault.add(Account(issuer="Zilliz", name=NAME, secret=b"the old key"))
    dialog = AddAccountDialog(vault, FixedClock(MOMENT), copy_code=lambda code: None)
    dialog.resize(WIDTH, dialog.sizeHint().height())
    return dialog


_FAST = ScryptParams(n=2**10)


def add_empty() -> QWidget:
    return _add_dialog()


def add_error() -> QWidget:
    dialog = _add_dialog()
    dialog.set_key_text(BAD_KEY)
    return dialog


def add_link() -> QWidget:
    dialog = _add_dialog()
    dialog.set_key_text(LINK)
    return dialog


def add_advanced() -> QWidget:
    dialog = _add_dialog()
    dialog.set_key_text(KEY.lower())
    dialog.issuer_edit.setText("Zilliz")
    dialog.advanced_button.setChecked(True)
    return dialog


def add_replace() -> QWidget:
    dialog = _add_dialog(existing=True)
    dialog.set_key_text(LINK)
    dialog.add_button.click()
    return dialog


def add_done() -> QWidget:
    dialog = _add_dialog()
    dialog.set_key_text(LINK)
    dialog.add_button.click()
    return dialog


def edit() -> QWidget:
    dialog = EditAccountDialog(ACCOUNT)
    dialog.name_edit.clear()
    return dialog


def delete() -> QWidget:
    return DeleteQuestion(ACCOUNT)


def password_new() -> QWidget:
    request = PasswordRequest(new=True, reason=KeyringProblem("none"), path=VAULT_FILE)
    dialog = PasswordDialog(request)
    dialog.password_edit.setText("zorg2024!")
    dialog.repeat_edit.setText("zorg2024")
    return dialog


def password_unlock() -> QWidget:
    request = PasswordRequest(new=False, reason=password_prompt_reason(VAULT_FILE), path=VAULT_FILE)
    dialog = PasswordDialog(
        request,
        error=i18n.translate("Errors", "The password is wrong; nothing was opened or changed."),
    )
    return dialog


# -- scanning: the camera page, exports, deleting the screenshot, Wayland, region overlay ---


def add_camera() -> QWidget:
    from desktop.ui.add import camera_page
    from desktop.ui.add.camera_page import CameraChoice

    path = camera_video()
    camera_page.find_cameras = lambda: [CameraChoice("Integrated Camera", str(path))]
    dialog = _add_dialog()
    dialog.show()
    dialog.open_camera()
    panel = dialog.camera_panel
    wait(lambda: panel.preview.frame is not None and panel.message.isVisible())
    dialog.resize(WIDTH, dialog.sizeHint().height())
    return dialog


def _export_picture() -> Path:
    from desktop.scan.migration import encode_migration_uris

    accounts = [
        Account(issuer="Zilliz", name=NAME, secret=b"12345678901234567890"),
        Account(issuer="Intranet", name="jvries", secret=b"another-secret-key!!"),
        Account(issuer="VPN", name="jan", secret=b"third-secret-key-123"),
    ]
    [export] = encode_migration_uris(accounts, batch_id=20240617)
    path = pictures() / "Screenshot_20240617_101500.png"
    cv2.imwrite(str(path), qr(export, 4))
    return path


def add_export() -> QWidget:
    dialog = _add_dialog()
    dialog.scan_sources.read_files([str(_export_picture())])
    return dialog


def add_imported() -> QWidget:
    dialog = _add_dialog()
    dialog.scan_sources.read_files([str(_export_picture())])
    dialog._vault.add(Account(issuer="VPN", name="jan", secret=b"third-secret-key-123"))
    # An older enrolment of the same login: kept, and the summary says it looks alike.
    dialog._vault.add(Account(issuer="Intranet", name="jvries", secret=b"an-older-enrolment!!"))
    dialog.export_offer.import_button.click()
    return dialog


def add_done_delete() -> QWidget:
    path = pictures() / "Screenshot_20240617_101200.png"
    cv2.imwrite(str(path), login_page(520, 440, LINK))
    dialog = _add_dialog()
    dialog.scan_sources.read_files([str(path)])
    dialog.add_button.click()
    return dialog


def add_wayland() -> QWidget:
    from desktop.ui.capture.screens import WaylandCaptureRefused, _wayland

    dialog = _add_dialog()
    dialog.show()
    sources = dialog.scan_sources
    error: WaylandCaptureRefused = _wayland()
    sources._explain(error)  # what scanning the screen says on Wayland
    sources.portal_button.setVisible(True)  # as when the desktop's portal answers
    sources.message_changed.emit()
    return dialog


def region_overlay() -> QWidget:
    from desktop.ui.add.region_select import RegionOverlay
    from desktop.ui.capture.screens import grab_screens

    page = QWidget(None, Qt.WindowType.FramelessWindowHint)
    picture = QLabel(page)
    image = login_page(560, 420, LINK)
    height, width = image.shape[:2]
    qimage = QImage(image.data, width, height, width * 3, QImage.Format.Format_BGR888)
    picture.setPixmap(QPixmap.fromImage(qimage.copy()))
    QVBoxLayout(page).addWidget(picture)
    page.setGeometry(360, 220, width + 20, height + 20)
    page.show()
    wait(lambda: page.isVisible())
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.01)
    [shot, *_] = grab_screens()
    page.close()
    overlay = RegionOverlay(shot)
    overlay.show()
    wait(lambda: overlay.isVisible())
    start = QPoint(360 + 10 + 24 - 14, 220 + 10 + 130 - 14)
    size = qr(LINK, 4).shape[0]
    QTest.mousePress(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(overlay, start + QPoint(size + 28, size + 28))
    QApplication.processEvents()
    return overlay


# -- import, export, backup, QR codes for a phone ------------------------------------------

BACKUP_PASSWORD = "Zorg-back-up-2024"  # noqa: S105 - made up, for the pictures
_SERVICES = [
    ("Zilliz", NAME),
    ("Microsoft 365", "j.devries@zorggroep.nl"),
    ("AFAS", "jan.de.vries"),
    ("Nmbrs", "jdevries"),
    ("Google", "jan.devries1975@gmail.com"),
    ("DigiD", "jdevries"),
    ("Nextcloud", "jan@zorggroep.nl"),
    ("GitHub", "jdevries-zorg"),
    ("Dropbox", "jan.de.vries@zorggroep.nl"),
    ("LinkedIn", "jan.de.vries"),
    ("Intranet", "jdv"),
    ("VPN", "jan.de.vries"),
    ("Salesforce", "j.de.vries@zorggroep.nl"),
]


def _accounts() -> list[Account]:
    return [
        Account(issuer=issuer, name=name, secret=f"{issuer}/{name}".encode()[:20].ljust(20, b"!"))
        for issuer, name in _SERVICES
    ]


def _vault_with(accounts: list[Account]) -> Vault:
    vault = open_vault(password_prompt=lambda request: "screenshots", scrypt_params=_FAST)
    vault.add_many(accounts)
    return vault


def import_password() -> QWidget:
    from datetime import UTC, datetime

    from desktop.exporters.backup import Argon2Params, write_backup
    from desktop.ui.import_export.import_dialog import ImportDialog, Page

    source = pictures() / "tweestap-backup-2024-06-17.tweestap-backup"
    source.write_bytes(
        write_backup(
            _accounts(),
            BACKUP_PASSWORD,
            created=datetime.fromtimestamp(MOMENT, UTC),
            params=Argon2Params(memory_kib=1024, iterations=1),
        )
    )
    dialog = ImportDialog(_vault_with([]))
    dialog.open_file(source)
    wait(lambda: dialog.page is Page.PASSWORD)
    dialog.password_edit.setText("Zorg-backup-2024")
    dialog.submit_password()
    wait(lambda: dialog.page is Page.PASSWORD)
    dialog.resize(WIDTH, dialog.sizeHint().height())
    return dialog


def import_summary() -> QWidget:
    from desktop.otp.uri import format_uri
    from desktop.ui.import_export.import_dialog import ImportDialog, Page

    accounts = _accounts()[:6]
    source = pictures() / "aegis-export-uri.txt"
    broken = "otpauth://totp/Oud%20intranet:jan?secret=NIET-GELD1G"
    # The same key under the name the other app gave it: kept, with a note.
    renamed = accounts[1].replace(name="jan (werk)")
    lines = [format_uri(a) for a in [*accounts, renamed]]
    source.write_text("".join(line + "\n" for line in lines) + broken + "\n")
    dialog = ImportDialog(_vault_with(accounts[:2]))
    dialog.open_file(source)
    wait(lambda: dialog.page is Page.SUMMARY)
    dialog.resize(WIDTH, 460)
    return dialog


def export_backup() -> QWidget:
    from desktop.ui.import_export.export_dialog import ExportDialog

    dialog = ExportDialog(_vault_with(_accounts()), FixedClock(MOMENT), backup=True)
    dialog.password_edit.setText(BACKUP_PASSWORD)
    dialog.repeat_edit.setText(BACKUP_PASSWORD)
    dialog.resize(WIDTH + 40, dialog.sizeHint().height())
    return dialog


def export_plain() -> QWidget:
    from desktop.exporters import ExportFormat
    from desktop.ui.import_export.export_dialog import ExportDialog

    dialog = ExportDialog(_vault_with(_accounts()), FixedClock(MOMENT))
    dialog.select_format(ExportFormat.OTPAUTH)
    dialog.resize(WIDTH + 40, dialog.sizeHint().height())
    return dialog


def export_qr() -> QWidget:
    from desktop.exporters.google import google_export
    from desktop.otp.model import OtpType
    from desktop.ui.import_export.qr_codes_dialog import GoogleExportDialog

    steam = Account(
        issuer="Steam",
        name="jandevries",
        secret=b"steam-key-0123456789",
        type=OtpType.STEAM,
        digits=5,
    )
    export = google_export([*_accounts(), steam], batch_id=20240617)
    return GoogleExportDialog(export.codes, export.left_out)


def help_dialog() -> QWidget:
    """The checklist for a code that does not work, as for someone whose clock is behind
    and who added Zilliz twice."""
    vault = _vault_with([])
    zilliz = vault.add(ACCOUNT)
    vault.add(Account(issuer="Zilliz", name="jdevries", secret=b"an older pairing key!"))
    pairing_history.record(vault, zilliz.id, at=MOMENT - 26 * 3600, replaced=True)
    clock = CorrectedClock(FixedClock(MOMENT))
    check = ClockCheck(
        clock,
        lambda: ClockSources("auto", "pool.ntp.org", "http://127.0.0.1:8765"),
        runner=lambda work, done: done(work()),
        measure_with=lambda _sources, base: Measurement(46.6, 47.4, "ntp+server", base.now()),
    )
    dialog = CodeHelpDialog(vault, clock, check, account_id=zilliz.id, clock_help=lambda: None)
    dialog.resize(580, dialog.sizeHint().height())
    return dialog


def setup_key_dialog() -> QWidget:
    vault = _vault_with([ACCOUNT])
    dialog = SetupKeyDialog(vault.accounts[0], vault, lambda _text: None)
    dialog.resize(WIDTH + 40, dialog.sizeHint().height())
    dialog.password_edit.setText("screenshots")  # the scene's vault is behind a password
    dialog.reveal()
    return dialog


def account_qr() -> QWidget:
    from desktop.ui.import_export.qr_codes_dialog import AccountQrDialog

    return AccountQrDialog(ACCOUNT)


SCENES: dict[str, Scene] = {
    "add-dialog-empty": add_empty,
    "add-dialog-error": add_error,
    "add-dialog-link": add_link,
    "add-dialog-advanced": add_advanced,
    "add-dialog-replace": add_replace,
    "add-dialog-done": add_done,
    "add-dialog-camera": add_camera,
    "add-dialog-export": add_export,
    "add-dialog-imported": add_imported,
    "add-dialog-done-delete": add_done_delete,
    "add-dialog-wayland": add_wayland,
    "region-overlay": region_overlay,
    "edit-dialog": edit,
    "delete-question": delete,
    "password-new": password_new,
    "password-unlock": password_unlock,
    "import-dialog-password": import_password,
    "import-summary": import_summary,
    "export-dialog-backup": export_backup,
    "export-dialog-plain": export_plain,
    "export-qr-dialog": export_qr,
    "account-qr-dialog": account_qr,
    "help-dialog": help_dialog,
    "setup-key-dialog": setup_key_dialog,
}


if __name__ == "__main__":
    raise SystemExit(main())

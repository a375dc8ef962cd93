"""Render the account dialogs into docs/screenshots/, in English and Dutch.

Run under an X server for real fonts, e.g.::

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python scripts/screenshot_dialogs.py

``TWEESTAP_LANG=nl`` (or ``en``) renders one language only; without it, both. Nothing
touches the real data folder or keyring: every scene gets a throw-away vault in a
temporary folder and a fixed clock, so every run shows the same codes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.clock import FixedClock  # noqa: E402
from desktop.otp.model import Account  # noqa: E402
from desktop.ui.add_dialog import AddAccountDialog  # noqa: E402
from desktop.ui.edit_dialog import DeleteQuestion, EditAccountDialog  # noqa: E402
from desktop.ui.password_dialog import PasswordDialog  # noqa: E402
from desktop.vault import KeyringProblem, PasswordRequest, ScryptParams, open_vault  # noqa: E402
from desktop.vault.errors import password_prompt_reason  # noqa: E402

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
    parser = argparse.ArgumentParser(description="Render the account dialogs as PNG files.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("en", "nl"), action="append")
    parser.add_argument(
        "--translations",
        type=Path,
        help="take the compiled tweestap_LANG.qm from this folder (to preview a translation)",
    )
    args = parser.parse_args()
    env_lang = os.environ.get("TWEESTAP_LANG", "")
    languages: list[str] = args.lang or ([env_lang] if env_lang in ("en", "nl") else ["en", "nl"])

    workdir = Path(tempfile.mkdtemp(prefix="tweestap-screenshots-"))
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    os.environ.pop("TWEESTAP_PASSWORD", None)

    if args.translations is not None:
        i18n.TRANSLATIONS_DIR = args.translations
    app = QApplication(["tweestap"])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in languages:
        if i18n.install(language) != language:
            print(f"warning: no compiled {language} translation; the texts stay English")
            status = 1
        for name, scene in SCENES.items():
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


SCENES: dict[str, Scene] = {
    "add-dialog-empty": add_empty,
    "add-dialog-error": add_error,
    "add-dialog-link": add_link,
    "add-dialog-advanced": add_advanced,
    "add-dialog-replace": add_replace,
    "add-dialog-done": add_done,
    "edit-dialog": edit,
    "delete-question": delete,
    "password-new": password_new,
    "password-unlock": password_unlock,
}


if __name__ == "__main__":
    raise SystemExit(main())

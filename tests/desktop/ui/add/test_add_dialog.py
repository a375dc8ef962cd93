"""The add-account window: paste, live check, add, replace the old entry, first code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.clock import FixedClock
from desktop.otp.codes import code_at
from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key
from desktop.pairing_history import Pairing, pairing_of
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.common.account_fields import Tone
from desktop.vault import SaveFailed, Vault
from tests.helpers.fakes import FakeTimers

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so for every shown window; it is not a problem of ours.
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

# RFC 6238 appendix B: the SHA1 seed "12345678901234567890"; at 1111111111 the 8-digit
# code is 14050471, so the 6-digit one is 050471; that time is 1 s into its 30-s step.
RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
RFC_SECRET = b"12345678901234567890"
RFC_TIME = 1111111111
OTHER_KEY = "JBSWY3DPEHPK3PXP"
LINK = f"otpauth://totp/Zilliz:jan%40zorg.nl?secret={RFC_KEY}&issuer=Zilliz"


@pytest.fixture
def clock() -> FixedClock:
    """At RFC_TIME, overriding the GUI tests' usual moment: the codes are the RFC's."""
    return FixedClock(RFC_TIME)


@pytest.fixture
def dutch() -> Iterator[None]:
    assert i18n.install("nl") == "nl", "resources/translations/tweestap_nl.qm is missing"
    yield
    i18n.install("en")


def page(dialog: AddAccountDialog) -> Page:
    """The page shown now (a call, so that mypy does not hold on to an earlier answer)."""
    return dialog.page


def paste(dialog: AddAccountDialog, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog.key_edit.setFocus()
    dialog.key_edit.selectAll()  # what a person does to paste over what is there
    dialog.key_edit.paste()


def test_starts_empty_with_focus_in_the_key_field(dialog: AddAccountDialog) -> None:
    assert page(dialog) is Page.FORM
    assert dialog.focusWidget() is dialog.key_edit
    assert not dialog.add_button.isEnabled()
    assert not dialog.key_message.isVisible()
    assert dialog.added_account is None


@pytest.mark.parametrize(
    "text", ["gezd gnbv gy3t qojq gezd gnbv gy3t qojq", f"\n  {RFC_KEY.lower()}  \n"]
)
def test_pasted_key_with_spaces_and_lower_case_is_valid(
    qtbot: QtBot, dialog: AddAccountDialog, text: str
) -> None:
    paste(dialog, text)
    assert dialog.key_message.tone is Tone.OK
    assert dialog.key_message.message == "Valid setup key."
    assert "\n" not in dialog.key_edit.text()
    assert not dialog.add_button.isEnabled()  # a name is still missing, and it says so
    assert "name for the account" in dialog.name_message.message
    QTest.keyClicks(dialog.name_edit, "jan")
    assert dialog.add_button.isEnabled()
    assert not dialog.name_message.isVisible()


def test_link_fills_service_and_account_name(dialog: AddAccountDialog) -> None:
    paste(dialog, f"\r\n   {LINK}\n\n")
    assert dialog.key_edit.text() == LINK
    assert dialog.key_message.tone is Tone.OK
    assert dialog.issuer_edit.text() == "Zilliz"
    assert dialog.name_edit.text() == "jan@zorg.nl"
    assert dialog.add_button.isEnabled()
    dialog.name_edit.setText("jan (werk)")  # still editable, and not overwritten
    assert dialog.name_edit.text() == "jan (werk)"
    assert dialog.add_button.isEnabled()


def test_a_link_with_a_name_longer_than_the_vault_keeps_cannot_be_added(
    dialog: AddAccountDialog,
) -> None:
    paste(dialog, f"otpauth://totp/Zilliz:{'x' * 300}?secret={RFC_KEY}")
    assert dialog.key_message.tone is Tone.OK
    assert not dialog.add_button.isEnabled()
    assert "300 characters long; Tweestap keeps at most 256" in dialog.name_message.message
    dialog.name_edit.setText("jan")
    assert dialog.add_button.isEnabled()


def test_a_link_with_control_characters_fills_the_fields_without_them(
    dialog: AddAccountDialog,
) -> None:
    paste(dialog, f"otpauth://totp/%1B%5B31mZilliz:jan%0Afake%00?secret={RFC_KEY}")
    assert dialog.issuer_edit.text() == "[31mZilliz"
    assert dialog.name_edit.text() == "jan fake"
    assert dialog.add_button.isEnabled()


def test_link_sets_the_advanced_settings(dialog: AddAccountDialog) -> None:
    paste(dialog, f"otpauth://hotp/Bank:piet?secret={RFC_KEY}&algorithm=SHA256&digits=8&counter=7")
    settings = dialog.settings_form.settings()
    assert (settings.type, settings.algorithm, settings.digits, settings.counter) == (
        OtpType.HOTP,
        Algorithm.SHA256,
        8,
        7,
    )
    assert "SHA256" in dialog.settings_summary.text()
    assert "counter 7" in dialog.settings_summary.text()
    paste(dialog, RFC_KEY)  # a bare key replaces the link: back to what every site uses
    assert dialog.settings_form.settings().type is OtpType.TOTP
    assert dialog.settings_form.settings().algorithm is Algorithm.SHA1
    assert dialog.name_edit.text() == "piet"


def test_bad_key_is_explained_and_cannot_be_added(qtbot: QtBot, dialog: AddAccountDialog) -> None:
    dialog.name_edit.setText("jan")
    QTest.keyClicks(dialog.key_edit, "JBSWY3DPEHPK3PX0")
    assert dialog.key_message.isVisible()
    assert dialog.key_message.tone is Tone.ERROR
    assert dialog.key_message.message == (
        "The setup key contains the digit 0, which setup keys never use. Did you mean the letter O?"
    )
    assert dialog.key_edit.accessibleDescription() == dialog.key_message.message
    assert not dialog.add_button.isEnabled()
    QTest.keyClick(dialog.key_edit, Qt.Key.Key_Return)  # Enter does nothing while invalid
    assert page(dialog) is Page.FORM
    assert dialog.isVisible()
    assert dialog.added_account is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("https://zilliz.nl/inloghulp/", "This is a web address, not an account link."),
        ("otpauth://totp/Zilliz:jan?issuer=Zilliz", "'secret' parameter is missing"),
    ],
)
def test_other_text_is_explained(dialog: AddAccountDialog, text: str, words: str) -> None:
    paste(dialog, text)
    assert dialog.key_message.tone is Tone.ERROR
    assert words in dialog.key_message.message
    assert not dialog.add_button.isEnabled()


def test_enter_adds_and_the_done_page_shows_the_current_code(
    qtbot: QtBot,
    dialog: AddAccountDialog,
    vault: Vault,
    clock: FixedClock,
    timers: FakeTimers,
) -> None:
    paste(dialog, LINK)
    with qtbot.waitSignal(dialog.account_added) as added:
        QTest.keyClick(dialog.key_edit, Qt.Key.Key_Return)
    assert page(dialog) is Page.DONE
    stored = dialog.added_account
    assert stored is not None
    assert added.args == [stored]
    assert [account.id for account in vault.accounts] == [stored.id]
    assert (stored.issuer, stored.name, stored.secret) == ("Zilliz", "jan@zorg.nl", RFC_SECRET)
    assert dialog.code_label.text() == "050 471"
    assert dialog.code_label.accessibleDescription() == "0 5 0 4 7 1"
    assert dialog.countdown_label.text() == "New code in 29 s"
    assert dialog.hint_label.text() == "Type this code on the login page now to finish pairing."
    assert dialog.done_label.text() == "Zilliz: jan@zorg.nl"
    assert dialog.focusWidget() is dialog.close_button
    assert pairing_of(vault, stored.id) == Pairing(at=clock.now(), replaced=False)

    # The countdown wakes up on the next whole second and the code follows the clock.
    (countdown,) = timers.active()
    assert countdown.interval() == 1000
    clock.advance(29.25)
    countdown.fire()
    assert dialog.code_label.text().replace(" ", "") == code_at(stored, clock.now())
    assert dialog.code_label.text() != "050 471"
    assert dialog.countdown_label.text() == "New code in 30 s"
    assert timers.active() == [countdown]
    assert countdown.interval() == 750

    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.close_button, Qt.Key.Key_Escape)  # done: Esc just closes
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.added_account is stored
    assert timers.active() == []
    assert dialog.key_edit.text() == ""  # no copy of the key left behind in the widget


def test_counter_based_account_from_the_advanced_settings(
    qtbot: QtBot, dialog: AddAccountDialog, vault: Vault
) -> None:
    paste(dialog, RFC_KEY)
    dialog.name_edit.setText("token")
    QTest.mouseClick(dialog.advanced_button, Qt.MouseButton.LeftButton)
    assert dialog.settings_form.isVisible()
    form = dialog.settings_form
    form.type_box.setCurrentIndex(form.type_box.findData(OtpType.HOTP.value))
    assert form.counter_box.isVisible()
    assert not form.period_box.isVisible()
    form.counter_box.setValue(5)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    stored = dialog.added_account
    assert stored is not None
    assert (stored.type, stored.counter) == (OtpType.HOTP, 5)
    assert dialog.code_label.text() == "254 676"  # RFC 4226 appendix D, count 5
    assert not dialog.countdown_label.isVisible()
    assert vault.accounts == (stored,)


def test_escape_cancels_and_nothing_is_added(
    qtbot: QtBot, dialog: AddAccountDialog, vault: Vault
) -> None:
    paste(dialog, LINK)
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.key_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.added_account is None
    assert vault.accounts == ()


def old_entry(vault: Vault) -> tuple[Account, Account, Account]:
    before = vault.add(Account(issuer="Bank", name="piet", secret=parse_setup_key(OTHER_KEY)))
    old = vault.add(Account(issuer="Zilliz", name="JAN@zorg.nl", secret=b"old secret 12345"))
    after = vault.add(Account(issuer="", name="mail", secret=parse_setup_key(OTHER_KEY)))
    return before, old, after


def test_same_account_again_replaces_the_old_entry_in_place(
    qtbot: QtBot, dialog: AddAccountDialog, vault: Vault, clock: FixedClock
) -> None:
    before, old, after = old_entry(vault)
    paste(dialog, LINK)
    QTest.keyClick(dialog.key_edit, Qt.Key.Key_Return)
    assert page(dialog) is Page.REPLACE
    assert dialog.replace_question.text() == (
        "You already have an account for Zilliz (JAN@zorg.nl). Replace the old entry?"
    )
    assert "new QR code" in dialog.replace_explanation.text()
    assert "no longer" in dialog.replace_explanation.text()
    assert dialog.focusWidget() is dialog.back_button
    assert dialog.back_button.isDefault()  # Enter is the safe answer
    assert not dialog.replace_button.isDefault()
    assert dialog.added_account is None
    assert vault.accounts == (before, old, after)

    QTest.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert page(dialog) is Page.DONE
    new = dialog.added_account
    assert new is not None
    ids = [account.id for account in vault.accounts]
    assert ids == [before.id, new.id, after.id]
    assert old.id not in ids
    assert vault.accounts[1].secret == RFC_SECRET
    assert dialog.code_label.text() == "050 471"
    # The help for a code that does not work can say the pairing was renewed, and when.
    assert pairing_of(vault, new.id) == Pairing(at=clock.now(), replaced=True)
    assert pairing_of(vault, before.id) is None  # added before, not through this window


@pytest.mark.parametrize("how", ["button", "escape"])
def test_going_back_keeps_the_old_entry(
    qtbot: QtBot, dialog: AddAccountDialog, vault: Vault, how: str
) -> None:
    entries = old_entry(vault)
    paste(dialog, LINK)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert page(dialog) is Page.REPLACE
    if how == "button":
        QTest.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    else:
        QTest.keyClick(dialog.back_button, Qt.Key.Key_Escape)
    assert page(dialog) is Page.FORM
    assert dialog.isVisible()
    assert vault.accounts == entries
    assert dialog.added_account is None
    assert dialog.key_edit.text() == LINK  # nothing typed is lost
    assert dialog.focusWidget() is dialog.key_edit
    dialog.name_edit.setText("jan (tweede)")  # a different account after all
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert page(dialog) is Page.DONE
    assert len(vault.accounts) == 4


def test_replace_question_without_a_service(
    qtbot: QtBot, dialog: AddAccountDialog, vault: Vault
) -> None:
    vault.add(Account(issuer="", name="mail", secret=b"old secret 12345"))
    paste(dialog, OTHER_KEY)
    dialog.name_edit.setText("Mail")
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.replace_question.text() == (
        "You already have an account named mail. Replace the old entry?"
    )


def test_a_failed_save_is_explained_on_the_form(
    dialog: AddAccountDialog, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(account: Account, *, replace_existing: bool = False) -> Account:
        raise SaveFailed(Path("/data/vault.tweestap"), "disk full")

    monkeypatch.setattr(vault, "add", fail)
    paste(dialog, LINK)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert page(dialog) is Page.FORM
    assert dialog.form_error.tone is Tone.ERROR
    assert dialog.form_error.message == (
        "Your change could not be saved in /data/vault.tweestap (disk full); nothing was changed."
    )
    assert dialog.added_account is None
    dialog.name_edit.setText("jan")  # editing clears the old news
    assert not dialog.form_error.isVisible()


def test_copy_button_hands_over_the_code(qtbot: QtBot, vault: Vault, clock: FixedClock) -> None:
    copied: list[str] = []
    dialog = AddAccountDialog(vault, clock, copy_code=copied.append)
    qtbot.addWidget(dialog)
    dialog.show()
    paste(dialog, LINK)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.copy_button.isVisible()
    QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert copied == ["050471"]


def test_no_copy_button_without_a_clipboard(qtbot: QtBot, dialog: AddAccountDialog) -> None:
    paste(dialog, LINK)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.copy_button.isVisible()


def test_room_for_more_sources_of_a_key(dialog: AddAccountDialog) -> None:
    scan = QPushButton("Scan QR code from screen")
    scan.clicked.connect(lambda: dialog.set_key_text(LINK))
    dialog.extra_sources_layout.addWidget(scan)
    scan.click()
    assert dialog.issuer_edit.text() == "Zilliz"
    assert dialog.add_button.isEnabled()


def test_every_control_has_an_accessible_name(qtbot: QtBot, dialog: AddAccountDialog) -> None:
    QTest.mouseClick(dialog.advanced_button, Qt.MouseButton.LeftButton)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    controls = [
        widget
        for kind in kinds
        for widget in dialog.findChildren(kind)
        if not isinstance(widget.parent(), kinds)  # the parts inside a spin or line edit
    ]
    assert len(controls) > 10
    assert not [type(widget).__name__ for widget in controls if not widget.accessibleName()]


def test_error_sentence_in_dutch(qtbot: QtBot, dialog: AddAccountDialog, dutch: None) -> None:
    """Needs the Dutch of the setup-key sentences in resources/translations/tweestap_nl.ts."""
    QTest.keyClicks(dialog.key_edit, "JBSWY3DPEHPK3PX0")
    english = (
        "The setup key contains the digit 0, which setup keys never use. Did you mean the letter O?"
    )
    dutch_text = dialog.key_message.message
    assert dutch_text != english
    assert "instelsleutel" in dutch_text.lower()
    assert "O" in dutch_text


def test_done_hint_in_dutch(qtbot: QtBot, vault: Vault, clock: FixedClock, dutch: None) -> None:
    """Needs the AddAccountDialog strings in resources/translations/tweestap_nl.ts."""
    dialog = AddAccountDialog(vault, clock)  # made after install: its texts are Dutch
    qtbot.addWidget(dialog)
    dialog.show()
    paste(dialog, LINK)
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.hint_label.text() == (
        "Vul deze code nu in op de inlogpagina om de koppeling te voltooien."
    )

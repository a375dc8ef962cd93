"""The add-account window's pages: the form, the "replace the old entry?" question, the
done page with the first code, and the summary of an import of a Google Authenticator
export (the camera page is :mod:`.camera_page`). Their words are the window's
(translation context ``AddAccountDialog``)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.add.delete_picture import DeleteFileOffer
from desktop.ui.add.google_import_offer import ExportOffer
from desktop.ui.add.scan_sources import ScanSources
from desktop.ui.common.account_fields import (
    CodeSettingsForm,
    KeyField,
    MessageLabel,
    NameFields,
    fixed_font,
    set_muted,
)

translate = QCoreApplication.translate


ACCEPT = QDialogButtonBox.ButtonRole.AcceptRole
REJECT = QDialogButtonBox.ButtonRole.RejectRole
ACTION = QDialogButtonBox.ButtonRole.ActionRole


def tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops at, in the order they were made."""
    return [
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.window() is container.window()  # not a list's popup
    ]


def button_row(
    parent: QWidget, *buttons: tuple[QPushButton, QDialogButtonBox.ButtonRole]
) -> QWidget:
    """A button row in the platform's order (the clicks are connected by the dialog)."""
    box = QDialogButtonBox(parent)
    for button, role in buttons:
        box.addButton(button, role)
    return box


class ReplacePage(QWidget):
    """The question when the vault holds an account of the same name: replace the old
    entry (its pairing was not completed) or go back and name this one differently."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.replace_question = QLabel(self)
        self.replace_question.setWordWrap(True)
        self.replace_question.setTextFormat(Qt.TextFormat.PlainText)
        question_font = QFont(self.replace_question.font())
        question_font.setBold(True)
        question_font.setPointSizeF(question_font.pointSizeF() * 1.15)
        self.replace_question.setFont(question_font)
        self.replace_explanation = QLabel(
            translate(
                "AddAccountDialog",
                "Did the login page show you a new QR code or setup key? Then the earlier "
                "pairing was not completed, and the codes of the old entry are no longer "
                "accepted. Replace the old entry with this one, then type the new code on the "
                "login page to finish pairing.",
            ),
            self,
        )
        self.replace_explanation.setWordWrap(True)
        other = QLabel(
            translate(
                "AddAccountDialog", "Is this a different account? Go back and give it another name."
            ),
            self,
        )
        other.setWordWrap(True)

        self.back_button = QPushButton(translate("AddAccountDialog", "&Go back"), self)
        self.back_button.setAccessibleName(translate("AddAccountDialog", "Go back"))
        self.replace_button = QPushButton(translate("AddAccountDialog", "&Replace old entry"), self)
        self.replace_button.setAccessibleName(translate("AddAccountDialog", "Replace old entry"))

        text = QVBoxLayout()
        text.addWidget(self.replace_question)
        text.addSpacing(6)
        text.addWidget(self.replace_explanation)
        text.addSpacing(6)
        text.addWidget(other)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(
            button_row(self, (self.replace_button, ACCEPT), (self.back_button, REJECT))
        )


class DonePage(QWidget):
    """The account is stored: its current code, to type on the login page now (pairing is
    complete only then), a copy button, and the offer to delete the picture it came from."""

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(translate("AddAccountDialog", "Account added"), self)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title.setFont(title_font)
        self.done_label = QLabel(self)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setWordWrap(True)

        self.code_label = QLabel(self)
        self.code_label.setFont(fixed_font(30, bold=True))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(translate("AddAccountDialog", "Current code"))
        self.countdown_label = QLabel(self)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_muted(self.countdown_label)
        code_box = QFrame(self)
        code_box.setFrameShape(QFrame.Shape.StyledPanel)
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(12, 12, 12, 12)
        code_layout.addWidget(self.code_label)
        code_layout.addWidget(self.countdown_label)

        self.hint_label = QLabel(
            translate(
                "AddAccountDialog", "Type this code on the login page now to finish pairing."
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        hint_font = QFont(self.hint_label.font())
        hint_font.setBold(True)
        self.hint_label.setFont(hint_font)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.copy_button = QPushButton(translate("AddAccountDialog", "C&opy code"), self)
        self.copy_button.setAccessibleName(translate("AddAccountDialog", "Copy code"))
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self)
        copy_shortcut.activated.connect(self.copy_requested)
        self.close_button = QPushButton(translate("AddAccountDialog", "&Close"), self)
        self.close_button.setAccessibleName(translate("AddAccountDialog", "Close"))
        self.delete_offer = DeleteFileOffer(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.done_label)
        layout.addSpacing(8)
        layout.addWidget(code_box)
        layout.addSpacing(8)
        layout.addWidget(self.hint_label)
        layout.addSpacing(8)
        layout.addWidget(self.delete_offer)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(button_row(self, (self.copy_button, ACTION), (self.close_button, ACCEPT)))


class ImportedPage(QWidget):
    """What an import of a Google Authenticator export did, and the offer to delete the
    picture it came from."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.imported_title = QLabel(self)
        title_font = QFont(self.imported_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.imported_title.setFont(title_font)
        self.imported_summary = QLabel(self)
        self.imported_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.imported_summary.setWordWrap(True)
        self.imported_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_delete_offer = DeleteFileOffer(self)
        self.imported_close_button = QPushButton(translate("AddAccountDialog", "&Close"), self)
        self.imported_close_button.setAccessibleName(translate("AddAccountDialog", "Close"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.imported_title)
        layout.addSpacing(4)
        layout.addWidget(self.imported_summary)
        layout.addSpacing(8)
        layout.addWidget(self.import_delete_offer)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(button_row(self, (self.imported_close_button, ACCEPT)))


class FormPage(QWidget):
    """The form: the setup key or account link (typed, pasted, or read from a QR code by
    the sources under it), the offer to import a Google Authenticator export, service and
    account name, the advanced code settings, and the buttons."""

    def __init__(
        self, set_key_text: Callable[[str], None], drop_target: QWidget, parent: QWidget
    ) -> None:
        super().__init__(parent)
        intro, key_label = self._build_key(set_key_text, drop_target)
        self.names = NameFields(self)
        self.issuer_edit = self.names.issuer_edit
        self.name_edit = self.names.name_edit
        self.name_message = self.names.name_message
        advanced_row, advanced_box = self._build_advanced()
        self.form_error = MessageLabel(None, self)
        self.cancel_button = QPushButton(translate("AddAccountDialog", "Cancel"), self)
        self.cancel_button.setAccessibleName(translate("AddAccountDialog", "Cancel"))
        self.add_button = QPushButton(translate("AddAccountDialog", "&Add"), self)
        self.add_button.setAccessibleName(translate("AddAccountDialog", "Add account"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(key_label)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.key_message)
        layout.addLayout(self.extra_sources_layout)
        layout.addWidget(self.export_offer)
        layout.addSpacing(8)
        layout.addWidget(self.names)
        layout.addLayout(advanced_row)
        layout.addLayout(advanced_box)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(button_row(self, (self.add_button, ACCEPT), (self.cancel_button, REJECT)))
        self._set_tab_order()

    def _build_key(
        self, set_key_text: Callable[[str], None], drop_target: QWidget
    ) -> tuple[QLabel, QLabel]:
        """The key field with its label and message, the ways to read a QR code under it,
        and the offer that appears when a Google Authenticator export was read."""
        intro = QLabel(
            translate(
                "AddAccountDialog",
                "Copy the setup key shown under the QR code on the login page (it has a Copy "
                "button) and paste it here. An account link (otpauth://\u2026) works too.",
            ),
            self,
        )
        intro.setWordWrap(True)

        self.key_edit = KeyField(self)
        self.key_edit.setPlaceholderText(
            translate("AddAccountDialog", "for example JBSW Y3DP EHPK 3PXP")
        )
        self.key_edit.setAccessibleName(translate("AddAccountDialog", "Setup key or account link"))
        key_label = QLabel(translate("AddAccountDialog", "&Setup key or account link:"), self)
        key_label.setBuddy(self.key_edit)
        bold = QFont(key_label.font())
        bold.setBold(True)
        key_label.setFont(bold)
        self.key_message = MessageLabel(self.key_edit, self)

        self.extra_sources_layout = QHBoxLayout()
        self.extra_sources_layout.setContentsMargins(0, 0, 0, 0)
        self.scan_sources = ScanSources(set_key_text, self, drop_target=drop_target)
        self.extra_sources_layout.addWidget(self.scan_sources)
        self.export_offer = ExportOffer(self)
        return intro, key_label

    def _build_advanced(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The "advanced settings" toggle with the settings' summary, and the settings."""
        self.advanced_button = QToolButton(self)
        self.advanced_button.setText(translate("AddAccountDialog", "A&dvanced settings"))
        self.advanced_button.setAccessibleName(translate("AddAccountDialog", "Advanced settings"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setStyleSheet("QToolButton { border: none; padding: 2px 0; }")
        self.settings_summary = QLabel(self)
        set_muted(self.settings_summary)
        self.settings_form = CodeSettingsForm(self)
        self.settings_form.setVisible(False)
        self.settings_summary.setText(self.settings_form.summary())
        advanced_row = QHBoxLayout()
        advanced_row.addWidget(self.advanced_button)
        advanced_row.addSpacing(6)
        advanced_row.addWidget(self.settings_summary, 1)
        advanced_row.addStretch(1)  # keeps the button on the left when the summary hides
        advanced_box = QHBoxLayout()
        advanced_box.setContentsMargins(20, 0, 0, 0)
        advanced_box.addWidget(self.settings_form)
        advanced_box.addStretch(1)
        return advanced_row, advanced_box

    def _set_tab_order(self) -> None:
        """Tab goes the way the form is filled in: key, service, account name, settings,
        the buttons; the ways to read a QR code come after (Shift+Tab from the key)."""
        sources = self.scan_sources
        order = [
            self.key_edit,
            self.issuer_edit,
            self.name_edit,
            self.advanced_button,
            *tab_stops(self.settings_form),
            self.add_button,
            self.cancel_button,
            sources.camera_button,
            sources.screen_button,
            sources.region_button,
            sources.open_button,
            sources.paste_button,
            sources.portal_button,
            *tab_stops(self.export_offer),
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

"""QR codes for a phone to scan: a Google Authenticator export, or one account's link.

One code at a time and large (a phone camera reads a dense code off a screen only when its
modules are several pixels wide), with "Code 1 of 3" and Previous / Next. Each window says
plainly that anyone who sees the code can copy the account.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont, QImage, QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.exporters import LeftOut
from desktop.i18n import error_text
from desktop.otp.model import Account
from desktop.ui.common.account_fields import set_notice

QR_SIZE = 440
"""Pixels for the code's side (quiet zone included) at least, rounded up to whole modules."""
MIN_QR_SIZE = 240
TEXT_ROOM = 380
"""Pixels of screen height the words and buttons around the code take."""
QUIET_ZONE = 4


def qr_image(text: str, size: int = QR_SIZE) -> QImage:
    """``text`` as a black-on-white QR code, each module a whole number of pixels.

    Error correction level L (raised by segno when that costs no extra modules): a screen
    is not a crumpled printout, and fewer, larger modules are what a phone camera needs.
    """
    import segno

    matrix = segno.make(text, error="l", micro=False).matrix
    width = len(matrix) + 2 * QUIET_ZONE
    stride = (width + 3) // 4 * 4  # QImage rows start on 32-bit boundaries
    pixels = bytearray(b"\xff" * stride * width)
    for y, row in enumerate(matrix):
        start = (y + QUIET_ZONE) * stride + QUIET_ZONE
        for x, dark in enumerate(row):
            if dark:
                pixels[start + x] = 0
    image = QImage(bytes(pixels), width, width, stride, QImage.Format.Format_Grayscale8).copy()
    scale = max(1, math.ceil(size / width))
    return image.scaled(
        width * scale,
        width * scale,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


class QrCodesDialog(QDialog):
    """Shows ``codes`` one by one; subclasses set the words around them."""

    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not codes:
            raise ValueError("no codes to show")
        self.codes = list(codes)
        self.current = 0
        room = self.screen().availableGeometry().height() - TEXT_ROOM
        self.qr_size = max(MIN_QR_SIZE, min(QR_SIZE, room))
        """Smaller on a small screen (a 1366 x 768 laptop): the window must fit on it."""

        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        set_notice(self.warning)

        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(QR_SIZE, QR_SIZE)
        self.image_label.setStyleSheet("background: white;")
        self.position_label = QLabel(self)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        position_font = QFont(self.position_label.font())
        position_font.setBold(True)
        self.position_label.setFont(position_font)
        self.previous_button = QPushButton(self.tr("\u2190 &Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous code"))
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button = QPushButton(self.tr("&Next \u2192"), self)
        self.next_button.setAccessibleName(self.tr("Next code"))
        self.next_button.clicked.connect(self.show_next)
        stepper = QHBoxLayout()
        stepper.addWidget(self.previous_button)
        stepper.addWidget(self.position_label, 1)
        stepper.addWidget(self.next_button)

        self.left_out_label = QLabel(self)
        self.left_out_label.setWordWrap(True)
        self.left_out_label.setTextFormat(Qt.TextFormat.RichText)
        self.left_out_label.setVisible(False)

        buttons = QDialogButtonBox(self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.warning)
        layout.addSpacing(6)
        layout.addWidget(self.image_label, 1)
        layout.addLayout(stepper)
        layout.addWidget(self.left_out_label)
        layout.addWidget(buttons)
        self.show_code(0)

    def show_code(self, index: int) -> None:
        self.current = max(0, min(index, len(self.codes) - 1))
        pixmap = QPixmap.fromImage(qr_image(self.codes[self.current], self.qr_size))
        self.image_label.setPixmap(pixmap)
        # Never clipped: a code without its corners (or quiet zone) cannot be scanned.
        self.image_label.setMinimumSize(pixmap.size().grownBy(QMargins(12, 12, 12, 12)))
        many = len(self.codes) > 1
        self.position_label.setText(
            self.tr("Code {number} of {count}").format(
                number=self.current + 1, count=len(self.codes)
            )
        )
        self.image_label.setAccessibleName(self.position_label.text() if many else "QR")
        for widget in (self.position_label, self.previous_button, self.next_button):
            widget.setVisible(many)
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(self.codes) - 1)
        if self.next_button.isEnabled():
            self.next_button.setDefault(True)
            self.next_button.setFocus()
        else:
            self.close_button.setDefault(True)
            self.close_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit_code()

    def _fit_code(self) -> None:
        """Make room for the whole code: Qt's minimum for a window with wrapped text is an
        estimate, and a squeezed layout would put the buttons over the code's corners."""
        layout = self.layout()
        if layout is None:
            return
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Left/Right (and Page Up/Down) step through the codes."""
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_previous()
        elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.show_next()
        else:
            super().keyPressEvent(event)

    def show_next(self) -> None:
        self.show_code(self.current + 1)

    def show_previous(self) -> None:
        self.show_code(self.current - 1)


class GoogleExportDialog(QrCodesDialog):
    """The codes Google Authenticator's "Import accounts" scans, with what was left out."""

    def __init__(
        self,
        codes: Sequence[str],
        left_out: Sequence[LeftOut] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(codes, parent)
        self.setWindowTitle(self.tr("QR codes for Google Authenticator"))  # the choice made
        self.heading.setText(self.tr("Scan these codes with Google Authenticator"))
        steps = self.tr(
            "In Google Authenticator on your phone, open the menu, choose Transfer accounts, "
            "then Import accounts, and scan the code."
        )
        if len(codes) > 1:
            steps += " " + self.tr(
                "There are {count} codes: after each one, press Next here and scan the next."
            ).format(count=len(codes))
        self.explanation.setText(steps)
        self.warning.setText(
            self.tr(
                "Anyone who sees these codes can copy your accounts. Show them only to your "
                "own phone, and close this window when you are done."
            )
        )
        if left_out:
            items = "".join(
                f"<li>{html.escape(f'{item.account.label}: {error_text(item.reason)}')}</li>"
                for item in left_out
            )
            self.left_out_label.setText(
                "<b>{}</b><ul style='margin-left:-20px'>{}</ul>".format(
                    html.escape(
                        self.tr("Not in these codes (Google Authenticator cannot hold them):")
                    ),
                    items,
                )
            )
            self.left_out_label.setVisible(True)


class AccountQrDialog(QrCodesDialog):
    """One account's ``otpauth://`` link as a QR code: add the same account to a phone."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        from desktop.otp.uri import format_uri

        super().__init__([format_uri(account)], parent)
        self.account = account
        self.setWindowTitle(self.tr("Show QR code \u2013 {label}").format(label=account.label))
        self.heading.setText(account.label)
        self.explanation.setText(
            self.tr(
                "Scan this code with the authenticator app on your phone to add the same "
                "account there. Both will then show the same codes."
            )
        )
        self.warning.setText(
            self.tr(
                "Anyone who sees this code can copy the account and make its codes. Show it "
                "only to your own phone, and close this window when you are done."
            )
        )

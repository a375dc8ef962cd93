"""Help > "What to do if a code does not work?": the login help page's checklist, with the
checks Tweestap can make itself done live for the chosen account.

The checklist is the customer's own ("Wat moet ik doen als de code niet werkt?"):

1. the most recent code: Tweestap shows the code of this moment and how long it lasts, and
   says to wait for the next one when it is about to change;
2. the code of the right account: which account the code belongs to, and the other
   entries of the same site, if any;
3. the time on the computer: the clock check (time server and 2FA server) run again now;
4. a completed pairing: when this account was added, and whether it replaced an older
   entry; what a new QR code on the login page means;
5. still not working: ask an administrator with module P&O to reset two-step
   verification, and the login help page.

The window is not modal, so the codes stay at hand; locking Tweestap closes it.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import OFFSET_LIMIT, Clock
from desktop.login_help import LOGIN_HELP_URL
from desktop.otp.codes import code_at, group, next_code_at, seconds_remaining
from desktop.otp.model import Account, OtpType
from desktop.pairing_history import pairing_of
from desktop.ui.common.accessible import name_combo
from desktop.ui.common.account_fields import fit_height
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.shell.clock_check import ClockCheck
from desktop.vault import Vault

ALMOST_EXPIRED_SECONDS = 5
"""A code with this many seconds left or fewer: better wait for the next one."""


class Verdict(enum.Enum):
    OK = "ok"
    WARN = "warn"
    BUSY = "busy"
    INFO = "info"


_GLYPHS = {Verdict.OK: "\u2713", Verdict.WARN: "!", Verdict.BUSY: "\u2026", Verdict.INFO: "i"}
_COLOURS = {
    Verdict.OK: ("#1b6e33", "#e3f3e7"),
    Verdict.WARN: ("#8a4b00", "#fdf1d8"),
    Verdict.BUSY: ("#41556e", "#e6eff9"),
    Verdict.INFO: ("#163a63", "#e6eff9"),
}


@dataclass
class CheckRow:
    """One item of the checklist: its mark, title and what was found."""

    mark: QLabel
    title: QLabel
    detail: QLabel
    column: QVBoxLayout
    verdict: Verdict = Verdict.INFO


class CodeHelpDialog(QDialog):
    """The checklist for ``vault``'s accounts at ``clock``'s time (the window's corrected
    clock); ``clock_check`` is the window's clock check, ``None`` where there is none."""

    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        clock_check: ClockCheck | None,
        *,
        account_id: str | None = None,
        clock_help: Callable[[], None] | None = None,
        timer_factory: TimerFactory = make_timer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.clock = clock
        self.clock_check = clock_check
        self.setObjectName("CodeHelp")
        self.setWindowTitle(self.tr("What to do if a code does not work"))
        self.setMinimumWidth(560)
        chooser = self._build_intro(account_id)
        clock_buttons = self._build_clock_buttons(clock_help)
        checks = self._build_checks(clock_buttons)
        buttons = self._build_buttons()
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(chooser)
        layout.addWidget(rule)
        layout.addLayout(checks)
        layout.addWidget(buttons)
        self.timer = timer_factory(self)
        self.timer.timeout.connect(self.refresh)
        self.check_again()

    # -- building ------------------------------------------------------------------------

    def _build_intro(self, account_id: str | None) -> QFormLayout:
        """The heading, what the checklist is, and the account it checks."""
        self.heading = QLabel(self.tr("What to do if a code does not work?"), self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.intro = QLabel(
            self.tr(
                "Go through these steps. Tweestap checks what it can check itself, for the "
                "account you choose here; see also the help of the site you log in to."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.account_combo = QComboBox(self)
        name_combo(self.account_combo, self.tr("Account"))
        for account in self.vault.accounts:
            self.account_combo.addItem(account.label, account.id)
        chosen = self.account_combo.findData(account_id) if account_id is not None else -1
        self.account_combo.setCurrentIndex(max(chosen, 0))
        self.account_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.account_label = QLabel(self.tr("&Account:"), self)
        self.account_label.setBuddy(self.account_combo)
        chooser = QFormLayout()
        chooser.addRow(self.account_label, self.account_combo)
        return chooser

    def _build_clock_buttons(self, clock_help: Callable[[], None] | None) -> QHBoxLayout:
        """How to fix the clock, and correcting the codes for the offset measured."""
        self.clock_help_button = QPushButton(self.tr("How to fix the clock"), self)
        self.correct_button = QPushButton(self.tr("Correct codes for this offset"), self)
        self.check_again_button = QPushButton(self.tr("Check &again"), self)
        self.check_again_button.clicked.connect(self.check_again)
        clock_buttons = QHBoxLayout()
        clock_buttons.addWidget(self.clock_help_button)
        clock_buttons.addWidget(self.correct_button)
        clock_buttons.addStretch(1)
        self._has_clock_help = clock_help is not None
        if clock_help is not None:
            self.clock_help_button.clicked.connect(clock_help)
        if self.clock_check is not None:
            self.correct_button.clicked.connect(self.clock_check.apply_correction)
            self.clock_check.changed.connect(self.refresh)
        return clock_buttons

    def _build_checks(self, clock_buttons: QHBoxLayout) -> QVBoxLayout:
        """The login help page's checklist, one row per step, each checked live."""
        checks = QVBoxLayout()
        checks.setSpacing(10)
        self.code_row = self._row(checks, self.tr("Do you use the most recent code?"))
        self.account_row = self._row(checks, self.tr("Is it the code of the right account?"))
        self.clock_row = self._row(
            checks, self.tr("Is the time on this computer right?"), clock_buttons
        )
        self.pairing_row = self._row(checks, self.tr("Was the pairing completed?"))
        self.reset_row = self._row(checks, self.tr("Still not working?"))
        self.reset_row.detail.setText(
            self.tr(
                "Ask an administrator with the right to module P&O to reset your two-step "
                "verification (module P&O > P&O beheer > Medewerkers > tab Account > "
                "[reset tweestapsverificatie]). At your next login you see a new QR code: "
                "add it to Tweestap and let it replace the old entry."
            )
        )
        self._set_verdict(self.reset_row, Verdict.INFO)
        self.login_help = QLabel(self)
        self.login_help.setTextFormat(Qt.TextFormat.RichText)
        self.login_help.setOpenExternalLinks(True)
        self.login_help.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.login_help.setText(
            '<a href="{url}">{text}</a>'.format(
                url=LOGIN_HELP_URL,
                text=self.tr("Login help for two-step verification (zilliz.nl/inloghulp)"),
            )
        )
        self.login_help.setAccessibleName(self.tr("Login help (opens in your web browser)"))
        self.reset_row.column.addWidget(self.login_help)
        return checks

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.check_again_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        return buttons

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.refresh()  # starts the countdown's timer
        fit_height(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # narrower: the sentences wrap into more lines

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self.timer.stop()

    def _row(self, checks: QVBoxLayout, title: str, extra: QHBoxLayout | None = None) -> CheckRow:
        mark = QLabel(self)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setFixedSize(22, 22)
        heading = QLabel(title, self)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        heading.setWordWrap(True)
        detail = QLabel(self)
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout()
        column.setSpacing(3)
        column.addWidget(heading)
        column.addWidget(detail)
        if extra is not None:
            column.addLayout(extra)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        checks.addLayout(row)
        return CheckRow(mark, heading, detail, column)

    def _fit(self) -> None:
        """Grow to show every sentence whole (wrapped text changes its height as it changes)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- what is checked ---------------------------------------------------------------------

    @property
    def account(self) -> Account | None:
        account_id = self.account_combo.currentData()
        return next((a for a in self.vault.accounts if a.id == account_id), None)

    def check_again(self) -> None:
        """Measure the clock again and bring every item up to date."""
        if self.clock_check is not None and self.clock_check.sources().source != "off":
            self.clock_check.check_now()
        self.refresh()

    def refresh(self) -> None:
        if self.vault.is_locked:
            return
        account = self.account
        self._check_code(account)
        self._check_account(account)
        self._check_clock()
        self._check_pairing(account)
        self._fit()
        self._wake_up(account)

    def _wake_up(self, account: Account | None) -> None:
        """Tick once per second while a countdown is shown; sleep otherwise."""
        if account is None or account.type is OtpType.HOTP or not self.isVisible():
            self.timer.stop()
            return
        now = self.clock.now()
        self.timer.start(math.ceil((math.floor(now) + 1.0 - now) * 1000) + 2)

    def _check_code(self, account: Account | None) -> None:
        row = self.code_row
        if account is None:
            row.detail.setText(self.tr("There are no accounts in Tweestap yet."))
            self._set_verdict(row, Verdict.INFO)
            return
        if account.type is OtpType.HOTP:
            row.detail.setText(
                self.tr(
                    "This account counts instead of using the time: each press of Next code "
                    "makes a new code, and the site accepts each code once. Make a new code "
                    "and type that one."
                )
            )
            self._set_verdict(row, Verdict.INFO)
            return
        now = self.clock.now()
        code = group(code_at(account, now))
        left = math.ceil(seconds_remaining(account, now))
        if left <= ALMOST_EXPIRED_SECONDS:
            row.detail.setText(
                self.tr(
                    "The code {code} changes in {seconds} s: wait for the next one, {next}, "
                    "and type that."
                ).format(code=code, seconds=left, next=group(next_code_at(account, now)))
            )
            self._set_verdict(row, Verdict.WARN)
            return
        row.detail.setText(
            self.tr(
                "Tweestap shows {code} now, for {seconds} more seconds. A new code comes "
                "every {period} seconds: always type the code that is on screen."
            ).format(code=code, seconds=left, period=account.period)
        )
        self._set_verdict(row, Verdict.OK)

    def _check_account(self, account: Account | None) -> None:
        row = self.account_row
        if account is None:
            row.detail.setText("")
            self._set_verdict(row, Verdict.INFO)
            return
        same_site = [
            other
            for other in self.vault.accounts
            if other.id != account.id
            and other.issuer.casefold() == account.issuer.casefold()
            and account.issuer
        ]
        if account.issuer:
            text = self.tr(
                "This code belongs to {name} at {issuer}. Is that the account you log in with?"
            )
        else:
            text = self.tr("This code belongs to {name}. Is that the account you log in with?")
        text = text.format(name=account.name, issuer=account.issuer)
        if len(same_site) == 1:
            text += " " + self.tr(
                "You have another entry for {issuer} ({names}): choose the one you log in "
                "with above, and delete an entry you no longer use."
            ).format(issuer=account.issuer, names=same_site[0].name)
        elif same_site:
            names = ", ".join(other.name for other in same_site)
            text += " " + self.tr(
                "You have {count} more entries for {issuer} ({names}): choose the one you "
                "log in with above, and delete entries you no longer use."
            ).format(count=len(same_site), issuer=account.issuer, names=names)
        row.detail.setText(text)
        self._set_verdict(row, Verdict.WARN if same_site else Verdict.OK)

    def _check_clock(self) -> None:
        row = self.clock_row
        check = self.clock_check
        self.clock_help_button.setVisible(False)
        self.correct_button.setVisible(False)
        if check is None:
            row.detail.setText(
                self.tr(
                    "Tweestap cannot compare the clock here. Set the date and time of your "
                    "computer and your phone to automatic."
                )
            )
            self._set_verdict(row, Verdict.INFO)
            return
        if check.sources().source == "off":
            row.detail.setText(
                self.tr(
                    "The clock check is off (File > Settings). Set the date and time of "
                    "your computer to automatic."
                )
            )
            self._set_verdict(row, Verdict.INFO)
            return
        if check.busy:
            row.detail.setText(
                self.tr("Comparing this computer's clock with {sources}\u2026").format(
                    sources=self._sources_text(check.sources().use_ntp, check.sources().use_server)
                )
            )
            self._set_verdict(row, Verdict.BUSY)
            return
        measurement = check.measurement
        if measurement is None:
            if not check.checked:
                row.detail.setText(self.tr("The clock has not been compared yet."))
                self._set_verdict(row, Verdict.BUSY)
                return
            row.detail.setText(
                self.tr(
                    "The clock could not be compared: neither the time server nor the 2FA "
                    "server answered. Set the date and time of your computer and your phone "
                    "to automatic."
                )
            )
            self._set_verdict(row, Verdict.WARN)
            return
        against = self._sources_text("ntp" in measurement.source, "server" in measurement.source)
        correction = check.correction
        if correction is not None:
            row.detail.setText(
                self.tr(
                    "This computer's clock is {amount}, and Tweestap corrects its codes for "
                    "that (compared with {sources})."
                ).format(amount=self._amount(correction.offset), sources=against)
            )
            self._set_verdict(row, Verdict.OK)
            return
        if check.warning is not None:
            row.detail.setText(
                self.tr(
                    "This computer's clock is {amount} (compared with {sources}): codes made "
                    "with it are not accepted. Set the clock right, or let Tweestap correct "
                    "its codes."
                ).format(amount=self._amount(measurement.offset), sources=against)
            )
            self.clock_help_button.setVisible(self._has_clock_help)
            self.correct_button.setVisible(measurement.can_correct)
            self._set_verdict(row, Verdict.WARN)
            return
        row.detail.setText(
            self.tr(
                "This computer's clock is right: it differs less than {limit} seconds from "
                "{sources}. Check that your phone, if you use one too, sets its time "
                "automatically."
            ).format(limit=round(OFFSET_LIMIT), sources=against)
        )
        self._set_verdict(row, Verdict.OK)

    def _check_pairing(self, account: Account | None) -> None:
        row = self.pairing_row
        advice = self.tr(
            "Does the login page show a QR code again? Then the pairing was not completed: "
            "add that new QR code to Tweestap (it asks whether to replace the old entry), "
            "and type the code on the login page right away."
        )
        pairing = pairing_of(self.vault, account.id) if account is not None else None
        if pairing is None:
            found = self.tr("Tweestap does not know when this account was added.")
        elif pairing.replaced:
            found = self.tr(
                "This account replaced an older entry for the same login {when}: codes of "
                "the old pairing, also on another device, no longer work."
            ).format(when=self._when(pairing.at))
        else:
            found = self.tr("This account was added {when}.").format(when=self._when(pairing.at))
        row.detail.setText(found + " " + advice)
        self._set_verdict(row, Verdict.INFO)

    # -- words -------------------------------------------------------------------------------

    def _sources_text(self, ntp: bool, server: bool) -> str:
        if ntp and server:
            return self.tr("the time server and the 2FA server")
        if server:
            return self.tr("the 2FA server")
        return self.tr("the time server")

    def _amount(self, offset: float) -> str:
        seconds = abs(round(offset))
        if offset >= 0:
            return self.tr("{seconds} seconds behind").format(seconds=seconds)
        return self.tr("{seconds} seconds ahead").format(seconds=seconds)

    def _when(self, moment: float) -> str:
        when = QDateTime.fromMSecsSinceEpoch(round(moment * 1000))
        return self.tr("on {date} at {time}").format(
            date=when.toString("yyyy-MM-dd"), time=when.toString("HH:mm")
        )

    def _set_verdict(self, row: CheckRow, verdict: Verdict) -> None:
        row.verdict = verdict
        colour, background = _COLOURS[verdict]
        row.mark.setText(_GLYPHS[verdict])
        row.mark.setStyleSheet(
            f"color: {colour}; background: {background}; border-radius: 11px; font-weight: 700;"
        )
        words = {
            Verdict.OK: self.tr("In order"),
            Verdict.WARN: self.tr("Check this"),
            Verdict.BUSY: self.tr("Checking"),
            Verdict.INFO: self.tr("Note"),
        }
        row.mark.setAccessibleName(words[verdict])
        row.title.setAccessibleDescription(f"{words[verdict]}: {row.detail.text()}")

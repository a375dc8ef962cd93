"""Overzicht: how many accounts are paired, half-paired or not enrolled (a table and a chart,
for employees and extranet users), the warning when fewer than two administrators have
module P&O, and the CSV export of the employees whose pairing is not finished."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.export import unpaired_employees, write_unpaired_csv
from desktop.admin.model import ENROLLMENT_STATES, Overview, OverviewWarning
from desktop.net.admin_client import AdminClient
from desktop.ui.admin import labels
from desktop.ui.admin.chart import Bar, EnrollmentChart
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import MessageBar
from desktop.ui.common.accessible import name_scroll_bars

MIN_P_AND_O_ADMINS = 2


def ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the export (tests replace this)."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("OverviewPage", "Save the list as"),
        suggested,
        "CSV (*.csv)",
    )
    return Path(chosen) if chosen else None


class OverviewPage(QWidget):
    def __init__(self, session: AdminSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.overview: Overview | None = None

        title = QLabel(self.tr("Overview"), self)
        title.setObjectName("PageTitle")
        self.warning = MessageBar(self)
        self.admins_label = QLabel(self)
        self._build_counts()
        self.chart = EnrollmentChart(self)
        chart_title = QLabel(self.tr("Two-step verification per group"), self)
        chart_title.setObjectName("Hint")
        export_intro, buttons = self._build_export()
        self._arrange(export_intro, buttons, title, chart_title)
        self.export_button.clicked.connect(self.export)
        self.refresh_button.clicked.connect(self.load)
        session.busy_changed.connect(self._busy)

    # -- building ------------------------------------------------------------------------

    def _build_counts(self) -> None:
        """How many accounts of each group are in each state, as a table of numbers."""
        self.counts = QGridLayout()
        self.counts.setHorizontalSpacing(28)
        self.counts.setVerticalSpacing(6)
        self.count_labels: dict[tuple[str, str], QLabel] = {}
        # The three states add up to the total; blocked accounts are counted in them too, so
        # they come after the total as a part of it, never as a fourth row to add.
        rows = [
            ("active", labels.enrollment("active")),
            ("pending", labels.enrollment("pending")),
            ("not_enrolled", labels.enrollment("not_enrolled")),
            ("", ""),
            ("total", self.tr("Total")),
            ("blocked", self.tr("of whom blocked")),
        ]
        groups = [("employees", self.tr("Employees")), ("extranet", self.tr("Extranet users"))]
        for column, (_key, text) in enumerate(groups, start=1):
            header = QLabel(f"<b>{text}</b>", self)
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counts.addWidget(header, 0, column)
        for row, (key, text) in enumerate(rows, start=1):
            if not key:
                rule = QFrame(self)
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                self.counts.addWidget(rule, row, 0, 1, len(groups) + 1)
                continue
            name = QLabel(text, self)
            self.counts.addWidget(name, row, 0)
            for column, (group, _text) in enumerate(groups, start=1):
                number = QLabel("\u2013", self)
                number.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.count_labels[(group, key)] = number
                self.counts.addWidget(number, row, column)
                if key == "total":
                    number.setStyleSheet("font-weight: 600;")
            if key == "total":
                name.setStyleSheet("font-weight: 600;")
            elif key == "blocked":
                name.setContentsMargins(12, 0, 0, 0)
        self.counts.setColumnStretch(3, 1)

    def _build_export(self) -> tuple[QLabel, QHBoxLayout]:
        """The CSV export of the employees whose pairing is not finished, and Refresh."""
        export_intro = QLabel(
            self.tr(
                "Employees who have not finished pairing their authenticator app (never "
                "started, or saw the QR code but entered no code) can be exported to a "
                "spreadsheet, for example to remind them."
            ),
            self,
        )
        export_intro.setWordWrap(True)
        export_intro.setObjectName("Hint")
        self.export_button = QPushButton(
            self.tr("Export employees without finished pairing\u2026"), self
        )
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        return export_intro, buttons

    def _arrange(
        self, export_intro: QLabel, buttons: QHBoxLayout, title: QLabel, chart_title: QLabel
    ) -> None:
        """One column that scrolls where the window is low."""
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.warning)
        layout.addWidget(self.admins_label)
        layout.addLayout(self.counts)
        layout.addSpacing(8)
        layout.addWidget(chart_title)
        layout.addWidget(self.chart)
        layout.addSpacing(8)
        layout.addWidget(export_intro)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No tab stop of its own: a screen reader would announce a nameless "filler"; the
        # area still scrolls to whichever of its controls has the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        name_scroll_bars(scroll, self.tr("overview"))
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _busy(self, busy: bool, _text: str) -> None:
        self.export_button.setEnabled(not busy)
        self.refresh_button.setEnabled(not busy)

    def load(self) -> None:
        self.session.call(
            lambda client: client.overview(),
            self.show_overview,
            progress=self.tr("Loading the overview\u2026"),
        )

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        for group, counts in (("employees", overview.employees), ("extranet", overview.extranet)):
            for key in ("active", "pending", "not_enrolled", "blocked", "total"):
                self.count_labels[(group, key)].setText(str(getattr(counts, key)))
        self.admins_label.setText(
            self.tr("Administrators with module P&O: {count}").format(count=overview.p_and_o_admins)
        )
        self.chart.set_bars(
            [
                Bar(self.tr("Employees"), overview.employees),
                Bar(self.tr("Extranet users"), overview.extranet),
            ]
        )
        texts = [self._warning_text(warning) for warning in overview.warnings]
        if texts:
            self.warning.show_message("\n".join(texts), "warning")
        else:
            self.warning.hide()

    def _warning_text(self, warning: OverviewWarning) -> str:
        if warning.code == "too_few_p_and_o_admins" and self.overview is not None:
            return self.tr(
                "Only {count} administrator(s) with module P&O. Make sure there are at least "
                "{minimum}, so that someone can always reset two-step verification or unblock "
                "an account."
            ).format(count=self.overview.p_and_o_admins, minimum=MIN_P_AND_O_ADMINS)
        return warning.message  # a warning this version does not know: the server's words

    # -- the export -------------------------------------------------------------------------

    def export(self) -> None:
        path = ask_csv_path(self, self.tr("employees-without-pairing.csv"))
        if path is None:
            return
        header = [
            self.tr("username"),
            self.tr("e-mail address"),
            self.tr("two-step verification"),
            self.tr("blocked"),
            self.tr("last login"),
        ]
        delimiter = ";" if QLocale().decimalPoint() == "," else ","
        # Words are looked up here, on the UI thread; the worker only writes the file.
        state_names = {state: labels.enrollment(state) for state in ENROLLMENT_STATES}
        yes, no = labels.yes_no(True), labels.yes_no(False)

        def work(client: AdminClient) -> int:
            users = unpaired_employees(client.list_users("employee"))
            logins = client.last_logins()
            return write_unpaired_csv(
                path,
                users,
                header=header,
                state_label=state_names.__getitem__,
                yes_no=lambda value: yes if value else no,
                last_logins=logins,
                delimiter=delimiter,
            )

        def written(count: int) -> None:
            self.session.tell(
                self.tr("{count} employees written to {path}.").format(count=count, path=path)
            )

        self.session.call(work, written, progress=self.tr("Exporting\u2026"))

"""CSV export of the employees who have not finished pairing their authenticator.

Spreadsheets run cells that start with ``= + - @`` (or a tab / carriage return) as formulas;
such cells get a leading apostrophe, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from desktop.admin.errors import ExportFailed
from desktop.admin.model import EnrollmentState, User

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def unpaired_employees(users: Iterable[User]) -> list[User]:
    """Employees whose pairing is not finished (never started, or started and not completed)."""
    return [user for user in users if user.kind == "employee" and user.enrollment != "active"]


def write_unpaired_csv(
    path: Path,
    users: Sequence[User],
    *,
    header: Sequence[str],
    state_label: Callable[[EnrollmentState], str],
    yes_no: Callable[[bool], str],
    last_logins: dict[str, datetime],
    delimiter: str = ",",
) -> int:
    """Write one row per user (name, e-mail, state, blocked, last login); returns the count.

    ``header`` has the five column titles in the person's language; ``delimiter`` is ``;``
    where the decimal separator is a comma (as spreadsheets there expect).
    """
    rows = [
        [
            safe_cell(user.name),
            safe_cell(user.email or ""),
            state_label(user.enrollment),
            yes_no(user.blocked),
            _time(last_logins.get(user.name)),
        ]
        for user in users
    ]
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file, delimiter=delimiter)
            writer.writerow([safe_cell(title) for title in header])
            writer.writerows(rows)
    except OSError as error:
        raise ExportFailed(str(path), error.strerror or str(error)) from None
    return len(rows)


def _time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")

"""What an audit entry changed, in words: each field by the label the panel shows for it
(the policy page's own labels for the policy), each value as the panel shows it
(ja/nee, "Authenticatie app", "Koppeling niet afgerond", a list as "p&o, zorg").

The server records the raw change (``{"blocked": false}`` → ``{"blocked": true}``); the
words are chosen here, in the person's language. A field this version does not know is
shown by its name and raw value, so nothing recorded is hidden.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.admin.model import AuditEntry, parse_time
from desktop.ui.admin import labels

ARROW = "\u2192"
ORDER = (
    "employees.enabled",
    "employees.method",
    "employees.user_adjustable",
    "extranet.enabled",
    "extranet.method",
    "extranet.user_adjustable",
    "authenticator_validity_hours",
    "mail_validity_days",
    "email_cutoff",
    "kind",
    "email",
    "admin",
    "location_manager",
    "modules",
    "ip_allowlist",
    "blocked",
    "has_password",
    "enrollment",
    "failed_codes",
    "throttled_until",
)
"""The order of the policy page and the account tab (the server stores keys sorted)."""
Words = Callable[[Any], str]


def describe_change(entry: AuditEntry) -> str:
    """``blocked: no → yes; modules: (none) → zorg`` (old → new per changed field); for an
    entry without an old state (an account created, a login) what it recorded."""
    old, new = entry.old, entry.new
    if isinstance(old, dict) and isinstance(new, dict) and old:
        keys = _in_order([*old, *new])
        return "; ".join(
            f"{_field(key)}: {_value(key, old.get(key))} {ARROW} {_value(key, new.get(key))}"
            for key in keys
        )
    if isinstance(new, dict):
        return "; ".join(
            f"{_field(key)}: {_value(key, new[key])}"
            for key in _in_order(list(new))
            if new[key] not in (None, False, [], "")  # a new account's empty fields say nothing
        )
    return "" if new is None else _raw(new)


def _in_order(keys: list[str]) -> list[str]:
    unique = list(dict.fromkeys(keys))
    return sorted(unique, key=lambda key: ORDER.index(key) if key in ORDER else len(ORDER))


# -- fields --------------------------------------------------------------------------------


def _field(key: str) -> str:
    group, _dot, name = key.rpartition(".")
    if group in ("employees", "extranet"):
        setting = {
            "enabled": "",
            "method": labels.default_method(),
            "user_adjustable": labels.adjustable().rstrip("?"),
        }.get(name, name)
        return f"{labels.group(group)}, {setting}" if setting else labels.group(group)
    known: Mapping[str, Callable[[], str]] = {
        "authenticator_validity_hours": labels.validity_hours,
        "mail_validity_days": labels.mail_validity_days,
        "email_cutoff": labels.email_cutoff,
        "kind": lambda: QCoreApplication.translate("AuditChanges", "kind"),
        "email": lambda: QCoreApplication.translate("AuditChanges", "e-mail address"),
        "admin": lambda: QCoreApplication.translate("AuditChanges", "administrator"),
        "modules": lambda: QCoreApplication.translate("AuditChanges", "modules"),
        "location_manager": lambda: QCoreApplication.translate("AuditChanges", "location manager"),
        "ip_allowlist": lambda: QCoreApplication.translate("AuditChanges", "IP address"),
        "blocked": lambda: QCoreApplication.translate("AuditChanges", "blocked"),
        "has_password": lambda: QCoreApplication.translate("AuditChanges", "password"),
        "enrollment": lambda: QCoreApplication.translate("AuditChanges", "two-step verification"),
        "failed_codes": lambda: QCoreApplication.translate("AuditChanges", "wrong codes in a row"),
        "failures": lambda: QCoreApplication.translate("AuditChanges", "wrong codes in a row"),
        "throttled_until": lambda: QCoreApplication.translate(
            "AuditChanges", "next try allowed at"
        ),
        "method": lambda: QCoreApplication.translate("AuditChanges", "method"),
        "next": lambda: QCoreApplication.translate("AuditChanges", "next step"),
        "step": lambda: QCoreApplication.translate("AuditChanges", "step"),
        "to": lambda: QCoreApplication.translate("AuditChanges", "sent to"),
        "created_at": lambda: QCoreApplication.translate("AuditChanges", "created"),
    }
    words = known.get(key)
    return words() if words is not None else key


# -- values --------------------------------------------------------------------------------


def _value(key: str, value: Any) -> str:
    name = key.rpartition(".")[2]
    if value is None:
        return QCoreApplication.translate("AuditChanges", "(none)")
    if isinstance(value, list):
        return (
            ", ".join(str(item) for item in value)
            if value
            else QCoreApplication.translate("AuditChanges", "(none)")
        )
    special = _VALUES.get(name)
    if special is not None:
        try:
            return special(value)
        except (KeyError, ValueError, TypeError):
            return _raw(value)
    if isinstance(value, bool):
        return labels.yes_no(value)
    return str(value) if isinstance(value, int | str) else _raw(value)


def _password(value: Any) -> str:
    return (
        QCoreApplication.translate("AuditChanges", "set")
        if value
        else QCoreApplication.translate("AuditChanges", "not set")
    )


def _step(value: Any) -> str:
    steps = {
        "done": QCoreApplication.translate("AuditChanges", "no code needed (trusted browser)"),
        "totp": QCoreApplication.translate("AuditChanges", "code from the app"),
        "enroll": QCoreApplication.translate("AuditChanges", "pair the app (QR code)"),
        "email": QCoreApplication.translate("AuditChanges", "code by e-mail"),
    }
    return steps[str(value)]


def _day(value: Any) -> str:
    return date.fromisoformat(str(value)).strftime("%d-%m-%Y")


def _moment(value: Any) -> str:
    return labels.moment(parse_time(value))


def _raw(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


_VALUES: dict[str, Words] = {
    "method": lambda value: labels.method(value),
    "kind": lambda value: labels.kind(value),
    "enrollment": lambda value: labels.enrollment(value),
    "has_password": _password,
    "next": _step,
    "step": _step,
    "email_cutoff": _day,
    "throttled_until": _moment,
    "created_at": _moment,
}

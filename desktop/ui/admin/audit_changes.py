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
from desktop.errors import QT_TRANSLATE_NOOP
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
    "days",
)
"""The order of the policy page and the account tab (the server stores keys sorted)."""
Words = Callable[[Any], str]


ADMIN_ACTIONS = frozenset(
    {
        "policy_update",
        "user_create",
        "user_update",
        "reset_2fa",
        "block",
        "unblock",
        "reset_password",
        "activation_mail",
        "clear_throttle",
        "audit_retention",
    }
)
"""What an administrator does in the panel; a refused one recorded what was tried."""


def describe_change(entry: AuditEntry) -> str:
    """``blocked: no → yes; modules: (none) → zorg`` (old → new per changed field); for an
    entry without an old state (an account created, a login) what it recorded. What a refused
    administrator's action tried is said as such: nothing of it was stored."""
    words = _describe(entry)
    if words and entry.result != "ok" and entry.action in ADMIN_ACTIONS:
        return QCoreApplication.translate("AuditChanges", "tried: {change}").format(change=words)
    return words


def _describe(entry: AuditEntry) -> str:
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
    words = field_words(key)
    return key if words is None else words


def field_words(key: str) -> str | None:
    """The label of a recorded field, or ``None`` for one this version does not know."""
    group, _dot, name = key.rpartition(".")
    if group in ("employees", "extranet"):
        settings: Mapping[str, Callable[[], str]] = {
            "enabled": lambda: "",
            "method": labels.default_method,
            "user_adjustable": lambda: labels.adjustable().rstrip("?"),
        }
        setting = settings.get(name)
        if setting is None:
            return None
        text = setting()
        return f"{labels.group(group)}, {text}" if text else labels.group(group)
    words = _FIELDS.get(key)
    return None if words is None else words()


def _translated(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("AuditChanges", text)


_FIELDS: Mapping[str, Callable[[], str]] = {
    "authenticator_validity_hours": labels.validity_hours,
    "mail_validity_days": labels.mail_validity_days,
    "email_cutoff": labels.email_cutoff,
    "name": _translated(QT_TRANSLATE_NOOP("AuditChanges", "username")),
    "kind": _translated(QT_TRANSLATE_NOOP("AuditChanges", "kind")),
    "email": _translated(QT_TRANSLATE_NOOP("AuditChanges", "e-mail address")),
    "admin": _translated(QT_TRANSLATE_NOOP("AuditChanges", "administrator")),
    "modules": _translated(QT_TRANSLATE_NOOP("AuditChanges", "modules")),
    "location_manager": _translated(QT_TRANSLATE_NOOP("AuditChanges", "location manager")),
    "ip_allowlist": _translated(QT_TRANSLATE_NOOP("AuditChanges", "IP address")),
    "blocked": _translated(QT_TRANSLATE_NOOP("AuditChanges", "blocked")),
    "has_password": _translated(QT_TRANSLATE_NOOP("AuditChanges", "password")),
    "enrollment": _translated(QT_TRANSLATE_NOOP("AuditChanges", "two-step verification")),
    "method": _translated(QT_TRANSLATE_NOOP("AuditChanges", "method")),
    "method_choice": _translated(QT_TRANSLATE_NOOP("AuditChanges", "own choice of method")),
    "failed_codes": _translated(QT_TRANSLATE_NOOP("AuditChanges", "wrong codes in a row")),
    "failures": _translated(QT_TRANSLATE_NOOP("AuditChanges", "wrong codes in a row")),
    "throttled_until": _translated(QT_TRANSLATE_NOOP("AuditChanges", "next try allowed at")),
    "created_at": _translated(QT_TRANSLATE_NOOP("AuditChanges", "created")),
    "next": _translated(QT_TRANSLATE_NOOP("AuditChanges", "next step")),
    "step": _translated(QT_TRANSLATE_NOOP("AuditChanges", "step")),
    "to": _translated(QT_TRANSLATE_NOOP("AuditChanges", "sent to")),
    "days": _translated(QT_TRANSLATE_NOOP("AuditChanges", "retention (days)")),
}
"""Every field the server records, by the label the panel shows for it."""


# -- values --------------------------------------------------------------------------------


def _value(key: str, value: Any) -> str:
    return value_words(key, value)


def value_words(key: str, value: Any) -> str:
    """A recorded value as the panel shows it (ja/nee, "Authenticatie app", a date)."""
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
    "method_choice": lambda value: labels.method(value),
    "kind": lambda value: labels.kind(value),
    "enrollment": lambda value: labels.enrollment(value),
    "has_password": _password,
    "next": _step,
    "step": _step,
    "email_cutoff": _day,
    "throttled_until": _moment,
    "created_at": _moment,
}

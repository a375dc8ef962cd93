"""The words the admin panel shows for the server's codes (states, kinds, actions, results).

Shared by several pages, so they live under one translation context, ``AdminLabels``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.admin.model import EnrollmentState, Kind, Method


def enrollment(state: EnrollmentState) -> str:
    labels = {
        "not_enrolled": QCoreApplication.translate("AdminLabels", "Not enrolled"),
        "pending": QCoreApplication.translate("AdminLabels", "Pairing not finished"),
        "active": QCoreApplication.translate("AdminLabels", "Active"),
    }
    return labels[state]


def kind(value: Kind) -> str:
    labels = {
        "employee": QCoreApplication.translate("AdminLabels", "Employee"),
        "extranet": QCoreApplication.translate("AdminLabels", "Extranet user"),
    }
    return labels[value]


def method(value: Method) -> str:
    labels = {
        "app": QCoreApplication.translate("AdminLabels", "Authenticator app"),
        "email": QCoreApplication.translate("AdminLabels", "E-mail"),
    }
    return labels[value]


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("AdminLabels", "yes")
        if value
        else QCoreApplication.translate("AdminLabels", "no")
    )


def action(code: str) -> str:
    labels = {
        "login": QCoreApplication.translate("AdminLabels", "Login (password)"),
        "verify": QCoreApplication.translate("AdminLabels", "Code entered"),
        "enroll_complete": QCoreApplication.translate("AdminLabels", "Pairing completed"),
        "email_code_sent": QCoreApplication.translate("AdminLabels", "E-mail code sent"),
        "activate": QCoreApplication.translate("AdminLabels", "Account activated"),
        "admin_access": QCoreApplication.translate("AdminLabels", "Admin access refused"),
        "policy_update": QCoreApplication.translate("AdminLabels", "Policy changed"),
        "user_create": QCoreApplication.translate("AdminLabels", "Account created"),
        "user_update": QCoreApplication.translate("AdminLabels", "Account changed"),
        "method_choice": QCoreApplication.translate("AdminLabels", "Method chosen"),
        "reset_2fa": QCoreApplication.translate("AdminLabels", "Two-step verification reset"),
        "block": QCoreApplication.translate("AdminLabels", "Blocked"),
        "unblock": QCoreApplication.translate("AdminLabels", "Unblocked"),
        "reset_password": QCoreApplication.translate("AdminLabels", "Password reset"),
        "activation_mail": QCoreApplication.translate("AdminLabels", "Activation mail sent"),
        "clear_throttle": QCoreApplication.translate("AdminLabels", "Code wait cleared"),
    }
    return labels.get(code, code)


def result(code: str) -> str:
    labels = {
        "ok": QCoreApplication.translate("AdminLabels", "ok"),
        "invalid_credentials": QCoreApplication.translate("AdminLabels", "wrong password"),
        "invalid_code": QCoreApplication.translate("AdminLabels", "wrong code"),
        "blocked": QCoreApplication.translate("AdminLabels", "blocked"),
        "ip_not_allowed": QCoreApplication.translate("AdminLabels", "IP address not allowed"),
        "forbidden": QCoreApplication.translate("AdminLabels", "no P&O right"),
        "second_factor_required": QCoreApplication.translate("AdminLabels", "code not yet entered"),
    }
    return labels.get(code, code)


def moment(value: datetime | None) -> str:
    """A time in this computer's zone, the same way everywhere in the panel."""
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def time_of_day(value: datetime) -> str:
    return value.astimezone().strftime("%H:%M")


# -- the policy's own labels (the policy page and the audit log share them) -----------------


def group(name: str) -> str:
    """The name of a block of the policy page: ``employees`` or ``extranet``."""
    labels = {
        "employees": QCoreApplication.translate("AdminLabels", "employees"),
        "extranet": QCoreApplication.translate("AdminLabels", "extranet users"),
    }
    return labels.get(name, name)


def default_method() -> str:
    return QCoreApplication.translate("AdminLabels", "default method")


def adjustable() -> str:
    return QCoreApplication.translate("AdminLabels", "adjustable by user?")


def validity_hours() -> str:
    return QCoreApplication.translate("AdminLabels", "authenticator validity (hours)")


def mail_validity_days() -> str:
    return QCoreApplication.translate("AdminLabels", "mail validity (days)")


def email_cutoff() -> str:
    return QCoreApplication.translate("AdminLabels", "end of e-mail codes for employees")

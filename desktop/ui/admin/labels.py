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


def _actions() -> dict[str, str]:
    """Every action the server writes to the audit log, as done."""
    return {
        "login": QCoreApplication.translate("AdminLabels", "Login (password)"),
        "verify": QCoreApplication.translate("AdminLabels", "Code entered"),
        "enroll_complete": QCoreApplication.translate("AdminLabels", "Pairing completed"),
        "email_code_sent": QCoreApplication.translate("AdminLabels", "E-mail code sent"),
        "activate": QCoreApplication.translate("AdminLabels", "Password chosen (activation link)"),
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
        "clear_throttle": QCoreApplication.translate("AdminLabels", "Waiting time lifted"),
        "audit_retention": QCoreApplication.translate("AdminLabels", "Audit log retention changed"),
    }


def _attempts() -> dict[str, str]:
    """An administrator's action the server refused, as what was tried ("Account changed"
    would say it happened)."""
    return {
        "policy_update": QCoreApplication.translate("AdminLabels", "Change the policy"),
        "user_create": QCoreApplication.translate("AdminLabels", "Create an account"),
        "user_update": QCoreApplication.translate("AdminLabels", "Change an account"),
        "reset_2fa": QCoreApplication.translate("AdminLabels", "Reset two-step verification"),
        "block": QCoreApplication.translate("AdminLabels", "Block"),
        "unblock": QCoreApplication.translate("AdminLabels", "Unblock"),
        "reset_password": QCoreApplication.translate("AdminLabels", "Reset the password"),
        "activation_mail": QCoreApplication.translate("AdminLabels", "Send an activation mail"),
        "clear_throttle": QCoreApplication.translate("AdminLabels", "Lift the waiting time"),
        "audit_retention": QCoreApplication.translate(
            "AdminLabels", "Change the audit log retention"
        ),
    }


def action(code: str, refused: bool = False) -> str:
    """The action ``code`` in words: as done, or (``refused``) as what was tried."""
    if refused:
        tried = _attempts().get(code)
        if tried is not None:
            return tried
    return _actions().get(code, code)


def known_actions() -> frozenset[str]:
    return frozenset(_actions())


def _results() -> dict[str, str]:
    """Every result the server records: ``ok``, why a login or code failed, or the code of a
    refusal (the server's error codes; a refused administrator's action says "refused")."""
    refused = QCoreApplication.translate("AdminLabels", "refused: {why}")

    def no(why: str) -> str:
        return refused.format(why=why)

    translate = QCoreApplication.translate
    return {
        "ok": translate("AdminLabels", "ok"),
        # a login or a code
        "invalid_credentials": translate("AdminLabels", "wrong password"),
        "invalid_code": translate("AdminLabels", "wrong code"),
        "code_already_used": translate("AdminLabels", "code already used"),
        "blocked": translate("AdminLabels", "blocked"),
        "ip_not_allowed": translate("AdminLabels", "IP address not allowed"),
        "forbidden": translate("AdminLabels", "no P&O right"),
        "second_factor_required": translate("AdminLabels", "code not yet entered"),
        "too_many_attempts": translate("AdminLabels", "too many wrong passwords"),
        "throttled": translate("AdminLabels", "too many wrong codes"),
        "resend_limited": translate("AdminLabels", "e-mail code asked for too often"),
        "not_authenticated": translate("AdminLabels", "not logged in"),
        "wrong_step": translate("AdminLabels", "wrong login step"),
        "enrollment_expired": translate("AdminLabels", "pairing expired"),
        "credential_unreadable": translate("AdminLabels", "authenticator key unreadable"),
        "invalid_token": translate("AdminLabels", "activation link no longer valid"),
        "busy": translate("AdminLabels", "server busy"),
        "unavailable": translate("AdminLabels", "server busy"),
        # an administrator's action the server refused
        "privileged_must_be_employee": no(translate("AdminLabels", "rights for employees only")),
        "employee_cannot_become_extranet": no(translate("AdminLabels", "stays an employee")),
        "email_cutoff_passed": no(translate("AdminLabels", "cut-off date passed")),
        "employees_require_app_after_cutoff": no(
            translate("AdminLabels", "employees keep the app")
        ),
        "user_exists": no(translate("AdminLabels", "name taken")),
        "user_not_found": no(translate("AdminLabels", "no such account")),
        "cannot_block_self": no(translate("AdminLabels", "own account")),
        "no_email_address": no(translate("AdminLabels", "no e-mail address")),
        "invalid_input": no(translate("AdminLabels", "invalid input")),
        "conflict": translate("AdminLabels", "refused"),
        "error": translate("AdminLabels", "refused"),
    }


def result(code: str) -> str:
    return _results().get(code, code)


def known_results() -> frozenset[str]:
    return frozenset(_results())


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

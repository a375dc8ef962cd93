"""An audit entry as the Auditlog table shows it: every code the server records (actions,
results, changed fields) in the person's language, nothing raw.

Two things need more than a word. A login with a name no account has is recorded under a
keyed fingerprint (``unknown:3f9a…``), never as typed: people type their password into the
name field. The table says "unknown name" and keeps the fingerprint for the tooltip and the
details (the same fingerprint is the same typed name). And an administrator's action the
server refused is shown as what was tried ("Change an account", "refused: …"), with the
panel's own sentence for the refusal in the result's tooltip and the details.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.admin.errors import (
    RULE_REFUSALS,
    AdminError,
    CannotBlockSelf,
    NoEmailAddress,
    UserExists,
    UserNotFound,
)
from desktop.admin.model import AuditEntry
from desktop.i18n import error_text
from desktop.ui.admin import labels
from desktop.ui.admin.audit_changes import describe_change

UNKNOWN_NAME = "unknown:"
"""How the server records a login with a name no account has: this, then a fingerprint."""


@dataclass(frozen=True)
class AuditRow:
    time: str
    who: str
    who_tip: str
    whom: str
    what: str
    result: str
    result_tip: str
    refused: bool
    ip: str
    change: str

    def cells(self) -> list[str]:
        return [
            self.time,
            self.who,
            self.whom,
            self.what,
            self.result,
            self.ip,
            self.change,
        ]

    def details(self) -> str:
        """Everything about the entry in full, a line each: what the columns may cut short,
        the refusal's sentence, an unknown name's fingerprint."""
        translate = QCoreApplication.translate
        lines = [f"{self.time} \u00b7 {self.what} \u00b7 {self.result}"]
        by = translate("AuditRows", "By {who}").format(who=self.who) if self.who else ""
        if self.ip:
            by = (by + " " if by else "") + translate("AuditRows", "from {ip}").format(ip=self.ip)
        if self.whom:
            by = (by + ", " if by else "") + translate("AuditRows", "concerning {whom}").format(
                whom=self.whom
            )
        lines += [line for line in (by, self.result_tip, self.change, self.who_tip) if line]
        return "\n".join(lines)


def row_of(entry: AuditEntry) -> AuditRow:
    who, who_tip = person(entry.actor)
    whom, _whom_tip = person(entry.target)
    refused = entry.result != "ok"
    result = labels.result(entry.result)
    if entry.result == "invalid_credentials" and who_tip:
        result = QCoreApplication.translate("AuditRows", "no account by that name")
    return AuditRow(
        time=labels.moment(entry.at),
        who=who,
        who_tip=who_tip,
        whom=whom,
        what=labels.action(entry.action, refused=refused),
        result=result,
        result_tip=_refusal_sentence(entry),
        refused=refused,
        ip=entry.ip or "",
        change=describe_change(entry),
    )


def person(recorded: str | None) -> tuple[str, str]:
    """A recorded user name as shown, and its tooltip (for an unknown name: what it is)."""
    if recorded is None:
        return "", ""
    if not recorded.startswith(UNKNOWN_NAME):
        return recorded, ""
    fingerprint = recorded.removeprefix(UNKNOWN_NAME)
    tip = QCoreApplication.translate(
        "AuditRows",
        "No account has the name that was typed. Tweestap does not keep what was typed (people "
        "sometimes type their password there), only a fingerprint of it: {fingerprint}. The "
        "same fingerprint means the same typed name.",
    ).format(fingerprint=fingerprint)
    return QCoreApplication.translate("AuditRows", "unknown name"), tip


def _rule(make: Callable[[], AdminError]) -> Callable[[AuditEntry], AdminError]:
    return lambda _entry: make()


_REFUSALS: Mapping[str, Callable[[AuditEntry], AdminError]] = {
    **{code: _rule(make) for code, make in RULE_REFUSALS.items()},
    "user_exists": lambda entry: UserExists(entry.target or ""),
    "user_not_found": lambda entry: UserNotFound(entry.target or ""),
    "cannot_block_self": lambda _entry: CannotBlockSelf(),
    "no_email_address": lambda entry: NoEmailAddress(entry.target or ""),
}
"""The refusals of an administrator's action the panel explains in a sentence of its own."""


def _refusal_sentence(entry: AuditEntry) -> str:
    explain = _REFUSALS.get(entry.result)
    return "" if explain is None else error_text(explain(entry))

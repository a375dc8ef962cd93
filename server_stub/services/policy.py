"""The 2FA policy: one row, validated, every change audited, and the two rules no policy or
account change can undo.

1. An account with admin or P&O rights (:func:`server_stub.rights.is_privileged`) always needs
   a second factor, whatever its kind and whatever the policy says of its group.
2. From ``email_cutoff`` on, employees always have 2FA with the authenticator app.

:func:`effective_second_factor` applies both at every login, whatever is stored (a database
written by an older server, a policy saved before the cut-off). On top of that, changes that
would undo either are refused with their own code, and audited (:func:`policy_refusal`,
:func:`account_refusal`): the policy cannot switch employees off or to e-mail after the cut-off,
nor move a cut-off that has passed to a later date; an account with admin or P&O rights is
always an employee; after the cut-off an employee cannot become an extranet user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from server_stub.domain.policy import GroupPolicy, Method, Policy
from server_stub.domain.policy import default_policy as seed_defaults
from server_stub.models import PolicyRow, User
from server_stub.rights import is_privileged, split_modules
from server_stub.services.audit import AuditService, jsonable
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.errors import InvalidInput

POLICY_ID = 1


@dataclass(frozen=True)
class SecondFactor:
    """What the policy asks of one user right now."""

    enabled: bool
    method: Method


def _from_row(row: PolicyRow) -> Policy:
    return Policy(
        employees=GroupPolicy(
            enabled=row.employees_enabled,
            method=row.employees_method,  # type: ignore[arg-type]
            user_adjustable=row.employees_user_adjustable,
        ),
        extranet=GroupPolicy(
            enabled=row.extranet_enabled,
            method=row.extranet_method,  # type: ignore[arg-type]
            user_adjustable=row.extranet_user_adjustable,
        ),
        authenticator_validity_hours=row.authenticator_validity_hours,
        mail_validity_days=row.mail_validity_days,
        email_cutoff=row.email_cutoff,
    )


def apply_policy(row: PolicyRow, policy: Policy) -> None:
    row.employees_enabled = policy.employees.enabled
    row.employees_method = policy.employees.method
    row.employees_user_adjustable = policy.employees.user_adjustable
    row.extranet_enabled = policy.extranet.enabled
    row.extranet_method = policy.extranet.method
    row.extranet_user_adjustable = policy.extranet.user_adjustable
    row.authenticator_validity_hours = policy.authenticator_validity_hours
    row.mail_validity_days = policy.mail_validity_days
    row.email_cutoff = policy.email_cutoff


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def effective_second_factor(policy: Policy, user: User, today: date) -> SecondFactor:
    group = policy.employees if user.kind == "employee" else policy.extranet
    method: Method = group.method
    if group.user_adjustable and user.method_choice in ("app", "email"):
        method = user.method_choice  # type: ignore[assignment]
    if user.kind == "employee" and today >= policy.email_cutoff:
        return SecondFactor(enabled=True, method="app")
    if is_privileged(user.is_admin, split_modules(user.modules)):
        return SecondFactor(enabled=True, method=method)  # whatever the group's switch says
    return SecondFactor(enabled=group.enabled, method=method)


def policy_refusal(new: Policy, stored: Policy, today: date) -> InvalidInput | None:
    """Why ``new`` may not replace ``stored`` today, if it may not."""
    if stored.email_cutoff <= today < new.email_cutoff:
        # The cut-off has passed: moving it later would hand employees e-mail codes (or no
        # second factor) again.
        return InvalidInput("email_cutoff_passed")
    employees = new.employees
    if today >= new.email_cutoff and not (employees.enabled and employees.method == "app"):
        return InvalidInput("employees_require_app_after_cutoff")
    return None


def account_refusal(
    *,
    kind: str,
    admin: bool,
    modules: tuple[str, ...] | list[str],
    previous_kind: str | None,
    policy: Policy,
    today: date,
) -> InvalidInput | None:
    """Why an account may not be created (``previous_kind`` None) or changed into this, if so."""
    if kind == "extranet" and is_privileged(admin, modules):
        return InvalidInput("privileged_must_be_employee")
    if previous_kind == "employee" and kind == "extranet" and today >= policy.email_cutoff:
        return InvalidInput("employee_cannot_become_extranet")
    return None


class PolicyService:
    def __init__(self, ctx: ServiceContext, audit: AuditService) -> None:
        self.ctx = ctx
        self.audit = audit

    def load(self, db: Session) -> Policy:
        """The policy inside the caller's transaction (the seed's defaults before any save)."""
        row = db.get(PolicyRow, POLICY_ID)
        return seed_defaults() if row is None else _from_row(row)

    def get(self) -> Policy:
        with self.ctx.db.read() as db:
            return self.load(db)

    def for_user(self, db: Session, user: User) -> SecondFactor:
        return effective_second_factor(self.load(db), user, self.ctx.clock.now().date())

    def update(self, new: Policy, actor: Actor) -> Policy:
        today = self.ctx.clock.now().date()
        with self.ctx.db.write() as db:
            # Locked (PostgreSQL): of two saves at once, the second sees the first's values,
            # so its audit entry's "old" (and its check against the stored cut-off) is right.
            row = db.get(PolicyRow, POLICY_ID, with_for_update=True)
            if row is None:
                row = PolicyRow(id=POLICY_ID)
                apply_policy(row, seed_defaults())
                db.add(row)
            stored = _from_row(row)
            old_flat = _flatten(jsonable(stored))
            new_flat = _flatten(jsonable(new))
            changed = [key for key in new_flat if new_flat[key] != old_flat[key]]
            refusal = policy_refusal(new, stored, today)
            if refusal is None:
                apply_policy(row, new)
                if changed:
                    self.audit.record(
                        db,
                        actor=actor,
                        action="policy_update",
                        old={key: old_flat[key] for key in changed},
                        new={key: new_flat[key] for key in changed},
                    )
                return _from_row(row)
        self.audit.record_refusal(
            actor=actor,
            action="policy_update",
            old={key: old_flat[key] for key in changed},
            new={key: new_flat[key] for key in changed},
            result=refusal.code,
        )
        raise refusal

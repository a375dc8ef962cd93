"""The 2FA policy: one row, validated, every change audited, and the e-mail cut-off applied.

From ``email_cutoff`` on, employees always have 2FA with the authenticator app: a policy that
says otherwise is refused, and :func:`effective_method` enforces it for a stored policy that
predates the cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from server_stub.models import PolicyRow, User
from server_stub.schemas.policy import GroupPolicy, Method, PolicyPublic, PolicyUpdate
from server_stub.schemas.policy import default_policy as seed_defaults
from server_stub.services.audit import AuditService
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.errors import InvalidInput

POLICY_ID = 1


@dataclass(frozen=True)
class SecondFactor:
    """What the policy asks of one user right now."""

    enabled: bool
    method: Method


def _to_public(row: PolicyRow) -> PolicyPublic:
    return PolicyPublic(
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


def apply_policy(row: PolicyRow, policy: PolicyPublic | PolicyUpdate) -> None:
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


def effective_second_factor(policy: PolicyPublic, user: User, today: date) -> SecondFactor:
    group = policy.employees if user.kind == "employee" else policy.extranet
    method: Method = group.method
    if group.user_adjustable and user.method_choice in ("app", "email"):
        method = user.method_choice  # type: ignore[assignment]
    if user.kind == "employee" and today >= policy.email_cutoff:
        return SecondFactor(enabled=True, method="app")
    return SecondFactor(enabled=group.enabled, method=method)


class PolicyService:
    def __init__(self, ctx: ServiceContext, audit: AuditService) -> None:
        self.ctx = ctx
        self.audit = audit

    def load(self, db: Session) -> PolicyPublic:
        """The policy inside the caller's transaction (the seed's defaults before any save)."""
        row = db.get(PolicyRow, POLICY_ID)
        return seed_defaults() if row is None else _to_public(row)

    def get(self) -> PolicyPublic:
        with self.ctx.db.read() as db:
            return self.load(db)

    def for_user(self, db: Session, user: User) -> SecondFactor:
        return effective_second_factor(self.load(db), user, self.ctx.clock.now().date())

    def check(self, policy: PolicyUpdate) -> None:
        today = self.ctx.clock.now().date()
        employees = policy.employees
        if today >= policy.email_cutoff and not (employees.enabled and employees.method == "app"):
            raise InvalidInput("employees_require_app_after_cutoff")

    def update(self, new: PolicyUpdate, actor: Actor) -> PolicyPublic:
        self.check(new)
        with self.ctx.db.write() as db:
            # Locked (PostgreSQL): of two saves at once, the second sees the first's values,
            # so its audit entry's "old" is right.
            row = db.get(PolicyRow, POLICY_ID, with_for_update=True)
            if row is None:
                row = PolicyRow(id=POLICY_ID)
                apply_policy(row, seed_defaults())
                db.add(row)
            old_flat = _flatten(_to_public(row).model_dump(mode="json"))
            apply_policy(row, new)
            new_flat = _flatten(_to_public(row).model_dump(mode="json"))
            changed = [key for key in new_flat if new_flat[key] != old_flat[key]]
            if changed:
                self.audit.record(
                    db,
                    actor=actor,
                    action="policy_update",
                    old={key: old_flat[key] for key in changed},
                    new={key: new_flat[key] for key in changed},
                )
            return _to_public(row)

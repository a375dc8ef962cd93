"""The 2FA policy, exactly the fields of "module P&O > Instellen > Modulegebruik"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Method = Literal["app", "email"]

DEFAULT_EMAIL_CUTOFF = date(2024, 6, 17)


@dataclass(frozen=True)
class GroupPolicy:
    """One block of the page: medewerkers or extranetters."""

    enabled: bool
    method: Method
    user_adjustable: bool


@dataclass(frozen=True)
class Policy:
    employees: GroupPolicy
    extranet: GroupPolicy
    authenticator_validity_hours: int
    mail_validity_days: int
    email_cutoff: date


def default_policy() -> Policy:
    """The seed's defaults: employees on with the app, extranet off (e-mail), 5 h, 0 days."""
    return Policy(
        employees=GroupPolicy(enabled=True, method="app", user_adjustable=False),
        extranet=GroupPolicy(enabled=False, method="email", user_adjustable=False),
        authenticator_validity_hours=5,
        mail_validity_days=0,
        email_cutoff=DEFAULT_EMAIL_CUTOFF,
    )

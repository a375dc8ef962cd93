"""The 2FA policy, exactly the fields of "module P&O > Instellen > Modulegebruik"."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Method = Literal["app", "email"]

DEFAULT_EMAIL_CUTOFF = date(2024, 6, 17)
MAX_MAIL_VALIDITY_DAYS = 365
MAX_AUTHENTICATOR_VALIDITY_HOURS = 24


class GroupPolicy(BaseModel):
    """One block of the page: medewerkers or extranetters."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool
    method: Method
    user_adjustable: bool


class PolicyBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    employees: GroupPolicy
    extranet: GroupPolicy
    authenticator_validity_hours: int = Field(ge=0, le=MAX_AUTHENTICATOR_VALIDITY_HOURS)
    mail_validity_days: int = Field(ge=0, le=MAX_MAIL_VALIDITY_DAYS)
    email_cutoff: date


class PolicyUpdate(PolicyBase):
    """The body of ``PUT /api/admin/policy``: the whole policy, every key required."""


class PolicyPublic(PolicyBase):
    pass


def default_policy() -> PolicyPublic:
    """The seed's defaults: employees on with the app, extranet off (e-mail), 5 h, 0 days."""
    return PolicyPublic(
        employees=GroupPolicy(enabled=True, method="app", user_adjustable=False),
        extranet=GroupPolicy(enabled=False, method="email", user_adjustable=False),
        authenticator_validity_hours=5,
        mail_validity_days=0,
        email_cutoff=DEFAULT_EMAIL_CUTOFF,
    )

"""The 2FA policy over the JSON API (the services hold it as :class:`domain.policy.Policy`)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from server_stub.domain import policy as domain
from server_stub.domain.policy import Method

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

    def to_domain(self) -> domain.Policy:
        return domain.Policy(
            employees=domain.GroupPolicy(**self.employees.model_dump()),
            extranet=domain.GroupPolicy(**self.extranet.model_dump()),
            authenticator_validity_hours=self.authenticator_validity_hours,
            mail_validity_days=self.mail_validity_days,
            email_cutoff=self.email_cutoff,
        )


class PolicyPublic(PolicyBase):
    pass

"""``GET /api/meta``: the rules a client must know before it sends anything, declared once.

The admin panel builds its module checkboxes, checks a new user's name and bounds the
policy's numbers and the audit log's retention from this answer instead of keeping copies of
the server's constants.
"""

from __future__ import annotations

from pydantic import BaseModel


class UserNameRules(BaseModel):
    pattern: str
    """A regular expression the whole name must match (anchored)."""
    max_length: int
    case_insensitive: bool
    """Whether names that differ only in letter case are the same account."""


class PolicyLimits(BaseModel):
    """The upper bounds of the policy's numbers (the lower bound of both is 0)."""

    max_authenticator_validity_hours: int
    max_mail_validity_days: int


class AuditRetentionLimits(BaseModel):
    """How many days the audit log may be told to keep an entry, and what it keeps unset."""

    min_days: int
    max_days: int
    default_days: int


class Meta(BaseModel):
    version: str
    modules: list[str]
    """Every module right, in the order the Account tab lists them."""
    p_and_o_modules: list[str]
    """The modules that include module P&O, the right to administer two-step verification."""
    user_names: UserNameRules
    policy_limits: PolicyLimits
    audit_retention: AuditRetentionLimits

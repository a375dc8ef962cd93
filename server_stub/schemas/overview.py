"""The admin overview: enrollment counts and warnings."""

from __future__ import annotations

from pydantic import BaseModel


class GroupCounts(BaseModel):
    not_enrolled: int = 0
    pending: int = 0
    active: int = 0
    blocked: int = 0
    total: int = 0


class OverviewWarning(BaseModel):
    code: str
    message: str


class OverviewPublic(BaseModel):
    employees: GroupCounts
    extranet: GroupCounts
    p_and_o_admins: int
    warnings: list[OverviewWarning]

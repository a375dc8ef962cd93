"""The admin overview: enrollment counts per group, and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class GroupCounts:
    not_enrolled: int = 0
    pending: int = 0
    active: int = 0
    blocked: int = 0
    total: int = 0


@dataclass(frozen=True)
class OverviewWarning:
    code: str
    message: str


@dataclass(frozen=True)
class Overview:
    employees: GroupCounts
    extranet: GroupCounts
    p_and_o_admins: int
    warnings: list[OverviewWarning]

"""What the 2FA server declares about itself (``GET /api/meta``), as typed values: its module
rights and which of them carry module P&O, the user-name rule, the policy's bounds, the audit
log's retention bounds. The desktop keeps no copy of these; the admin client reads them at
login (:meth:`~desktop.net.admin_client.AdminClient.read_contract`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.admin.errors import InvalidUserName
from desktop.admin.model import _bool, _int, _object, _str, _strings

if TYPE_CHECKING:
    from desktop.admin.model import User

MAX_PATTERN_LENGTH = 256
"""A user-name rule longer than this is no answer of a Tweestap server."""


@dataclass(frozen=True)
class PolicyLimits:
    """The upper bounds of the numbers on the policy page, as the server declares them."""

    max_validity_hours: int
    max_mail_days: int

    @classmethod
    def from_json(cls, data: object) -> PolicyLimits:
        body = _object(data)
        return cls(
            max_validity_hours=_int(body["max_authenticator_validity_hours"]),
            max_mail_days=_int(body["max_mail_validity_days"]),
        )


@dataclass(frozen=True)
class RetentionLimits:
    """How many days the server's audit log may keep an entry, and what it keeps unset."""

    min_days: int
    max_days: int
    default_days: int

    @classmethod
    def from_json(cls, data: object) -> RetentionLimits:
        body = _object(data)
        limits = cls(
            min_days=_int(body["min_days"]),
            max_days=_int(body["max_days"]),
            default_days=_int(body["default_days"]),
        )
        if not 1 <= limits.min_days <= limits.default_days <= limits.max_days:
            raise ValueError("retention bounds out of order")
        return limits


@dataclass(frozen=True)
class UserNameRule:
    """What a user name may be, as the server declares it."""

    pattern: re.Pattern[str]
    max_length: int
    ignore_case: bool
    """Whether two names that differ only in letter case are one account."""

    @classmethod
    def from_json(cls, data: object) -> UserNameRule:
        body = _object(data)
        pattern = _str(body["pattern"])
        if len(pattern) > MAX_PATTERN_LENGTH:
            raise ValueError("user-name pattern too long")
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise ValueError(f"user-name pattern: {error}") from None
        return cls(
            pattern=compiled,
            max_length=_int(body["max_length"]),
            ignore_case=_bool(body["case_insensitive"]),
        )

    def check(self, name: str) -> str:
        """``name`` when the server will take it, else :class:`InvalidUserName`."""
        if len(name) > self.max_length or not self.pattern.fullmatch(name):
            raise InvalidUserName()
        return name

    def same(self, one: str, other: str) -> bool:
        """Whether the two names are one account on this server."""
        return one.casefold() == other.casefold() if self.ignore_case else one == other


@dataclass(frozen=True)
class ServerContract:
    """What the server declares about itself (``GET /api/meta``): its module rights, which
    of them carry module P&O, the user-name rule, the policy's bounds and the audit log's
    retention bounds. The panel reads these instead of keeping copies."""

    modules: tuple[str, ...]
    """Every module right, in the order the Account tab lists them."""
    p_and_o_modules: frozenset[str]
    user_names: UserNameRule
    policy_limits: PolicyLimits
    audit_retention: RetentionLimits | None = None
    """``None``: a server from before the audit log had a retention to set."""

    @classmethod
    def from_json(cls, data: object) -> ServerContract:
        body = _object(data)
        modules = _strings(body["modules"])
        p_and_o = frozenset(_strings(body["p_and_o_modules"]))
        if not p_and_o <= set(modules):
            raise ValueError("a P&O module that is no module")
        return cls(
            modules=modules,
            p_and_o_modules=p_and_o,
            user_names=UserNameRule.from_json(body["user_names"]),
            policy_limits=PolicyLimits.from_json(body["policy_limits"]),
            audit_retention=(
                RetentionLimits.from_json(body["audit_retention"])
                if "audit_retention" in body
                else None
            ),
        )

    def grants_p_and_o(self, user: User) -> bool:
        """An administrator with a module that includes P&O: may administer 2FA."""
        return user.admin and any(module in self.p_and_o_modules for module in user.modules)

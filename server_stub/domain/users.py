"""User accounts (employees, medewerkers, and extranet users) as the administrators see them,
and what an administrator may ask to create or change."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal

from server_stub.domain.policy import Method

Kind = Literal["employee", "extranet"]
EnrollmentState = Literal["not_enrolled", "pending", "active"]


@dataclass(frozen=True)
class UserAccount:
    """One account as the Account tab shows it."""

    name: str
    kind: Kind
    email: str | None
    admin: bool
    modules: list[str]
    location_manager: bool
    ip_allowlist: list[str]
    blocked: bool
    has_password: bool
    enrollment: EnrollmentState
    method: Method | None
    """The second factor the policy asks of this user now (their own choice where the policy
    lets users choose); None while two-step verification is off for them."""
    method_choice: Method | None
    """What the user chose themselves, if anything."""
    failed_codes: int
    throttled_until: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class NewUser:
    """An account to create. Its fields are checked where it was typed (the JSON API's
    ``UserCreate``, ``tweestap-server user add``); the services apply the rules between them."""

    name: str
    password: str | None = field(default=None, repr=False)
    email: str | None = None
    kind: Kind = "employee"
    admin: bool = False
    modules: list[str] = field(default_factory=list)
    location_manager: bool = False
    ip_allowlist: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UserChanges:
    """A change to an account: only the fields named in ``given`` change (``email`` given as
    None removes the address). Build it with :meth:`of`."""

    email: str | None = None
    kind: Kind | None = None
    admin: bool | None = None
    modules: list[str] | None = None
    location_manager: bool | None = None
    ip_allowlist: list[str] | None = None
    given: frozenset[str] = frozenset()

    @classmethod
    def of(cls, **values: Any) -> UserChanges:
        """``UserChanges.of(modules=["zorg"])``: the fields passed, and only those, change."""
        return cls(**values, given=frozenset(values))

    def given_values(self) -> dict[str, Any]:
        """The fields that change, with their new values (what was attempted, for the audit)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name in self.given}

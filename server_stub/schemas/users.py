"""User accounts over the JSON API: employees (medewerkers) and extranet users. The checks of
what may be typed live here; the services take :class:`domain.users.NewUser` and
:class:`domain.users.UserChanges` and give back :class:`domain.users.UserAccount`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from server_stub.domain.policy import Method
from server_stub.domain.users import EnrollmentState, Kind, NewUser, UserChanges
from server_stub.rights import normalize_modules
from server_stub.security.ipallow import parse_allowlist

USER_NAME_MAX_LENGTH = 64
USER_NAME_PATTERN = rf"^[A-Za-z0-9][A-Za-z0-9._@+-]{{0,{USER_NAME_MAX_LENGTH - 1}}}$"
USER_NAMES_IGNORE_CASE = True
"""Whether two names that differ only in letter case are one account: the services look a
name up whatever its case (``services/users.name_matches``, over a unique index on
``lower(name)``), so "Anna" and "anna" are one account (``GET /api/meta``)."""
UserName = Annotated[str, StringConstraints(pattern=USER_NAME_PATTERN)]
# No spaces, separators or control characters (PostgreSQL's text cannot even hold NUL).
_EMAIL_PART = r"[^@\s,;<>\"\x00-\x1f\x7f]+"
Email = Annotated[
    str,
    StringConstraints(max_length=254, pattern=rf"^{_EMAIL_PART}@{_EMAIL_PART}\.{_EMAIL_PART}$"),
]
Password = Annotated[str, Field(min_length=8, max_length=1024)]
MAX_ALLOWLIST_ENTRIES = 100


def _modules(value: list[str]) -> list[str]:
    return list(normalize_modules(value))


def _allowlist(value: object) -> list[str]:
    if isinstance(value, list) and len(value) > MAX_ALLOWLIST_ENTRIES:
        raise ValueError(f"at most {MAX_ALLOWLIST_ENTRIES} entries")
    if not isinstance(value, str | list) or not all(isinstance(v, str) for v in value):
        raise ValueError("a comma-separated string or a list of strings")
    entries = parse_allowlist(value)
    if len(entries) > MAX_ALLOWLIST_ENTRIES:
        raise ValueError(f"at most {MAX_ALLOWLIST_ENTRIES} entries")
    return list(entries)


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: UserName
    password: Password | None = None
    email: Email | None = None
    kind: Kind = "employee"
    admin: bool = False
    modules: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list, max_length=20)
    location_manager: bool = False
    ip_allowlist: list[str] = Field(
        default_factory=list,
        description="IP addresses and CIDR ranges; a comma-separated string is accepted too",
    )

    _check_modules = field_validator("modules")(_modules)
    _check_allowlist = field_validator("ip_allowlist", mode="before")(_allowlist)

    def to_domain(self) -> NewUser:
        return NewUser(**self.model_dump())


class UserUpdate(BaseModel):
    """``PATCH``: only the keys present are changed (``email: null`` removes the address)."""

    model_config = ConfigDict(extra="forbid")

    email: Email | None = None
    kind: Kind | None = None
    admin: bool | None = None
    modules: list[Annotated[str, Field(max_length=40)]] | None = Field(default=None, max_length=20)
    location_manager: bool | None = None
    ip_allowlist: list[str] | None = Field(
        default=None,
        description="IP addresses and CIDR ranges; a comma-separated string is accepted too",
    )

    @field_validator("modules")
    @classmethod
    def _check_modules(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _modules(value)

    @field_validator("ip_allowlist", mode="before")
    @classmethod
    def _check_allowlist(cls, value: object) -> list[str] | None:
        return None if value is None else _allowlist(value)

    def to_domain(self) -> UserChanges:
        """Only the keys the body held change."""
        return UserChanges.of(**self.model_dump(include=self.model_fields_set))


class UserPublic(BaseModel):
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
    method: Method | None = Field(
        description="The second factor the policy asks of this user now (their own choice "
        "where the policy lets users choose); null while two-step verification is off for them"
    )
    method_choice: Method | None = Field(
        description="The method this user chose themselves, if any (it counts only where the "
        "policy makes the method adjustable for their group)"
    )
    failed_codes: int
    throttled_until: datetime | None
    created_at: datetime


class ActivationMailSent(BaseModel):
    sent_to: str
    expires_at: datetime


class ActivateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: Annotated[str, Field(min_length=1, max_length=256)]
    password: Password

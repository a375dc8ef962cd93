"""The server's JSON, as typed values: policy, users, overview, audit entries.

Each ``from_json`` reads exactly the shape of ``server_stub/schemas`` (see docs/server.md)
and raises ``ValueError``/``KeyError``/``TypeError`` on anything else; the client turns those
into :class:`~desktop.admin.errors.UnexpectedAnswer`. Validation that the panel does before
sending (IP lists, user names, e-mail addresses) follows the server's rules, so a person
sees the problem next to the field instead of after a round trip; the rules the server
declares (:mod:`desktop.admin.contract`, from ``GET /api/meta``) are read from it, never
copied.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal, cast

from desktop.admin.errors import InvalidEmail, InvalidIpList, TooManyIpEntries
from desktop.text import clean_line, has_controls, visible

Method = Literal["app", "email"]
Kind = Literal["employee", "extranet"]
EnrollmentState = Literal["not_enrolled", "pending", "active"]
Next = Literal["done", "totp", "enroll", "email"]

METHODS: tuple[Method, ...] = ("app", "email")
KINDS: tuple[Kind, ...] = ("employee", "extranet")
ENROLLMENT_STATES: tuple[EnrollmentState, ...] = ("not_enrolled", "pending", "active")

MAX_IP_ENTRIES = 100
MAX_IP_ENTRY_LENGTH = 64
_EMAIL = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+")
MAX_EMAIL_LENGTH = 254


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return tuple(_str(item) for item in value)


def _choice(value: object, allowed: Sequence[str]) -> str:
    text = _str(value)
    if text not in allowed:
        raise ValueError(f"unexpected value {text!r}")
    return text


def _opt_method(value: object) -> Method | None:
    return None if value is None else cast(Method, _choice(value, METHODS))


def parse_time(value: object) -> datetime:
    """An ISO 8601 time from the server; times without a zone are UTC (as the server stores)."""
    moment = datetime.fromisoformat(_str(value).replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _opt_time(value: object) -> datetime | None:
    return None if value is None else parse_time(value)


def _object(value: object) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return cast(Mapping[str, Any], value)


# -- policy -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupPolicy:
    """One block of "Modulegebruik > Tweestapsverificatie": medewerkers or extranetters."""

    enabled: bool
    method: Method
    user_adjustable: bool

    @classmethod
    def from_json(cls, data: object) -> GroupPolicy:
        body = _object(data)
        return cls(
            enabled=_bool(body["enabled"]),
            method=cast(Method, _choice(body["method"], METHODS)),
            user_adjustable=_bool(body["user_adjustable"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "method": self.method,
            "user_adjustable": self.user_adjustable,
        }


@dataclass(frozen=True)
class Policy:
    employees: GroupPolicy
    extranet: GroupPolicy
    authenticator_validity_hours: int
    mail_validity_days: int
    email_cutoff: date

    @classmethod
    def from_json(cls, data: object) -> Policy:
        body = _object(data)
        return cls(
            employees=GroupPolicy.from_json(body["employees"]),
            extranet=GroupPolicy.from_json(body["extranet"]),
            authenticator_validity_hours=_int(body["authenticator_validity_hours"]),
            mail_validity_days=_int(body["mail_validity_days"]),
            email_cutoff=date.fromisoformat(_str(body["email_cutoff"])),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "employees": self.employees.to_json(),
            "extranet": self.extranet.to_json(),
            "authenticator_validity_hours": self.authenticator_validity_hours,
            "mail_validity_days": self.mail_validity_days,
            "email_cutoff": self.email_cutoff.isoformat(),
        }

    def employees_locked(self, today: date) -> bool:
        """From the cut-off date on, employees always have 2FA with the app."""
        return today >= self.email_cutoff


# -- users ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFields:
    """What the Account tab edits (and what ``PATCH /api/admin/users/{name}`` takes)."""

    email: str | None = None
    admin: bool = False
    location_manager: bool = False
    modules: tuple[str, ...] = ()
    ip_allowlist: tuple[str, ...] = ()

    def changes_from(self, old: AccountFields) -> dict[str, Any]:
        """The ``PATCH`` body: only the keys that differ from ``old``."""
        mine, theirs = self._json(), old._json()
        return {key: value for key, value in mine.items() if theirs[key] != value}

    def _json(self) -> dict[str, Any]:
        return {
            "email": self.email,
            "admin": self.admin,
            "location_manager": self.location_manager,
            "modules": list(self.modules),
            "ip_allowlist": list(self.ip_allowlist),
        }


@dataclass(frozen=True)
class NewUser:
    name: str
    kind: Kind
    fields: AccountFields

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, **self.fields._json()}


@dataclass(frozen=True)
class User:
    name: str
    kind: Kind
    email: str | None
    admin: bool
    modules: tuple[str, ...]
    location_manager: bool
    ip_allowlist: tuple[str, ...]
    blocked: bool
    has_password: bool
    enrollment: EnrollmentState
    failed_codes: int
    throttled_until: datetime | None
    created_at: datetime
    method: Method | None = None
    """The second factor the policy asks of this user now; ``None`` while it is off."""
    method_choice: Method | None = None
    """What the user chose themselves (it counts where the policy lets users choose)."""

    @classmethod
    def from_json(cls, data: object) -> User:
        body = _object(data)
        return cls(
            name=_str(body["name"]),
            kind=cast(Kind, _choice(body["kind"], KINDS)),
            email=_opt_str(body["email"]),
            admin=_bool(body["admin"]),
            modules=_strings(body["modules"]),
            location_manager=_bool(body["location_manager"]),
            ip_allowlist=_strings(body["ip_allowlist"]),
            blocked=_bool(body["blocked"]),
            has_password=_bool(body["has_password"]),
            enrollment=cast(EnrollmentState, _choice(body["enrollment"], ENROLLMENT_STATES)),
            failed_codes=_int(body["failed_codes"]),
            throttled_until=_opt_time(body["throttled_until"]),
            created_at=parse_time(body["created_at"]),
            # A server from before these two fields says nothing about methods.
            method=_opt_method(body.get("method")),
            method_choice=_opt_method(body.get("method_choice")),
        )

    @property
    def fields(self) -> AccountFields:
        return AccountFields(
            email=self.email,
            admin=self.admin,
            location_manager=self.location_manager,
            modules=self.modules,
            ip_allowlist=self.ip_allowlist,
        )


@dataclass(frozen=True)
class MailSent:
    sent_to: str
    expires_at: datetime

    @classmethod
    def from_json(cls, data: object) -> MailSent:
        body = _object(data)
        return cls(sent_to=_str(body["sent_to"]), expires_at=parse_time(body["expires_at"]))


# -- the login ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrollment:
    """The setup key of an account whose authenticator is not paired yet."""

    secret: str = field(repr=False)
    otpauth_uri: str = field(repr=False)

    @classmethod
    def from_json(cls, data: object) -> Enrollment:
        body = _object(data)
        return cls(secret=_str(body["secret"]), otpauth_uri=_str(body["otpauth_uri"]))


@dataclass(frozen=True)
class Me:
    name: str
    admin: bool
    modules: tuple[str, ...]
    session_expires_at: datetime

    @classmethod
    def from_json(cls, data: object) -> Me:
        body = _object(data)
        return cls(
            name=_str(body["name"]),
            admin=_bool(body["admin"]),
            modules=_strings(body["modules"]),
            session_expires_at=parse_time(body["session_expires_at"]),
        )


# -- overview and audit ------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupCounts:
    not_enrolled: int = 0
    pending: int = 0
    active: int = 0
    blocked: int = 0
    total: int = 0

    @classmethod
    def from_json(cls, data: object) -> GroupCounts:
        body = _object(data)
        return cls(
            not_enrolled=_int(body["not_enrolled"]),
            pending=_int(body["pending"]),
            active=_int(body["active"]),
            blocked=_int(body["blocked"]),
            total=_int(body["total"]),
        )

    def count(self, state: EnrollmentState) -> int:
        return {"not_enrolled": self.not_enrolled, "pending": self.pending, "active": self.active}[
            state
        ]


@dataclass(frozen=True)
class OverviewWarning:
    code: str
    message: str


@dataclass(frozen=True)
class Overview:
    employees: GroupCounts
    extranet: GroupCounts
    p_and_o_admins: int
    warnings: tuple[OverviewWarning, ...]

    @classmethod
    def from_json(cls, data: object) -> Overview:
        body = _object(data)
        warnings = body["warnings"]
        if not isinstance(warnings, list):
            raise TypeError("warnings: expected a list")
        return cls(
            employees=GroupCounts.from_json(body["employees"]),
            extranet=GroupCounts.from_json(body["extranet"]),
            p_and_o_admins=_int(body["p_and_o_admins"]),
            warnings=tuple(
                OverviewWarning(code=_str(_object(w)["code"]), message=_str(_object(w)["message"]))
                for w in warnings
            ),
        )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str | None
    target: str | None
    action: str
    old: Any
    new: Any
    ip: str | None
    result: str

    @classmethod
    def from_json(cls, data: object) -> AuditEntry:
        body = _object(data)
        return cls(
            id=_int(body["id"]),
            at=parse_time(body["at"]),
            actor=_opt_str(body["actor"]),
            target=_opt_str(body["target"]),
            action=_str(body["action"]),
            old=body.get("old"),
            new=body.get("new"),
            ip=_opt_str(body["ip"]),
            result=_str(body["result"]),
        )

    @property
    def completes_login(self) -> bool:
        """A successful login: a right code, a finished pairing, or no code needed."""
        if self.result != "ok":
            return False
        if self.action in ("verify", "enroll_complete"):
            return True
        return (
            self.action == "login" and isinstance(self.new, dict) and self.new.get("next") == "done"
        )


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    target: str = ""
    action: str = ""
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 100

    def params(self) -> dict[str, str]:
        found: dict[str, str] = {"limit": str(self.limit)}
        for key in ("actor", "target", "action"):
            value = clean_line(getattr(self, key)).strip()
            if value:
                found[key] = value
        if self.since is not None:
            found["since"] = self.since.astimezone(UTC).isoformat()
        if self.until is not None:
            found["until"] = self.until.astimezone(UTC).isoformat()
        return found


AUDIT_ACTIONS: tuple[str, ...] = (
    "login",
    "verify",
    "enroll_complete",
    "email_code_sent",
    "activate",
    "admin_access",
    "policy_update",
    "user_create",
    "user_update",
    "method_choice",
    "reset_2fa",
    "block",
    "unblock",
    "reset_password",
    "activation_mail",
    "clear_throttle",
    "audit_retention",
)
"""Every action the server writes to the audit log (docs/server.md, *Audit*)."""


# -- checks before sending ---------------------------------------------------------------------


def parse_ip_list(text: str) -> tuple[str, ...]:
    """The entries of an "IP adres" field: addresses and CIDR ranges, comma-separated.

    Empty means no restriction. Raises :class:`InvalidIpList` naming the first bad entry.
    """
    entries = [item.strip() for item in text.split(",") if item.strip()]
    if len(entries) > MAX_IP_ENTRIES:
        raise TooManyIpEntries(MAX_IP_ENTRIES)
    canonical: list[str] = []
    for entry in entries:
        if len(entry) > MAX_IP_ENTRY_LENGTH:
            raise InvalidIpList(visible(entry[:MAX_IP_ENTRY_LENGTH]) + "\u2026")
        try:
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise InvalidIpList(visible(entry)) from None
        # The server's canonical form: a lone address without "/", a range as network/prefix.
        single = network.prefixlen == network.max_prefixlen and "/" not in entry
        canonical.append(str(network.network_address) if single else str(network))
    return tuple(dict.fromkeys(canonical))


def check_email(text: str) -> str | None:
    """``None`` for an empty field (no address), the address otherwise. A control character
    (an escape sequence, a NUL, a bidirectional override pasted along) is never an address:
    it would be stored on the server and shown in every list of the organisation."""
    address = text.strip()
    if not address:
        return None
    if has_controls(address) or len(address) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(address):
        raise InvalidEmail(_quotable(address))
    return address


def _quotable(text: str) -> str:
    """What was typed, fit to quote in a sentence: controls shown escaped, at most 60."""
    shown = visible(text)
    return shown if len(shown) <= 60 else shown[:59] + "\u2026"

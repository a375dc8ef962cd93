"""The login flow's results: password, then (enroll | totp | email), then done."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from server_stub.domain.policy import Method
from server_stub.domain.users import Kind

Step = Literal["done", "totp", "enroll", "email"]
"""Where a login session stands: the code it waits for, or ``done``."""


@dataclass(frozen=True)
class LoginStarted:
    """A correct password: the new session's token and the step it starts at."""

    token: str = field(repr=False)
    next: Step


@dataclass(frozen=True)
class LiveSession:
    """A login session a request may use: its step and whose it is."""

    step: Step
    user_name: str


@dataclass(frozen=True)
class Pairing:
    """What the user pairs an authenticator app with: the setup key (instelsleutel, base32
    without padding), the same key as an ``otpauth://`` link, and that link as a QR code."""

    secret: str = field(repr=False)
    otpauth_uri: str = field(repr=False)
    qr_svg: str = field(repr=False)


@dataclass(frozen=True)
class Verified:
    """A correct code: the trusted-device token and until when the policy trusts it now."""

    device_token: str = field(repr=False)
    trusted_until: datetime


@dataclass(frozen=True)
class SessionUser:
    """The user of a completed session, as they may see themselves."""

    name: str
    kind: Kind
    email: str | None
    admin: bool
    modules: list[str]
    location_manager: bool
    method: Method | None
    """The second factor in force for this user, if any."""
    session_expires_at: datetime

"""What every service needs: settings, database, clock, secret box, password hasher, mailer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from server_stub.clock import Clock
from server_stub.crypto import SecretBox
from server_stub.db import Database
from server_stub.mail import Mailer
from server_stub.security.passwords import HashesBusy, Passwords
from server_stub.services.errors import Unavailable
from server_stub.settings import Settings


@dataclass(frozen=True)
class Actor:
    """Who asks, for the audit log: an administrator's name, "cli", or a user logging in."""

    name: str | None
    ip: str | None = None


@dataclass
class ServiceContext:
    settings: Settings
    db: Database
    clock: Clock
    box: SecretBox
    passwords: Passwords
    mailer: Mailer


@contextmanager
def hash_slot() -> Iterator[None]:
    """Around password hashing: every hash slot taken becomes a 503 ``busy`` answer."""
    try:
        yield
    except HashesBusy as busy:
        raise Unavailable(busy.retry_after, "busy") from None

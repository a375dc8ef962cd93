"""The database tables (SQLAlchemy 2 typed mappings).

Secrets (TOTP secrets, e-mail codes) are stored only as AES-256-GCM ciphertexts made by
:mod:`server_stub.crypto`; tokens (sessions, trusted devices, activation links) only as their
SHA-256 hashes. Every datetime is aware UTC in Python; PostgreSQL keeps it as ``timestamp
with time zone`` (whatever the server's or the session's ``TimeZone``), SQLite as naive UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps.

    ``timestamp with time zone`` where the database has one (PostgreSQL: an absolute instant,
    compared as such); elsewhere (SQLite) naive UTC, a column type that is the same either way.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"not a datetime: {value!r}")
        # PostgreSQL answers in the session's time zone; SQLite naive, as stored (UTC).
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


CASCADE = "CASCADE"


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "employee" | "extranet"
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    password_hash: Mapped[str | None] = mapped_column(String(255), default=None)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    modules: Mapped[str] = mapped_column(String(255), default="")  # canonical, comma-separated
    location_manager: Mapped[bool] = mapped_column(Boolean, default=False)
    ip_allowlist: Mapped[str] = mapped_column(Text, default="")  # canonical, comma-separated
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    method_choice: Mapped[str | None] = mapped_column(String(8), default=None)
    # Second-factor throttle, separate from anything about passwords.
    otp_failures: Mapped[int] = mapped_column(Integer, default=0)
    otp_retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


# One account per name whatever its letters' case ("Anna" beside "anna" is a trap for the
# administrator); lookups use the same expression (services/users.py, ``name_matches``).
# Names are ASCII (schemas/users.py), so SQLite's ASCII-only lower() is exact there too.
USERS_NAME_LOWER = Index("uq_users_name_lower", func.lower(User.name), unique=True)


class TotpCredential(Base):
    """A completed pairing. ``last_step`` is the last accepted time step (replay guard)."""

    __tablename__ = "totp_credentials"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    last_step: Mapped[int] = mapped_column(BigInteger, default=-1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PendingEnrollment(Base):
    """The secret shown at the last password login of a user who has not paired yet."""

    __tablename__ = "pending_enrollments"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginSession(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), index=True)
    state: Mapped[str] = mapped_column(String(16))  # enroll | totp | email | done
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    ip: Mapped[str | None] = mapped_column(String(64), default=None)


class TrustedDevice(Base):
    __tablename__ = "trusted_devices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), index=True)
    method: Mapped[str] = mapped_column(String(8))  # app | email
    verified_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EmailCode(Base):
    __tablename__ = "email_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), index=True)
    code: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class ActivationToken(Base):
    __tablename__ = "activation_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete=CASCADE), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class PolicyRow(Base):
    """The single row of "Modulegebruik" (id 1): the one source of truth for the policy."""

    __tablename__ = "policy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employees_enabled: Mapped[bool] = mapped_column(Boolean)
    employees_method: Mapped[str] = mapped_column(String(8))
    employees_user_adjustable: Mapped[bool] = mapped_column(Boolean)
    extranet_enabled: Mapped[bool] = mapped_column(Boolean)
    extranet_method: Mapped[str] = mapped_column(String(8))
    extranet_user_adjustable: Mapped[bool] = mapped_column(Boolean)
    authenticator_validity_hours: Mapped[int] = mapped_column(Integer)
    mail_validity_days: Mapped[int] = mapped_column(Integer)
    email_cutoff: Mapped[date] = mapped_column(Date)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor: Mapped[str | None] = mapped_column(String(64), index=True)
    target: Mapped[str | None] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    old: Mapped[str | None] = mapped_column(Text)  # JSON
    new: Mapped[str | None] = mapped_column(Text)  # JSON
    ip: Mapped[str | None] = mapped_column(String(64))
    # 64: refusal codes such as employees_require_app_after_cutoff are longer than 32.
    result: Mapped[str] = mapped_column(String(64))


class AuditSettings(Base):
    """The audit log's own settings (one row, id 1; the default before any save): how many
    days an entry is kept before the purge deletes it."""

    __tablename__ = "audit_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    retention_days: Mapped[int] = mapped_column(Integer)


class PasswordFailures(Base):
    """Wrong passwords counted for one account name or one client address (services/
    password_throttle.py). The key is a keyed hash: the name may be a password typed in the
    wrong field, and neither needs to be readable here."""

    __tablename__ = "password_failures"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)  # "name:<hex>" | "addr:<hex>"
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

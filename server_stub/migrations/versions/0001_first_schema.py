"""The schema as the server created it before it had migrations (``create_all``), the state
every database without a migration revision is taken to be in at least.

Written out here, not read from ``models.py``: a migration describes one moment and must not
change when the models do. Index names are the ones SQLAlchemy gave them (``ix_<table>_<col>``).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _at(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _user_id(*, primary_key: bool = False) -> sa.Column[object]:
    return sa.Column(
        "user_id",
        sa.Integer(),
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary_key,
    )


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("modules", sa.String(255), nullable=False),
        sa.Column("location_manager", sa.Boolean(), nullable=False),
        sa.Column("ip_allowlist", sa.Text(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("method_choice", sa.String(8), nullable=True),
        sa.Column("otp_failures", sa.Integer(), nullable=False),
        _at("otp_retry_at", nullable=True),
        _at("created_at"),
    )
    op.create_index("ix_users_name", "users", ["name"], unique=True)

    op.create_table(
        "totp_credentials",
        _user_id(primary_key=True),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("last_step", sa.BigInteger(), nullable=False),
        _at("created_at"),
    )
    op.create_table(
        "pending_enrollments",
        _user_id(primary_key=True),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        _at("created_at"),
        _at("expires_at"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _user_id(),
        sa.Column("state", sa.String(16), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("completed_at", nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
    )
    op.create_index("ix_sessions_token_hash", "sessions", ["token_hash"], unique=True)
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])

    op.create_table(
        "trusted_devices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _user_id(),
        sa.Column("method", sa.String(8), nullable=False),
        _at("verified_at"),
    )
    op.create_index("ix_trusted_devices_token_hash", "trusted_devices", ["token_hash"], unique=True)
    op.create_index("ix_trusted_devices_user_id", "trusted_devices", ["user_id"])

    op.create_table(
        "email_codes",
        sa.Column("id", sa.Integer(), primary_key=True),
        _user_id(),
        sa.Column("code", sa.LargeBinary(), nullable=False),
        _at("created_at"),
        _at("expires_at"),
        _at("used_at", nullable=True),
    )
    op.create_index("ix_email_codes_user_id", "email_codes", ["user_id"])

    op.create_table(
        "activation_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _user_id(),
        _at("created_at"),
        _at("expires_at"),
        _at("used_at", nullable=True),
    )
    op.create_index(
        "ix_activation_tokens_token_hash", "activation_tokens", ["token_hash"], unique=True
    )
    op.create_index("ix_activation_tokens_user_id", "activation_tokens", ["user_id"])

    op.create_table(
        "policy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("employees_enabled", sa.Boolean(), nullable=False),
        sa.Column("employees_method", sa.String(8), nullable=False),
        sa.Column("employees_user_adjustable", sa.Boolean(), nullable=False),
        sa.Column("extranet_enabled", sa.Boolean(), nullable=False),
        sa.Column("extranet_method", sa.String(8), nullable=False),
        sa.Column("extranet_user_adjustable", sa.Boolean(), nullable=False),
        sa.Column("authenticator_validity_hours", sa.Integer(), nullable=False),
        sa.Column("mail_validity_days", sa.Integer(), nullable=False),
        sa.Column("email_cutoff", sa.Date(), nullable=False),
    )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        _at("at"),
        sa.Column("actor", sa.String(64), nullable=True),
        sa.Column("target", sa.String(64), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("result", sa.String(32), nullable=False),
    )
    for column in ("at", "actor", "target", "action"):
        op.create_index(f"ix_audit_log_{column}", "audit_log", [column])

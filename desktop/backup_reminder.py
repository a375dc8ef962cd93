"""When the accounts were last exported to a file, kept in the vault's settings, for the
window's reminder to make a first backup."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.vault import Vault

LAST_BACKUP_SETTING = "last_backup"
"""Vault setting: when the accounts were last exported to a file (ISO 8601, UTC)."""


def record_backup(vault: Vault, now: float) -> None:
    vault.set_setting(
        LAST_BACKUP_SETTING, datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def last_backup(vault: Vault) -> datetime | None:
    value = vault.settings.get(LAST_BACKUP_SETTING)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def backup_reminder_due(vault: Vault) -> bool:
    """Accounts exist and none was ever exported to a file."""
    return bool(vault.accounts) and last_backup(vault) is None

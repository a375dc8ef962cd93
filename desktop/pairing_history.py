"""When each account was added to Tweestap, and whether it replaced an older entry.

The help for a code that does not work asks whether the pairing was completed: an account
added from a QR code whose login page then got no code is not paired, and the next login
shows a new QR code; the old entry must then be replaced. Knowing when an account was
added, and that it replaced an older entry for the same login, lets the help say so.

Kept inside the (encrypted) vault, in its ``settings`` under ``pairings``: ``{account id:
{"at": unix time, "replaced": bool}}``. Entries of deleted accounts are dropped whenever
one is written. Nothing here reads a clock: the caller passes the moment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.vault import Vault

KEY = "pairings"


@dataclass(frozen=True, slots=True)
class Pairing:
    at: float
    """When the account was added (Unix time)."""
    replaced: bool
    """It took the place of an older entry for the same login (a new pairing)."""


def pairing_of(vault: Vault, account_id: str) -> Pairing | None:
    """What is known about ``account_id`` (``None``: added before this was kept, or by the
    command line or an import)."""
    entry = _entries(vault).get(account_id)
    if not isinstance(entry, dict):
        return None
    at, replaced = entry.get("at"), entry.get("replaced", False)
    if isinstance(at, bool) or not isinstance(at, int | float) or not math.isfinite(at):
        return None
    return Pairing(float(at), replaced is True)


def record(vault: Vault, account_id: str, *, at: float, replaced: bool) -> None:
    """Remember that ``account_id`` was added at ``at`` (replacing an older entry or not)."""
    existing = {account.id for account in vault.accounts}
    kept = {key: value for key, value in _entries(vault).items() if key in existing}
    kept[account_id] = {"at": at, "replaced": replaced}
    vault.set_setting(KEY, kept)


def _entries(vault: Vault) -> dict[str, object]:
    value = vault.settings.get(KEY)
    if not isinstance(value, dict):
        return {}
    return {key: item for key, item in value.items() if isinstance(key, str)}

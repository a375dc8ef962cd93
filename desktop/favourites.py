"""Favourite accounts: listed first in the tray menu.

Kept inside the (encrypted) vault, in its ``settings`` mapping under ``favourites`` as a
list of account ids: which accounts someone uses most is about the accounts, so it stays
with them and travels with the vault file.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.otp.model import Account
from desktop.vault import Vault

KEY = "favourites"


def favourite_ids(vault: Vault) -> list[str]:
    """The stored favourites (anything that is not a list of ids reads as none)."""
    value = vault.settings.get(KEY)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str)]


def is_favourite(vault: Vault, account_id: str) -> bool:
    return account_id in favourite_ids(vault)


def set_favourite(vault: Vault, account_id: str, favourite: bool) -> None:
    """Mark or unmark one account; ids of deleted accounts are dropped on the way."""
    existing = {account.id for account in vault.accounts}
    ids = [i for i in favourite_ids(vault) if i in existing and i != account_id]
    if favourite:
        ids.append(account_id)
    vault.set_setting(KEY, ids or None)


def favourites_first(accounts: Iterable[Account], ids: Iterable[str]) -> list[Account]:
    """The favourites, then the others, each group in the person's own order."""
    wanted = set(ids)
    listed = list(accounts)
    return [a for a in listed if a.id in wanted] + [a for a in listed if a.id not in wanted]

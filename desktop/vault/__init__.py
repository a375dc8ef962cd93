"""The encrypted vault that holds the accounts (see ``docs/vault-format.md``).

``open_vault()`` is the entry point; everything a caller needs is re-exported here.
"""

from desktop.vault.errors import (
    AmbiguousAccount,
    DuplicateAccount,
    KeyMissing,
    KeyNotice,
    KeyringProblem,
    KeyringUnavailable,
    PasswordNeeded,
    SaveFailed,
    UnknownAccount,
    VaultChanged,
    VaultCorrupt,
    VaultError,
    VaultLocked,
    VaultTooNew,
    VaultUnreadable,
    WrongPassword,
)
from desktop.vault.keys import KeySource, ScryptParams
from desktop.vault.manager import PasswordPrompt, PasswordRequest, Vault
from desktop.vault.opening import open_vault, set_aside_corrupt

__all__ = [
    "AmbiguousAccount",
    "DuplicateAccount",
    "KeyMissing",
    "KeyNotice",
    "KeySource",
    "KeyringProblem",
    "KeyringUnavailable",
    "PasswordNeeded",
    "PasswordPrompt",
    "PasswordRequest",
    "SaveFailed",
    "ScryptParams",
    "UnknownAccount",
    "Vault",
    "VaultChanged",
    "VaultCorrupt",
    "VaultError",
    "VaultLocked",
    "VaultTooNew",
    "VaultUnreadable",
    "WrongPassword",
    "open_vault",
    "set_aside_corrupt",
]

"""What can go wrong with the vault, each as a sentence a person can act on.

Every sentence is English source text marked for ``pyside6-lupdate``; the CLI and the
windows translate it and fill in the ``{placeholders}``. No sentence ever contains a
secret, a key or a password.
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import Account


class VaultError(UserError):
    """Base of the vault's errors."""


class VaultCorrupt(VaultError):
    """The file exists but cannot be decrypted or parsed; it has been left untouched."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file with your accounts, {path}, cannot be read: it is damaged or was "
                "changed outside Tweestap. It has been kept untouched. You can start again "
                "with an empty list; the damaged file is then kept aside as a copy.",
            ),
            path=str(path),
        )
        self.path = path
        self.detail = detail  # technical, English, for logs and bug reports


class VaultTooNew(VaultError):
    """A file written by a newer Tweestap, in a format this one does not know."""

    def __init__(self, path: Path, version: object) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file with your accounts, {path}, was written by a newer version of "
                "Tweestap (format {version}). Update Tweestap to open it; the file has been "
                "kept untouched.",
            ),
            path=str(path),
            version=version,
        )
        self.path = path


class VaultUnreadable(VaultError):
    """The file exists but the system refuses to read it (permissions, I/O error)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "The file with your accounts, {path}, cannot be opened ({reason})."
            ),
            path=str(path),
            reason=reason,
        )
        self.path = path


class WrongPassword(VaultError):
    """The password does not open the vault; nothing was opened or changed."""

    def __init__(self, *, from_environment: bool = False) -> None:
        if from_environment:
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "The password in TWEESTAP_PASSWORD is wrong; nothing was opened or changed.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Errors", "The password is wrong; nothing was opened or changed."
            )
        super().__init__(text)
        self.from_environment = from_environment


class PasswordNeeded(VaultError):
    """A password is needed and none was given (or an empty one, for a new vault)."""

    @classmethod
    def to_open(cls, path: Path) -> PasswordNeeded:
        return cls(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Your accounts in {path} are protected by a password. Type it when asked, or "
                "set TWEESTAP_PASSWORD.",
            ),
            path=str(path),
        )

    @classmethod
    def to_create(cls) -> PasswordNeeded:
        return cls(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Tweestap needs a new password to protect your accounts, because the system "
                "keyring cannot be used. Nothing was stored. Type a password when asked, or "
                "set TWEESTAP_PASSWORD.",
            )
        )

    @classmethod
    def empty(cls) -> PasswordNeeded:
        return cls(QT_TRANSLATE_NOOP("Errors", "The password cannot be empty; nothing was stored."))


class KeyMissing(VaultError):
    """A keyring-mode vault whose key is not (or no longer the right one) in the keyring."""

    def __init__(self, path: Path, entry: str, *, wrong_key: bool = False) -> None:
        if wrong_key:
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "The system keyring holds a key for your accounts in {path} (entry "
                "\u201c{entry}\u201d) that does not open them. The file has been kept "
                "untouched; restore the keyring from a backup, or start again with an empty "
                "list.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "The key to your accounts in {path} is missing from the system keyring "
                "(entry \u201c{entry}\u201d), so they cannot be opened. The file has been "
                "kept untouched; restore the keyring from a backup, or start again with an "
                "empty list.",
            )
        super().__init__(text, path=str(path), entry=entry)
        self.path = path
        self.entry = entry


class KeyringUnavailable(VaultError):
    """A keyring-mode vault while the keyring cannot be used (off, locked, failing)."""

    def __init__(self, path: Path, problem: KeyringProblem) -> None:
        if problem.kind == "locked":
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "Your accounts in {path} are protected by a key in the system keyring, but "
                "the keyring is locked. Unlock it and try again; the file has been kept "
                "untouched.",
            )
        elif problem.kind in {"none", "off"}:
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "Your accounts in {path} are protected by a key in the system keyring, but "
                "no system keyring is available now. Start Tweestap in your desktop session "
                "(where the keyring runs) and try again; the file has been kept untouched.",
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "Errors",
                "Your accounts in {path} are protected by a key in the system keyring, but "
                "the keyring did not work ({detail}). Try again; the file has been kept "
                "untouched.",
            )
        super().__init__(text, path=str(path), detail=problem.detail)
        self.path = path
        self.problem = problem


class DuplicateAccount(VaultError):
    """An account for the same issuer and name is already stored (``existing``)."""

    def __init__(self, existing: Account) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "An account for {label} already exists (id {id})."),
            label=existing.label,
            id=existing.id,
        )
        self.existing = existing


class UnknownAccount(VaultError):
    """No stored account has this id (or id prefix)."""

    def __init__(self, account_id: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "No account has the id {id}."), id=account_id)
        self.account_id = account_id


class AmbiguousAccount(VaultError):
    """An id prefix that fits more than one account (``matches``)."""

    def __init__(self, prefix: str, matches: tuple[Account, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} accounts have an id starting with {prefix}; give more of the id.",
            ),
            count=len(matches),
            prefix=prefix,
        )
        self.prefix = prefix
        self.matches = matches


class SaveFailed(VaultError):
    """Writing the file failed; the vault in memory and on disk are as before."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Your change could not be saved in {path} ({reason}); nothing was changed.",
            ),
            path=str(path),
            reason=reason,
        )
        self.path = path


class VaultChanged(VaultError):
    """Another Tweestap changed the file in a way this one cannot follow (e.g. a new key)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The file with your accounts, {path}, was changed by another Tweestap in a way "
                "this one cannot follow. Your change was not saved; close Tweestap and open "
                "it again.",
            ),
            path=str(path),
        )
        self.path = path


class VaultLocked(VaultError):
    """The app lock is on: the key is not in memory, so nothing can be read or changed."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Tweestap is locked. Unlock it first; nothing was changed.")
        )


class KeyNotice(UserError):
    """Not an error: why the accounts are protected with a password (``Vault.key_notice``)."""


class KeyringProblem(KeyNotice):
    """Why the system keyring cannot hold a new vault's key (also a :class:`KeyNotice`).

    ``kind`` is one of ``none`` (no keyring), ``off`` (switched off), ``locked``,
    ``failed`` (an error, ``detail`` names it) and ``forgot`` (it did not keep the key).
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        match kind:
            case "none":
                text = QT_TRANSLATE_NOOP(
                    "Errors",
                    "No system keyring (such as GNOME Keyring, KWallet or the Windows "
                    "Credential Manager) is available, so Tweestap protects your accounts "
                    "with a password instead.",
                )
            case "off":
                text = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The system keyring is switched off for Tweestap (PYTHON_KEYRING_BACKEND), "
                    "so Tweestap protects your accounts with a password instead.",
                )
            case "locked":
                text = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The system keyring is locked, so Tweestap protects your accounts with a "
                    "password instead.",
                )
            case "forgot":
                text = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The system keyring did not keep the key it was given, so Tweestap "
                    "protects your accounts with a password instead.",
                )
            case _:
                text = QT_TRANSLATE_NOOP(
                    "Errors",
                    "The system keyring did not work ({detail}), so Tweestap protects your "
                    "accounts with a password instead.",
                )
        super().__init__(text, detail=detail)
        self.kind = kind
        self.detail = detail


def earlier_fallback_notice() -> KeyNotice:
    """The notice of a vault that went to password mode when it was created."""
    return KeyNotice(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Your accounts are protected with a password because no system keyring could be "
            "used when they were first stored.",
        )
    )


def password_prompt_reason(path: Path) -> KeyNotice:
    """The reason given with the request for an existing vault's password."""
    return KeyNotice(
        QT_TRANSLATE_NOOP("Errors", "Your accounts in {path} are protected by a password."),
        path=str(path),
    )


def app_lock_notice() -> KeyNotice:
    """Why a new password is asked for when the person turns the app lock on."""
    return KeyNotice(
        QT_TRANSLATE_NOOP(
            "Errors",
            "With the app lock on, the key to your accounts is protected by this password "
            "instead of the system keyring. When Tweestap locks, nobody can see or copy your "
            "codes without the password, not even with access to your keyring and files.",
        )
    )

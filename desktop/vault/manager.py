"""The vault as the app uses it: open or create it, change accounts, every change saved.

Layering (like Aegis): :mod:`.format` turns bytes into a header and contents and back,
:mod:`.store` reads and atomically replaces the file, :mod:`.keys` gets the master key from
the keyring or a password; this module ties them together and speaks to people only through
the :mod:`.errors` sentences. Opening or creating the file is :mod:`.opening`.

Every change works on a copy of the account list and becomes the vault's state only after
the file was replaced: a failed save leaves memory and disk as they were. Before saving,
the file is read again; if another Tweestap (the CLI next to the window) changed it in the
meantime, the change is re-applied on top of that newer list instead of overwriting it.
"""

from __future__ import annotations

import hmac
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from desktop.errors import UserError
from desktop.otp.model import Account, OtpType, check_storable, new_id
from desktop.vault import format as fmt
from desktop.vault import store
from desktop.vault.errors import (
    AmbiguousAccount,
    DuplicateAccount,
    KeyringProblem,
    KeyringUnavailable,
    PasswordNeeded,
    SaveFailed,
    UnknownAccount,
    VaultChanged,
    VaultCorrupt,
    VaultLocked,
    VaultTooNew,
    VaultUnreadable,
    WrongPassword,
)
from desktop.vault.format import Contents, Header, KeyringKeySpec, ScryptKeySpec
from desktop.vault.keys import (
    KeyKind,
    Keyring,
    KeyringFailureError,
    KeyringKey,
    KeySource,
    LockedKey,
    PasswordKey,
    ScryptParams,
    keyring_username,
    new_master_key,
)

T = TypeVar("T")
MIN_ID_PREFIX = 4


@dataclass(frozen=True, slots=True)
class PasswordRequest:
    """What a password prompt is asked for.

    ``new``: choose a password for a new vault (ask twice), else type the existing one.
    ``reason``: a :class:`~desktop.errors.UserError` to show above the prompt; render it like
    any error (``error.render(translate)``). For a new vault it says why the system keyring
    cannot be used; for an existing one, which file the password is for.
    ``path``: the vault file.
    """

    new: bool
    reason: UserError
    path: Path


PasswordPrompt = Callable[[PasswordRequest], str | None]
"""Returns the password, or ``None`` if the person cancelled or cannot be asked."""


class Vault:
    """The accounts in one encrypted file. Create with :func:`open_vault`."""

    path: Path
    key_notice: UserError | None
    """Why the accounts are protected with a password instead of the keyring (password mode
    because no keyring could be used); ``None`` in keyring mode or when the person chose the
    password."""
    set_aside_file: Path | None
    """Where an unreadable file was moved by ``start_fresh_after_corrupt``, else ``None``."""
    created: bool
    """True if :func:`open_vault` created this vault (there was no file)."""

    def __init__(
        self,
        *,
        path: Path,
        vault_id: str,
        key: KeySource,
        contents: Contents,
        fingerprint: bytes,
        keyring: Keyring,
        key_notice: UserError | None,
        created: bool,
    ) -> None:
        self.path = path
        self.vault_id = vault_id
        self.key_notice = key_notice
        self.set_aside_file = None
        self.created = created
        self._key = key
        self._contents = contents
        self._fingerprint = fingerprint
        self._keyring = keyring

    def __repr__(self) -> str:
        return (
            f"Vault(path={str(self.path)!r}, key_storage={self.key_storage!r}, "
            f"accounts={len(self.accounts)})"
        )

    # -- reading ----------------------------------------------------------------------------

    @property
    def accounts(self) -> tuple[Account, ...]:
        """In the user's order."""
        return self._contents.accounts

    @property
    def key_storage(self) -> KeyKind:
        return self._key.kind

    @property
    def settings(self) -> Mapping[str, Any]:
        """Stored settings (read-only; change one with :meth:`set_setting`)."""
        return types.MappingProxyType(dict(self._contents.settings))

    def get(self, account_id: str) -> Account:
        """By id, or by a unique id prefix of at least 4 characters (case-insensitive)."""
        wanted = account_id.strip().casefold()
        for account in self.accounts:
            if account.id.casefold() == wanted:
                return account
        if len(wanted) >= MIN_ID_PREFIX:
            matches = tuple(a for a in self.accounts if a.id.casefold().startswith(wanted))
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise AmbiguousAccount(account_id.strip(), matches)
        raise UnknownAccount(account_id.strip())

    def find(self, query: str) -> list[Account]:
        """Case-insensitive substring of issuer, name or label, or an id prefix (>= 4
        characters); in the user's order. An empty query finds every account."""
        wanted = query.strip().casefold()
        return [account for account in self.accounts if _matches(account, wanted)]

    def reload(self) -> None:
        """Read the file again (another Tweestap may have changed it)."""
        self._contents = self._latest()

    # -- changing ---------------------------------------------------------------------------

    def add(self, account: Account, *, replace_existing: bool = False) -> Account:
        """Append ``account``; returns it as stored (with a fresh id if its id was taken).

        An account for the same login (:meth:`Account.same_login`) raises
        :class:`DuplicateAccount`, or with ``replace_existing`` takes that entry's place.
        What the vault does not take in raises ``InvalidAccount`` (``check_storable``).
        """
        check_storable(account)

        def change(accounts: list[Account]) -> Account:
            for index, existing in enumerate(accounts):
                if existing.same_login(account):
                    if not replace_existing:
                        raise DuplicateAccount(existing)
                    stored = _with_free_id(account, accounts[:index] + accounts[index + 1 :])
                    accounts[index] = stored
                    return stored
            stored = _with_free_id(account, accounts)
            accounts.append(stored)
            return stored

        return self._change(change)

    def add_many(self, accounts: Iterable[Account]) -> list[Account]:
        """Append ``accounts`` in order with one save: all of them, or (on error) none.

        Returns them as stored (a taken id is replaced by a fresh one). Unlike :meth:`add`,
        an account for a login the vault has already is stored as well: deciding what to
        leave out of a bulk addition is :mod:`desktop.importers.into_vault`'s job. Nothing is
        saved when there is nothing to add.
        """
        chosen = list(accounts)
        return self.add_chosen(lambda _stored: chosen)

    def add_chosen(
        self, choose: Callable[[tuple[Account, ...]], Iterable[Account]]
    ) -> list[Account]:
        """Like :meth:`add_many`, with the accounts ``choose`` picks given the accounts
        stored at that moment (the file is read again first, so another Tweestap's change
        is taken into account rather than overwritten)."""
        latest = self._latest()
        self._contents = latest
        stored = list(latest.accounts)
        taken = {account.id for account in stored}
        added: list[Account] = []
        for account in choose(latest.accounts):
            check_storable(account)
            while account.id in taken:
                account = account.replace(id=new_id())
            taken.add(account.id)
            stored.append(account)
            added.append(account)
        if added:
            self._save(self._key, replace(latest, accounts=tuple(stored)))
        return added

    def set_setting(self, key: str, value: object) -> None:
        """Store one setting (any JSON value) in the vault; ``None`` removes it."""
        latest = self._latest()
        self._contents = latest
        settings = dict(latest.settings)
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
        self._save(self._key, replace(latest, settings=settings))

    def remove(self, account_id: str) -> Account:
        def change(accounts: list[Account]) -> Account:
            return accounts.pop(_index(accounts, account_id))

        return self._change(change)

    def rename(self, account_id: str, *, issuer: str, name: str) -> Account:
        """New issuer and name (trimmed); :class:`DuplicateAccount` if another account
        already has them."""

        def change(accounts: list[Account]) -> Account:
            index = _index(accounts, account_id)
            renamed = accounts[index].replace(issuer=issuer.strip(), name=name.strip())
            check_storable(renamed)
            for other in accounts:
                if other.id != account_id and other.same_login(renamed):
                    raise DuplicateAccount(other)
            accounts[index] = renamed
            return renamed

        return self._change(change)

    def move(self, account_id: str, index: int) -> None:
        """Put the account at position ``index`` (clamped to the list)."""

        def change(accounts: list[Account]) -> None:
            account = accounts.pop(_index(accounts, account_id))
            accounts.insert(max(0, min(index, len(accounts))), account)

        self._change(change)

    def advance_counter(self, account_id: str) -> Account:
        """HOTP: count one code as used (counter + 1) and save before it is shown."""

        def change(accounts: list[Account]) -> Account:
            index = _index(accounts, account_id)
            account = accounts[index]
            if account.type is not OtpType.HOTP:
                raise ValueError("only HOTP accounts have a counter to advance")
            advanced = account.replace(counter=account.counter + 1)
            check_storable(advanced)
            accounts[index] = advanced
            return advanced

        return self._change(change)

    # -- key source -------------------------------------------------------------------------

    def protect_with_password(
        self, password: str, *, scrypt_params: ScryptParams | None = None
    ) -> None:
        """Protect the vault with ``password`` (also: change the password). A keyring entry
        the vault used is deleted afterwards."""
        if not password:
            raise PasswordNeeded.empty()
        self._require_unlocked()
        previous = self._key
        self._rekey(PasswordKey.new(password, "chosen", scrypt_params))
        self.key_notice = None
        if isinstance(previous, KeyringKey):
            self._keyring.delete(previous.spec.username)

    def use_keyring(self) -> None:
        """Move the key into the system keyring; :class:`KeyringUnavailable` if it cannot
        hold it (the vault then stays as it was)."""
        if isinstance(self._key, KeyringKey):
            return
        self._require_unlocked()
        key = _new_keyring_key(self._keyring, self.vault_id)
        if isinstance(key, KeyringProblem):
            raise KeyringUnavailable(self.path, key)
        try:
            self._rekey(key)
        except BaseException:
            self._keyring.delete(key.spec.username)
            raise
        self.key_notice = None

    # -- the app lock -------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return isinstance(self._key, LockedKey)

    def lock(self) -> None:
        """Forget the master key and the decrypted accounts until :meth:`unlock`.

        Only a vault protected by a password can be locked (a keyring vault would open
        again without one). Python cannot wipe memory; this drops every reference the vault
        holds, and while locked every read or change raises :class:`VaultLocked`.
        """
        if isinstance(self._key, LockedKey):
            return
        if not isinstance(self._key, PasswordKey):
            raise ValueError("only a vault protected by a password can be locked")
        self._key = LockedKey(self._key.spec)
        self._contents = Contents()
        self._fingerprint = b""  # nothing read: the file is never "unchanged"

    def unlock(self, password: str) -> None:
        """Open the file again with ``password``; :class:`WrongPassword` changes nothing."""
        if not isinstance(self._key, LockedKey):
            return
        data = _read(self.path)
        if data is None:
            raise VaultUnreadable(self.path, "no such file")
        try:
            sealed = fmt.read_header(data)
            spec = sealed.header.key
            if sealed.header.vault_id != self.vault_id or not isinstance(spec, ScryptKeySpec):
                raise VaultChanged(self.path)
            key = PasswordKey.from_password(password, spec)
            contents = fmt.open_sealed(sealed, key.master_key)
        except fmt.WrongKeyError:
            raise WrongPassword() from None
        except fmt.UnsupportedVersionError as error:
            raise VaultTooNew(self.path, error.version) from None
        except fmt.CorruptDataError as error:
            raise VaultCorrupt(self.path, str(error)) from None
        self._key = key
        self._contents = contents
        self._fingerprint = store.fingerprint(data)

    def check_password(self, password: str) -> None:
        """Make sure ``password`` is the one that protects this unlocked vault (before
        showing a secret while the app lock is on); :class:`WrongPassword` if it is not.

        As slow as unlocking: the key is derived again with the vault's own scrypt
        parameters and compared in constant time. A vault whose key is in the system
        keyring has no password to check (``ValueError``: ask ``key_storage`` first).
        """
        self._require_unlocked()
        if not isinstance(self._key, PasswordKey):
            raise ValueError("no password protects this vault")
        candidate = PasswordKey.from_password(password, self._key.spec)
        if not hmac.compare_digest(candidate.master_key, self._key.master_key):
            raise WrongPassword()

    def _require_unlocked(self) -> None:
        if isinstance(self._key, LockedKey):
            raise VaultLocked

    # -- internals --------------------------------------------------------------------------

    def _change(self, change: Callable[[list[Account]], T]) -> T:
        latest = self._latest()
        self._contents = latest
        accounts = list(latest.accounts)
        result = change(accounts)
        self._save(self._key, replace(latest, accounts=tuple(accounts)))
        return result

    def _rekey(self, key: KeySource) -> None:
        self._save(key, self._latest())

    def _save(self, key: KeySource, contents: Contents) -> None:
        data = fmt.seal(Header(vault_id=self.vault_id, key=key.spec), contents, key.master_key)
        try:
            store.write_atomic(self.path, data)
        except store.StoreError as error:
            raise SaveFailed(self.path, error.reason) from error
        self._key = key
        self._contents = contents
        self._fingerprint = store.fingerprint(data)

    def _latest(self) -> Contents:
        """The contents as on disk now: ours if the file did not change since we read or
        wrote it (or was removed), else the other writer's, decrypted with our key."""
        try:
            data = store.read(self.path)
        except store.StoreError as error:
            raise SaveFailed(self.path, error.reason) from error
        if data is None or store.fingerprint(data) == self._fingerprint:
            return self._contents
        try:
            sealed = fmt.read_header(data)
            if sealed.header.vault_id != self.vault_id or sealed.header.key != self._key.spec:
                raise VaultChanged(self.path)
            contents = fmt.open_sealed(sealed, self._key.master_key)
        except fmt.WrongKeyError:
            raise VaultChanged(self.path) from None
        except fmt.UnsupportedVersionError as error:
            raise VaultTooNew(self.path, error.version) from None
        except fmt.CorruptDataError as error:
            raise VaultCorrupt(self.path, str(error)) from None
        self._fingerprint = store.fingerprint(data)
        return contents


# -- reading the file and a new keyring key (for opening.py too) ------------------------------


def _read(path: Path) -> bytes | None:
    try:
        return store.read(path)
    except store.StoreError as error:
        raise VaultUnreadable(path, error.reason) from error


def _new_keyring_key(access: Keyring, vault_id: str) -> KeyringKey | KeyringProblem:
    """A new random key stored (and read back) in the keyring, or why that is impossible."""
    problem = access.unusable()
    if problem is not None:
        return problem
    spec = KeyringKeySpec(service=access.service, username=keyring_username(vault_id))
    master_key = new_master_key()
    try:
        access.store(spec.username, master_key)
    except KeyringFailureError as failure:
        return failure.problem
    return KeyringKey(spec, master_key)


# -- account list helpers -------------------------------------------------------------------


def _index(accounts: list[Account], account_id: str) -> int:
    for index, account in enumerate(accounts):
        if account.id == account_id:
            return index
    raise UnknownAccount(account_id)


def _with_free_id(account: Account, others: list[Account]) -> Account:
    taken = {other.id for other in others}
    if account.id not in taken:
        return account
    fresh = new_id()
    while fresh in taken:
        fresh = new_id()
    return account.replace(id=fresh)


def _matches(account: Account, wanted: str) -> bool:
    if not wanted:
        return True
    if any(wanted in text.casefold() for text in (account.issuer, account.name, account.label)):
        return True
    return len(wanted) >= MIN_ID_PREFIX and account.id.casefold().startswith(wanted)

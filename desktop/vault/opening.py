"""Opening the vault file, or creating it: the key from the keyring or a password, a file
that cannot be read kept aside (never overwritten) when the person chooses to start again.
The :class:`~desktop.vault.manager.Vault` it returns does everything after that."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from keyring.backend import KeyringBackend

from desktop import paths
from desktop.errors import UserError
from desktop.vault import format as fmt
from desktop.vault import store
from desktop.vault.errors import (
    KeyMissing,
    KeyNotice,
    KeyringUnavailable,
    PasswordNeeded,
    SaveFailed,
    VaultCorrupt,
    VaultTooNew,
    WrongPassword,
    earlier_fallback_notice,
    password_prompt_reason,
)
from desktop.vault.format import Contents, Header, KeyringKeySpec, ScryptKeySpec
from desktop.vault.keys import (
    Keyring,
    KeyringFailureError,
    KeyringKey,
    KeySource,
    PasswordKey,
    ScryptParams,
    password_from_environment,
)
from desktop.vault.manager import (
    PasswordPrompt,
    PasswordRequest,
    Vault,
    _new_keyring_key,
    _read,
)


def open_vault(
    home: Path | None = None,
    *,
    password_prompt: PasswordPrompt | None = None,
    start_fresh_after_corrupt: bool = False,
    keyring_backend: KeyringBackend | None = None,
    scrypt_params: ScryptParams | None = None,
) -> Vault:
    """Open the vault in ``home`` (default :func:`desktop.paths.data_home`), creating an
    empty one if there is no file.

    A new vault keeps its key in the system keyring when one works; otherwise it is
    protected by a password (``TWEESTAP_PASSWORD``, else ``password_prompt``), and
    :attr:`Vault.key_notice` says why. An existing vault keeps the kind it has.

    A file that cannot be read is never changed: :class:`VaultCorrupt` (or
    :class:`KeyMissing`) is raised, unless ``start_fresh_after_corrupt`` is set, in which
    case the file is renamed aside (:attr:`Vault.set_aside_file`) and a new empty vault
    is created. ``keyring_backend`` defaults to keyring's choice (remembered beside the
    vault once it held the key: :mod:`desktop.vault.keyring_choice`);
    ``scrypt_params`` (for a new password only) to :data:`keys.DEFAULT_SCRYPT_PARAMS`.
    """
    path = paths.vault_path(home)
    access = Keyring(keyring_backend, remember_in=path.parent)
    data = _read(path)
    if data is None:
        return _create(path, access, password_prompt, scrypt_params)
    try:
        return _open_existing(path, data, access, password_prompt)
    except (VaultCorrupt, KeyMissing):
        if not start_fresh_after_corrupt:
            raise
    # The new key (and password) first: a cancelled prompt must not move the file.
    return _create(
        path,
        access,
        password_prompt,
        scrypt_params,
        before_writing=lambda: set_aside_corrupt(home),
    )


def set_aside_corrupt(home: Path | None = None) -> Path:
    """Rename the vault file to ``vault.tweestap.corrupt-<UTC time>`` and return the new path.

    For starting again after :class:`VaultCorrupt` or :class:`KeyMissing`; the old file is
    kept so it can still be recovered or sent to support.
    """
    path = paths.vault_path(home)
    try:
        return store.set_aside(path)
    except store.StoreError as error:
        raise SaveFailed(path, error.reason) from error


def _open_existing(
    path: Path, data: bytes, access: Keyring, prompt: PasswordPrompt | None
) -> Vault:
    try:
        sealed = fmt.read_header(data)
    except fmt.UnsupportedVersionError as error:
        raise VaultTooNew(path, error.version) from None
    except fmt.CorruptDataError as error:
        raise VaultCorrupt(path, str(error)) from None
    spec = sealed.header.key
    key: KeySource
    notice: UserError | None = None
    if isinstance(spec, KeyringKeySpec):
        key = _keyring_key(path, access, spec)
    else:
        key = _password_key(path, spec, prompt)
        notice = earlier_fallback_notice() if spec.reason == "no-keyring" else None
    try:
        contents = fmt.open_sealed(sealed, key.master_key)
    except fmt.WrongKeyError:
        if isinstance(key, KeyringKey):
            raise KeyMissing(path, spec_entry(key.spec), wrong_key=True) from None
        raise WrongPassword(from_environment=password_from_environment() is not None) from None
    except fmt.CorruptDataError as error:
        raise VaultCorrupt(path, str(error)) from None
    return Vault(
        path=path,
        vault_id=sealed.header.vault_id,
        key=key,
        contents=contents,
        fingerprint=store.fingerprint(data),
        keyring=access,
        key_notice=notice,
        created=False,
    )


def spec_entry(spec: KeyringKeySpec) -> str:
    return f"{spec.service} / {spec.username}"


def _keyring_key(path: Path, access: Keyring, spec: KeyringKeySpec) -> KeyringKey:
    problem = access.unusable()
    if problem is not None:
        raise KeyringUnavailable(path, problem)
    reader = (
        access
        if spec.service == access.service
        else Keyring(access.backend, spec.service, access.remember_in)
    )
    try:
        master_key = reader.load(spec.username)
    except KeyringFailureError as failure:
        raise KeyringUnavailable(path, failure.problem) from None
    if master_key is None:
        raise KeyMissing(path, spec_entry(spec))
    if len(master_key) != fmt.MASTER_KEY_SIZE:
        raise KeyMissing(path, spec_entry(spec), wrong_key=True)
    return KeyringKey(spec, master_key)


def _password_key(path: Path, spec: ScryptKeySpec, prompt: PasswordPrompt | None) -> PasswordKey:
    password = password_from_environment()
    if password is None and prompt is not None:
        password = prompt(
            PasswordRequest(new=False, reason=password_prompt_reason(path), path=path)
        )
    if password is None:
        raise PasswordNeeded.to_open(path)
    return PasswordKey.from_password(password, spec)


def _create(
    path: Path,
    access: Keyring,
    prompt: PasswordPrompt | None,
    scrypt_params: ScryptParams | None,
    *,
    before_writing: Callable[[], Path] | None = None,
) -> Vault:
    """A new empty vault. ``before_writing`` runs once the key is settled (the password
    asked for) and just before the file is written; its result becomes ``set_aside_file``."""
    vault_id = uuid.uuid4().hex
    key: KeySource
    notice: KeyNotice | None = None
    keyring_key = _new_keyring_key(access, vault_id)
    if isinstance(keyring_key, KeyringKey):
        key = keyring_key
    else:
        notice = keyring_key
        password = password_from_environment()
        if password is None and prompt is not None:
            password = prompt(PasswordRequest(new=True, reason=notice, path=path))
        if password is None:
            raise PasswordNeeded.to_create()
        if not password:
            raise PasswordNeeded.empty()
        key = PasswordKey.new(password, "no-keyring", scrypt_params)
    contents = Contents()
    data = fmt.seal(Header(vault_id=vault_id, key=key.spec), contents, key.master_key)
    try:
        aside = before_writing() if before_writing is not None else None
        store.write_atomic(path, data)
    except (store.StoreError, SaveFailed) as error:
        if isinstance(key, KeyringKey):
            access.delete(key.spec.username)
        if isinstance(error, SaveFailed):
            raise
        raise SaveFailed(path, error.reason) from error
    vault = Vault(
        path=path,
        vault_id=vault_id,
        key=key,
        contents=contents,
        fingerprint=store.fingerprint(data),
        keyring=access,
        key_notice=notice,
        created=True,
    )
    vault.set_aside_file = aside
    return vault

"""Where a vault's 32-byte master key comes from: the OS keyring, or a password via scrypt.

A :class:`KeySource` is the master key together with the header fields that say how to get
it again (:data:`~desktop.vault.format.KeySpec`). Switching a vault between the two kinds
("app lock") is re-encrypting it under a new key source; :class:`~desktop.vault.Vault`
does that in :meth:`~desktop.vault.Vault.protect_with_password` and
:meth:`~desktop.vault.Vault.use_keyring`.
"""

from __future__ import annotations

import base64
import binascii
import os
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

import keyring
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, NoKeyringError

from desktop.vault import keyring_choice
from desktop.vault.errors import KeyringProblem, VaultLocked
from desktop.vault.format import (
    MASTER_KEY_SIZE,
    KeyringKeySpec,
    KeySpec,
    PasswordReason,
    ScryptKeySpec,
)
from desktop.vault.keyring_choice import BackendChoice

SERVICE = "Tweestap"
PASSWORD_ENV = "TWEESTAP_PASSWORD"  # noqa: S105 - the variable's name
SALT_SIZE = 16
_DETAIL_LIMIT = 200

KeyKind = Literal["keyring", "password"]


@dataclass(frozen=True, slots=True)
class ScryptParams:
    """scrypt's cost: memory is ``128 * n * r`` bytes, time grows with ``n * r * p``."""

    n: int
    r: int = 8
    p: int = 1


STRONG_SCRYPT = ScryptParams(n=2**17, r=8, p=1)  # 128 MiB, about half a second
DEFAULT_SCRYPT_PARAMS = STRONG_SCRYPT
"""Used for new passwords when the caller gives no parameters; read at call time, so tests
may monkeypatch it. Opening a vault always uses the parameters stored in its header."""


def keyring_username(vault_id: str) -> str:
    return f"vault-key:{vault_id}"


def new_master_key() -> bytes:
    return os.urandom(MASTER_KEY_SIZE)


class KeySource(ABC):
    """A master key and how to obtain it again (the header's ``key`` fields)."""

    kind: ClassVar[KeyKind]

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != MASTER_KEY_SIZE:
            raise ValueError("a master key is 32 bytes")
        self.master_key = master_key

    @property
    @abstractmethod
    def spec(self) -> KeySpec: ...

    def __repr__(self) -> str:  # the key never reaches a log
        return f"{type(self).__name__}({self.spec!r}, master_key=<hidden>)"


class KeyringKey(KeySource):
    """32 random bytes kept in the OS keyring (service ``Tweestap``, user ``vault-key:ID``)."""

    kind = "keyring"

    def __init__(self, spec: KeyringKeySpec, master_key: bytes) -> None:
        super().__init__(master_key)
        self._spec = spec

    @property
    def spec(self) -> KeyringKeySpec:
        return self._spec


class PasswordKey(KeySource):
    """The key derived from a password with scrypt; the header holds salt and parameters."""

    kind = "password"

    def __init__(self, spec: ScryptKeySpec, master_key: bytes) -> None:
        super().__init__(master_key)
        self._spec = spec

    @property
    def spec(self) -> ScryptKeySpec:
        return self._spec

    @classmethod
    def new(
        cls, password: str, reason: PasswordReason, params: ScryptParams | None = None
    ) -> PasswordKey:
        """A fresh salt, the given (else default) parameters, and the derived key."""
        params = params or DEFAULT_SCRYPT_PARAMS
        spec = ScryptKeySpec(
            salt=os.urandom(SALT_SIZE), n=params.n, r=params.r, p=params.p, reason=reason
        )
        return cls(spec, derive_key(password, spec))

    @classmethod
    def from_password(cls, password: str, spec: ScryptKeySpec) -> PasswordKey:
        return cls(spec, derive_key(password, spec))


class LockedKey(KeySource):
    """Stands in for the key of a locked vault: it knows how the key is made (the header's
    fields) but holds no key, so every read or save fails with :class:`VaultLocked`."""

    kind = "password"

    def __init__(self, spec: ScryptKeySpec) -> None:  # no master key, on purpose
        self._spec = spec

    @property
    def master_key(self) -> bytes:
        raise VaultLocked

    @master_key.setter
    def master_key(self, _value: bytes) -> None:
        raise VaultLocked

    @property
    def spec(self) -> ScryptKeySpec:
        return self._spec


def derive_key(password: str, spec: ScryptKeySpec) -> bytes:
    """scrypt over the password's UTF-8 bytes in Unicode NFC (the same on every system).

    Bytes that are not UTF-8 (``TWEESTAP_PASSWORD`` set in another encoding arrives with
    lone surrogates) are used as they came, rather than failing."""
    normalised = unicodedata.normalize("NFC", password).encode("utf-8", "surrogateescape")
    kdf = Scrypt(salt=spec.salt, length=MASTER_KEY_SIZE, n=spec.n, r=spec.r, p=spec.p)
    return kdf.derive(normalised)


def password_from_environment() -> str | None:
    value = os.environ.get(PASSWORD_ENV)
    return value if value else None


class KeyringFailureError(Exception):
    """The keyring did not do what was asked; ``problem`` says why, for a person."""

    def __init__(self, problem: KeyringProblem) -> None:
        super().__init__(problem.kind, problem.detail)
        self.problem = problem


@dataclass(slots=True)
class Keyring:
    """The OS keyring through the ``keyring`` library (its current backend unless given).

    Every failure of the backend, whatever its type (``KeyringError``, D-Bus errors, a
    locked collection), becomes a :class:`KeyringFailureError`.
    """

    backend: KeyringBackend | None = None
    service: str = SERVICE
    remember_in: Path | None = None
    """The vault's folder: where the backend keyring discovered is remembered
    (:mod:`desktop.vault.keyring_choice`); ``None``: keyring's current backend, as is."""
    _choice: BackendChoice | None = field(default=None, init=False, repr=False)

    def current_backend(self) -> KeyringBackend:
        if self.backend is not None:
            return self.backend
        if self.remember_in is None:
            return keyring.get_keyring()
        if self._choice is None:
            self._choice = keyring_choice.choose(self.remember_in)
        return self._choice.backend

    def _held_a_key(self) -> None:
        if self._choice is not None:
            self._choice.confirm()

    def unusable(self) -> KeyringProblem | None:
        """Why the backend cannot hold keys at all (no keyring, switched off), or None."""
        try:
            backend = self.current_backend()
        except Exception as error:  # e.g. PYTHON_KEYRING_BACKEND names a backend that fails
            return _problem_of(error)
        if isinstance(backend, fail.Keyring):
            return KeyringProblem("none")
        if isinstance(backend, null.Keyring):
            return KeyringProblem("off")
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return KeyringProblem("none")
        return None

    def store(self, username: str, key: bytes) -> None:
        """Save ``key`` and read it back: a keyring that does not keep it is no keyring."""
        value = base64.b64encode(key).decode("ascii")
        try:
            self.current_backend().set_password(self.service, username, value)
        except Exception as error:  # every backend failure means "not usable"
            raise KeyringFailureError(_problem_of(error)) from None
        if self.load(username) != key:
            self.delete(username)
            raise KeyringFailureError(KeyringProblem("forgot"))
        self._held_a_key()

    def load(self, username: str) -> bytes | None:
        """The stored key; ``None`` if there is no entry; ``b""`` if the entry is not base64."""
        try:
            value = self.current_backend().get_password(self.service, username)
        except Exception as error:  # see store()
            raise KeyringFailureError(_problem_of(error)) from None
        if value is None:
            return None
        self._held_a_key()
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            return b""

    def delete(self, username: str) -> bool:
        """Remove the entry if possible; never raises (a leftover entry opens nothing)."""
        try:
            self.current_backend().delete_password(self.service, username)
        except Exception:  # best effort by design
            return False
        return True


def _problem_of(error: Exception) -> KeyringProblem:
    if isinstance(error, NoKeyringError):
        return KeyringProblem("none")
    if isinstance(error, KeyringLocked) or type(error).__name__ == "LockedException":
        return KeyringProblem("locked")
    message = str(error).strip()
    detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
    if len(detail) > _DETAIL_LIMIT:
        detail = detail[: _DETAIL_LIMIT - 1] + "\u2026"
    return KeyringProblem("failed", detail)

"""Secrets at rest: AES-256-GCM under keys kept in files outside the database.

The same key, through HKDF, also keys :meth:`SecretBox.fingerprint`: a keyed hash that lets the
server recognise a value again (an unknown user name in the audit log, a throttled client)
without storing it, and that nobody without the key file can test guesses against.

Every ciphertext is bound to the row it belongs to through the associated data
(``purpose`` + user id): a ciphertext copied into another user's row, or used for another
purpose, fails authentication instead of decrypting.

Blob layouts: ``0x02`` ‖ 8-byte key id ‖ 12-byte random nonce ‖ ciphertext with its 16-byte
tag (what the server writes); ``0x01`` ‖ nonce ‖ ciphertext+tag (written before keys had ids,
under the installation's first key: still read, with every key the server has). The key id
is a keyed hash of the key (:func:`key_id`), so it says which key opens a blob and nothing
about the key.

**Key files and rotation** (:mod:`server_stub.ops.keyrotation`). ``secret.key`` holds the key;
during a rotation ``secret.key.new`` holds the key being rotated to and ``secret.key.old``
the one being retired. A box made by :meth:`SecretBox.load_or_create` reads every one that
exists: it seals (and fingerprints) under ``.new`` when there is one, else under
``secret.key``, and opens a blob under whichever of them has its key id. It notices a change
of the files itself: before each seal and fingerprint (a ``stat`` of three paths), and when a
blob names a key it does not have; so running servers read what a rotation re-encrypts, and
seal under the new key, without a restart.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import stat
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 8
TAG_BYTES = 16
VERSION_1 = b"\x01"  # nonce ‖ sealed: before key ids
VERSION_2 = b"\x02"  # key id ‖ nonce ‖ sealed
log = logging.getLogger(__name__)

NEW_SUFFIX = ".new"
OLD_SUFFIX = ".old"


class KeyFileError(Exception):
    """A key file is missing, malformed or readable by others."""


class SecretUnreadable(Exception):
    """A ciphertext did not authenticate: wrong key, wrong row, or tampered with."""


def _associated_data(user_id: int, purpose: str) -> bytes:
    return f"tweestap-server/v1|{purpose}|user:{user_id}".encode()


def key_id(key: bytes) -> bytes:
    """The 8-byte id a blob sealed under ``key`` carries."""
    return hmac.new(key, b"tweestap-server/v1|key id", hashlib.sha256).digest()[:KEY_ID_BYTES]


def blob_key_id(blob: bytes) -> bytes | None:
    """The key id of a sealed blob (None: written before key ids, or not a blob)."""
    if blob[:1] == VERSION_2 and len(blob) >= 1 + KEY_ID_BYTES:
        return blob[1 : 1 + KEY_ID_BYTES]
    return None


@dataclass(frozen=True)
class _Key:
    id: bytes
    aead: AESGCM
    mac_key: bytes

    @classmethod
    def of(cls, key: bytes) -> _Key:
        if len(key) != KEY_BYTES:
            raise KeyFileError(f"the key must be {KEY_BYTES} bytes")
        mac_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"tweestap-server/v1|fingerprint"
        ).derive(key)
        return cls(key_id(key), AESGCM(key), mac_key)


@dataclass(frozen=True)
class _Ring:
    """The keys a box has: ``current`` seals, any of ``keys`` opens (current first)."""

    current: _Key
    keys: tuple[_Key, ...]

    @classmethod
    def of(cls, current: bytes, others: Sequence[bytes]) -> _Ring:
        first = _Key.of(current)
        keys = [first]
        for other in others:
            candidate = _Key.of(other)
            if all(candidate.id != known.id for known in keys):
                keys.append(candidate)
        return cls(first, tuple(keys))

    def find(self, wanted: bytes) -> _Key | None:
        return next((key for key in self.keys if hmac.compare_digest(key.id, wanted)), None)


# -- key files ------------------------------------------------------------------------------


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_key_file(path: Path, key: bytes, *, replace: bool = True) -> bool:
    """Write ``key`` to ``path`` atomically (a whole key or none, mode 0600, synced). With
    ``replace=False`` an existing file is kept (and False returned)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)  # fails if it exists: no second key by accident
            except FileExistsError:
                return False
            finally:
                temporary.unlink()
        _fsync_dir(path.parent)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def read_key_file(path: Path) -> bytes:
    """The key in ``path``; :class:`KeyFileError` if others may read it or it is no key."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        raise KeyFileError(f"the key file {path} does not exist") from None
    if mode & 0o077:
        raise KeyFileError(
            f"{path} is readable by others (mode {mode:o}): chmod 600 it, and since others "
            "could read the key, rotate it (tweestap-server rotate-key)"
        )
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"{path} does not hold a {KEY_BYTES}-byte key")
    return key


@dataclass(frozen=True)
class KeyFiles:
    """``secret.key`` and, during a rotation, ``secret.key.new`` and ``secret.key.old``."""

    path: Path

    @property
    def new(self) -> Path:
        return self.path.with_name(self.path.name + NEW_SUFFIX)

    @property
    def old(self) -> Path:
        return self.path.with_name(self.path.name + OLD_SUFFIX)

    def state(self) -> tuple[tuple[int, int, int] | None, ...]:
        """What changes when one of the files is written, replaced or removed."""
        found: list[tuple[int, int, int] | None] = []
        for path in (self.path, self.new, self.old):
            try:
                info = path.stat()
            except FileNotFoundError:
                found.append(None)
            else:
                found.append((info.st_ino, info.st_mtime_ns, info.st_size))
        return tuple(found)

    def read(self) -> tuple[bytes, list[bytes]]:
        """The key to seal under and the others to open with, read as one consistent set (a
        rotation may rename a file in between: then read again)."""
        for _attempt in range(20):
            before = self.state()
            key = read_key_file(self.path)
            new = read_key_file(self.new) if self.new.exists() else None
            old = read_key_file(self.old) if self.old.exists() else None
            if self.state() == before:
                if new is not None:
                    return new, [key, *([old] if old else [])]
                return key, [old] if old else []
        raise KeyFileError(f"the key files beside {self.path} keep changing")  # pragma: no cover


# -- the box --------------------------------------------------------------------------------


class SecretBox:
    def __init__(
        self, key: bytes, *, others: Sequence[bytes] = (), files: KeyFiles | None = None
    ) -> None:
        self._ring = _Ring.of(key, others)
        self._files = files
        self._state = files.state() if files is not None else None
        self._refused: tuple[tuple[int, int, int] | None, ...] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "SecretBox(<key hidden>)"

    @classmethod
    def load_or_create(cls, path: Path) -> SecretBox:
        """Read the key files, creating ``path`` (mode 0600, 32 random bytes) on first run."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            write_key_file(path, secrets.token_bytes(KEY_BYTES), replace=False)
        return cls.load(path)

    @classmethod
    def load(cls, path: Path) -> SecretBox:
        """Read the key files; :class:`KeyFileError` if there is none (never creates one)."""
        files = KeyFiles(path)
        current, others = files.read()
        box = cls(current, others=others, files=files)
        return box

    # -- the ring --------------------------------------------------------------------------

    @property
    def current_key_id(self) -> bytes:
        return self._fresh().current.id

    @property
    def key_ids(self) -> tuple[bytes, ...]:
        return tuple(key.id for key in self._ring.keys)

    def _reload(self) -> _Ring:
        files = self._files
        if files is None:
            return self._ring
        with self._lock:
            state = files.state()
            if state != self._state:
                try:
                    current, others = files.read()
                except KeyFileError as error:
                    # A key file that appeared broken while serving (a ``.new`` copied with
                    # the wrong mode, or still being copied) must not stop every login: keep
                    # the keys already read, say so once, and look again at the next seal (a
                    # chmod changes none of what ``state`` sees).
                    if state != self._refused:
                        log.error("the key files are not used as they are now: %s", error)
                        self._refused = state
                    return self._ring
                self._ring = _Ring.of(current, others)
                self._state = state
            return self._ring

    def _fresh(self) -> _Ring:
        """The ring, re-read first if a key file changed since (three ``stat`` calls)."""
        if self._files is not None and self._files.state() != self._state:
            return self._reload()
        return self._ring

    # -- sealing ---------------------------------------------------------------------------

    def fingerprint(self, text: str, *, purpose: str) -> str:
        """HMAC-SHA256 of ``text`` for ``purpose``, hex: equal texts give equal fingerprints
        on this server only (and under one key: a key rotation starts them afresh)."""
        message = f"{purpose}|{text}".encode("utf-8", "surrogatepass")
        return hmac.new(self._fresh().current.mac_key, message, hashlib.sha256).hexdigest()

    def seal(self, plaintext: bytes, *, user_id: int, purpose: str) -> bytes:
        key = self._fresh().current
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = key.aead.encrypt(nonce, plaintext, _associated_data(user_id, purpose))
        return VERSION_2 + key.id + nonce + sealed

    def open(self, blob: bytes, *, user_id: int, purpose: str) -> bytes:
        associated = _associated_data(user_id, purpose)
        if blob[:1] == VERSION_2 and len(blob) >= 1 + KEY_ID_BYTES + NONCE_BYTES + TAG_BYTES:
            wanted = blob[1 : 1 + KEY_ID_BYTES]
            key = self._ring.find(wanted) or self._reload().find(wanted)
            if key is None:
                raise SecretUnreadable(f"sealed under key {wanted.hex()}, which is not here")
            nonce = blob[1 + KEY_ID_BYTES : 1 + KEY_ID_BYTES + NONCE_BYTES]
            candidates: tuple[_Key, ...] = (key,)
            sealed = blob[1 + KEY_ID_BYTES + NONCE_BYTES :]
        elif blob[:1] == VERSION_1 and len(blob) >= 1 + NONCE_BYTES + TAG_BYTES:
            nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
            candidates = self._ring.keys  # the installation's first key, wherever it is now
        else:
            raise SecretUnreadable("not a sealed secret")
        for candidate in candidates:
            try:
                return candidate.aead.decrypt(nonce, sealed, associated)
            except InvalidTag:
                continue
        raise SecretUnreadable("the secret does not belong to this row")

"""Secrets at rest: AES-256-GCM under a key kept in a file outside the database.

The same key, through HKDF, also keys :meth:`SecretBox.fingerprint`: a keyed hash that lets the
server recognise a value again (an unknown user name in the audit log, a throttled client)
without storing it, and that nobody without the key file can test guesses against.

Every ciphertext is bound to the row it belongs to through the associated data
(``purpose`` + user id): a ciphertext copied into another user's row, or used for another
purpose, fails authentication instead of decrypting. Blob layout: version byte ``0x01``,
12-byte random nonce, ciphertext with its 16-byte tag.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"


class KeyFileError(Exception):
    """The key file is missing, malformed or readable by others."""


class SecretUnreadable(Exception):
    """A ciphertext did not authenticate: wrong key, wrong row, or tampered with."""


def _associated_data(user_id: int, purpose: str) -> bytes:
    return f"tweestap-server/v1|{purpose}|user:{user_id}".encode()


def _create_key_file(path: Path) -> None:
    """Write a new key beside ``path`` and link it into place: several processes starting at
    once on a new home each make one, the first link wins, and nobody ever reads a key file
    half written (the losers read the winner's)."""
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        draft.unlink()


class SecretBox:
    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise KeyFileError(f"the key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(key)
        self._mac_key = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"tweestap-server/v1|fingerprint"
        ).derive(key)

    def __repr__(self) -> str:
        return "SecretBox(<key hidden>)"

    @classmethod
    def load_or_create(cls, path: Path) -> SecretBox:
        """Read the key file, creating it (mode 0600, 32 random bytes) on first run."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            _create_key_file(path)
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise KeyFileError(f"{path} is readable by others (mode {mode:o}); chmod 600 it")
        key = path.read_bytes()
        if len(key) != KEY_BYTES:
            raise KeyFileError(f"{path} does not hold a {KEY_BYTES}-byte key")
        return cls(key)

    def fingerprint(self, text: str, *, purpose: str) -> str:
        """HMAC-SHA256 of ``text`` for ``purpose``, hex: equal texts give equal fingerprints
        on this server only."""
        message = f"{purpose}|{text}".encode("utf-8", "surrogatepass")
        return hmac.new(self._mac_key, message, hashlib.sha256).hexdigest()

    def seal(self, plaintext: bytes, *, user_id: int, purpose: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, _associated_data(user_id, purpose))
        return VERSION + nonce + sealed

    def open(self, blob: bytes, *, user_id: int, purpose: str) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != VERSION:
            raise SecretUnreadable("not a sealed secret")
        nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, sealed, _associated_data(user_id, purpose))
        except InvalidTag:
            raise SecretUnreadable("the secret does not belong to this row") from None

"""Opening other apps' encrypted exports: AES-GCM that answers ``None`` for a wrong key or
changed data (never an exception), and passwords as the phone apps hash them."""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def aes_gcm_open(key: bytes, nonce: bytes, sealed: bytes, aad: bytes | None = None) -> bytes | None:
    """The plaintext of AES-GCM ``sealed`` (ciphertext followed by the 16-byte tag), or
    ``None`` when the key is wrong or the data was changed."""
    if len(key) not in (16, 24, 32) or not 8 <= len(nonce) <= 128 or len(sealed) < 16:
        return None
    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except (InvalidTag, ValueError, OverflowError):
        return None


def utf8_password(password: str) -> bytes:
    """The password as the phone apps hash it. A lone surrogate (undecodable bytes typed
    on a command line) cannot be any app's password, so it is kept as it came in."""
    return password.encode("utf-8", "surrogatepass")

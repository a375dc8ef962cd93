"""The vault file format: bytes <-> (header, contents). Pure: no files, no keyring, no clock.

``docs/vault-format.md`` is the normative description; in short::

    MAGIC (15 bytes) | header length (uint32, big-endian) | header (JSON, UTF-8)
    | nonce (12 bytes) | AES-256-GCM ciphertext of the contents (JSON, UTF-8) + tag (16 bytes)

Everything before the nonce is the GCM associated data, so the header is authenticated too.
The AES key and a 16-byte key check are derived with HKDF-SHA256 from the 32-byte *master
key*, which comes from the keyring or from a password via scrypt (see :mod:`.keys`).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import UserError
from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.secret import format_setup_key

FORMAT_VERSION = 1
MAGIC = b"TWEESTAP VAULT\n"
_LENGTH = struct.Struct(">I")
MAX_HEADER_SIZE = 64 * 1024
NONCE_SIZE = 12
TAG_SIZE = 16
MASTER_KEY_SIZE = 32
CHECK_SIZE = 16
CIPHER = "AES-256-GCM"
KDF = "scrypt"
SALT_SIZES = range(16, 65)
SCRYPT_MAX_MEMORY = 2**30  # 128 * n * r bytes; refuses headers that would exhaust memory

_ENCRYPTION_INFO = b"tweestap vault v1 encryption key"
_CHECK_INFO = b"tweestap vault v1 key check"

PasswordReason = Literal["no-keyring", "chosen"]
_REASONS: tuple[PasswordReason, ...] = ("no-keyring", "chosen")
_ACCOUNT_FIELDS = frozenset(
    {"id", "type", "issuer", "name", "secret", "algorithm", "digits", "period", "counter"}
)


class FormatError(Exception):
    """Base of this module's errors; the message is technical English, never a secret."""


class CorruptDataError(FormatError):
    """Not a vault file, or one that was truncated, changed or damaged."""


class UnsupportedVersionError(FormatError):
    """A vault written in a newer format than this code knows."""

    def __init__(self, version: int) -> None:
        super().__init__(f"format version {version} is newer than {FORMAT_VERSION}")
        self.version = version


class WrongKeyError(FormatError):
    """The master key does not match the header's key check (wrong password or key)."""


@dataclass(frozen=True, slots=True)
class KeyringKeySpec:
    """The master key is 32 random bytes kept in the OS keyring under this entry."""

    service: str
    username: str


@dataclass(frozen=True, slots=True)
class ScryptKeySpec:
    """The master key is ``scrypt(password, salt, n, r, p, length=32)``."""

    salt: bytes = field(repr=False)
    n: int
    r: int
    p: int
    reason: PasswordReason = "no-keyring"

    def __post_init__(self) -> None:
        check_scrypt_parameters(self.n, self.r, self.p, len(self.salt))


KeySpec = KeyringKeySpec | ScryptKeySpec


@dataclass(frozen=True, slots=True)
class Header:
    """The cleartext (but authenticated) part: which vault, and how its key is obtained."""

    vault_id: str
    key: KeySpec
    version: int = FORMAT_VERSION


@dataclass(frozen=True, slots=True)
class Contents:
    """The encrypted part: accounts in the user's order, settings, and unknown top-level
    fields kept as they were so a save never drops them."""

    accounts: tuple[Account, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Sealed:
    """A file split into its parts; the header is parsed but not yet authenticated."""

    header: Header
    check: bytes
    associated_data: bytes = field(repr=False)
    nonce: bytes = field(repr=False)
    ciphertext: bytes = field(repr=False)


def check_scrypt_parameters(n: int, r: int, p: int, salt_size: int) -> None:
    """Refuse parameters scrypt cannot use, or that would take unbounded memory or time."""
    if n < 2 or n & (n - 1) != 0:
        raise CorruptDataError(f"scrypt n={n} is not a power of two of at least 2")
    if not 1 <= r <= 32 or not 1 <= p <= 16:
        raise CorruptDataError(f"scrypt r={r}, p={p} out of range")
    if 128 * n * r > SCRYPT_MAX_MEMORY:
        raise CorruptDataError(f"scrypt n={n}, r={r} needs more than {SCRYPT_MAX_MEMORY} bytes")
    if salt_size not in SALT_SIZES:
        raise CorruptDataError(f"scrypt salt of {salt_size} bytes")


def encryption_key(master_key: bytes) -> bytes:
    return _hkdf(master_key, _ENCRYPTION_INFO, 32)


def key_check(master_key: bytes) -> bytes:
    """A value that tells a wrong key from a damaged file; reveals nothing about the key."""
    return _hkdf(master_key, _CHECK_INFO, CHECK_SIZE)


def seal(
    header: Header, contents: Contents, master_key: bytes, *, nonce: bytes | None = None
) -> bytes:
    """The complete file for ``contents`` under ``header``, encrypted with ``master_key``.

    ``nonce`` is for tests only: every real save uses a fresh random one.
    """
    if len(master_key) != MASTER_KEY_SIZE:
        raise ValueError("the master key must be 32 bytes")
    if header.version != FORMAT_VERSION:
        raise ValueError(f"can only write format {FORMAT_VERSION}")
    nonce = os.urandom(NONCE_SIZE) if nonce is None else nonce
    if len(nonce) != NONCE_SIZE:
        raise ValueError("the nonce must be 12 bytes")
    header_bytes = _canonical_json(_header_to_json(header, key_check(master_key)))
    if len(header_bytes) > MAX_HEADER_SIZE:
        raise ValueError("header too large")
    associated = MAGIC + _LENGTH.pack(len(header_bytes)) + header_bytes
    plaintext = _canonical_json(_contents_to_json(contents))
    ciphertext = AESGCM(encryption_key(master_key)).encrypt(nonce, plaintext, associated)
    return associated + nonce + ciphertext


def read_header(data: bytes) -> Sealed:
    """Split a file into its parts and parse the header; no key needed, nothing verified."""
    if not data:
        raise CorruptDataError("the file is empty")
    if not data.startswith(MAGIC):
        raise CorruptDataError("not a Tweestap vault (wrong magic bytes)")
    start = len(MAGIC) + _LENGTH.size
    if len(data) < start:
        raise CorruptDataError("truncated in the header length")
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    if length > MAX_HEADER_SIZE:
        raise CorruptDataError(f"header length {length} is too large")
    end = start + length
    if len(data) < end + NONCE_SIZE + TAG_SIZE:
        raise CorruptDataError("truncated")
    raw_header = _parse_json_object(data[start:end], "header")
    header, check = _header_from_json(raw_header)
    return Sealed(
        header=header,
        check=check,
        associated_data=data[:end],
        nonce=data[end : end + NONCE_SIZE],
        ciphertext=data[end + NONCE_SIZE :],
    )


def open_sealed(sealed: Sealed, master_key: bytes) -> Contents:
    """Verify and decrypt. :class:`WrongKeyError` if the key does not fit, else
    :class:`CorruptDataError` if anything (header included) was changed."""
    if len(master_key) != MASTER_KEY_SIZE or not hmac.compare_digest(
        key_check(master_key), sealed.check
    ):
        raise WrongKeyError("the key does not match the header's key check")
    try:
        plaintext = AESGCM(encryption_key(master_key)).decrypt(
            sealed.nonce, sealed.ciphertext, sealed.associated_data
        )
    except InvalidTag:
        raise CorruptDataError(
            "authentication failed: the header or the contents were changed"
        ) from None
    return _contents_from_json(_parse_json_object(plaintext, "contents"))


def decode(data: bytes, master_key: bytes) -> tuple[Header, Contents]:
    """:func:`read_header` and :func:`open_sealed` in one."""
    sealed = read_header(data)
    return sealed.header, open_sealed(sealed, master_key)


# -- header ---------------------------------------------------------------------------------


def _header_to_json(header: Header, check: bytes) -> dict[str, Any]:
    key: dict[str, Any]
    if isinstance(header.key, KeyringKeySpec):
        key = {"kind": "keyring", "service": header.key.service, "username": header.key.username}
    else:
        key = {
            "kind": "password",
            "kdf": KDF,
            "n": header.key.n,
            "r": header.key.r,
            "p": header.key.p,
            "salt": _b64(header.key.salt),
            "reason": header.key.reason,
        }
    key["check"] = _b64(check)
    return {"format": header.version, "vault": header.vault_id, "cipher": CIPHER, "key": key}


def _header_from_json(raw: dict[str, Any]) -> tuple[Header, bytes]:
    version = raw.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptDataError("the header has no valid format version")
    if version > FORMAT_VERSION:
        raise UnsupportedVersionError(version)
    _expect_keys(raw, {"format", "vault", "cipher", "key"}, "header")
    if raw["cipher"] != CIPHER:
        raise CorruptDataError(f"unknown cipher {raw['cipher']!r}")
    vault_id = _string(raw, "vault", "header")
    if not vault_id:
        raise CorruptDataError("empty vault id")
    key = raw["key"]
    if not isinstance(key, dict):
        raise CorruptDataError("the header's key is not an object")
    check = _unb64(_string(key, "check", "key"), "key check")
    if len(check) != CHECK_SIZE:
        raise CorruptDataError("the key check has the wrong size")
    spec: KeySpec
    kind = key.get("kind")
    if kind == "keyring":
        _expect_keys(key, {"kind", "service", "username", "check"}, "key")
        spec = KeyringKeySpec(_string(key, "service", "key"), _string(key, "username", "key"))
    elif kind == "password":
        _expect_keys(key, {"kind", "kdf", "n", "r", "p", "salt", "reason", "check"}, "key")
        if key["kdf"] != KDF:
            raise CorruptDataError(f"unknown key derivation {key['kdf']!r}")
        reason = key["reason"]
        if reason not in _REASONS:
            raise CorruptDataError(f"unknown password reason {reason!r}")
        n, r, p = (_integer(key, name, "key") for name in ("n", "r", "p"))
        salt = _unb64(_string(key, "salt", "key"), "salt")
        spec = ScryptKeySpec(salt=salt, n=n, r=r, p=p, reason=reason)
    else:
        raise CorruptDataError(f"unknown key kind {kind!r}")
    return Header(vault_id=vault_id, key=spec, version=version), check


# -- contents -------------------------------------------------------------------------------


def _contents_to_json(contents: Contents) -> dict[str, Any]:
    document = dict(contents.extra)
    document["accounts"] = [_account_to_json(account) for account in contents.accounts]
    document["settings"] = dict(contents.settings)
    return document


def _contents_from_json(raw: dict[str, Any]) -> Contents:
    accounts_raw = raw.get("accounts")
    if not isinstance(accounts_raw, list):
        raise CorruptDataError("the contents have no list of accounts")
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise CorruptDataError("the settings are not an object")
    accounts = tuple(_account_from_json(entry) for entry in accounts_raw)
    if len({account.id for account in accounts}) != len(accounts):
        raise CorruptDataError("two accounts have the same id")
    extra = {key: value for key, value in raw.items() if key not in {"accounts", "settings"}}
    return Contents(accounts=accounts, settings=settings, extra=extra)


def _account_to_json(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "type": account.type.value,
        "issuer": account.issuer,
        "name": account.name,
        "secret": format_setup_key(account.secret),
        "algorithm": account.algorithm.value,
        "digits": account.digits,
        "period": account.period,
        "counter": account.counter,
    }


def _account_from_json(raw: object) -> Account:
    if not isinstance(raw, dict):
        raise CorruptDataError("an account is not an object")
    _expect_keys(raw, _ACCOUNT_FIELDS, "account")
    try:
        return Account(
            id=_string(raw, "id", "account"),
            type=OtpType(_string(raw, "type", "account")),
            issuer=_string(raw, "issuer", "account"),
            name=_string(raw, "name", "account"),
            secret=_base32(_string(raw, "secret", "account")),
            algorithm=Algorithm(_string(raw, "algorithm", "account")),
            digits=_integer(raw, "digits", "account"),
            period=_integer(raw, "period", "account"),
            counter=_integer(raw, "counter", "account"),
        )
    except (ValueError, UserError) as error:  # unknown enum value, invalid account
        raise CorruptDataError(f"an account is invalid: {type(error).__name__}") from None


# -- helpers --------------------------------------------------------------------------------


def _canonical_json(value: object) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _parse_json_object(data: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CorruptDataError(f"the {what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise CorruptDataError(f"the {what} is not a JSON object")
    return value


def _expect_keys(raw: dict[str, Any], keys: frozenset[str] | set[str], what: str) -> None:
    if set(raw) != keys:
        missing, unknown = sorted(keys - set(raw)), sorted(set(raw) - keys)
        raise CorruptDataError(f"{what}: missing fields {missing}, unknown fields {unknown}")


def _integer(raw: dict[str, Any], key: str, what: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise CorruptDataError(f"{what}: {key} is not a whole number")
    return value


def _string(raw: dict[str, Any], key: str, what: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise CorruptDataError(f"{what}: {key} is not text")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise CorruptDataError(f"the {what} is not valid base64") from None


def _base32(text: str) -> bytes:
    if not text or text != text.upper() or "=" in text:
        raise CorruptDataError("a secret is not unpadded upper-case base32")
    try:
        return base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raise CorruptDataError("a secret is not valid base32") from None


def _hkdf(master_key: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(master_key)

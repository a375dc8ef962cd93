"""Tweestap's own backup file: every account, encrypted with a password (Argon2id + AES-GCM).

``docs/backup-format.md`` is the normative description; in short::

    MAGIC (16 bytes) | header length (uint32, big-endian) | header (JSON, UTF-8)
    | nonce (12 bytes) | AES-256-GCM ciphertext of the contents (JSON, UTF-8) + tag (16 bytes)

The header (Argon2id parameters, salt, key check, creation time) is the GCM associated
data. Nothing depends on the vault, its key or the keyring: the password alone restores a
backup on any computer. Pure: bytes in, bytes out; the caller passes the time.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.exporters import check_password, password_bytes, require_accounts
from desktop.otp.model import Account
from desktop.vault import format as vault_format

FORMAT_VERSION = 1
MAGIC = b"TWEESTAP BACKUP\n"
_LENGTH = struct.Struct(">I")
MAX_HEADER_SIZE = 64 * 1024
NONCE_SIZE = 12
TAG_SIZE = 16
KEY_SIZE = 32
CHECK_SIZE = 16
CIPHER = "AES-256-GCM"
KDF = "argon2id"
SALT_SIZE = 16
SALT_SIZES = range(16, 65)
MAX_MEMORY_KIB = 2**20  # 1 GiB: a crafted header must not exhaust the machine
MAX_ITERATIONS = 10
MAX_PARALLELISM = 16

_ENCRYPTION_INFO = b"tweestap backup v1 encryption key"
_CHECK_INFO = b"tweestap backup v1 key check"
_HEADER_FIELDS = frozenset({"format", "cipher", "created", "kdf", "check"})
_KDF_FIELDS = frozenset({"name", "version", "memory_kib", "iterations", "parallelism", "salt"})
_CONTENT_FIELDS = frozenset({"accounts", "groups"})
_GROUP_FIELDS = frozenset({"name", "accounts"})


@dataclass(frozen=True, slots=True)
class Argon2Params:
    """Argon2id's cost: ``memory_kib`` KiB of memory, ``iterations`` passes over it,
    ``parallelism`` lanes."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    parallelism: int = 4


RFC_9106_SECOND = Argon2Params(memory_kib=64 * 1024, iterations=3, parallelism=4)
"""RFC 9106 section 4, the second recommended option (for memory-constrained machines)."""
DEFAULT_ARGON2 = RFC_9106_SECOND
"""Used when the caller gives no parameters; read at call time, so tests may monkeypatch it.
Reading a backup always uses the parameters stored in its header."""


class BackupError(Exception):
    """Base of this module's errors; the message is technical English, never a secret."""


class CorruptBackup(BackupError):
    """Not a Tweestap backup, or one that was truncated, changed or damaged."""


class WrongBackupPassword(BackupError):
    """The password does not match the header's key check."""


class BackupTooNew(BackupError):
    """A backup written in a newer format than this code knows."""

    def __init__(self, version: int) -> None:
        super().__init__(f"backup format {version} is newer than {FORMAT_VERSION}")
        self.version = version


@dataclass(frozen=True, slots=True)
class KdfSpec:
    salt: bytes = field(repr=False)
    params: Argon2Params


@dataclass(frozen=True, slots=True)
class Backup:
    """What a backup holds: the accounts in the person's order, and their groups
    (group name -> account ids; Tweestap has no groups yet, so it writes none)."""

    accounts: tuple[Account, ...]
    groups: Mapping[str, list[str]]
    created: str


def is_backup(data: bytes) -> bool:
    return data.startswith(MAGIC)


def write_backup(
    accounts: Sequence[Account],
    password: str,
    *,
    created: datetime,
    groups: Mapping[str, Sequence[str]] | None = None,
    params: Argon2Params | None = None,
) -> bytes:
    """The backup file of ``accounts``; :class:`~desktop.exporters.WeakPassword` for a
    password that would not protect it, :class:`~desktop.exporters.NothingToExport` for
    no accounts."""
    require_accounts(accounts)
    check_password(password)
    kdf = KdfSpec(salt=os.urandom(SALT_SIZE), params=params or DEFAULT_ARGON2)
    master = derive_key(password, kdf)
    header = {
        "format": FORMAT_VERSION,
        "cipher": CIPHER,
        "created": created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kdf": {
            "name": KDF,
            "version": ARGON2_VERSION,
            "memory_kib": kdf.params.memory_kib,
            "iterations": kdf.params.iterations,
            "parallelism": kdf.params.parallelism,
            "salt": _b64(kdf.salt),
        },
        "check": _b64(_hkdf(master, _CHECK_INFO, CHECK_SIZE)),
    }
    header_bytes = _json_bytes(header)
    associated = MAGIC + _LENGTH.pack(len(header_bytes)) + header_bytes
    ids = {account.id for account in accounts}
    contents = {
        "accounts": [vault_format._account_to_json(account) for account in accounts],
        "groups": [
            {"name": name, "accounts": [i for i in members if i in ids]}
            for name, members in (groups or {}).items()
        ],
    }
    nonce = os.urandom(NONCE_SIZE)
    ciphertext = AESGCM(_hkdf(master, _ENCRYPTION_INFO, KEY_SIZE)).encrypt(
        nonce, _json_bytes(contents), associated
    )
    return associated + nonce + ciphertext


def read_backup(data: bytes, password: str) -> Backup:
    """Verify and decrypt. :class:`CorruptBackup`, :class:`WrongBackupPassword` or
    :class:`BackupTooNew`; never another error."""
    associated, header, rest = _split(data)
    kdf, check, created = _parse_header(header)
    master = derive_key(password, kdf)
    if not hmac.compare_digest(_hkdf(master, _CHECK_INFO, CHECK_SIZE), check):
        raise WrongBackupPassword("the password does not match the key check")
    try:
        plaintext = AESGCM(_hkdf(master, _ENCRYPTION_INFO, KEY_SIZE)).decrypt(
            rest[:NONCE_SIZE], rest[NONCE_SIZE:], associated
        )
    except InvalidTag:
        raise CorruptBackup("authentication failed: the header or contents were changed") from None
    accounts, groups = _parse_contents(_json_object(plaintext, "contents"))
    return Backup(accounts=accounts, groups=groups, created=created)


def derive_key(password: str, kdf: KdfSpec) -> bytes:
    """Argon2id (version 0x13) over the password's NFC UTF-8 bytes: 32 bytes."""
    try:
        return hash_secret_raw(
            secret=password_bytes(password),
            salt=kdf.salt,
            time_cost=kdf.params.iterations,
            memory_cost=kdf.params.memory_kib,
            parallelism=kdf.params.parallelism,
            hash_len=KEY_SIZE,
            type=Type.ID,
            version=ARGON2_VERSION,
        )
    except HashingError as error:  # parameters argon2 refuses (checked before, in theory)
        raise CorruptBackup(f"argon2 refused the parameters: {error}") from None


# -- reading --------------------------------------------------------------------------------


def _split(data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    if not data.startswith(MAGIC):
        raise CorruptBackup("not a Tweestap backup (wrong magic bytes)")
    start = len(MAGIC) + _LENGTH.size
    if len(data) < start:
        raise CorruptBackup("truncated in the header length")
    (length,) = _LENGTH.unpack_from(data, len(MAGIC))
    if length > MAX_HEADER_SIZE:
        raise CorruptBackup(f"header length {length} is too large")
    end = start + length
    if len(data) < end + NONCE_SIZE + TAG_SIZE:
        raise CorruptBackup("truncated")
    return data[:end], _json_object(data[start:end], "header"), data[end:]


def _parse_header(raw: dict[str, Any]) -> tuple[KdfSpec, bytes, str]:
    version = raw.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptBackup("the header has no valid format version")
    if version > FORMAT_VERSION:
        raise BackupTooNew(version)
    _expect_keys(raw, _HEADER_FIELDS, "header")
    if raw["cipher"] != CIPHER:
        raise CorruptBackup("unknown cipher")
    created = raw["created"]
    if not isinstance(created, str):
        raise CorruptBackup("header: created is not text")
    check = _unb64(raw["check"], "key check")
    if len(check) != CHECK_SIZE:
        raise CorruptBackup("the key check has the wrong size")
    kdf = raw["kdf"]
    if not isinstance(kdf, dict):
        raise CorruptBackup("header: kdf is not an object")
    _expect_keys(kdf, _KDF_FIELDS, "kdf")
    if kdf["name"] != KDF or kdf["version"] != ARGON2_VERSION:
        raise CorruptBackup("unknown key derivation")
    memory, iterations, lanes = (
        _integer(kdf, name) for name in ("memory_kib", "iterations", "parallelism")
    )
    salt = _unb64(kdf["salt"], "salt")
    if not 1 <= lanes <= MAX_PARALLELISM or not 1 <= iterations <= MAX_ITERATIONS:
        raise CorruptBackup("argon2 iterations or parallelism out of range")
    if not 8 * lanes <= memory <= MAX_MEMORY_KIB:
        raise CorruptBackup("argon2 memory out of range")
    if len(salt) not in SALT_SIZES:
        raise CorruptBackup("argon2 salt of a wrong size")
    params = Argon2Params(memory_kib=memory, iterations=iterations, parallelism=lanes)
    return KdfSpec(salt=salt, params=params), check, created


def _parse_contents(raw: dict[str, Any]) -> tuple[tuple[Account, ...], dict[str, list[str]]]:
    _expect_keys(raw, _CONTENT_FIELDS, "contents")
    entries = raw["accounts"]
    if not isinstance(entries, list):
        raise CorruptBackup("contents: accounts is not a list")
    try:
        accounts = tuple(vault_format._account_from_json(entry) for entry in entries)
    except vault_format.CorruptDataError as error:
        raise CorruptBackup(str(error)) from None
    ids = [account.id for account in accounts]
    if len(set(ids)) != len(ids):
        raise CorruptBackup("two accounts have the same id")
    groups_raw = raw["groups"]
    if not isinstance(groups_raw, list):
        raise CorruptBackup("contents: groups is not a list")
    groups: dict[str, list[str]] = {}
    for group in groups_raw:
        if not isinstance(group, dict):
            raise CorruptBackup("a group is not an object")
        _expect_keys(group, _GROUP_FIELDS, "group")
        name, members = group["name"], group["accounts"]
        if not isinstance(name, str) or not isinstance(members, list):
            raise CorruptBackup("a group has no name or no list of accounts")
        if not all(isinstance(member, str) and member in ids for member in members):
            raise CorruptBackup("a group names an account that is not in the backup")
        if name in groups:
            raise CorruptBackup("two groups have the same name")
        groups[name] = list(members)
    return accounts, groups


# -- helpers --------------------------------------------------------------------------------


def _json_bytes(value: object) -> bytes:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _json_object(data: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CorruptBackup(f"the {what} is not valid JSON") from None
    if not isinstance(value, dict):
        raise CorruptBackup(f"the {what} is not a JSON object")
    return value


def _expect_keys(raw: dict[str, Any], keys: frozenset[str], what: str) -> None:
    if set(raw) != keys:
        missing, unknown = sorted(keys - set(raw)), sorted(set(raw) - keys)
        raise CorruptBackup(f"{what}: missing fields {missing}, unknown fields {unknown}")


def _integer(raw: dict[str, Any], key: str) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise CorruptBackup(f"kdf: {key} is not a whole number")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise CorruptBackup(f"the {what} is not text")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise CorruptBackup(f"the {what} is not valid base64") from None


def _hkdf(master: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(master)

"""Stratum (formerly Authenticator Pro) backups and its app database.

* Plain backup: JSON ``{"Authenticators": [...], "Categories": [...],
  "AuthenticatorCategories": [...], "CustomIcons": [...]}``. ``Type`` 1 = HOTP, 2 = TOTP,
  3 = mOTP, 4 = Steam, 5 = Yandex; ``Algorithm`` 0/1/2 = SHA1/SHA256/SHA512; ``Secret`` is
  base32. Categories become groups (linked through the account's secret).
* Encrypted backup, current: ``AUTHENTICATORPRO``, 16-byte salt, 12-byte IV, then AES-256-GCM
  ciphertext and tag; the key is Argon2id of the password (3 passes, 64 MiB, 4 lanes).
* Encrypted backup, legacy: ``AuthenticatorPro``, 20-byte salt, 16-byte IV, then AES-256-CBC
  (PKCS#7); the key is PBKDF2-HMAC-SHA1 of the password (64 000 iterations).
* The app's SQLite database (``authenticator`` table, ``category`` and
  ``authenticatorcategory`` for groups), read from a private temporary copy.

mOTP and Yandex accounts are skipped with a reason.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from functools import partial
from typing import Final

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop.importers._accounts import Collector, account_label, build_account
from desktop.importers._crypto import aes_gcm_open, utf8_password
from desktop.importers._problems import damaged_entry, unknown_algorithm, unsupported_kind
from desktop.importers._reading import BadData, Record, json_value, load_json, load_json_text
from desktop.importers._sqlite_file import has_table, is_sqlite, open_copy
from desktop.importers.base import DamagedFile, ImportResult, PasswordNeeded, WrongPassword
from desktop.otp.model import DEFAULT_PERIOD, Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key

TITLE: Final = "Stratum"

HEADER: Final = b"AUTHENTICATORPRO"
_SALT: Final = 16
_IV: Final = 12
_TAG: Final = 16
_ARGON2_PASSES: Final = 3
_ARGON2_MEMORY_KIB: Final = 64 * 1024
_ARGON2_LANES: Final = 4

LEGACY_HEADER: Final = b"AuthenticatorPro"
_LEGACY_SALT: Final = 20
_LEGACY_IV: Final = 16
_LEGACY_ITERATIONS: Final = 64_000

_TABLE: Final = "authenticator"
_COLUMNS: Final = frozenset({"type", "issuer", "username", "secret", "algorithm", "digits"})

_KINDS: Final = {1: OtpType.HOTP, 2: OtpType.TOTP, 4: OtpType.STEAM}
_OTHER_KINDS: Final = {3: "mOTP", 5: "Yandex"}
_ALGORITHMS: Final = {0: Algorithm.SHA1, 1: Algorithm.SHA256, 2: Algorithm.SHA512}
_ALGORITHM_NAMES: Final = {3: "MD5"}


def _plain(value: object) -> bool:
    backup = Record.maybe(value)
    return backup is not None and isinstance(backup.get("Authenticators"), list)


class StratumImporter:
    key = "stratum"
    title = TITLE
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        if data.startswith((HEADER, LEGACY_HEADER)):
            return True
        if is_sqlite(data):
            return has_table(data, _TABLE, _COLUMNS)
        return _plain(json_value(data))

    def is_encrypted(self, data: bytes) -> bool:
        return data.startswith((HEADER, LEGACY_HEADER))

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if is_sqlite(data):
            return _read_database(data)
        if data.startswith((HEADER, LEGACY_HEADER)):
            if password is None:
                raise PasswordNeeded(TITLE)
            backup = _decrypt(data, utf8_password(password))
        else:
            backup = load_json(data, TITLE)
        return _read_backup(backup)


# -- encrypted backups ----------------------------------------------------------------------


def _decrypt(data: bytes, password: bytes) -> object:
    if data.startswith(HEADER):
        start = len(HEADER)
        salt = data[start : start + _SALT]
        iv = data[start + _SALT : start + _SALT + _IV]
        sealed = data[start + _SALT + _IV :]
        if len(sealed) < _TAG:
            raise DamagedFile(TITLE, "too short")
        plaintext = aes_gcm_open(_argon2id(password, salt), iv, sealed)
        if plaintext is None:
            raise WrongPassword(TITLE)
        return load_json_text(plaintext, TITLE)
    start = len(LEGACY_HEADER)
    salt = data[start : start + _LEGACY_SALT]
    iv = data[start + _LEGACY_SALT : start + _LEGACY_SALT + _LEGACY_IV]
    ciphertext = data[start + _LEGACY_SALT + _LEGACY_IV :]
    if len(iv) != _LEGACY_IV or not ciphertext or len(ciphertext) % 16:
        raise DamagedFile(TITLE, "legacy backup of a wrong length")
    kdf = PBKDF2HMAC(hashes.SHA1(), 32, salt, _LEGACY_ITERATIONS)  # noqa: S303 - the format's
    decryptor = Cipher(algorithms.AES(kdf.derive(password)), modes.CBC(iv)).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        padded = decryptor.update(ciphertext) + decryptor.finalize()
        plaintext = unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        raise WrongPassword(TITLE) from None
    # CBC has no tag: a wrong password shows as bad padding or as bytes that are not JSON.
    try:
        return load_json_text(plaintext, TITLE)
    except DamagedFile:
        raise WrongPassword(TITLE) from None


def _argon2id(password: bytes, salt: bytes) -> bytes:
    try:
        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=_ARGON2_PASSES,
            lanes=_ARGON2_LANES,
            memory_cost=_ARGON2_MEMORY_KIB,
        )
    except UnsupportedAlgorithm:  # cryptography built against an OpenSSL before 3.2
        return hash_secret_raw(
            password,
            salt,
            time_cost=_ARGON2_PASSES,
            memory_cost=_ARGON2_MEMORY_KIB,
            parallelism=_ARGON2_LANES,
            hash_len=32,
            type=Type.ID,
        )
    return kdf.derive(password)


# -- plain backups --------------------------------------------------------------------------


def _read_backup(backup: object) -> ImportResult:
    try:
        root = Record(backup)
        authenticators = root.items("Authenticators")
        categories = root.items("Categories")
        links = root.items("AuthenticatorCategories")
    except BadData as error:
        raise DamagedFile(TITLE, str(error)) from None
    names = {
        category.text("Id"): category.text("Name").strip()
        for category in _records(categories)
        if _is_text(category, "Id") and _is_text(category, "Name")
    }
    memberships: dict[str, list[str]] = {}
    for link in _records(links):
        if _is_text(link, "CategoryId") and _is_text(link, "AuthenticatorSecret"):
            group = names.get(link.text("CategoryId"))
            if group:
                memberships.setdefault(link.text("AuthenticatorSecret"), []).append(group)
    found = Collector("stratum")
    for position, raw in enumerate(authenticators, start=1):
        entry = Record.maybe(raw)
        if entry is None:
            found.skip(f"#{position}", damaged_entry())
            continue
        fields = {
            "type": entry.get("Type"),
            "issuer": entry.get("Issuer"),
            "username": entry.get("Username"),
            "secret": entry.get("Secret"),
            "algorithm": entry.get("Algorithm"),
            "digits": entry.get("Digits"),
            "period": entry.get("Period"),
            "counter": entry.get("Counter"),
        }
        _add(found, position, fields, memberships)
    return found.result()


def _records(values: list[object]) -> list[Record]:
    return [record for value in values if (record := Record.maybe(value)) is not None]


def _is_text(record: Record, key: str) -> bool:
    return isinstance(record.get(key), str)


# -- the app's database ---------------------------------------------------------------------


def _read_database(data: bytes) -> ImportResult:
    with open_copy(data, TITLE) as connection:
        tables = {
            str(name)
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if _TABLE not in tables:
            raise DamagedFile(TITLE, "no authenticator table")
        connection.row_factory = sqlite3.Row
        rows = [dict(row) for row in connection.execute(f"SELECT * FROM {_TABLE}")]  # noqa: S608
        memberships: dict[str, list[str]] = {}
        if {"category", "authenticatorcategory"} <= tables:
            query = (
                "SELECT c.name, l.authenticatorSecret FROM authenticatorcategory AS l "
                "JOIN category AS c ON c.id = l.categoryId"
            )
            for name, secret in connection.execute(query):
                if isinstance(name, str) and isinstance(secret, str) and name.strip():
                    memberships.setdefault(secret, []).append(name.strip())
    found = Collector("stratum")
    for position, row in enumerate(rows, start=1):
        _add(found, position, row, memberships)
    return found.result()


# -- one account ----------------------------------------------------------------------------


def _add(
    found: Collector,
    position: int,
    fields: Mapping[str, object],
    memberships: dict[str, list[str]],
) -> None:
    issuer, name = fields.get("issuer"), fields.get("username")
    label = account_label(
        issuer if isinstance(issuer, str) else "",
        name if isinstance(name, str) else "",
        position,
    )
    account = found.add(label, partial(_account, fields))
    secret = fields.get("secret")
    if account is not None and isinstance(secret, str):
        for group in memberships.get(secret, []):
            found.group(group, account)


def _account(fields: Mapping[str, object]) -> Account:
    record = Record(dict(fields))
    kind = record.integer("type")
    if kind in _OTHER_KINDS:
        raise unsupported_kind(_OTHER_KINDS[kind])
    if kind not in _KINDS:
        raise unsupported_kind(str(kind))
    otp_type = _KINDS[kind]
    secret = parse_setup_key(record.text("secret"))
    issuer = record.text("issuer").strip()
    name = record.text("username").strip()
    record.integer("period", DEFAULT_PERIOD)  # checked for every type, HOTP's too
    return build_account(otp_type, issuer, name, secret, record, algorithm_of=_algorithm)


def _algorithm(record: Record) -> Algorithm:
    number = record.integer("algorithm", 0)
    if number not in _ALGORITHMS:
        raise unknown_algorithm(_ALGORITHM_NAMES.get(number, str(number)))
    return _ALGORITHMS[number]


IMPORTER: Final = StratumImporter()

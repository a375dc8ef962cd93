"""andOTP backups: plain JSON, and the two encrypted layouts (``*.json.aes``).

* Plain: a JSON list of entries with ``secret`` (base32, often ``=``-padded), ``issuer``,
  ``label``, ``type`` (``TOTP``, ``HOTP``, ``STEAM``), ``algorithm``, ``digits``,
  ``period`` and ``counter``. Old versions had no ``issuer`` and wrote the label as
  ``Issuer - Name``.
* Encrypted, current: 4-byte big-endian PBKDF2-HMAC-SHA1 iteration count, 12-byte salt,
  12-byte nonce, then AES-256-GCM ciphertext and tag.
* Encrypted, old: the key is SHA-256 of the password; 12-byte nonce, then AES-256-GCM.

Both encrypted layouts are tried (the old one first: it costs one hash); AES-GCM's tag
tells which one, if any, the password opens.
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop.importers._accounts import Collector, account_label, build_account
from desktop.importers._crypto import aes_gcm_open, utf8_password
from desktop.importers._problems import damaged_entry, unsupported_kind
from desktop.importers._reading import Record, json_value, load_json_text
from desktop.importers.base import DamagedFile, ImportResult, PasswordNeeded, WrongPassword
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key

TITLE: Final = "andOTP"
_NONCE: Final = 12
_SALT: Final = 12
_TAG: Final = 16
_ITERATIONS_FIELD: Final = 4
# andOTP picks 140 000 to 160 000 iterations; a count far beyond that (seconds of work) is
# a damaged or hostile file, not a backup.
_MIN_ITERATIONS_SEEN: Final = 140_000
_MAX_ITERATIONS_SEEN: Final = 160_000
_MAX_ITERATIONS: Final = 1_000_000
_KINDS: Final = {"TOTP": OtpType.TOTP, "HOTP": OtpType.HOTP, "STEAM": OtpType.STEAM}
# Magic numbers of files that are certainly something else (never an andOTP ciphertext).
_OTHER_MAGIC: Final = (
    b"SQLite format 3\x00",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"AUTHENTICATORPRO",
    b"AuthenticatorPro",
    b"\xac\xed\x00\x05",  # Java serialization (FreeOTP 2)
)


def _plain_entries(value: object) -> bool:
    if not isinstance(value, list) or not value:
        return False
    first = Record.maybe(value[0])
    return first is not None and all(first.has(k) for k in ("secret", "type", "label"))


def _looks_encrypted(name: str, data: bytes) -> bool:
    if len(data) < _NONCE + _TAG + 2 or data.startswith(_OTHER_MAGIC) or _is_text(data):
        return False
    iterations = int.from_bytes(data[:_ITERATIONS_FIELD], "big")
    if _MIN_ITERATIONS_SEEN <= iterations <= _MAX_ITERATIONS_SEEN:
        return True
    lowered = name.lower()
    return lowered.endswith(".aes") or "andotp" in lowered


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class AndOtpImporter:
    key = "andotp"
    title = TITLE
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        return _plain_entries(json_value(data)) or _looks_encrypted(name, data)

    def is_encrypted(self, data: bytes) -> bool:
        return json_value(data) is None and not _is_text(data)

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        entries = json_value(data)
        if entries is None:
            if _is_text(data):
                raise DamagedFile(TITLE, "text that is not JSON")
            if password is None:
                raise PasswordNeeded(TITLE)
            entries = _decrypt(data, utf8_password(password))
        if not isinstance(entries, list):
            raise DamagedFile(TITLE, "not a list of entries")
        found = Collector("andotp")
        for position, raw in enumerate(entries, start=1):
            entry = Record.maybe(raw)
            if entry is None:
                found.skip(f"#{position}", damaged_entry())
                continue
            issuer, name = _naming(entry)
            found.add(account_label(issuer, name, position), partial(_account, entry))
        return found.result()


def _decrypt(data: bytes, password: bytes) -> object:
    if len(data) < _NONCE + _TAG:
        raise DamagedFile(TITLE, "too short")
    old = aes_gcm_open(hashlib.sha256(password).digest(), data[:_NONCE], data[_NONCE:])
    if old is not None:
        return load_json_text(old, TITLE)
    header = _ITERATIONS_FIELD + _SALT + _NONCE
    iterations = int.from_bytes(data[:_ITERATIONS_FIELD], "big")
    if len(data) >= header + _TAG and 1 <= iterations <= _MAX_ITERATIONS:
        salt = data[_ITERATIONS_FIELD : _ITERATIONS_FIELD + _SALT]
        kdf = PBKDF2HMAC(hashes.SHA1(), 32, salt, iterations)  # noqa: S303 - andOTP's format
        key = kdf.derive(password)
        new = aes_gcm_open(key, data[_ITERATIONS_FIELD + _SALT : header], data[header:])
        if new is not None:
            return load_json_text(new, TITLE)
    raise WrongPassword(TITLE)


def _naming(entry: Record) -> tuple[str, str]:
    """``(issuer, name)``; old exports have no ``issuer`` and a label ``Issuer - Name``."""
    issuer, label = entry.get("issuer"), entry.get("label")
    label_text = label if isinstance(label, str) else ""
    if isinstance(issuer, str):
        return issuer.strip(), label_text.strip()
    prefix, separator, rest = label_text.partition(" - ")
    if separator:
        return prefix.strip(), rest.strip()
    return "", label_text.strip()


def _account(entry: Record) -> Account:
    entry.text("label")  # a label of the wrong type is a damaged entry
    entry.text("issuer")
    issuer, name = _naming(entry)
    kind = entry.text("type", "TOTP")
    if kind.upper() not in _KINDS:
        raise unsupported_kind(kind)
    otp_type = _KINDS[kind.upper()]
    secret = parse_setup_key(entry.text("secret"))
    return build_account(otp_type, issuer, name, secret, entry)


IMPORTER: Final = AndOtpImporter()

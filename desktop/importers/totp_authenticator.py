"""TOTP Authenticator (com.authenticator.authservice2): its backup and its private file.

The backup is base64 text of AES-256-CBC (zero IV, PKCS#7 padding) whose key is the
SHA-256 of the password; backups made without a password use the app's built-in one,
"TotpAuthenticator", which is tried first. The plaintext is a JSON object whose first
*key* is the account list, itself JSON text. The private file
(``shared_prefs/TOTP_Authenticator_Preferences.xml``) keeps the same list under
``STATIC_TOTP_CODES_LIST``.

Each account has ``issuer``, ``name`` (the app lower-cases it), ``key`` and ``base``
(16, 32 or 64: how ``key`` is written). Like Aegis, accounts are imported with SHA1,
6 digits and 30 seconds: the conformance corpus expects that, although the app also
stores ``digits`` and ``period`` fields.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from functools import partial
from typing import Final

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.importers._accounts import Collector, account_label
from desktop.importers._crypto import utf8_password
from desktop.importers._prefs_xml import looks_like_prefs, read_prefs
from desktop.importers._problems import damaged_entry
from desktop.importers._reading import (
    BadData,
    Record,
    as_integer,
    base64_bytes,
    hex_bytes,
    json_in_text,
    load_json_text,
)
from desktop.importers.base import (
    DamagedFile,
    ImportResult,
    PasswordNeeded,
    UnknownFormat,
    WrongPassword,
)
from desktop.otp.model import Account
from desktop.otp.secret import parse_setup_key

PREF_KEY = "STATIC_TOTP_CODES_LIST"
# The app's own password for backups made without one: public, in the app and in Aegis.
DEFAULT_PASSWORD = "TotpAuthenticator"  # noqa: S105
_ZERO_IV = bytes(16)
_BASE64_TEXT = re.compile(rb"[A-Za-z0-9+/\s]+={0,2}\s*")
_NOT_BASE32 = re.compile(rb"[a-z0189+/]")  # base64 that cannot be a bare setup key
_MIN_BACKUP = 32  # bytes of ciphertext: two AES blocks at least


class TotpAuthenticatorImporter:
    key = "totp_authenticator"
    title = "TOTP Authenticator"
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        return _is_private_file(data) or _backup_ciphertext(data) is not None

    def is_encrypted(self, data: bytes) -> bool:
        ciphertext = _backup_ciphertext(data)
        return ciphertext is not None and _decrypt(ciphertext, DEFAULT_PASSWORD) is None

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if _is_private_file(data):
            prefs = read_prefs(data, self.title)
            if PREF_KEY not in prefs:
                raise UnknownFormat()
            listing = prefs[PREF_KEY]
        else:
            listing = self._backup_listing(data, password)
        entries = json_in_text(listing)
        if not isinstance(entries, list):
            raise DamagedFile(self.title, "the account list is not a JSON list")
        found = Collector(self.key)
        for number, item in enumerate(entries, start=1):
            entry = Record.maybe(item)
            if entry is None:
                found.skip(f"#{number}", damaged_entry())
                continue
            label = account_label(_text(entry, "issuer"), _text(entry, "name"), number)
            found.add(label, partial(_account, entry))
        return found.result()

    def _backup_listing(self, data: bytes, password: str | None) -> str:
        ciphertext = _backup_ciphertext(data)
        if ciphertext is None:
            if _base64_text(data) and len(data.strip()) >= _MIN_BACKUP * 4 // 3:
                raise DamagedFile(self.title, "base64 text, but not of whole AES blocks")
            raise UnknownFormat()
        candidates = [DEFAULT_PASSWORD] if password is None else [password, DEFAULT_PASSWORD]
        for candidate in candidates:
            padded = _decrypt(ciphertext, candidate)
            if padded is not None:
                break
        else:
            if password is None:
                raise PasswordNeeded(self.title)
            raise WrongPassword(self.title)
        unpadder = padding.PKCS7(128).unpadder()
        try:  # the password is right: what does not read now was cut short or changed
            plaintext = unpadder.update(padded) + unpadder.finalize()
        except ValueError as error:
            raise DamagedFile(self.title, "bad padding after a good first block") from error
        wrapper = load_json_text(plaintext, self.title)
        if not isinstance(wrapper, dict):
            raise DamagedFile(self.title, "backup is not a JSON object")
        return str(next(iter(wrapper), "[]"))  # JSON object keys are always strings


def _is_private_file(data: bytes) -> bool:
    return looks_like_prefs(data, f'name="{PREF_KEY}"'.encode())


def _base64_text(data: bytes) -> bool:
    """Base64 text that cannot be a bare setup key (base32 is upper case and 2-7 only)."""
    return _BASE64_TEXT.fullmatch(data) is not None and _NOT_BASE32.search(data) is not None


def _backup_ciphertext(data: bytes) -> bytes | None:
    """The ciphertext when ``data`` is base64 text of whole AES blocks, else ``None``."""
    if not _base64_text(data):
        return None
    try:
        ciphertext = base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(ciphertext) < _MIN_BACKUP or len(ciphertext) % 16:
        return None
    return ciphertext


def _decrypt(ciphertext: bytes, password: str) -> bytes | None:
    """The padded plaintext when ``password`` is right, else ``None``.

    Right means the first block is printable text starting with ``{"`` (the backup's
    JSON object): a wrong key gives random bytes, which are that one time in 10**9 or so.
    CBC decrypts each block on its own, so this holds for a cut-short file too.
    """
    key = hashlib.sha256(utf8_password(password)).digest()
    decryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    head = padded[:16]
    if not head.startswith(b'{"') or not all(0x20 <= byte < 0x7F for byte in head):
        return None
    return padded


def _text(entry: Record, key: str) -> str:
    value = entry.get(key)
    return value.strip() if isinstance(value, str) else ""


def _account(entry: Record) -> Account:
    base = entry.get("base")
    if isinstance(base, str) and base.isascii() and base.isdigit() and len(base) < 4:
        base = int(base)
    key = entry.text("key")
    match as_integer(base):
        case 16:
            secret = hex_bytes(key)
        case 32:
            secret = parse_setup_key(key)
        case 64:
            secret = base64_bytes(key)
        case _:
            raise BadData(f"base {base}")
    return Account(issuer=_text(entry, "issuer"), name=_text(entry, "name"), secret=secret)


IMPORTER: Final = TotpAuthenticatorImporter()

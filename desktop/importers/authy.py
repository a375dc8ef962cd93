"""Authy's token list from the app's private files (``shared_prefs``), as Aegis reads it.

``com.authy.storage.tokens.authenticator.xml`` holds the accounts added by link or QR
code: a JSON list under the ``….authenticator.key`` preference, each token with its
``digits``, names, and the setup key either as ``decryptedSecret`` (base32) or, when the
app keeps it encrypted, as ``encryptedSecret``: AES-256-CBC with a zero IV and PKCS#7
padding, the key PBKDF2-HMAC-SHA1 of the backup password over the token's own ``salt``
string (1000 iterations). The codes are SHA1 with a 30-second period.

``com.authy.storage.tokens.authy.xml`` holds Authy's own tokens (``secretSeed`` in hex,
10-second period); they are read the same way where present.
"""

from __future__ import annotations

import hashlib
import re
from functools import partial
from typing import Final

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.errors import UserError
from desktop.importers._accounts import Collector, account_label
from desktop.importers._crypto import utf8_password
from desktop.importers._prefs_xml import looks_like_prefs, read_prefs
from desktop.importers._problems import damaged_entry
from desktop.importers._reading import BadData, Record, base64_bytes, hex_bytes, json_in_text
from desktop.importers.base import (
    DamagedFile,
    ImportResult,
    PasswordNeeded,
    UnknownFormat,
    WrongPassword,
)
from desktop.otp.model import DEFAULT_PERIOD, Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key

AUTHENTICATOR_KEY: Final = "com.authy.storage.tokens.authenticator.key"
AUTHY_KEY: Final = "com.authy.storage.tokens.authy.key"
_MARKER: Final = b"com.authy.storage.tokens."
_ITERATIONS: Final = 1000
_KEY_BYTES: Final = 32
_ZERO_IV: Final = bytes(16)
_AUTHY_PERIOD: Final = 10
_AUTHY_DIGITS: Final = 7
_NAME_SEPARATOR: Final = re.compile(r"\s*(?::|-)\s*")


class AuthyImporter:
    key = "authy"
    title = "Authy"
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        return looks_like_prefs(data, _MARKER) and (
            AUTHENTICATOR_KEY.encode() in data or AUTHY_KEY.encode() in data
        )

    def is_encrypted(self, data: bytes) -> bool:
        try:
            tokens = self._tokens(data)
        except (DamagedFile, UnknownFormat):
            return False
        return any(_encrypted(token) for token, _ in tokens)

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        tokens = self._tokens(data)
        decrypted: list[str | None] = [None] * len(tokens)
        locked = {index for index, (token, _) in enumerate(tokens) if _encrypted(token)}
        if locked:
            if password is None:
                raise PasswordNeeded(self.title)
            for index in locked:
                decrypted[index] = _decrypt(tokens[index][0], password)
            if all(decrypted[index] is None for index in locked):
                raise WrongPassword(self.title)
        found = Collector(self.key)
        for index, (token, authy_own) in enumerate(tokens):
            label = account_label(*_names(token, authy_own), index + 1)
            if index in locked and decrypted[index] is None:
                found.skip(label, damaged_entry())  # the others opened: this one is damaged
                continue
            found.add(label, partial(_account, token, authy_own, decrypted[index]))
        return found.result()

    def _tokens(self, data: bytes) -> list[tuple[Record, bool]]:
        """Every token in the file, with whether it is one of Authy's own."""
        if not self.sniff("", data):
            raise UnknownFormat()
        prefs = read_prefs(data, self.title)
        tokens: list[tuple[Record, bool]] = []
        lists = 0
        for key, authy_own in ((AUTHENTICATOR_KEY, False), (AUTHY_KEY, True)):
            if key not in prefs:
                continue
            lists += 1
            items = json_in_text(prefs[key])
            if not isinstance(items, list):
                raise DamagedFile(self.title, f"{key} is not a JSON list")
            try:
                tokens += [(Record(item), authy_own) for item in items]
            except BadData as error:
                raise DamagedFile(self.title, f"{key}: {error}") from error
        if not lists:
            raise UnknownFormat()
        return tokens


def _encrypted(token: Record) -> bool:
    plain = token.has("decryptedSecret") or token.has("secretSeed")
    return not plain and isinstance(token.get("encryptedSecret"), str)


def _decrypt(token: Record, password: str) -> str | None:
    """The base32 setup key, or ``None`` when this password does not give one."""
    try:
        blob = base64_bytes(token.text("encryptedSecret"))
        salt = token.text("salt").encode("utf-8", "surrogatepass")
    except BadData:
        return None
    if not blob or len(blob) % 16:
        return None
    key = hashlib.pbkdf2_hmac("sha1", utf8_password(password), salt, _ITERATIONS, _KEY_BYTES)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(_ZERO_IV)).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        padded = decryptor.update(blob) + decryptor.finalize()
        plain = (unpadder.update(padded) + unpadder.finalize()).decode("ascii")
        parse_setup_key(plain)  # a wrong key gives bytes that are no base32 text
    except (ValueError, UserError):
        return None
    return plain


def _account(token: Record, authy_own: bool, decrypted: str | None) -> Account:
    issuer, name = _names(token, authy_own)
    if authy_own:
        secret = hex_bytes(token.text("secretSeed"))
        digits = token.integer("digits", _AUTHY_DIGITS)
        period = _AUTHY_PERIOD
    else:
        if decrypted is None and not token.has("decryptedSecret"):
            raise BadData("no secret")
        secret = parse_setup_key(decrypted or token.text("decryptedSecret"))
        digits = token.integer("digits", 6)
        period = DEFAULT_PERIOD
    return Account(
        issuer=issuer,
        name=name,
        secret=secret,
        type=OtpType.TOTP,
        algorithm=Algorithm.SHA1,
        digits=digits,
        period=period,
    )


def _names(token: Record, authy_own: bool) -> tuple[str, str]:
    """``(issuer, name)``: Authy shows "Issuer: name" as one name; the issuer is taken
    from ``originalIssuer``, else ``originalName``'s prefix, else a "Issuer - name" name,
    else the account type; then that issuer and its separator leave the name."""
    name = _optional_text(token, "name")
    if authy_own:
        return name, ""
    original_issuer = _optional_text(token, "originalIssuer")
    original_name = _optional_text(token, "originalName")
    if original_issuer:
        issuer = original_issuer
    elif ":" in original_name:
        issuer = original_name.partition(":")[0].strip()
    elif " - " in name:
        issuer = name.partition(" - ")[0].strip()
    else:
        account_type = _optional_text(token, "accountType")
        issuer = account_type[:1].upper() + account_type[1:]
    return issuer, _without_issuer(name, issuer)


def _without_issuer(name: str, issuer: str) -> str:
    if not issuer or not name.startswith(issuer):
        return name
    rest = name[len(issuer) :]
    if not rest.strip():
        return ""
    separator = _NAME_SEPARATOR.match(rest)
    return rest[separator.end() :].strip() if separator else name


def _optional_text(token: Record, key: str) -> str:
    value = token.get(key)
    return value.strip() if isinstance(value, str) else ""


IMPORTER = AuthyImporter()

"""2FAS Authenticator backups (``*.2fas``, older ones ``*.json``), schema versions 1 to 4.

* ``services``: the accounts. Each has ``secret`` (base32), ``name`` (the service as the
  user named it; the issuer, as Aegis reads it) and ``otp`` with ``account``, ``issuer``,
  ``digits``, ``period``, ``algorithm``, ``counter`` and, from schema 3, ``tokenType``
  (``TOTP``, ``HOTP`` or ``STEAM``). Schema 1 stores no parameters (TOTP, SHA1, 6, 30);
  schema 2 has no token type, so every account is TOTP.
* Encrypted backups leave ``services`` empty and hold ``servicesEncrypted``:
  ``base64(ciphertext + tag):base64(salt):base64(iv)``. The key is PBKDF2-HMAC-SHA256 of
  the password (10 000 iterations, 256 bits), the cipher AES-256-GCM, the plaintext the
  JSON list of services. ``reference`` is a known text sealed the same way: it tells a
  wrong password from a damaged file.
* ``groups`` (``id``, ``name``) and each service's ``groupId`` become groups.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop.importers._accounts import Collector, account_label, build_account, group_names
from desktop.importers._crypto import aes_gcm_open, utf8_password
from desktop.importers._problems import NewerVersion, damaged_entry, unsupported_kind
from desktop.importers._reading import (
    BadData,
    Record,
    base64_bytes,
    json_value,
    load_json,
    load_json_text,
)
from desktop.importers.base import DamagedFile, ImportResult, PasswordNeeded, WrongPassword
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key

TITLE: Final = "2FAS"
MAX_SCHEMA: Final = 4
ITERATIONS: Final = 10_000
_KINDS: Final = {"TOTP": OtpType.TOTP, "HOTP": OtpType.HOTP, "STEAM": OtpType.STEAM}


class TwoFasImporter:
    key = "2fas"
    title = TITLE
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        backup = Record.maybe(json_value(data))
        return (
            backup is not None
            and "schemaVersion" in backup.raw
            and isinstance(backup.get("services"), list)
        )

    def is_encrypted(self, data: bytes) -> bool:
        backup = Record.maybe(json_value(data))
        return backup is not None and bool(backup.get("servicesEncrypted"))

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        try:
            backup = Record(load_json(data, TITLE))
            schema = backup.integer("schemaVersion", 1)
            sealed = backup.text("servicesEncrypted")
            reference = backup.text("reference")
            services = backup.items("services")
            groups = group_names(backup.items("groups"), "id")
        except BadData as error:
            raise DamagedFile(TITLE, str(error)) from None
        if schema > MAX_SCHEMA:
            raise NewerVersion(TITLE)
        if sealed:
            if password is None:
                raise PasswordNeeded(TITLE)
            decrypted = _decrypt(sealed, reference, utf8_password(password))
            if not isinstance(decrypted, list):
                raise DamagedFile(TITLE, "decrypted services are not a list")
            services = decrypted
        found = Collector("2fas")
        for position, raw in enumerate(services, start=1):
            service = Record.maybe(raw)
            if service is None:
                found.skip(f"#{position}", damaged_entry())
                continue
            account = found.add(_label(service, position), partial(_account, service, schema))
            group = service.get("groupId")
            if account is not None and isinstance(group, str) and group in groups:
                found.group(groups[group], account)
        return found.result()


def _decrypt(sealed: str, reference: str, password: bytes) -> object:
    keys: dict[bytes, bytes] = {}  # salt -> key: the reference and the data share a salt

    def open_part(text: str) -> bytes | None:
        parts = text.split(":")
        if len(parts) != 3:
            raise DamagedFile(TITLE, "servicesEncrypted is not ciphertext:salt:iv")
        try:
            ciphertext, salt, iv = (base64_bytes(part) for part in parts)
        except BadData:
            raise DamagedFile(TITLE, "servicesEncrypted is not base64") from None
        if salt not in keys:
            keys[salt] = PBKDF2HMAC(hashes.SHA256(), 32, salt, ITERATIONS).derive(password)
        return aes_gcm_open(keys[salt], iv, ciphertext)

    if reference and open_part(reference) is None:
        raise WrongPassword(TITLE)
    plaintext = open_part(sealed)
    if plaintext is None:
        if reference:
            raise DamagedFile(TITLE, "services do not decrypt, the reference does")
        raise WrongPassword(TITLE)
    return load_json_text(plaintext, TITLE)


def _label(service: Record, position: int) -> str:
    otp = Record.maybe(service.get("otp"))
    name = service.get("name")
    account = otp.get("account") if otp is not None else None
    return account_label(
        name if isinstance(name, str) else "",
        account if isinstance(account, str) else "",
        position,
    )


def _account(service: Record, schema: int) -> Account:
    secret = parse_setup_key(service.text("secret"))
    otp = Record(service.get("otp") or {})
    issuer = service.text("name").strip() or otp.text("issuer").strip()
    name = otp.text("account").strip()
    if not name:
        label = otp.text("label").strip()
        prefix, colon, rest = label.partition(":")
        name = rest.strip() if colon and prefix.strip() == issuer else label
    token_type = otp.text("tokenType").upper() if schema >= 3 else ""
    if token_type and token_type not in _KINDS:
        raise unsupported_kind(otp.text("tokenType"))
    otp_type = _KINDS.get(token_type, OtpType.TOTP)
    return build_account(otp_type, issuer, name, secret, otp, hotp_keeps_period=True)


IMPORTER: Final = TwoFasImporter()

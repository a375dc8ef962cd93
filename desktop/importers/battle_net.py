"""The Battle.net app's authenticator, from its private ``shared_prefs`` file.

``com.blizzard.messenger.authenticator_preferences.xml`` keeps the serial number and the
device secret as hex strings XOR-masked with a fixed key (encryption type ``MASK``):
unmasked, the serial is text such as ``US-2211-2050-3346`` and the secret is the hex of
the TOTP key. Codes are 8 digits, SHA1, 30 seconds.
"""

from __future__ import annotations

from typing import Final

from desktop.importers._accounts import Collector
from desktop.importers._prefs_xml import looks_like_prefs, read_prefs
from desktop.importers._problems import not_importable
from desktop.importers._reading import BadData, hex_bytes
from desktop.importers.base import ImportResult, UnknownFormat
from desktop.otp.model import Account, Algorithm, OtpType

_PREFIX: Final = "com.blizzard.messenger."
SECRET_KEY: Final = _PREFIX + "AUTHENTICATOR_DEVICE_SECRET"
SERIAL_KEY: Final = _PREFIX + "AUTHENTICATOR_SERIAL"
ENCRYPTION_KEY: Final = _PREFIX + "AUTHENTICATOR_CREDENTIALS_ENCRYPTION_TYPE"
_MASK_NAME: Final = "MASK"
# The fixed mask the app XORs over both values (published by Aegis and other importers).
_MASK: Final = bytes.fromhex(
    "398e27fc50276a656065b0e525f4c06c04c61075286b8e7aeda59da9813b5dd6"
    "c80d2fb38068773fa59ba47c17ca6c6479015c1d5b8b8f6b9a"
)
ISSUER: Final = "Battle.net"
DIGITS: Final = 8


class BattleNetImporter:
    key = "battle_net"
    title = "Battle.net"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return looks_like_prefs(data, SECRET_KEY.encode())

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if not self.sniff("", data):
            raise UnknownFormat()
        prefs = read_prefs(data, self.title)
        if SECRET_KEY not in prefs:
            raise UnknownFormat()
        found = Collector(self.key)
        serial = _unmask_text(prefs.get(SERIAL_KEY, ""))
        label = serial or ISSUER
        if prefs.get(ENCRYPTION_KEY, _MASK_NAME) != _MASK_NAME:
            found.skip(label, not_importable())  # encrypted with the phone's key store
        else:
            found.add(label, lambda: _account(serial, prefs[SECRET_KEY]))
        return found.result()


def _account(serial: str, masked_secret: str) -> Account:
    secret_hex = _unmask_text(masked_secret)
    if not secret_hex:
        raise BadData("secret")
    return Account(
        issuer=ISSUER,
        name=serial,
        secret=hex_bytes(secret_hex),
        type=OtpType.TOTP,
        algorithm=Algorithm.SHA1,
        digits=DIGITS,
    )


def _unmask_text(masked: str) -> str:
    """The text under the mask; empty when ``masked`` is no hex of at most the mask's
    length, or does not unmask to printable ASCII."""
    try:
        raw = bytes.fromhex(masked.strip())
    except ValueError:
        return ""
    if len(raw) > len(_MASK):
        return ""
    text = bytes(value ^ mask for value, mask in zip(raw, _MASK, strict=False)).decode("latin-1")
    return text if text.isascii() and text.isprintable() else ""


IMPORTER = BattleNetImporter()

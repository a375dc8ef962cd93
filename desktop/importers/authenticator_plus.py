"""Authenticator Plus backups: a ZIP file locked with the backup password (ZipCrypto).

The part that matters is ``Accounts.txt``: one ``otpauth://`` link per account. (The
ZIP may hold more, such as the app's own database; it is not needed.) ZipCrypto checks
a password with one byte, so about one wrong password in 256 gets past that check and
only fails while unpacking; that failure is reported as a wrong password too, since the
sentence ("the password does not open this file") is then simply true and trying the
password again is the way out.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from desktop.importers._accounts import Collector
from desktop.importers._crypto import utf8_password
from desktop.importers.base import (
    DamagedFile,
    ImportResult,
    PasswordNeeded,
    UnknownFormat,
    WrongPassword,
)
from desktop.importers.otpauth_uri import read_links, text_lines

ACCOUNTS_FILE = "Accounts.txt"
_ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_FLAG = 0x1
_MAX_TEXT = 16 * 1024 * 1024  # bytes of Accounts.txt: thousands of accounts fit in far less
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    KeyError,
    IndexError,
    OverflowError,
    NotImplementedError,
)


class AuthenticatorPlusImporter:
    key = "authenticator_plus"
    title = "Authenticator Plus"
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        if not data.startswith(_ZIP_MAGIC) or ACCOUNTS_FILE.encode() not in data:
            return False
        try:
            return _accounts_entry(_open_zip(data, self.title)) is not None
        except DamagedFile:
            return False

    def is_encrypted(self, data: bytes) -> bool:
        try:
            entry = _accounts_entry(_open_zip(data, self.title))
        except DamagedFile:
            return False
        return entry is not None and bool(entry.flag_bits & _ENCRYPTED_FLAG)

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if not data.startswith(_ZIP_MAGIC):
            raise UnknownFormat()
        archive = _open_zip(data, self.title)
        entry = _accounts_entry(archive)
        if entry is None:
            raise UnknownFormat()
        encrypted = bool(entry.flag_bits & _ENCRYPTED_FLAG)
        if encrypted and password is None:
            raise PasswordNeeded(self.title)
        content = self._unpack(archive, entry, password if encrypted else None)
        lines = text_lines(content)
        if lines is None:
            raise DamagedFile(self.title, f"{ACCOUNTS_FILE} is not UTF-8 text")
        found = Collector(self.key)
        read_links(lines, found)
        return found.result()

    def _unpack(
        self, archive: zipfile.ZipFile, entry: zipfile.ZipInfo, password: str | None
    ) -> bytes:
        for secret in _password_bytes(password):
            try:
                stream = archive.open(entry, pwd=secret)
            except RuntimeError:  # zipfile's "Bad password for file"
                continue
            except _ZIP_ERRORS as error:
                raise DamagedFile(self.title, f"zip entry: {error!r}") from error
            try:
                with stream:
                    content = stream.read(_MAX_TEXT + 1)
            except _ZIP_ERRORS as error:
                if password is not None:  # see the module's note on ZipCrypto
                    raise WrongPassword(self.title) from error
                raise DamagedFile(self.title, f"unpacking: {error!r}") from error
            if len(content) > _MAX_TEXT:
                raise DamagedFile(self.title, f"{ACCOUNTS_FILE} is implausibly large")
            return content
        raise WrongPassword(self.title)


def _open_zip(data: bytes, title: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise DamagedFile(title, f"zip: {error!r}") from error


def _accounts_entry(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    for entry in archive.infolist():
        if entry.filename.replace("\\", "/").rsplit("/", 1)[-1] == ACCOUNTS_FILE:
            return entry
    return None


def _password_bytes(password: str | None) -> list[bytes | None]:
    """The bytes ZipCrypto may have been given: UTF-8, else Latin-1 (older tools)."""
    if password is None:
        return [None]
    candidates: list[bytes | None] = [utf8_password(password)]
    try:
        latin = password.encode("latin-1")
    except UnicodeEncodeError:
        return candidates
    if latin not in candidates:
        candidates.append(latin)
    return candidates


IMPORTER = AuthenticatorPlusImporter()

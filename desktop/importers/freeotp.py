"""FreeOTP: the 1.x app-private ``tokens.xml`` and the 2.x encrypted backup.

FreeOTP 2.x backs up a Java-serialized ``HashMap<String, String>`` (``externalBackup.xml``
despite the name). ``masterKey`` holds a JSON object: the KDF (``PBKDF2withHmacSHA1`` or
``PBKDF2withHmacSHA512``), ``mSalt``, ``mIterations``, and ``mEncryptedKey``, the 32-byte
master key sealed with AES-GCM under the password's key. For every token ``<uuid>``
holds its secret (``{"key": "<sealed box as JSON>"}``), sealed with the master key, and
``<uuid>-token`` its other fields. A sealed box has ``mCipher`` (AES/GCM/NoPadding),
``mCipherText`` (the tag at its end, as Java writes it), ``mParameters`` (DER
``GCMParameters``: the nonce and the tag length) and ``mToken``, the additional
authenticated data. The entries come in hash-map order.

The 1.x file is the token list described in :mod:`._freeotp_tokens`. FreeOTP+ writes the
same file; it is claimed here unless its name says FreeOTP+.
"""

from __future__ import annotations

import hashlib
from functools import partial
from typing import Final

from desktop.importers._accounts import Collector
from desktop.importers._crypto import aes_gcm_open, utf8_password
from desktop.importers._freeotp_tokens import (
    looks_like_token_prefs,
    name_says_plus,
    read_token_prefs,
    signed_bytes,
    token_account,
    token_label,
)
from desktop.importers._java_hashmap import NotAHashMap, looks_like_hashmap, read_string_map
from desktop.importers._problems import damaged_entry
from desktop.importers._reading import BadData, Record, json_in_text
from desktop.importers.base import (
    DamagedFile,
    ImportResult,
    PasswordNeeded,
    UnknownFormat,
    WrongPassword,
)

MASTER_KEY: Final = "masterKey"
METADATA_SUFFIX: Final = "-token"
_KDF_HASHES: Final = {"pbkdf2withhmacsha1": "sha1", "pbkdf2withhmacsha512": "sha512"}
_CIPHER: Final = "AES/GCM/NoPadding"
_KEY_BYTES: Final = 32
_MAX_ITERATIONS: Final = 2_000_000  # FreeOTP uses 100 000; more only makes a hostile file slow
_GCM_TAG_BYTES: Final = 16
_DER_SEQUENCE: Final = 0x30
_DER_OCTET_STRING: Final = 0x04
_DER_INTEGER: Final = 0x02


class FreeOtpImporter:
    key = "freeotp"
    title = "FreeOTP"
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        if looks_like_hashmap(data):
            return MASTER_KEY.encode() in data
        return looks_like_token_prefs(data) and not name_says_plus(name)

    def is_encrypted(self, data: bytes) -> bool:
        return looks_like_hashmap(data)

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if looks_like_hashmap(data):
            return self._read_backup(data, password)
        if not looks_like_token_prefs(data):
            raise UnknownFormat()
        found = Collector(self.key)
        read_token_prefs(data, self.title, found)
        return found.result()

    def _read_backup(self, data: bytes, password: str | None) -> ImportResult:
        try:
            entries = read_string_map(data)
        except NotAHashMap as error:
            raise DamagedFile(self.title, f"backup map: {error}") from error
        try:
            master = Record(json_in_text(entries.get(MASTER_KEY, "")))
            kdf = _KDF_HASHES.get(master.text("mAlgorithm").lower())
            salt = signed_bytes(master.get("mSalt"))
            iterations = master.integer("mIterations")
            sealed_key = master.record("mEncryptedKey")
        except BadData as error:
            raise DamagedFile(self.title, f"masterKey: {error}") from error
        if kdf is None or not 1 <= iterations <= _MAX_ITERATIONS:
            raise DamagedFile(self.title, "masterKey: unknown KDF or iteration count")
        if password is None:
            raise PasswordNeeded(self.title)
        password_key = hashlib.pbkdf2_hmac(
            kdf, utf8_password(password), salt, iterations, _KEY_BYTES
        )
        try:
            master_key = _open_sealed(sealed_key, password_key)
        except BadData as error:
            raise DamagedFile(self.title, f"masterKey box: {error}") from error
        if master_key is None:
            raise WrongPassword(self.title)
        if len(master_key) not in (16, 24, 32):
            raise DamagedFile(self.title, "master key of an impossible length")

        found = Collector(self.key)
        for name, value in entries.items():
            if name == MASTER_KEY or name.endswith(METADATA_SUFFIX):
                continue
            token = Record.maybe(json_in_text(entries.get(name + METADATA_SUFFIX, "")))
            if token is None:
                found.skip(name, damaged_entry())
                continue
            label = token_label(token) or name
            try:
                wrapper = Record(json_in_text(value))
                secret = _open_sealed(Record(json_in_text(wrapper.text("key"))), master_key)
            except BadData:
                secret = None
            if secret is None:  # the master key is right, so this entry is damaged
                found.skip(label, damaged_entry())
                continue
            found.add(label, partial(token_account, token, secret))
        return found.result()


def _open_sealed(box: Record, key: bytes) -> bytes | None:
    """The plaintext of a FreeOTP sealed box, ``None`` for the wrong key; :class:`BadData`
    for a box that is not one."""
    if box.text("mCipher") != _CIPHER:
        raise BadData("not AES/GCM/NoPadding")
    sealed = signed_bytes(box.get("mCipherText"))
    nonce = _gcm_nonce(signed_bytes(box.get("mParameters")))
    return aes_gcm_open(key, nonce, sealed, box.text("mToken").encode("utf-8", "surrogatepass"))


def _gcm_nonce(parameters: bytes) -> bytes:
    """The nonce of DER ``GCMParameters ::= SEQUENCE { nonce OCTET STRING, icvLen INTEGER }``
    (a bare OCTET STRING also accepted); only 16-byte tags are supported."""
    tag, content, rest = _der_item(parameters)
    if rest:
        raise BadData("data after the GCM parameters")
    if tag == _DER_OCTET_STRING:
        return content
    if tag != _DER_SEQUENCE:
        raise BadData("GCM parameters are not a DER sequence")
    nonce: bytes | None = None
    while content:
        tag, value, content = _der_item(content)
        if tag == _DER_OCTET_STRING and nonce is None:
            nonce = value
        elif tag == _DER_INTEGER and int.from_bytes(value, "big") != _GCM_TAG_BYTES:
            raise BadData("unsupported GCM tag length")
    if nonce is None:
        raise BadData("no nonce in the GCM parameters")
    return nonce


def _der_item(data: bytes) -> tuple[int, bytes, bytes]:
    """``(tag, content, rest)`` of the first DER item of ``data`` (definite lengths)."""
    if len(data) < 2:
        raise BadData("DER item cut short")
    tag, length, offset = data[0], data[1], 2
    if length & 0x80:
        size = length & 0x7F
        if not 1 <= size <= 4 or len(data) < offset + size:
            raise BadData("bad DER length")
        length = int.from_bytes(data[offset : offset + size], "big")
        offset += size
    end = offset + length
    if end > len(data):
        raise BadData("DER item cut short")
    return tag, data[offset:end], data[end:]


IMPORTER = FreeOtpImporter()

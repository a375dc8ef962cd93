"""Aegis vaults (``aegis-export-*.json``), plain and encrypted.

The layout is Aegis' ``docs/vault.md`` (copied into the interop corpus):

* ``{"version": 1, "header": {"slots": [...], "params": {...}}, "db": ...}``; ``db`` is the
  content object, or, encrypted, its base64 AES-256-GCM ciphertext (``params`` holds the
  hex nonce and tag).
* Each slot wraps the master key with AES-256-GCM. Password slots (type 1) derive the
  wrapping key with scrypt (``n``, ``r``, ``p``, hex ``salt``); the other types (raw 0,
  biometric 2: a key in the phone's KeyStore) cannot be opened here and are passed over.
* Content versions 1 to 3. Version 2 entries name their group (``"group": "Work"``);
  version 3 lists ``groups`` (uuid, name) and each entry the uuids of its groups. Groups of
  the same name become one group.
* Entry types ``totp``, ``hotp`` and ``steam`` become accounts; ``motp`` and ``yandex`` are
  skipped with a reason. A ``null`` issuer is an empty one (the name is kept as it is).
  Icons, notes and favourites are not imported.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers._accounts import Collector, account_label, build_account, group_names
from desktop.importers._crypto import aes_gcm_open, utf8_password
from desktop.importers._problems import NewerVersion, damaged_entry, unsupported_kind
from desktop.importers._reading import (
    BadData,
    Record,
    base64_bytes,
    hex_bytes,
    json_value,
    load_json,
    load_json_text,
)
from desktop.importers.base import (
    DamagedFile,
    ImportProblem,
    ImportResult,
    PasswordNeeded,
    WrongPassword,
)
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key

TITLE: Final = "Aegis"
VAULT_VERSION: Final = 1
MAX_CONTENT_VERSION: Final = 3
PASSWORD_SLOT: Final = 1
# scrypt's memory is 128 * n * r bytes and its work that times p: Aegis uses n=2**15, r=8,
# p=1 (32 MiB, well under a second). A file asking for more than 8 times that is damaged or
# hostile, not a phone's vault, and must not tie up the computer.
_MAX_SCRYPT_WORK: Final = 8 * 128 * 2**15 * 8
_KINDS: Final = {"totp": OtpType.TOTP, "hotp": OtpType.HOTP, "steam": OtpType.STEAM}
_OTHER_KINDS: Final = {"motp": "mOTP", "yandex": "Yandex"}


class NoPasswordSlot(ImportProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This {format} vault can only be unlocked with the phone's fingerprint or face "
                "unlock. Export it again with a password, or without encryption.",
            ),
            format=TITLE,
        )


class AegisImporter:
    key = "aegis"
    title = TITLE
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        vault = Record.maybe(json_value(data))
        return (
            vault is not None
            and isinstance(vault.get("header"), dict)
            and isinstance(vault.get("db"), dict | str)
        )

    def is_encrypted(self, data: bytes) -> bool:
        vault = Record.maybe(json_value(data))
        return vault is not None and isinstance(vault.get("db"), str)

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        try:
            vault = Record(load_json(data, TITLE))
            version = vault.integer("version", VAULT_VERSION)
            header = vault.record("header")
            db = vault.get("db")
        except BadData as error:
            raise DamagedFile(TITLE, str(error)) from None
        if version > VAULT_VERSION:
            raise NewerVersion(TITLE)
        if isinstance(db, str):
            if password is None:
                raise PasswordNeeded(TITLE)
            content = _decrypt(header, db, password)
        else:
            content = db
        return _read_content(content)


def _decrypt(header: Record, db: str, password: str) -> object:
    try:
        slots = [Record(slot) for slot in header.items("slots")]
        params = header.record("params")
        nonce = hex_bytes(params.text("nonce"))
        tag = hex_bytes(params.text("tag"))
        ciphertext = base64_bytes(db)
    except BadData as error:
        raise DamagedFile(TITLE, str(error)) from None
    password_slots = [s for s in slots if _slot_type(s) == PASSWORD_SLOT]
    if not password_slots:
        raise NoPasswordSlot()
    for slot in password_slots:
        master_key = _open_slot(slot, utf8_password(password))
        if master_key is not None:
            content = aes_gcm_open(master_key, nonce, ciphertext + tag)
            if content is None:
                raise DamagedFile(TITLE, "content does not decrypt with the master key")
            return load_json_text(content, TITLE)
    raise WrongPassword(TITLE)


def _slot_type(slot: Record) -> int | None:
    try:
        return slot.integer("type")
    except BadData:
        return None


def _open_slot(slot: Record, password: bytes) -> bytes | None:
    """The master key from a password slot, or ``None`` when the password is not this
    slot's (or the slot is unreadable)."""
    try:
        n, r, p = slot.integer("n"), slot.integer("r"), slot.integer("p")
        salt = hex_bytes(slot.text("salt"))
        wrapped = hex_bytes(slot.text("key"))
        key_params = slot.record("key_params")
        nonce = hex_bytes(key_params.text("nonce"))
        tag = hex_bytes(key_params.text("tag"))
    except BadData:
        return None
    if not _sane_scrypt(n, r, p):
        raise DamagedFile(TITLE, "unreasonable scrypt parameters")
    try:
        wrapping_key = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password)
    except (ValueError, MemoryError):
        return None
    return aes_gcm_open(wrapping_key, nonce, wrapped + tag)


def _sane_scrypt(n: int, r: int, p: int) -> bool:
    return n > 1 and n & (n - 1) == 0 and r >= 1 and p >= 1 and 128 * n * r * p <= _MAX_SCRYPT_WORK


def _read_content(content: object) -> ImportResult:
    try:
        db = Record(content)
        version = db.integer("version")
        entries = db.items("entries")
        groups = group_names(db.items("groups"), "uuid")  # content version 3
    except BadData as error:
        raise DamagedFile(TITLE, str(error)) from None
    if version > MAX_CONTENT_VERSION:
        raise NewerVersion(TITLE)
    found = Collector("aegis")
    for position, raw in enumerate(entries, start=1):
        entry = Record.maybe(raw)
        if entry is None:
            found.skip(f"#{position}", damaged_entry())
            continue
        label = _label(entry, position)
        account = found.add(label, partial(_account, entry))
        if account is not None:
            for name in _entry_groups(entry, groups):
                found.group(name, account)
    return found.result()


def _label(entry: Record, position: int) -> str:
    issuer, name = entry.get("issuer"), entry.get("name")
    return account_label(
        issuer if isinstance(issuer, str) else "",
        name if isinstance(name, str) else "",
        position,
    )


def _account(entry: Record) -> Account:
    kind = entry.text("type")
    if kind.lower() in _OTHER_KINDS:
        raise unsupported_kind(_OTHER_KINDS[kind.lower()])
    if kind.lower() not in _KINDS:
        raise unsupported_kind(kind)
    otp_type = _KINDS[kind.lower()]
    info = entry.record("info")
    secret = parse_setup_key(info.text("secret"))
    issuer = entry.text("issuer").strip()
    name = entry.text("name").strip()
    return build_account(otp_type, issuer, name, secret, info, algorithm_key="algo")


def _entry_groups(entry: Record, names: dict[str, str]) -> list[str]:
    """The names of the groups ``entry`` is in: version 2's ``group`` name, version 3's
    group uuids (unknown uuids are ignored)."""
    found: list[str] = []
    old = entry.get("group")
    if isinstance(old, str) and old.strip():
        found.append(old.strip())
    uuids = entry.get("groups")
    if isinstance(uuids, list):
        for uuid in uuids:
            if isinstance(uuid, str) and uuid in names and names[uuid] not in found:
                found.append(names[uuid])
    return found


IMPORTER: Final = AegisImporter()

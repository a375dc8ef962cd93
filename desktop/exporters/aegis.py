"""Aegis vault files (JSON), plain or encrypted, as the Aegis app on Android imports them.

The format is Aegis' own ``docs/vault.md`` (kept in ``tests/data/interop/imports/aegis``):
``{"version": 1, "header": {...}, "db": ...}`` with ``db`` version 3. Encrypted, ``db`` is
the base64 of AES-256-GCM under a random 32-byte master key; one password slot holds that
key wrapped with AES-256-GCM under ``scrypt(password, salt, N=2^15, r=8, p=1, 32)`` (the
parameters Aegis itself uses, so a phone can open the file). Entries get new UUIDs.
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.exporters import ExportProblem, check_password, password_bytes, require_accounts
from desktop.otp.model import MAX_STORED_COUNTER, Account, OtpType
from desktop.otp.secret import format_setup_key

VAULT_VERSION = 1
DB_VERSION = 3
SLOT_PASSWORD = 1
KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
SALT_SIZE = 32


@dataclass(frozen=True, slots=True)
class AegisScrypt:
    n: int = 2**15
    r: int = 8
    p: int = 1


AEGIS_SCRYPT = AegisScrypt()
"""Aegis' own parameters (higher ones run phones out of memory)."""


def write_plain(accounts: Sequence[Account]) -> bytes:
    """An unencrypted Aegis vault: anyone who has the file can make the codes."""
    require_accounts(accounts)
    check_counters(accounts)
    document = {
        "version": VAULT_VERSION,
        "header": {"slots": None, "params": None},
        "db": _db(accounts),
    }
    return _dump(document)


def write_encrypted(
    accounts: Sequence[Account], password: str, *, scrypt: AegisScrypt = AEGIS_SCRYPT
) -> bytes:
    """An Aegis vault with one password slot (:func:`desktop.exporters.check_password`)."""
    require_accounts(accounts)
    check_counters(accounts)
    check_password(password)
    master_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(NONCE_SIZE)
    sealed = AESGCM(master_key).encrypt(nonce, json.dumps(_db(accounts)).encode("utf-8"), None)
    salt = os.urandom(SALT_SIZE)
    wrapping_key = Scrypt(salt=salt, length=KEY_SIZE, n=scrypt.n, r=scrypt.r, p=scrypt.p).derive(
        password_bytes(password)
    )
    key_nonce = os.urandom(NONCE_SIZE)
    wrapped = AESGCM(wrapping_key).encrypt(key_nonce, master_key, None)
    slot = {
        "type": SLOT_PASSWORD,
        "uuid": str(uuid.uuid4()),
        "key": wrapped[:-TAG_SIZE].hex(),
        "key_params": {"nonce": key_nonce.hex(), "tag": wrapped[-TAG_SIZE:].hex()},
        "n": scrypt.n,
        "r": scrypt.r,
        "p": scrypt.p,
        "salt": salt.hex(),
        "repaired": True,
    }
    document = {
        "version": VAULT_VERSION,
        "header": {
            "slots": [slot],
            "params": {"nonce": nonce.hex(), "tag": sealed[-TAG_SIZE:].hex()},
        },
        "db": base64.b64encode(sealed[:-TAG_SIZE]).decode("ascii"),
    }
    return _dump(document)


def check_counters(accounts: Sequence[Account]) -> None:
    """Aegis reads an HOTP counter into a Java ``long``: a file with a larger one would not
    open in Aegis at all. Tweestap no longer stores such counters; one from an older vault
    is named, and nothing is written."""
    for account in accounts:
        if account.counter > MAX_STORED_COUNTER:
            raise ExportProblem(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Aegis cannot hold the counter of {label} ({counter}); nothing was "
                    "written. Remove that account or choose another format.",
                ),
                label=account.label,
                counter=account.counter,
            )


def _db(accounts: Sequence[Account]) -> dict[str, Any]:
    return {"version": DB_VERSION, "entries": [_entry(a) for a in accounts], "groups": []}


def _entry(account: Account) -> dict[str, Any]:
    info: dict[str, Any] = {
        "secret": format_setup_key(account.secret),
        "algo": account.algorithm.value,
        "digits": account.digits,
    }
    if account.type is OtpType.HOTP:
        info["counter"] = account.counter
    else:
        info["period"] = account.period
    return {
        "type": account.type.value,
        "uuid": str(uuid.uuid4()),
        "name": account.name,
        "issuer": account.issuer,
        "note": "",
        "favorite": False,
        "icon": None,
        "icon_mime": None,
        "icon_hash": None,
        "info": info,
        "groups": [],
    }


def _dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=4) + "\n").encode("utf-8")

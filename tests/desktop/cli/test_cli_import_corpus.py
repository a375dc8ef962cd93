"""Every sample of the interop corpus, imported with ``tweestap import`` into an empty vault,
ends up there exactly: each distinct account present once, with the codes its key makes.

The importers' own tests (tests/desktop/importers/test_corpus.py) check what a file *reads* to;
this checks what the vault *keeps*, where an import used to drop accounts: the same key
under two names (GNOME's issuer-less vault, scito's example export), and the same name
with two keys (dim13's two links, WinAuth's naming of the Aegis vectors). Only an exact
duplicate inside a file is left out, and the command says so.

The expected codes are computed here from the manifest's keys with the standard library
(RFC 4226 truncation, Steam's alphabet), not with Tweestap's own code functions.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.desktop.cli.conftest import Cli
from tests.desktop.importers.test_corpus import POSITIVE, Case, copied
from tests.desktop.importers.test_corpus import _migration_view as migration_view

AT = 1_718_616_600  # 17 June 2024, 09:30 UTC: the day two-step verification became mandatory
STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY"
DIGESTS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}

LOOK_ALIKE_SAMPLES = {
    "winauth:plain.txt": "the same name (WinAuth) under one issuer with two keys",
    "aegis:aegis_issuer_from_name.json": "one key under two names",
    "google_migration:example_export.txt": "one key under four names, two exact repeats",
    "google_migration:example_export_only_totp.txt": "one key under three names",
    "google_migration:migration_links.txt": "one name with two keys",
}


def entries_of(case: Case) -> list[dict[str, Any]]:
    assert case.expected is not None
    if case.format_key == "google_migration":
        return [migration_view(entry) for entry in case.expected]
    return list(case.expected)


def key(entry: dict[str, Any]) -> str:
    fields = ["type", "issuer", "name", "secret", "algorithm", "digits"]
    fields.append("counter" if entry["type"] == "hotp" else "period")
    return json.dumps({f: entry[f] for f in fields}, sort_keys=True, ensure_ascii=False)


def expected_code(entry: dict[str, Any], t: int) -> str:
    secret = entry["secret"]
    secret_bytes = base64.b32decode(secret + "=" * (-len(secret) % 8))
    moving = entry["counter"] if entry["type"] == "hotp" else t // entry["period"]
    digest = DIGESTS["SHA1" if entry["type"] == "steam" else entry["algorithm"]]
    mac = hmac.new(secret_bytes, moving.to_bytes(8, "big"), digest).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    if entry["type"] == "steam":
        letters = []
        for _ in range(5):
            value, index = divmod(value, len(STEAM_ALPHABET))
            letters.append(STEAM_ALPHABET[index])
        return "".join(letters)
    return str(value % 10 ** entry["digits"]).zfill(entry["digits"])


def listed_view(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def expected_listing(entry: dict[str, Any]) -> str:
    item: dict[str, Any] = {
        "issuer": entry["issuer"],
        "account": entry["name"],
        "type": entry["type"],
        "algorithm": entry["algorithm"],
        "digits": entry["digits"],
    }
    if entry["type"] == "hotp":
        item["counter"] = entry["counter"]
    else:
        item["period"] = entry["period"]
    return listed_view(item)


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.id)
def test_every_sample_imports_into_the_vault_exactly(cli: Cli, case: Case, tmp_path: Path) -> None:
    path = copied(case, tmp_path)
    argv = ["import", str(path), "--format", case.format_key]
    if case.password is not None:
        argv += ["--password", case.password]
    code, out, err = cli(*argv)
    assert code == 0, err

    entries = entries_of(case)
    distinct = {key(entry): entry for entry in entries}
    repeats = len(entries) - len(distinct)
    assert out.count("Imported ") == len(distinct)
    assert err.count("it was read more than once") == repeats
    assert "Not imported" not in err

    _, listing, _ = cli("list", "--json")
    stored = json.loads(listing)
    assert Counter(listed_view({k: v for k, v in a.items() if k != "id"}) for a in stored) == (
        Counter(expected_listing(entry) for entry in distinct.values())
    )

    _, codes, _ = cli("code", "--json", "--at", str(AT))
    got = Counter((c["issuer"], c["account"], c["type"], c["code"]) for c in json.loads(codes))
    assert got == Counter(
        (e["issuer"], e["name"], e["type"], expected_code(e, AT)) for e in distinct.values()
    )


def test_the_look_alike_samples_are_in_the_corpus() -> None:
    assert set(LOOK_ALIKE_SAMPLES) <= {case.id for case in POSITIVE}


@pytest.mark.parametrize("case_id", LOOK_ALIKE_SAMPLES, ids=LOOK_ALIKE_SAMPLES.values())
def test_an_import_of_accounts_that_look_alike_keeps_them_and_says_so(
    cli: Cli, case_id: str, tmp_path: Path
) -> None:
    (case,) = [c for c in POSITIVE if c.id == case_id]
    code, _, err = cli("import", str(copied(case, tmp_path)), "--format", case.format_key)
    assert code == 0, err
    assert "Note: " in err
    assert "both are kept" in err
    assert len(json.loads(cli("list", "--json")[1])) == len({key(e) for e in entries_of(case)})

"""Aegis, otpauth and Google Authenticator exports: read back by the importers and by hand."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.exporters import (
    ExportProblem,
    ExportWriteFailed,
    NothingToExport,
    WeakPassword,
    aegis,
    otpauth,
    write_private_file,
)
from desktop.exporters.google import (
    MAX_CODE_TEXT,
    NothingForGoogle,
    google_export,
    png,
    why_not_for_google,
)
from desktop.importers import WrongPassword, detect, importer
from desktop.otp.codes import code_at
from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.uri import parse_uri
from desktop.scan.decode import decode_qr_texts, read_image_file
from desktop.scan.migration import MigrationCollector, parse_migration_uri

PASSWORD = "correct horse battery"
T = 1_718_616_600.0


def accounts() -> list[Account]:
    return [
        Account(issuer="Zilliz", name="anna@zorg.nl", secret=b"12345678901234567890"),
        Account(
            issuer="VPN",
            name="jan",
            secret=b"\x00\xff" * 10,
            type=OtpType.HOTP,
            counter=41,
            algorithm=Algorithm.SHA512,
            digits=8,
        ),
        Account(
            issuer="Steam", name="gamer", secret=b"steam-secret!", type=OtpType.STEAM, digits=5
        ),
        Account(issuer="Intranet", name="j:an", secret=b"another key", period=60, digits=7),
        Account(issuer="", name="Plain name", secret=b"0123456789", algorithm=Algorithm.SHA256),
    ]


def same(a: Account, b: Account) -> bool:
    return (a.issuer, a.name, a.secret, a.type, a.algorithm, a.digits, a.counter) == (
        b.issuer,
        b.name,
        b.secret,
        b.type,
        b.algorithm,
        b.digits,
        b.counter,
    ) and (a.type is OtpType.HOTP or a.period == b.period)


def assert_same_accounts(got: list[Account], wanted: list[Account]) -> None:
    assert len(got) == len(wanted)
    for a, b in zip(got, wanted, strict=True):
        assert same(a, b), (a, b)
        assert code_at(a, T) == code_at(b, T)


# -- Aegis ------------------------------------------------------------------------------------


def test_aegis_plain_is_read_back_by_the_aegis_importer() -> None:
    data = aegis.write_plain(accounts())
    vault = json.loads(data)
    assert vault["version"] == 1
    assert vault["header"] == {"slots": None, "params": None}
    assert vault["db"]["version"] == 3
    entry = vault["db"]["entries"][0]
    assert entry["info"] == {
        "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "algo": "SHA1",
        "digits": 6,
        "period": 30,
    }
    assert vault["db"]["entries"][1]["info"]["counter"] == 41
    assert "period" not in vault["db"]["entries"][1]["info"]
    assert detect("aegis-export.json", data).key == "aegis"
    result = importer("aegis").read(data)
    assert result.skipped == []
    assert_same_accounts(result.accounts, accounts())


def test_aegis_encrypted_decrypts_as_vault_md_describes() -> None:
    """Aegis' docs/vault.md, step by step: password slot -> master key -> db."""
    vault = json.loads(aegis.write_encrypted(accounts(), PASSWORD))
    (slot,) = vault["header"]["slots"]
    assert slot["type"] == 1
    assert (slot["n"], slot["r"], slot["p"]) == (32768, 8, 1)
    assert len(bytes.fromhex(slot["salt"])) == 32
    assert slot["repaired"] is True
    derived = Scrypt(
        salt=bytes.fromhex(slot["salt"]), length=32, n=slot["n"], r=slot["r"], p=slot["p"]
    ).derive(PASSWORD.encode())
    master_key = AESGCM(derived).decrypt(
        bytes.fromhex(slot["key_params"]["nonce"]),
        bytes.fromhex(slot["key"]) + bytes.fromhex(slot["key_params"]["tag"]),
        None,
    )
    params = vault["header"]["params"]
    db = AESGCM(master_key).decrypt(
        bytes.fromhex(params["nonce"]),
        base64.b64decode(vault["db"]) + bytes.fromhex(params["tag"]),
        None,
    )
    content = json.loads(db)
    assert content["version"] == 3
    assert [e["name"] for e in content["entries"]] == [a.name for a in accounts()]
    assert [e["type"] for e in content["entries"]] == ["totp", "hotp", "steam", "totp", "totp"]


def test_aegis_encrypted_is_read_back_by_the_aegis_importer() -> None:
    data = aegis.write_encrypted(accounts(), PASSWORD)
    aegis_importer = importer("aegis")
    assert aegis_importer.is_encrypted(data)
    with pytest.raises(WrongPassword):
        aegis_importer.read(data, "not the password")
    assert_same_accounts(aegis_importer.read(data, PASSWORD).accounts, accounts())


def test_aegis_encrypted_refuses_a_weak_password() -> None:
    with pytest.raises(WeakPassword):
        aegis.write_encrypted(accounts(), "short")


def test_nothing_to_export() -> None:
    for write in (aegis.write_plain, otpauth.write_links):
        with pytest.raises(NothingToExport):
            write([])


# -- otpauth links ----------------------------------------------------------------------------


def test_otpauth_list_one_link_per_line_read_back_by_the_importer() -> None:
    data = otpauth.write_links(accounts())
    lines = data.decode().splitlines()
    assert len(lines) == len(accounts())
    assert all(line.startswith("otpauth://") for line in lines)
    assert_same_accounts([parse_uri(line) for line in lines], accounts())
    assert detect("links.txt", data).key == "otpauth_uri"
    assert_same_accounts(importer("otpauth_uri").read(data).accounts, accounts())


# -- Google Authenticator -----------------------------------------------------------------------


def test_google_leaves_out_what_it_cannot_hold_and_says_why() -> None:
    export = google_export(accounts(), batch_id=7)
    assert [a.name for a in export.accounts] == ["anna@zorg.nl", "jan", "Plain name"]
    reasons = {item.account.name: item.reason.render() for item in export.left_out}
    assert reasons == {
        "gamer": "Google Authenticator cannot make Steam codes.",
        "j:an": "Google Authenticator cannot make codes of 7 digits.",
    }
    sixty = Account(issuer="X", name="y", secret=b"k" * 10, period=60)
    reason = why_not_for_google(sixty)
    assert reason is not None
    assert "every 60 seconds" in reason.render()


def test_google_codes_hold_ten_accounts_each_and_decode_to_the_same_accounts() -> None:
    many = [
        Account(issuer=f"Dienst {n}", name=f"medewerker{n}@zorg.nl", secret=bytes([n]) * 20)
        for n in range(23)
    ]
    export = google_export(many, batch_id=1234)
    assert len(export.codes) == 3
    collector = MigrationCollector()
    sizes = []
    for code in export.codes:
        assert len(code) <= MAX_CODE_TEXT
        batch = parse_migration_uri(code)
        assert batch.batch_id == 1234
        sizes.append(len(batch.entries))
        collector.add(batch)
    assert sizes == [10, 10, 3]
    assert collector.complete
    assert_same_accounts(list(collector.accounts()), many)


def test_google_long_names_make_smaller_batches() -> None:
    long = [Account(issuer="I" * 60, name=f"{n}" + "n" * 80, secret=b"s" * 32) for n in range(10)]
    export = google_export(long, batch_id=5)
    assert len(export.codes) > 1
    assert all(len(code) <= MAX_CODE_TEXT for code in export.codes)
    collector = MigrationCollector()
    for code in export.codes:
        collector.add(parse_migration_uri(code))
    assert_same_accounts(list(collector.accounts()), long)


def test_google_export_of_only_steam_is_refused() -> None:
    steam = Account(issuer="Steam", name="g", secret=b"k" * 10, type=OtpType.STEAM, digits=5)
    with pytest.raises(NothingForGoogle):
        google_export([steam])


def test_png_decodes_to_the_same_text(tmp_path: Path) -> None:
    (code,) = google_export(accounts()[:2], batch_id=3).codes
    picture = tmp_path / "code.png"
    picture.write_bytes(png(code))
    assert decode_qr_texts(read_image_file(picture)) == [code]


# -- files ----------------------------------------------------------------------------------


def test_files_are_private_and_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    write_private_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportWriteFailed) as failed:
        write_private_file(blocker / "export.json", b"data")
    assert "nothing was exported" in failed.value.render()


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("/dev/null", "is not a file"),
        ("fifo", "is not a file"),
        ("folder", "is a folder"),
    ],
    ids=["device", "named_pipe", "folder"],
)
def test_an_export_never_replaces_what_is_not_a_file(
    tmp_path: Path, target: str, says: str
) -> None:
    """The file is replaced atomically (a new file renamed over it): over a device that
    would put a plain file in its place."""
    import os

    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "folder").mkdir()
    path = Path(target) if target.startswith("/") else tmp_path / target
    before = path.lstat() if path.exists() or path.is_symlink() else None
    with pytest.raises(ExportProblem) as refused:
        write_private_file(path, b"data")
    assert says in refused.value.render()
    if before is not None:
        after = path.lstat()
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_accounts_with_a_counter_other_apps_cannot_hold_are_never_written_for_them() -> None:
    """Only a vault from before the limit can hold such a counter; Aegis reads a Java long
    and Google's export has an int64, so neither file may carry it."""
    far = Account(issuer="Old", name="hotp", secret=b"k" * 10, type=OtpType.HOTP, counter=2**63)
    fine = Account(
        issuer="New", name="hotp", secret=b"l" * 10, type=OtpType.HOTP, counter=2**63 - 1
    )
    export = google_export([far, fine], batch_id=9)
    assert [a.name for a in export.accounts] == ["hotp"] and export.accounts[0] is fine
    (left,) = export.left_out
    assert left.account is far and "counter above 9223372036854775807" in left.reason.render()
    for write in (aegis.write_plain, lambda a: aegis.write_encrypted(a, "long enough pw")):
        with pytest.raises(ExportProblem) as refused:
            write([far, fine])
        assert "Old: hotp" in refused.value.render()
    assert json.loads(aegis.write_plain([fine]))["db"]["entries"][0]["info"]["counter"] == 2**63 - 1

"""Google Authenticator exports as files beyond the corpus: multi-part exports in one
text, pictures made on the fly (PNG and JPEG, several codes, none), unusable entries."""

from __future__ import annotations

import base64
from typing import Any, cast
from urllib.parse import quote

import cv2
import numpy as np
import pytest

from desktop.importers import ImportProblem, detect
from desktop.importers._problems import NothingToImport
from desktop.importers.google_migration import IMPORTER, UnreadablePicture
from desktop.otp.model import Account, OtpType
from desktop.scan.migration import PREFIX, encode_migration_uris
from desktop.scan.migration_schema import MigrationPayload
from tests.helpers.synthetic import page, paste, qr

ACCOUNTS = [
    Account(issuer=f"Site{i}", name=f"user{i}", secret=bytes([i + 1]) * 10) for i in range(5)
]


def picture(*texts: str, extension: str = ".png") -> bytes:
    canvas = page(900, 900)
    for index, text in enumerate(texts):
        code = qr(text, module=3)
        canvas = paste(canvas, code, 20 + (index % 2) * 440, 20 + (index // 2) * 440)
    ok, encoded = cv2.imencode(extension, canvas)
    assert ok
    return bytes(np.asarray(encoded).tobytes())


def test_all_parts_of_one_export_in_any_order_with_a_part_repeated() -> None:
    links = encode_migration_uris(ACCOUNTS, batch_id=-7, per_batch=2)
    assert len(links) == 3
    text = "\n".join([links[2], links[0], "# a comment", links[1], links[0]]).encode()
    assert detect("export.txt", text).key == "google_migration"
    result = IMPORTER.read(text)
    assert sorted(a.issuer for a in result.accounts) == [a.issuer for a in ACCOUNTS]


def test_an_export_with_a_part_missing_is_refused_as_a_whole() -> None:
    links = encode_migration_uris(ACCOUNTS, batch_id=3, per_batch=2)
    with pytest.raises(NothingToImport) as refused:
        IMPORTER.read("\n".join(links[:2]).encode())
    assert refused.value.render().startswith(
        "Part of this Google Authenticator export is missing: the file holds 2 of its 3 QR"
    )


def test_two_complete_exports_in_one_file() -> None:
    first = encode_migration_uris(ACCOUNTS[:2], batch_id=1, per_batch=1)
    second = encode_migration_uris(ACCOUNTS[2:], batch_id=2, per_batch=5)
    result = IMPORTER.read("\n".join(first + second).encode())
    assert len(result.accounts) == 5


def test_unusable_entries_are_skipped_with_their_reason() -> None:
    payload = cast(Any, MigrationPayload)(version=1, batch_size=1)
    payload.otp_parameters.add(secret=b"k" * 10, name="Good:me", issuer="Good", type=2)
    payload.otp_parameters.add(secret=b"k" * 10, name="Old:me", issuer="Old", algorithm=4)
    data = quote(base64.b64encode(payload.SerializeToString()).decode(), safe="")
    result = IMPORTER.read(f"{PREFIX}offline?data={data}".encode())
    assert [a.label for a in result.accounts] == ["Good: me"]
    assert [(s.label, s.reason.render()) for s in result.skipped] == [
        ("Old: me", "It uses the MD5 algorithm, which Tweestap cannot make codes with.")
    ]


@pytest.mark.parametrize("extension", [".png", ".jpg"])
def test_a_picture_with_an_export_and_an_account_code(extension: str) -> None:
    (export,) = encode_migration_uris(ACCOUNTS[:2], batch_id=9)
    link = "otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=4"
    data = picture(export, link, "https://example.com", extension=extension)
    assert IMPORTER.sniff(f"shot{extension}", data)
    result = IMPORTER.read(data)
    assert sorted((a.issuer, a.type) for a in result.accounts) == [
        ("Bank", OtpType.HOTP),
        ("Site0", OtpType.TOTP),
        ("Site1", OtpType.TOTP),
    ]


def test_a_picture_with_part_of_a_multi_part_export_is_refused() -> None:
    links = encode_migration_uris(ACCOUNTS, batch_id=5, per_batch=2)
    with pytest.raises(NothingToImport):
        IMPORTER.read(picture(links[0], links[1]))


def test_a_picture_without_a_qr_code() -> None:
    with pytest.raises(UnreadablePicture) as refused:
        IMPORTER.read(picture())
    assert refused.value.render() == "There is no QR code in this picture that Tweestap can read."


def test_a_picture_of_a_web_address_says_what_it_is() -> None:
    with pytest.raises(ImportProblem) as refused:
        IMPORTER.read(picture("https://example.com/login"))
    assert "web page" in refused.value.render()


def test_a_truncated_picture_is_damaged() -> None:
    data = picture("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP")
    with pytest.raises(UnreadablePicture) as refused:
        IMPORTER.read(data[:60])
    assert "damaged" in refused.value.render()


def test_binary_that_is_neither_text_nor_picture() -> None:
    with pytest.raises(ImportProblem) as refused:
        IMPORTER.read(b"\x00\xff\xfe binary")
    assert refused.value.render().startswith("This file holds neither")

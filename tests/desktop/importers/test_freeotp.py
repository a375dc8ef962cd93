"""FreeOTP: the 1.x tokens.xml and the 2.x encrypted backups (Java-serialized HashMap)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, PasswordNeeded, UnknownFormat, WrongPassword, importer
from desktop.importers._java_hashmap import NotAHashMap, read_string_map
from desktop.otp.model import OtpType
from tests.desktop.importers.expect import (
    WRONG_PASSWORD,
    Record,
    assert_exactly,
    other_files,
    records,
)
from tests.desktop.importers.fuzzing import FUZZ, FUZZ_SLOW, check, mutations, samples

KEY = "freeotp"
FREEOTP = importer(KEY)
RECORDS = records(KEY)
BACKUPS = [r for r in RECORDS if r.encrypted]
TOKENS_XML = next(r for r in RECORDS if not r.encrypted)
SMALL_BACKUP = next(r for r in BACKUPS if "null_algo" in r.name)
PLUS_INTERNAL = next(r for r in records("freeotp_plus") if r.name.endswith(".xml"))


def java_string(text: str) -> bytes:
    """``TC_STRING`` in Java's modified UTF-8 (surrogates one by one, NUL as C0 80)."""
    units = text.encode("utf-16-le", "surrogatepass")
    raw = b"".join(
        chr(int.from_bytes(units[i : i + 2], "little")).encode("utf-8", "surrogatepass")
        for i in range(0, len(units), 2)
    ).replace(b"\x00", b"\xc0\x80")
    return b"\x74" + len(raw).to_bytes(2, "big") + raw


def java_map(items: list[bytes]) -> bytes:
    """A HashMap as ``ObjectOutputStream`` writes it, with the given key/value objects."""
    name = b"java.util.HashMap"
    head = b"\xac\xed\x00\x05\x73\x72" + len(name).to_bytes(2, "big") + name
    head += (362498820763181265).to_bytes(8, "big") + b"\x03\x00\x02"
    head += b"F\x00\x0aloadFactor" + b"I\x00\x09threshold" + b"\x78\x70"
    head += struct.pack(">fi", 0.75, 12)
    head += b"\x77\x08" + struct.pack(">ii", 16, len(items) // 2)
    return head + b"".join(items) + b"\x78"


def token_prefs(*tokens: str) -> bytes:
    body = "".join(
        f'<string name="t{i}">{t.replace(chr(34), "&quot;")}</string>' for i, t in enumerate(tokens)
    )
    return f'<?xml version="1.0"?><map>{body}<string name="tokenOrder">[]</string></map>'.encode()


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert FREEOTP.sniff(record.name, data)
    assert FREEOTP.is_encrypted(data) is record.encrypted
    assert_exactly(FREEOTP.read(data, record.password), record)


def test_tokens_xml_keeps_the_app_order(tmp_path: Path) -> None:
    result = FREEOTP.read(TOKENS_XML.data(tmp_path))
    assert [f"{a.issuer}:{a.name}" for a in result.accounts] == [
        "WWE:Mason",
        "Issuu:James",
        "Airbnb:Elijah",
        "Deno:Mason",
    ]


@pytest.mark.parametrize("record", BACKUPS, ids=lambda r: r.name)
def test_backup_needs_the_right_password(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    with pytest.raises(PasswordNeeded):
        FREEOTP.read(data)
    with pytest.raises(WrongPassword):
        FREEOTP.read(data, WRONG_PASSWORD)


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_tokens_xml_is_damaged(keep: float, tmp_path: Path) -> None:
    data = TOKENS_XML.data(tmp_path)
    cut = data[: int(len(data) * keep)]
    assert FREEOTP.sniff("tokens.xml", cut)
    with pytest.raises(DamagedFile):
        FREEOTP.read(cut)


@pytest.mark.parametrize("record", BACKUPS, ids=lambda r: r.name)
@pytest.mark.parametrize("keep", [0.1, 0.5, 0.99])
def test_truncated_backup_is_damaged(record: Record, keep: float, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    cut = data[: int(len(data) * keep)]
    with pytest.raises(DamagedFile):
        FREEOTP.read(cut, record.password)
    with pytest.raises(DamagedFile):  # damage is told before a password is asked for
        FREEOTP.read(cut)


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        if path.name == PLUS_INTERNAL.name:
            continue  # FreeOTP+'s copy of the same layout: see the next test
        assert not FREEOTP.sniff(path.name, path.read_bytes()), path


def test_freeotp_plus_tokens_xml_is_left_to_freeotp_plus_only_by_its_name(tmp_path: Path) -> None:
    data = PLUS_INTERNAL.data(tmp_path)
    assert not FREEOTP.sniff(PLUS_INTERNAL.name, data)
    assert FREEOTP.sniff("tokens.xml", data)
    assert len(FREEOTP.read(data).accounts) == len(PLUS_INTERNAL.expected)


def test_other_data_is_unknown() -> None:
    with pytest.raises(UnknownFormat):
        FREEOTP.read(b'{"tokens": []}')


def test_a_damaged_secret_skips_only_its_token(tmp_path: Path) -> None:
    data = next(r for r in BACKUPS if "api34" in r.name).data(tmp_path)
    marker = re.search(rb'mCipherText\\":\[(-?\d+)', data)
    assert marker is not None
    number = marker.group(1)
    changed = number[:-1] + str((int(number[-1:]) + 1) % 10).encode()
    damaged = data[: marker.start(1)] + changed + data[marker.end(1) :]
    result = FREEOTP.read(damaged, "test")
    assert len(result.accounts) == 5
    (skipped,) = result.skipped
    assert "missing or damaged" in skipped.reason.render()


def test_an_unknown_key_derivation_is_damaged(tmp_path: Path) -> None:
    data = SMALL_BACKUP.data(tmp_path)
    assert b"PBKDF2withHmacSHA512" in data
    with pytest.raises(DamagedFile):
        FREEOTP.read(data.replace(b"PBKDF2withHmacSHA512", b"PBKDF2withHmacSHA384"), "test")


def test_steam_tokens_and_unusable_tokens() -> None:
    secret = "[72,101,108,108,111,33,-34,-83,-66,-17]"
    result = FREEOTP.read(
        token_prefs(
            f'{{"type":"TOTP","issuerExt":"Steam","label":"gamer","digits":5,"secret":{secret}}}',
            f'{{"type":"MOTP","issuerExt":"Old","label":"pin","secret":{secret}}}',
            f'{{"type":"TOTP","algo":"MD5","issuerExt":"Md","label":"five","secret":{secret}}}',
            '{"type":"HOTP","issuerExt":"Bad","label":"bytes","secret":[1,2,999]}',
            '{"type":"TOTP","issuerAlt":"Edited","issuerExt":"Orig","labelAlt":"me",'
            f'"label":"orig","secret":{secret}}}',
            "not json",
        )
    )
    steam, edited = result.accounts
    assert (steam.type, steam.digits, steam.secret) == (OtpType.STEAM, 5, b"Hello!\xde\xad\xbe\xef")
    assert (edited.issuer, edited.name) == ("Edited", "me")
    reasons = {s.label: s.reason.render() for s in result.skipped}
    assert "MOTP" in reasons["Old: pin"]
    assert "'MD5' is unknown" in reasons["Md: five"]
    assert "missing or damaged" in reasons["Bad: bytes"]
    assert "missing or damaged" in reasons["t5"]


def test_java_hashmap_strings_references_and_modified_utf8() -> None:
    handle_of_first_value = (0x7E0000 + 3).to_bytes(4, "big")  # class, map, key, value
    items = [
        java_string("a"),
        java_string("x\x00y \U0001f600 \u00e9"),
        java_string("b"),
        b"\x71" + handle_of_first_value,
        b"\x7c" + (3).to_bytes(8, "big") + b"abc",
        java_string("long"),
    ]
    assert read_string_map(java_map(items)) == {
        "a": "x\x00y \U0001f600 \u00e9",
        "b": "x\x00y \U0001f600 \u00e9",
        "abc": "long",
    }


@pytest.mark.parametrize(
    "items",
    [
        [java_string("a"), b"\x71" + (0x7E0000).to_bytes(4, "big")],  # the class, no string
        [java_string("a"), b"\x71" + (0x7E0009).to_bytes(4, "big")],  # nothing there
        [java_string("a"), b"\x74\x00\x02\xed\xa0"],  # half a surrogate pair
        [java_string("a"), b"\x73\x70"],  # an object where a string belongs
        [java_string("a")],  # one string short
    ],
)
def test_java_hashmap_refuses_what_is_not_a_string_map(items: list[bytes]) -> None:
    data = java_map(items)
    if len(items) == 1:
        data = data[:-1] + java_string("b")[:2]
    with pytest.raises(NotAHashMap):
        read_string_map(data)


@FUZZ
@given(data=st.data())
def test_mutated_samples(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY)))
    check(FREEOTP, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(data=st.data())
def test_mutated_backups_with_their_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY, encrypted=True)))
    check(FREEOTP, sample.name, data.draw(mutations(sample.data)), sample.password)

"""The vault file format on its own: bytes in, header and accounts out, nothing else."""

from __future__ import annotations

import base64
import json
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.secret import format_setup_key
from desktop.vault import format as fmt
from desktop.vault.format import (
    Contents,
    CorruptDataError,
    Header,
    KeyringKeySpec,
    ScryptKeySpec,
    UnsupportedVersionError,
    WrongKeyError,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
SECRET = b"12345678901234567890"
KEYRING_HEADER = Header(vault_id="0123abcd", key=KeyringKeySpec("Tweestap", "vault-key:0123abcd"))
PASSWORD_HEADER = Header(
    vault_id="0123abcd", key=ScryptKeySpec(salt=b"s" * 16, n=2**4, r=8, p=1, reason="no-keyring")
)


def accounts() -> tuple[Account, ...]:
    return (
        Account(issuer="Zilliz", name="anna@zorg.nl", secret=SECRET, id="aaaa00000001"),
        Account(
            issuer="",
            name="hotp-user",
            secret=b"\x00\xff" * 10,
            type=OtpType.HOTP,
            counter=7,
            algorithm=Algorithm.SHA256,
            digits=8,
            id="bbbb00000002",
        ),
        Account(
            issuer="Steam",
            name="gamer",
            secret=b"steam-secret",
            type=OtpType.STEAM,
            digits=5,
            id="cccc00000003",
        ),
    )


def sealed_file(header: Header = KEYRING_HEADER) -> bytes:
    return fmt.seal(header, Contents(accounts=accounts()), KEY)


def header_bounds(data: bytes) -> tuple[int, int]:
    """Start and end offset of the header JSON."""
    start = len(fmt.MAGIC) + 4
    (length,) = struct.unpack_from(">I", data, len(fmt.MAGIC))
    return start, start + length


def with_header(data: bytes, edit: dict[str, object]) -> bytes:
    """The file with its header JSON changed (and the length prefix fixed up)."""
    start, end = header_bounds(data)
    header = json.loads(data[start:end])
    for dotted, value in edit.items():
        target = header
        *parents, last = dotted.split(".")
        for part in parents:
            target = target[part]
        if value is None:
            del target[last]
        else:
            target[last] = value
    raw = json.dumps(header).encode()
    return fmt.MAGIC + struct.pack(">I", len(raw)) + raw + data[end:]


@pytest.mark.parametrize("header", [KEYRING_HEADER, PASSWORD_HEADER], ids=["keyring", "password"])
def test_round_trip_keeps_every_field_and_the_order(header: Header) -> None:
    contents = Contents(accounts=accounts(), settings={"theme": "dark"}, extra={"future": [1, 2]})
    decoded_header, decoded = fmt.decode(fmt.seal(header, contents, KEY), KEY)
    assert decoded_header == header
    assert decoded.accounts == contents.accounts
    assert [a.secret for a in decoded.accounts] == [a.secret for a in accounts()]
    assert decoded.settings == {"theme": "dark"}
    assert decoded.extra == {"future": [1, 2]}


def test_empty_vault_round_trips() -> None:
    _, contents = fmt.decode(fmt.seal(KEYRING_HEADER, Contents(), KEY), KEY)
    assert contents.accounts == ()
    assert contents.settings == {}


@settings(max_examples=60, deadline=None)
@given(
    issuer=st.text(max_size=40),
    name=st.text(max_size=40),
    secret=st.binary(min_size=1, max_size=64),
    counter=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_round_trip_of_any_names_and_secrets(
    issuer: str, name: str, secret: bytes, counter: int
) -> None:
    account = Account(issuer=issuer, name=name, secret=secret, type=OtpType.HOTP, counter=counter)
    _, contents = fmt.decode(fmt.seal(KEYRING_HEADER, Contents(accounts=(account,)), KEY), KEY)
    assert contents.accounts == (account,)
    assert contents.accounts[0].secret == secret


def test_each_save_uses_a_fresh_nonce() -> None:
    assert sealed_file() != sealed_file()


def test_the_file_holds_neither_the_secret_bytes_nor_their_base32() -> None:
    data = sealed_file()
    for account in accounts():
        assert account.secret not in data
        assert format_setup_key(account.secret).encode() not in data
        assert base64.b64encode(account.secret) not in data
    assert b"anna@zorg.nl" not in data  # account names are private too
    assert KEY not in data


def test_the_header_is_readable_without_the_key() -> None:
    sealed = fmt.read_header(sealed_file(PASSWORD_HEADER))
    assert sealed.header == PASSWORD_HEADER
    assert len(sealed.check) == fmt.CHECK_SIZE


@pytest.mark.parametrize("where", ["magic", "length", "header", "nonce", "ciphertext", "tag"])
def test_flipping_any_bit_is_detected(where: str) -> None:
    data = bytearray(sealed_file())
    start, end = header_bounds(bytes(data))
    offset = {
        "magic": 3,
        "length": len(fmt.MAGIC) + 3,
        "header": start + (end - start) // 2,
        "nonce": end + 5,
        "ciphertext": end + fmt.NONCE_SIZE + 10,
        "tag": len(data) - 1,
    }[where]
    data[offset] ^= 0x01
    with pytest.raises((CorruptDataError, WrongKeyError)) as raised:
        fmt.decode(bytes(data), KEY)
    if where in {"nonce", "ciphertext", "tag"}:
        assert isinstance(raised.value, CorruptDataError)


def test_a_changed_header_field_fails_authentication_even_when_it_still_parses() -> None:
    data = with_header(sealed_file(), {"vault": "fffffff"})
    with pytest.raises(CorruptDataError, match="authentication"):
        fmt.decode(data, KEY)


def test_a_changed_header_key_check_reads_as_a_wrong_key() -> None:
    data = with_header(sealed_file(), {"key.check": base64.b64encode(b"x" * 16).decode()})
    with pytest.raises(WrongKeyError):
        fmt.decode(data, KEY)


def test_wrong_key_is_told_apart_from_damage() -> None:
    with pytest.raises(WrongKeyError):
        fmt.decode(sealed_file(), OTHER_KEY)


def test_every_truncation_is_detected() -> None:
    data = sealed_file()
    for length in range(len(data)):
        with pytest.raises(CorruptDataError):
            fmt.decode(data[:length], KEY)


def test_appended_bytes_are_detected() -> None:
    with pytest.raises(CorruptDataError):
        fmt.decode(sealed_file() + b"\x00", KEY)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00" * 100,
        b"TWEESTAP VAULT\n",
        b"TWEESTAP VAULT\n\xff\xff\xff\xff" + b"x" * 64,
        b"TWEESTAP VAULT\n\x00\x00\x00\x02[]" + b"x" * 40,
        b"TWEESTAP VAULT\n\x00\x00\x00\x02{}" + b"x" * 40,
        b'{"accounts": []}',
        b"otpauth://totp/x?secret=ABC",
    ],
    ids=["empty", "zeros", "magic-only", "huge-length", "array", "empty-header", "json", "uri"],
)
def test_garbage_is_corrupt_data(data: bytes) -> None:
    with pytest.raises(CorruptDataError):
        fmt.decode(data, KEY)


def test_a_newer_format_version_is_reported_as_such() -> None:
    with pytest.raises(UnsupportedVersionError) as raised:
        fmt.read_header(with_header(sealed_file(), {"format": 2}))
    assert raised.value.version == 2


@pytest.mark.parametrize(
    "edit",
    [
        {"format": 0},
        {"format": "1"},
        {"format": True},
        {"cipher": "AES-128-CBC"},
        {"key.kind": "yubikey"},
        {"key.check": "not base64!"},
        {"surprise": 1},
        {"vault": None},
        {"vault": ""},
    ],
)
def test_malformed_headers_are_corrupt_data(edit: dict[str, object]) -> None:
    with pytest.raises(CorruptDataError):
        fmt.read_header(with_header(sealed_file(), edit))


@pytest.mark.parametrize(
    "edit",
    [
        {"key.n": 2**40},  # would need terabytes
        {"key.n": 1000},  # not a power of two
        {"key.r": 0},
        {"key.p": 100},
        {"key.salt": base64.b64encode(b"short").decode()},
        {"key.kdf": "pbkdf2"},
        {"key.reason": "whim"},
        {"key.n": None},
    ],
)
def test_password_headers_with_unsafe_or_unknown_parameters_are_refused(
    edit: dict[str, object],
) -> None:
    with pytest.raises(CorruptDataError):
        fmt.read_header(with_header(sealed_file(PASSWORD_HEADER), edit))


def _seal_raw_contents(document: object) -> bytes:
    """A correctly encrypted file whose contents are ``document`` (to test the parser)."""
    good = fmt.seal(KEYRING_HEADER, Contents(), KEY)
    _, end = header_bounds(good)
    associated = good[:end]
    nonce = b"n" * fmt.NONCE_SIZE
    plaintext = json.dumps(document).encode()
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return (
        associated + nonce + AESGCM(fmt.encryption_key(KEY)).encrypt(nonce, plaintext, associated)
    )


def _account_json(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "aaaa00000001",
        "type": "totp",
        "issuer": "Zilliz",
        "name": "anna",
        "secret": format_setup_key(SECRET),
        "algorithm": "SHA1",
        "digits": 6,
        "period": 30,
        "counter": 0,
    }
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not None}


def test_authentic_contents_in_the_documented_shape_are_read() -> None:
    data = _seal_raw_contents({"accounts": [_account_json()], "settings": {}})
    (account,) = fmt.decode(data, KEY)[1].accounts
    assert (account.issuer, account.name, account.secret) == ("Zilliz", "anna", SECRET)


@pytest.mark.parametrize(
    "document",
    [
        [],
        {},
        {"accounts": {}},
        {"accounts": [], "settings": []},
        {"accounts": ["otpauth://totp/x"]},
        {"accounts": [_account_json(secret="abc1")]},
        {"accounts": [_account_json(secret="GEZDGNBV=")]},
        {"accounts": [_account_json(type="motp")]},
        {"accounts": [_account_json(algorithm="MD5")]},
        {"accounts": [_account_json(digits=4)]},
        {"accounts": [_account_json(digits="6")]},
        {"accounts": [_account_json(counter=-1)]},
        {"accounts": [_account_json(period=None)]},
        {"accounts": [_account_json(note="unknown field")]},
        {"accounts": [_account_json(), _account_json(name="same id")]},
    ],
)
def test_authentic_but_invalid_contents_are_corrupt_data(document: object) -> None:
    with pytest.raises(CorruptDataError):
        fmt.decode(_seal_raw_contents(document), KEY)


def test_error_messages_never_contain_the_secret() -> None:
    data = _seal_raw_contents({"accounts": [_account_json(digits=4)]})
    with pytest.raises(CorruptDataError) as raised:
        fmt.decode(data, KEY)
    assert format_setup_key(SECRET) not in str(raised.value)
    assert raised.value.__suppress_context__


def test_seal_refuses_a_key_of_the_wrong_size() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        fmt.seal(KEYRING_HEADER, Contents(), b"short")


def test_the_documented_format_decodes_with_nothing_but_hmac_and_aes_gcm() -> None:
    """docs/vault-format.md, followed by hand: HKDF from hmac, the layout from the table."""
    import hashlib
    import hmac

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    def hkdf(ikm: bytes, info: bytes, length: int) -> bytes:
        prk = hmac.new(b"\0" * 32, ikm, hashlib.sha256).digest()
        okm, block, counter = b"", b"", 1
        while len(okm) < length:
            block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
            okm, counter = okm + block, counter + 1
        return okm[:length]

    data = sealed_file()
    assert data[:15] == b"TWEESTAP VAULT\n"
    (length,) = struct.unpack(">I", data[15:19])
    header = json.loads(data[19 : 19 + length])
    assert header["format"] == 1
    check = base64.b64decode(header["key"]["check"])
    assert check == hkdf(KEY, b"tweestap vault v1 key check", 16)
    nonce, sealed = data[19 + length : 31 + length], data[31 + length :]
    key = hkdf(KEY, b"tweestap vault v1 encryption key", 32)
    contents = json.loads(AESGCM(key).decrypt(nonce, sealed, data[: 19 + length]))
    first = contents["accounts"][0]
    assert first == {
        "id": "aaaa00000001",
        "type": "totp",
        "issuer": "Zilliz",
        "name": "anna@zorg.nl",
        "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "algorithm": "SHA1",
        "digits": 6,
        "period": 30,
        "counter": 0,
    }
    assert contents["settings"] == {}


def test_the_documented_scrypt_derivation_gives_the_master_key() -> None:
    import hashlib
    import unicodedata

    from desktop.vault.keys import derive_key

    spec = ScryptKeySpec(salt=b"s" * 16, n=2**4, r=8, p=1)
    password = "cafe\u0301"
    expected = hashlib.scrypt(
        unicodedata.normalize("NFC", password).encode(), salt=spec.salt, n=16, r=8, p=1, dklen=32
    )
    assert derive_key(password, spec) == expected

"""The at-rest key ring: blobs name the key that sealed them; a box reads ``secret.key`` and,
during a rotation, ``secret.key.new`` (which then seals) and ``secret.key.old``, and notices
their changes by itself; blobs written before keys had ids still open."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from server_stub.crypto import (
    KeyFileError,
    KeyFiles,
    SecretBox,
    SecretUnreadable,
    blob_key_id,
    key_id,
    write_key_file,
)


def new_key() -> bytes:
    return secrets.token_bytes(32)


def test_a_blob_names_its_key(tmp_path: Path) -> None:
    box = SecretBox.load_or_create(tmp_path / "secret.key")
    key = (tmp_path / "secret.key").read_bytes()
    blob = box.seal(b"geheim", user_id=7, purpose="totp")
    assert blob[:1] == b"\x02"
    assert blob_key_id(blob) == key_id(key) == box.current_key_id
    assert key not in blob and key_id(key) != key[:8]


def test_a_blob_from_before_key_ids_still_opens(tmp_path: Path) -> None:
    box = SecretBox.load_or_create(tmp_path / "secret.key")
    key = (tmp_path / "secret.key").read_bytes()
    nonce = secrets.token_bytes(12)
    old_blob = (
        b"\x01" + nonce + AESGCM(key).encrypt(nonce, b"geheim", b"tweestap-server/v1|totp|user:7")
    )
    assert box.open(old_blob, user_id=7, purpose="totp") == b"geheim"
    with pytest.raises(SecretUnreadable):
        box.open(old_blob, user_id=8, purpose="totp")


def test_a_running_box_seals_under_the_new_key_once_it_is_there_and_opens_both(
    tmp_path: Path,
) -> None:
    path = tmp_path / "secret.key"
    server = SecretBox.load_or_create(path)
    before = server.seal(b"oud", user_id=1, purpose="totp")
    other_server = SecretBox.load(path)  # another process, which has sealed nothing since
    new = new_key()
    write_key_file(KeyFiles(path).new, new)
    after = server.seal(b"nieuw", user_id=1, purpose="totp")
    assert blob_key_id(after) == key_id(new)
    # The other one has not looked at the files since; the unknown key id makes it look.
    assert other_server.open(after, user_id=1, purpose="totp") == b"nieuw"
    assert other_server.open(before, user_id=1, purpose="totp") == b"oud"


def test_the_old_key_opens_what_it_sealed_until_its_file_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    box = SecretBox.load_or_create(path)
    old = path.read_bytes()
    sealed = box.seal(b"oud", user_id=1, purpose="totp")
    write_key_file(KeyFiles(path).old, old)
    write_key_file(path, new_key())
    reader = SecretBox.load(path)
    assert reader.open(sealed, user_id=1, purpose="totp") == b"oud"
    KeyFiles(path).old.unlink()
    assert SecretBox.load(path).key_ids == (reader.current_key_id,)
    with pytest.raises(SecretUnreadable, match="not here"):
        SecretBox.load(path).open(sealed, user_id=1, purpose="totp")


def test_fingerprints_follow_the_current_key(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    box = SecretBox.load_or_create(path)
    first = box.fingerprint("anna", purpose="throttle name")
    assert box.fingerprint("anna", purpose="throttle name") == first
    write_key_file(KeyFiles(path).new, new_key())
    assert box.fingerprint("anna", purpose="throttle name") != first


def test_a_new_key_file_others_may_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.key"
    SecretBox.load_or_create(path)
    write_key_file(KeyFiles(path).new, new_key())
    KeyFiles(path).new.chmod(0o644)
    with pytest.raises(KeyFileError, match="rotate-key"):
        SecretBox.load(path)


def test_load_never_creates_a_key(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="does not exist"):
        SecretBox.load(tmp_path / "secret.key")
    assert not (tmp_path / "secret.key").exists()


def test_key_files_are_written_whole_and_private(tmp_path: Path) -> None:
    path = tmp_path / "k"
    key = new_key()
    assert write_key_file(path, key, replace=False)
    assert not write_key_file(path, new_key(), replace=False)  # never a second key by accident
    assert path.read_bytes() == key
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]  # no temporary file left


@pytest.mark.parametrize(
    ("how", "fix"),
    [
        pytest.param("readable by others", lambda new: new.chmod(0o600), id="mode-644"),
        pytest.param(
            "half copied",
            lambda new: new.write_bytes(new.read_bytes() + secrets.token_bytes(16)),
            id="half-copied",
        ),
    ],
)
def test_a_broken_new_key_file_beside_a_running_box_does_not_stop_it(
    tmp_path: Path, how: str, fix: Callable[[Path], None], caplog: pytest.LogCaptureFixture
) -> None:
    # An operator copies secret.key.new to a machine with the wrong mode, or the copy is still
    # under way: the running server must go on sealing and opening under the keys it has (not
    # answer every login with an error), say what is wrong, and take the key once it is right.
    path = tmp_path / "secret.key"
    box = SecretBox.load_or_create(path)
    before = box.seal(b"oud", user_id=1, purpose="totp")
    current = box.current_key_id
    new = KeyFiles(path).new
    if how == "readable by others":
        write_key_file(new, new_key())
        new.chmod(0o644)
    else:
        new.write_bytes(secrets.token_bytes(16))
        new.chmod(0o600)
    with caplog.at_level("ERROR"):
        sealed = box.seal(b"nieuw", user_id=1, purpose="totp")
        box.fingerprint("anna", purpose="throttle name")
        box.seal(b"nog een", user_id=1, purpose="totp")
    assert blob_key_id(sealed) == current
    assert box.open(sealed, user_id=1, purpose="totp") == b"nieuw"
    assert box.open(before, user_id=1, purpose="totp") == b"oud"
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and str(new) in errors[0]  # said once, not at every seal
    fix(new)
    assert blob_key_id(box.seal(b"later", user_id=1, purpose="totp")) == key_id(new.read_bytes())

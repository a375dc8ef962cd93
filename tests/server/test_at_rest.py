"""Secrets at rest: AES-256-GCM under a 0600 key file, bound to their row."""

from __future__ import annotations

import base64
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from server_stub.crypto import KeyFileError, SecretBox, SecretUnreadable
from tests.server.harness import Harness


def raw_database(harness: Harness) -> bytes:
    """The database exactly as on disk (main file and write-ahead log)."""
    data = b""
    for suffix in ("", "-wal"):
        path = Path(f"{harness.db_path}{suffix}")
        if path.exists():
            data += path.read_bytes()
    return data


def test_secrets_are_not_in_the_database_file(harness: Harness) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.add_user("half")
    pending = harness.enrollment(harness.login("half"))["secret"]
    raw = raw_database(harness)
    assert b"totp_credentials" in raw  # we are looking at the right file
    for secret in (harness.secrets["jan"], pending):
        decoded = base64.b32decode(secret + "=" * (-len(secret) % 8))
        assert secret.encode() not in raw
        assert secret.lower().encode() not in raw
        assert decoded not in raw
        assert decoded.hex().encode() not in raw


def test_a_ciphertext_moved_to_another_users_row_does_not_decrypt(harness: Harness) -> None:
    harness.add_user("jan")
    harness.add_user("piet")
    harness.enroll("jan")
    harness.enroll("piet")
    with sqlite3.connect(harness.db_path) as connection:
        ids = dict(connection.execute("SELECT name, id FROM users"))
        (jans_secret,) = connection.execute(
            "SELECT secret FROM totp_credentials WHERE user_id = ?", (ids["jan"],)
        ).fetchone()
        connection.execute(
            "UPDATE totp_credentials SET secret = ? WHERE user_id = ?", (jans_secret, ids["piet"])
        )
    connection.close()
    login = harness.login("piet")
    response = harness.verify(login, harness.code("jan"))
    assert response.status_code == 409
    assert response.json() == {"detail": "credential_unreadable"}
    # Jan's own row still works.
    assert harness.verify(harness.login("jan"), harness.code("jan")).status_code == 200


def test_the_key_file_is_created_private(harness: Harness) -> None:
    key_file = harness.settings.key_file
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(key_file.read_bytes()) == 32
    assert not key_file.is_relative_to(harness.db_path)


def test_a_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "secret.key"
    SecretBox.load_or_create(key_file)
    key_file.chmod(0o644)
    with pytest.raises(KeyFileError):
        SecretBox.load_or_create(key_file)


def test_a_malformed_key_file_is_refused(tmp_path: Path) -> None:
    key_file = tmp_path / "secret.key"
    key_file.write_bytes(b"short")
    key_file.chmod(0o600)
    with pytest.raises(KeyFileError):
        SecretBox.load_or_create(key_file)


def test_associated_data_binds_user_and_purpose(tmp_path: Path) -> None:
    box = SecretBox.load_or_create(tmp_path / "secret.key")
    sealed = box.seal(b"geheim", user_id=1, purpose="totp")
    assert box.open(sealed, user_id=1, purpose="totp") == b"geheim"
    for user_id, purpose in [(2, "totp"), (1, "pending_totp"), (1, "email_code")]:
        with pytest.raises(SecretUnreadable):
            box.open(sealed, user_id=user_id, purpose=purpose)
    with pytest.raises(SecretUnreadable):
        box.open(sealed[:-1] + bytes([sealed[-1] ^ 1]), user_id=1, purpose="totp")
    other = SecretBox.load_or_create(tmp_path / "other.key")
    with pytest.raises(SecretUnreadable):
        other.open(sealed, user_id=1, purpose="totp")
    assert "key" in repr(box) and "geheim" not in repr(box)


def test_processes_starting_at_once_on_a_new_home_all_get_the_one_key(tmp_path: Path) -> None:
    """``serve --workers N``, or N servers started together: each may create the key file.
    Before, a process that lost the race could read the winner's file while it was still
    empty and refuse to start ("malformed key file")."""
    for round_number in range(30):
        key_file = tmp_path / f"home-{round_number}" / "secret.key"
        start = threading.Barrier(8)
        boxes: list[SecretBox | BaseException] = []

        def open_key(
            key_file: Path = key_file,
            start: threading.Barrier = start,
            boxes: list[SecretBox | BaseException] = boxes,
        ) -> None:
            start.wait()
            try:
                boxes.append(SecretBox.load_or_create(key_file))
            except BaseException as error:
                boxes.append(error)

        threads = [threading.Thread(target=open_key) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        opened = [box for box in boxes if isinstance(box, SecretBox)]
        assert len(opened) == 8, [box for box in boxes if not isinstance(box, SecretBox)]
        sealed = opened[0].seal(b"geheim", user_id=1, purpose="totp")
        assert {box.open(sealed, user_id=1, purpose="totp") for box in opened} == {b"geheim"}
        assert [p.name for p in key_file.parent.iterdir()] == ["secret.key"]

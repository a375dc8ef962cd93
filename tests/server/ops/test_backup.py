"""``tweestap-server db backup`` while the server answers code checks, and ``db restore`` into
a fresh home: the users log in with their codes. A restore refuses, changing nothing, without
the key file that belongs to the backup, with another one, or over a database with data."""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from tests.server.harness import PASSWORD
from tests.server.ops.load import CodeChecks
from tests.server.ops.org import Org, verify
from tests.server.served import Served, run_cli

USERS = [f"user{n:02d}" for n in range(24)]


@pytest.fixture
def org(tmp_path: Path) -> Org:
    org = Org(tmp_path / "server-home")
    org.add(*USERS)
    return org


def copy_key(org: Org, home: Path) -> None:
    home.mkdir(mode=0o700)
    shutil.copy2(org.home / "secret.key", home / "secret.key")


def full_login(url: str, org: Org, name: str) -> int:
    answer = httpx.post(
        f"{url}/api/session", json={"username": name, "password": PASSWORD}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["next"] == "totp"
    code = org.next_code(name)
    assert code is not None
    return verify(url, answer.json()["token"], code).status_code


def test_a_backup_made_while_codes_are_checked_restores_into_a_fresh_home_where_users_log_in(
    serve: Callable[..., Served], org: Org, tmp_path: Path
) -> None:
    served = serve(org.home)
    backup = tmp_path / "backups" / "tweestap.db"
    backup.parent.mkdir()
    with CodeChecks(org, served.url, USERS[6:]) as load:
        load.wait_for(10)
        done = run_cli(org.home, "db", "backup", str(backup))
        load.wait_for(len(load.answers) + 10)  # and the server goes on after it
    assert done.returncode == 0, done.stderr
    assert load.failures == []
    assert f"backup written to {backup}" in done.stdout
    assert "24 sealed secrets" in done.stdout
    assert "keep a copy of that file too" in done.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
    assert not Path(f"{backup}-wal").exists()
    served.stop()

    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    restored = run_cli(fresh, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert f"restored into {fresh / 'server.db'}" in restored.stdout
    assert stat.S_IMODE((fresh / "server.db").stat().st_mode) == 0o600
    again = serve(fresh)
    for name in USERS[:6]:  # (the others may have used both codes they have this half minute)
        assert full_login(again.url, org, name) == 200, name


def test_a_restore_with_another_key_file_is_refused_and_restores_nothing(
    org: Org, tmp_path: Path
) -> None:
    backup = tmp_path / "tweestap.db"
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    wrong = tmp_path / "wrong-key-home"
    wrong.mkdir(mode=0o700)
    (wrong / "secret.key").write_bytes(secrets.token_bytes(32))
    (wrong / "secret.key").chmod(0o600)
    refused = run_cli(wrong, "db", "restore", str(backup))
    assert refused.returncode == 1
    message = refused.stderr
    assert "the backup's secrets are sealed under key" in message, message
    assert "put the key file that was backed up with this database at" in message
    assert str(wrong / "secret.key") in message
    assert "Traceback" not in message
    assert not (wrong / "server.db").exists()


def test_a_restore_without_a_key_file_is_refused_and_makes_no_key(org: Org, tmp_path: Path) -> None:
    backup = tmp_path / "tweestap.db"
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    bare = tmp_path / "bare-home"
    refused = run_cli(bare, "db", "restore", str(backup))
    assert refused.returncode == 1
    assert f"the key file {bare / 'secret.key'} does not exist" in refused.stderr
    assert "put the key file that was backed up with this database" in refused.stderr
    assert not (bare / "secret.key").exists()
    assert not (bare / "server.db").exists()


def test_a_restore_over_a_database_with_data_is_refused(org: Org, tmp_path: Path) -> None:
    backup = tmp_path / "tweestap.db"
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    before = (org.home / "server.db").read_bytes()
    refused = run_cli(org.home, "db", "restore", str(backup))
    assert refused.returncode == 1
    assert "already holds a database" in refused.stderr
    assert (org.home / "server.db").read_bytes() == before


def test_what_is_not_a_backup_is_refused(org: Org, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    refused = run_cli(fresh, "db", "restore", str(junk))
    assert refused.returncode == 1
    assert "neither a SQLite backup nor a pg_dump archive" in refused.stderr
    missing = run_cli(fresh, "db", "restore", str(tmp_path / "nothing.db"))
    assert missing.returncode == 1
    assert "there is no backup at" in missing.stderr
    nowhere = run_cli(org.home, "db", "backup", str(tmp_path / "no" / "such" / "folder.db"))
    assert nowhere.returncode == 1
    assert "does not exist" in nowhere.stderr


@pytest.mark.parametrize("kept", [100, 60_000])
def test_a_truncated_sqlite_backup_is_refused_with_a_message_and_restores_nothing(
    org: Org, tmp_path: Path, kept: int
) -> None:
    # A copy that stopped early (a full disk, an interrupted scp) still starts with SQLite's
    # header: the operator gets a sentence, not a traceback, and the home stays empty.
    backup = tmp_path / "tweestap.db"
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(backup.read_bytes()[:kept])
    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    refused = run_cli(fresh, "db", "restore", str(truncated))
    assert refused.returncode == 1
    assert f"{truncated} is damaged" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert sorted(path.name for path in fresh.iterdir()) == ["secret.key"]


def test_a_sqlite_file_of_another_application_is_refused_as_no_backup(
    org: Org, tmp_path: Path
) -> None:
    other = tmp_path / "firefox-places.sqlite"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    refused = run_cli(fresh, "db", "restore", str(other))
    assert refused.returncode == 1
    assert f"{other} is not a backup of this server" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert sorted(path.name for path in fresh.iterdir()) == ["secret.key"]


def test_a_restored_backup_from_a_newer_server_says_this_server_will_not_serve_it(
    org: Org, tmp_path: Path
) -> None:
    backup = tmp_path / "tweestap.db"
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    with closing(sqlite3.connect(backup)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    restored = run_cli(fresh, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "its schema is at 9999 (newer than this server's head" in restored.stdout
    assert "run the version of tweestap-server that made the backup" in restored.stdout


@pytest.mark.parametrize("name", ["server.db", "server.db-wal", "server.db-shm"])
def test_a_backup_onto_the_live_database_or_its_wal_is_refused(
    serve: Callable[..., Served], org: Org, name: str
) -> None:
    # A slip of the operator's (the database's own path as FILE): a copy renamed over the file
    # the running server has open splits it in two (its connections write the old file, new
    # ones the copy) and loses whatever lands in the old one.
    served = serve(org.home)
    database = org.home / "server.db"
    before = database.stat().st_ino
    refused = run_cli(org.home, "db", "backup", str(org.home / name))
    assert refused.returncode == 1
    assert "is the database itself" in refused.stderr
    assert database.stat().st_ino == before
    assert full_login(served.url, org, USERS[0]) == 200


@pytest.mark.parametrize("name", ["tweestap#1.db", "tweestap%41.db", "tweestap?.db"])
def test_a_backup_whose_file_name_has_uri_characters_restores(
    org: Org, tmp_path: Path, name: str
) -> None:
    # The backup is opened read-only through a SQLite URI: a '#', '%' or '?' in its name must
    # not cut the name short (and open, or make, another file).
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = folder / name
    assert run_cli(org.home, "db", "backup", str(backup)).returncode == 0
    fresh = tmp_path / "fresh-home"
    copy_key(org, fresh)
    restored = run_cli(fresh, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert sorted(path.name for path in folder.iterdir()) == [name]

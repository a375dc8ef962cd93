"""Operations on PostgreSQL: ``/api/ready`` and the schema's state (the shared tests), ``db
backup`` with pg_dump while the server answers code checks and ``db restore`` with pg_restore
into a fresh database where the users log in, the refusals of a restore (another key file: the
database is left empty again; a database with data; a SQLite backup), and ``rotate-key``
against a server on PostgreSQL."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from server_stub.crypto import blob_key_id, key_id
from server_stub.ops.backup import libpq_target, pg_tool, sealed_rows
from tests.server.api.test_ready import (
    test_a_database_a_newer_server_migrated_is_ahead_and_not_ready,
    test_a_database_an_older_server_made_is_behind_and_not_ready,
    test_a_database_from_before_the_migrations_is_behind,
    test_ready_when_the_database_answers_and_the_schema_is_current,
    test_the_revision_decides_not_the_columns,
)
from tests.server.harness import PASSWORD
from tests.server.ops.load import CodeChecks
from tests.server.ops.org import Org, verify
from tests.server.postgres.cluster import Cluster
from tests.server.served import Served, run_cli

__all__ = [
    "test_a_database_a_newer_server_migrated_is_ahead_and_not_ready",
    "test_a_database_an_older_server_made_is_behind_and_not_ready",
    "test_a_database_from_before_the_migrations_is_behind",
    "test_ready_when_the_database_answers_and_the_schema_is_current",
    "test_the_revision_decides_not_the_columns",
]

USERS = [f"user{n:02d}" for n in range(16)]


@pytest.fixture
def serve() -> Iterator[Callable[[Path, str], Served]]:
    started: list[Served] = []

    def make(home: Path, url: str) -> Served:
        served = Served(home, args=["--db", url])
        started.append(served)
        return served.start()

    yield make
    for served in started:
        served.stop()


@pytest.fixture
def org(tmp_path: Path, postgres: Cluster) -> Org:
    org = Org(tmp_path / "server-home", db_url=postgres.new())
    org.add(*USERS)
    return org


def cli(home: Path, url: str, *args: str) -> tuple[int, str, str]:
    done = run_cli(home, *args, "--db", url)
    return done.returncode, done.stdout, done.stderr


def our_tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_pg_dump_while_codes_are_checked_and_pg_restore_into_a_fresh_database(
    serve: Callable[[Path, str], Served], org: Org, postgres: Cluster, tmp_path: Path
) -> None:
    assert org.db_url is not None
    served = serve(org.home, org.db_url)
    backup = tmp_path / "tweestap.dump"
    with CodeChecks(org, served.url, USERS[4:]) as load:
        load.wait_for(5)
        code, out, err = cli(org.home, org.db_url, "db", "backup", str(backup))
        load.wait_for(len(load.answers) + 5)
    assert code == 0, err
    assert load.failures == []
    assert backup.read_bytes().startswith(b"PGDMP")
    assert os.stat(backup).st_mode & 0o777 == 0o600
    assert f"backup written to {backup} (16 sealed secrets" in out
    # The password never went on a command line: pg_dump had it in its environment.
    assert "tweestap-test-password" not in out + err
    served.stop()

    fresh, url = tmp_path / "fresh-home", postgres.new()
    fresh.mkdir(mode=0o700)
    shutil.copy2(org.home / "secret.key", fresh / "secret.key")
    code, out, err = cli(fresh, url, "db", "restore", str(backup))
    assert code == 0, err
    assert "restored into postgresql+psycopg://tweestap:***@/" in out
    again = serve(fresh, url)
    for name in USERS[:4]:
        login = httpx.post(
            f"{again.url}/api/session", json={"username": name, "password": PASSWORD}, timeout=30
        )
        assert login.status_code == 200, login.text
        next_code = org.next_code(name)
        assert next_code is not None
        assert verify(again.url, login.json()["token"], next_code).status_code == 200


def test_a_pg_restore_with_another_key_leaves_the_database_empty(
    org: Org, postgres: Cluster, tmp_path: Path
) -> None:
    assert org.db_url is not None
    backup = tmp_path / "tweestap.dump"
    assert cli(org.home, org.db_url, "db", "backup", str(backup))[0] == 0
    wrong, url = tmp_path / "wrong-home", postgres.new()
    wrong.mkdir(mode=0o700)
    (wrong / "secret.key").write_bytes(secrets.token_bytes(32))
    (wrong / "secret.key").chmod(0o600)
    code, _out, err = cli(wrong, url, "db", "restore", str(backup))
    assert code == 1
    assert "the backup's secrets are sealed under key" in err, err
    assert our_tables(url) == set()


def test_a_pg_restore_over_data_or_from_sqlite_is_refused(
    org: Org, postgres: Cluster, tmp_path: Path
) -> None:
    assert org.db_url is not None
    backup = tmp_path / "tweestap.dump"
    assert cli(org.home, org.db_url, "db", "backup", str(backup))[0] == 0
    code, _out, err = cli(org.home, org.db_url, "db", "restore", str(backup))
    assert code == 1
    assert "already has the server's tables" in err
    sqlite_home = tmp_path / "sqlite-home"
    assert run_cli(sqlite_home, "user", "add", "anna", "--password", "lang genoeg").returncode == 0
    sqlite_backup = tmp_path / "tweestap.db"
    assert run_cli(sqlite_home, "db", "backup", str(sqlite_backup)).returncode == 0
    code, _out, err = cli(sqlite_home, postgres.new(), "db", "restore", str(sqlite_backup))
    assert code == 1
    assert "is a sqlite backup and the database is postgresql" in err


def test_rotate_key_on_postgresql_while_codes_are_checked(
    serve: Callable[[Path, str], Served], org: Org
) -> None:
    assert org.db_url is not None
    served = serve(org.home, org.db_url)
    with CodeChecks(org, served.url, USERS, pause=0.1) as load:
        load.wait_for(3)
        code, out, err = cli(
            org.home, org.db_url, "rotate-key", "--batch", "4", "--pause", "0.1", "--grace", "1"
        )
        load.wait_for(len(load.answers) + 3)
    assert code == 0, out + err
    assert load.failures == []
    new_key = (org.home / "secret.key").read_bytes()
    engine = create_engine(org.db_url)
    try:
        ids = {blob_key_id(blob) for _purpose, _user, blob in sealed_rows(engine)}
    finally:
        engine.dispose()
    assert ids == {key_id(new_key)}


def test_a_pg_dump_of_another_application_or_cut_short_is_refused_and_leaves_nothing(
    org: Org, postgres: Cluster, tmp_path: Path
) -> None:
    assert org.db_url is not None
    backup = tmp_path / "tweestap.dump"
    assert cli(org.home, org.db_url, "db", "backup", str(backup))[0] == 0
    cut = tmp_path / "cut.dump"
    cut.write_bytes(backup.read_bytes()[: len(backup.read_bytes()) // 2])
    other_url = postgres.new()
    engine = create_engine(other_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total int)"))
    finally:
        engine.dispose()
    other = tmp_path / "other.dump"  # another application's pg_dump
    conninfo, env = libpq_target(make_url(other_url))
    dumped = subprocess.run(
        [pg_tool("pg_dump"), "--format=custom", f"--file={other}", f"--dbname={conninfo}"],
        env={**os.environ, **env},
        capture_output=True,
        check=False,
    )
    assert dumped.returncode == 0, dumped.stderr
    for dump, says in ((cut, "pg_restore failed"), (other, f"{other} is not a backup of")):
        url = postgres.new()
        code, _out, err = cli(org.home, url, "db", "restore", str(dump))
        assert code == 1
        assert says in err, err
        assert "Traceback" not in err
        assert our_tables(url) == set()


def test_a_backup_of_a_database_without_the_servers_tables_says_so_and_writes_nothing(
    postgres: Cluster, tmp_path: Path
) -> None:
    # A wrong --db (the cluster's "postgres" database, a database never served): no dump that
    # looks like a backup, and a sentence instead of a traceback.
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "secret.key").write_bytes(secrets.token_bytes(32))
    (home / "secret.key").chmod(0o600)
    backup = tmp_path / "tweestap.dump"
    code, _out, err = cli(home, postgres.new(), "db", "backup", str(backup))
    assert code == 1
    assert "holds none of the server's tables" in err, err
    assert "Traceback" not in err
    assert not backup.exists()

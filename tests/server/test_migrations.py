"""The schema's migrations: a database the server wrote before it had migrations (the committed
dumps of that server, with an organisation in them) is upgraded at start and everyone logs in
as before; an empty database gets exactly the models' schema; the first migration is exactly
the old schema; a database migrated by a newer server is refused, not misread.

tests/server/postgres/test_migrations.py runs the same on PostgreSQL.
"""

from __future__ import annotations

import logging
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.exc import SAWarning

from server_stub import migrations
from server_stub.domain.audit import AuditFilter
from server_stub.models import Base
from server_stub.services import Services
from server_stub.settings import Argon2Params, Settings
from tests.server.harness import Databases, Harness, start_harness, stop_harness
from tests.server.old_database import OldDatabase, restore
from tests.server.served import run_cli


@pytest.fixture
def database_url(databases: Databases, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database's URL (SQLite in a private folder, or PostgreSQL)."""
    url = databases.new()
    if url is None:
        home = tmp_path / "empty"
        home.mkdir(mode=0o700)
        url = f"sqlite:///{home / 'server.db'}"
    yield url
    databases.drop(None if url.startswith("sqlite") else url)


@pytest.fixture
def old(databases: Databases, tmp_path: Path) -> Iterator[OldDatabase]:
    url = databases.new()
    yield restore(tmp_path / "home", url)
    databases.drop(url)


@pytest.fixture
def upgraded(old: OldDatabase) -> Iterator[Harness]:
    """A real server started on the old database (which upgrades it), an hour after the old
    server's last request."""
    harness = _serve(old)
    yield harness
    stop_harness(harness)


def _serve(old: OldDatabase) -> Harness:
    harness = start_harness(old.home, None if old.dialect == "sqlite" else old.url)
    harness.clock.advance((old.written_at - harness.clock.now()).total_seconds() + 3600)
    harness.secrets.update(old.secrets)
    return harness


@pytest.fixture
def engine_of() -> Iterator[Callable[[str], Engine]]:
    engines: list[Engine] = []

    def make(url: str) -> Engine:
        engine = create_engine(url)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


def schema_differences(engine: Engine) -> list[Any]:
    """What Alembic's comparison finds between the database and the models (none, when the
    migrations made exactly the models' schema)."""
    with engine.connect() as connection, warnings.catch_warnings():
        # SQLAlchemy cannot reflect SQLite's index on lower(name): expression_indexes() reads it.
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
        )
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def expression_indexes(engine: Engine) -> set[str]:
    """The definitions of the indexes on expressions (which Alembic's comparison leaves out)."""
    if engine.dialect.name == "sqlite":
        query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%lower(%'"
    else:
        query = "SELECT indexdef FROM pg_indexes WHERE indexdef LIKE '%lower(%'"
    with engine.connect() as connection:
        found = connection.execute(text(query)).scalars()
        return {" ".join(str(d).replace("public.", "").split()) for d in found}


def snapshot(engine: Engine) -> dict[str, Any]:
    """Tables, columns (type, nullability), keys and indexes as the database reports them."""
    inspector = inspect(engine)
    tables: dict[str, Any] = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"}):
        tables[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ],
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (tuple(k["constrained_columns"]), k["referred_table"], str(k["options"]))
                for k in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
        }
    return tables


# -- the old database, upgraded ---------------------------------------------------------------


def test_the_old_servers_users_log_in_after_the_upgrade_with_their_codes(
    upgraded: Harness, old: OldDatabase
) -> None:
    assert migrations.describe(old.url).state == "current"
    # anna's computer is still trusted (8 hours, the policy the old server saved).
    trusted = upgraded.login("anna", device_token=old.people["anna_device_token"])
    assert trusted.next == "done"
    # bram's wrong codes are still counted, and his code still works.
    assert upgraded.services.users.get("bram").failed_codes == 2
    upgraded.full_login("bram")
    assert upgraded.services.users.get("bram").failed_codes == 0
    # Femke, paired under a capital, logs in in any case.
    login = upgraded.login("femke")
    assert upgraded.verify(login, upgraded.code("Femke")).status_code == 200
    # carla never finished pairing: she gets a fresh secret and pairs now.
    upgraded.clock.advance(30)
    carla = upgraded.login("carla")
    assert carla.next == "enroll"
    secret = upgraded.enrollment(carla)["secret"]
    code = pyotp.TOTP(secret).at(upgraded.clock.now())
    assert upgraded.verify(carla, code).status_code == 200
    # eva is still blocked.
    blocked = upgraded.login_response("eva")
    assert (blocked.status_code, blocked.json()) == (403, {"detail": "blocked"})


def test_the_upgrade_keeps_policy_users_and_audit_log_and_the_new_features_work(
    upgraded: Harness, old: OldDatabase
) -> None:
    admin = upgraded.full_login("beheerder")
    users = upgraded.client.get("/api/admin/users", headers=admin.headers).json()
    states = {u["name"]: (u["enrollment"], u["blocked"], u["has_password"]) for u in users}
    assert states == {
        "beheerder": ("active", False, True),
        "anna": ("active", False, True),
        "bram": ("active", False, True),
        "carla": ("not_enrolled", False, True),  # her pending secret expired meanwhile
        "daan": ("not_enrolled", False, True),
        "eva": ("active", True, True),
        "Femke": ("active", False, True),
        "extern": ("not_enrolled", False, True),
        "gerrit": ("not_enrolled", False, False),
    }
    policy = upgraded.client.get("/api/admin/policy", headers=admin.headers).json()
    assert policy["authenticator_validity_hours"] == 8
    assert policy["extranet"] == {"enabled": True, "method": "email", "user_adjustable": False}
    blocks = upgraded.services.audit.query(AuditFilter(action="block"))
    assert [(e.actor, e.target) for e in blocks] == [("beheerder", "eva")]
    # What came after the old server: names unique in any case, a long refusal code in the
    # audit log (the old column held 32 characters), the retention, the password throttle.
    again = upgraded.client.post(
        "/api/admin/users", headers=admin.headers, json={"name": "ANNA", "kind": "employee"}
    )
    assert (again.status_code, again.json()) == (409, {"detail": "user_exists"})
    refused = upgraded.client.put(
        "/api/admin/policy",
        headers=admin.headers,
        json={**policy, "employees": {**policy["employees"], "method": "email"}},
    )
    assert refused.status_code == 422
    [entry] = upgraded.services.audit.query(AuditFilter(action="policy_update", limit=1))
    assert entry.result == "employees_require_app_after_cutoff"
    retention = upgraded.client.put(
        "/api/admin/audit/retention", headers=admin.headers, json={"days": 400}
    )
    assert retention.status_code == 200
    for _ in range(5):
        assert upgraded.login_response("daan", "not the password").status_code == 401
    assert upgraded.login_response("daan").status_code == 429


def test_the_activation_link_and_the_email_code_of_the_old_server_still_work(
    upgraded: Harness, old: OldDatabase
) -> None:
    token = old.people["gerrit_activation_token"]
    activated = upgraded.client.post(
        "/api/activate", json={"token": token, "password": "een nieuw wachtwoord"}
    )
    assert activated.status_code == 204, activated.text
    assert upgraded.login("gerrit", "een nieuw wachtwoord").next == "enroll"
    extern = upgraded.login("extern")
    assert extern.next == "email"
    assert (
        upgraded.client.post("/api/session/email-code", headers=extern.headers).status_code == 202
    )
    code = upgraded.last_mail_text().split("Your login code is ")[1][:8]
    assert upgraded.verify(extern, code).status_code == 200


def test_an_upgraded_old_database_has_exactly_the_models_schema(
    upgraded: Harness, old: OldDatabase, engine_of: Callable[[str], Engine]
) -> None:
    engine = engine_of(old.url)
    assert schema_differences(engine) == []
    assert expression_indexes(engine) == {
        "CREATE UNIQUE INDEX uq_users_name_lower ON users (lower(name))"
        if engine.dialect.name == "sqlite"
        else "CREATE UNIQUE INDEX uq_users_name_lower ON users USING btree (lower((name)::text))"
    }


def test_names_that_differ_only_in_case_are_renamed_by_the_upgrade_and_audited(
    old: OldDatabase, engine_of: Callable[[str], Engine], caplog: pytest.LogCaptureFixture
) -> None:
    """The old schema allowed "ANNA" beside "anna"; the index on lower(name) cannot be made
    until one is renamed: the older account keeps its name."""
    with engine_of(old.url).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (name, kind, email, is_admin, modules, location_manager, "
                "ip_allowlist, blocked, otp_failures, created_at) SELECT 'ANNA', kind, "
                "'groot@example.org', is_admin, modules, location_manager, ip_allowlist, "
                "blocked, 0, created_at FROM users WHERE name = 'anna'"
            )
        )
        new_id = connection.execute(text("SELECT id FROM users WHERE name = 'ANNA'")).scalar()
    with caplog.at_level(logging.WARNING, logger="server_stub.migrations"):
        harness = _serve(old)
    try:
        renamed = f"ANNA-{new_id}"
        assert f"renamed the account 'ANNA' (id {new_id}) to '{renamed}'" in caplog.text
        assert harness.services.users.get("anna").email == "anna@example.org"
        assert harness.services.users.get(renamed).email == "groot@example.org"
        [entry] = harness.services.audit.query(AuditFilter(action="rename"))
        assert (entry.actor, entry.target, entry.old, entry.new) == (
            "migration",
            renamed,
            {"name": "ANNA"},
            {"name": renamed},
        )
        harness.full_login("anna")
    finally:
        stop_harness(harness)


# -- the migrations themselves ----------------------------------------------------------------


def test_an_empty_database_gets_exactly_the_models_schema(
    database_url: str, engine_of: Callable[[str], Engine]
) -> None:
    assert migrations.upgrade(database_url) == ["0001", "0002"]
    assert migrations.upgrade(database_url) == []  # at head: nothing to do
    engine = engine_of(database_url)
    assert schema_differences(engine) == []
    assert len(expression_indexes(engine)) == 1
    assert migrations.describe(database_url).describe() == "0002 (head)"


def test_the_first_migration_is_the_schema_the_old_server_created(
    database_url: str, old: OldDatabase, engine_of: Callable[[str], Engine]
) -> None:
    engine = engine_of(database_url)
    with engine.begin() as connection:
        config = migrations._config(connection)
        command.upgrade(config, migrations.BASELINE)
    assert snapshot(engine) == snapshot(engine_of(old.url))
    assert migrations.describe(old.url).describe() == "0001 (behind: 0002 to apply; head 0002)"


def test_services_start_on_an_old_database_without_create_all(
    old: OldDatabase, engine_of: Callable[[str], Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the schema is the migrations' job")

    monkeypatch.setattr(Base.metadata, "create_all", refuse)
    settings = Settings.from_env(
        {},
        home=old.home,
        db_url=None if old.dialect == "sqlite" else old.url,
        argon2=Argon2Params.for_tests(),
    )
    Services.build(settings).close()
    with engine_of(old.url).connect() as connection:
        stored = MigrationContext.configure(connection).get_current_revision()
    assert stored == migrations.head()


def test_a_database_a_newer_server_migrated_is_refused_unchanged(
    database_url: str, engine_of: Callable[[str], Engine]
) -> None:
    migrations.upgrade(database_url)
    engine = engine_of(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(migrations.SchemaAhead, match=r"revision 0099.*newer server"):
        migrations.upgrade(database_url)
    assert migrations.describe(database_url).state == "ahead"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            ("0099",)
        ]


# -- a backup the old server's database was, restored and upgraded -----------------------------


def test_a_backup_of_the_old_database_restores_then_upgrades_and_its_users_log_in(
    old: OldDatabase, databases: Databases, tmp_path: Path
) -> None:
    backup = tmp_path / "before-the-upgrade.backup"
    made = run_cli(old.home, "db", "backup", str(backup), "--db", old.url)
    assert made.returncode == 0, made.stderr
    home = tmp_path / "restored"
    home.mkdir(mode=0o700)
    shutil.copy2(old.home / "secret.key", home / "secret.key")
    url = databases.new()
    target = url or f"sqlite:///{home / 'server.db'}"
    try:
        restored = run_cli(home, "db", "restore", str(backup), "--db", target)
        assert restored.returncode == 0, restored.stderr
        assert "its schema is at 0001 (behind: 0002 to apply" in restored.stdout
        assert run_cli(home, "db", "current", "--db", target).returncode == 1
        upgraded = run_cli(home, "db", "upgrade", "--db", target)
        assert upgraded.returncode == 0, upgraded.stderr
        assert upgraded.stdout.strip() == f"applied 0002; now at {migrations.head()}"
        harness = _serve(OldDatabase(home, target, old.dialect, old.people))
        try:
            harness.full_login("bram")
            login = harness.login("femke")
            assert harness.verify(login, harness.code("Femke")).status_code == 200
        finally:
            stop_harness(harness)
    finally:
        databases.drop(url)

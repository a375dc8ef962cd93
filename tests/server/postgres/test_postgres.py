"""What only PostgreSQL can show: the column types, timestamps as instants whatever the time
zone, secrets at rest (the columns as SELECT sees them), the replay guard and the throttle
counters under READ COMMITTED with parallel requests, the command line on a PostgreSQL URL.

The demo organisation and parallel logins come from the SQLite tests (imported below); the
other shared flows are in this folder's other modules.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import httpx
import pyotp
import pytest
from sqlalchemy import Connection, create_engine, text, update

from server_stub.models import TotpCredential
from server_stub.schemas.policy import PolicyUpdate
from server_stub.services.context import Actor
from tests.paths import ROOT
from tests.server.harness import PASSWORD, START, Harness
from tests.server.postgres.cluster import TIME_ZONE, Cluster
from tests.server.services.test_policy import policy_with
from tests.server.services.test_verification import verify_at_once
from tests.server.test_cli import free_port, test_demo_organisation, wait_healthy
from tests.server.test_database import test_concurrent_writers_queue_instead_of_failing

__all__ = ["test_concurrent_writers_queue_instead_of_failing", "test_demo_organisation"]

WRONG = "000000"


@pytest.fixture
def raw(harness: Harness) -> Iterator[Connection]:
    """A connection of our own to the harness's database, beside the server's."""
    engine = create_engine(harness.settings.db_url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def at_once(count: int, request: Callable[[httpx.Client], httpx.Response], url: str) -> list[int]:
    """``count`` threads send ``request`` at the same moment; their statuses."""
    barrier = threading.Barrier(count)
    statuses: list[int] = []

    def run() -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            barrier.wait()
            response = request(client)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return statuses


def test_the_server_runs_on_postgresql_in_another_time_zone(
    harness: Harness, raw: Connection
) -> None:
    assert harness.services.ctx.db.engine.dialect.name == "postgresql"
    assert raw.execute(text("SHOW TimeZone")).scalar() == TIME_ZONE
    assert raw.execute(text("SHOW transaction_isolation")).scalar() == "read committed"
    assert raw.execute(text("SELECT current_user")).scalar() == "tweestap"


def test_the_schema(harness: Harness, raw: Connection) -> None:
    types = {
        (table, column): kind
        for table, column, kind in raw.execute(
            text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = 'public'"
            )
        )
    }
    tables = {table for table, _column in types}
    assert tables == {
        "alembic_version",  # the migrations' own: which revision the schema is at
        "users",
        "totp_credentials",
        "pending_enrollments",
        "sessions",
        "trusted_devices",
        "email_codes",
        "activation_tokens",
        "policy",
        "audit_log",
        "audit_settings",
        "password_failures",
    }
    timestamps = {key for key, kind in types.items() if kind.startswith("timestamp")}
    assert {types[key] for key in timestamps} == {"timestamp with time zone"}
    assert ("audit_log", "at") in timestamps
    assert ("users", "otp_retry_at") in timestamps
    assert ("password_failures", "retry_at") in timestamps
    assert len(timestamps) == 18
    indexes = raw.execute(
        text("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_users_name_lower'")
    ).scalar()
    assert indexes == (
        "CREATE UNIQUE INDEX uq_users_name_lower ON public.users USING btree (lower((name)::text))"
    )
    for key in [("totp_credentials", "secret"), ("pending_enrollments", "secret")]:
        assert types[key] == "bytea"
    assert types[("email_codes", "code")] == "bytea"
    assert types[("totp_credentials", "last_step")] == "bigint"
    assert types[("policy", "email_cutoff")] == "date"


def test_timestamps_are_instants_whatever_the_time_zone(harness: Harness, raw: Connection) -> None:
    harness.add_user("jan")
    harness.login("jan")
    raw.execute(text("SET TIME ZONE 'America/Los_Angeles'"))
    row = raw.execute(
        text(
            "SELECT created_at = TIMESTAMPTZ '2025-03-03 09:00:00+00',"
            " expires_at AT TIME ZONE 'UTC' FROM sessions"
        )
    ).one()
    assert row[0] is True
    assert row[1] == (START + timedelta(minutes=15)).replace(tzinfo=None)
    user = harness.services.users.get("jan")
    assert user.created_at == START
    assert user.created_at.utcoffset() == timedelta(0)
    # The rules compare instants: the pending secret expires after exactly 15 minutes.
    assert user.enrollment == "pending"
    harness.clock.advance(minutes=15)
    assert harness.services.users.get("jan").enrollment == "not_enrolled"


def forms(secret: str) -> list[bytes]:
    """Every plain form of a base32 setup key we would not want to find."""
    decoded = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return [secret.encode(), secret.lower().encode(), decoded, decoded.hex().encode()]


def test_secrets_are_not_in_plain_in_the_database(harness: Harness, raw: Connection) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.add_user("half")
    pending = harness.enrollment(harness.login("half"))["secret"]
    extranet = {"enabled": True, "method": "email", "user_adjustable": False}
    harness.services.policy.update(
        PolicyUpdate.model_validate(policy_with(extranet=extranet)).to_domain(), Actor("test")
    )
    harness.add_user("extern", kind="extranet", email="extern@example.org")
    login = harness.login("extern")
    assert harness.client.post("/api/session/email-code", headers=login.headers).status_code == 202
    code = harness.last_mail_text().split("Your login code is ")[1][:8]
    paired = raw.execute(text("SELECT secret FROM totp_credentials")).scalar_one()
    waiting = raw.execute(text("SELECT secret FROM pending_enrollments")).scalar_one()
    mailed = raw.execute(text("SELECT code FROM email_codes")).scalar_one()
    for stored, secret in [(paired, harness.secrets["jan"]), (waiting, pending)]:
        assert isinstance(stored, bytes)
        # version, key id, nonce, sealed
        assert stored[0] == 2 and len(stored) == 1 + 8 + 12 + 20 + 16
        for plain in forms(secret):
            assert plain not in stored
    assert isinstance(mailed, bytes)
    assert code.encode() not in mailed and len(mailed) == 1 + 8 + 12 + 8 + 16
    # Not in the text form of the row either (what a dump or a log would show).
    everything = raw.execute(
        text("SELECT string_agg(t::text, ' ') FROM (SELECT * FROM totp_credentials) t")
    ).scalar_one()
    for plain in forms(harness.secrets["jan"]):
        assert plain.decode("latin-1") not in everything


def test_a_ciphertext_moved_to_another_users_row_does_not_decrypt(
    harness: Harness, raw: Connection
) -> None:
    harness.add_user("jan")
    harness.add_user("piet")
    harness.enroll("jan")
    harness.enroll("piet")
    raw.execute(
        text(
            "UPDATE totp_credentials SET secret = (SELECT c.secret FROM totp_credentials c"
            " JOIN users u ON u.id = c.user_id WHERE u.name = 'jan')"
            " WHERE user_id = (SELECT id FROM users WHERE name = 'piet')"
        )
    )
    raw.commit()
    response = harness.verify(harness.login("piet"), harness.code("jan"))
    assert response.status_code == 409
    assert response.json() == {"detail": "credential_unreadable"}
    assert harness.verify(harness.login("jan"), harness.code("jan")).status_code == 200


def test_the_replay_guard_holds_under_read_committed(harness: Harness) -> None:
    """The conditional UPDATE alone: a second transaction with the same step waits for the
    first, then re-reads the row it waited for and finds nothing to update."""
    harness.add_user("jan")
    harness.enroll("jan")
    engine = create_engine(harness.settings.db_url)

    def accept(connection: Connection, step: int) -> int:
        result = connection.execute(
            update(TotpCredential).where(TotpCredential.last_step < step).values(last_step=step)
        )
        return result.rowcount

    step = int(START.timestamp()) // 30 + 1000
    counts: list[int] = []
    try:
        with engine.connect() as first, engine.connect() as second:
            assert accept(first, step) == 1  # not committed yet: the row stays locked
            waiting = threading.Thread(target=lambda: counts.append(accept(second, step)))
            waiting.start()
            waiting.join(0.5)
            assert waiting.is_alive(), "the second UPDATE should wait for the first"
            first.commit()
            waiting.join(10)
            assert counts == [0]
            second.commit()
            assert accept(second, step) == 0  # the same code again
            assert accept(second, step + 1) == 1  # a later one
            second.commit()
    finally:
        engine.dispose()


def test_parallel_wrong_codes_are_all_counted(harness: Harness) -> None:
    """No lost update of the throttle counter: 8 wrong codes at once, 5 counted as free
    failures one after another, then the wait (429) for the other 3, unchecked."""
    harness.add_user("jan")
    harness.enroll("jan")
    harness.clock.advance(minutes=5)
    assert WRONG not in {harness.code("jan", step) for step in (-1, 0, 1)}
    tokens = [harness.login("jan").token for _ in range(8)]
    statuses = verify_at_once(harness.url, tokens, WRONG)
    assert sorted(statuses) == [401] * 5 + [429] * 3
    user = harness.services.users.get("jan")
    assert user.failed_codes == 5
    assert user.throttled_until == harness.clock.now() + timedelta(seconds=30)


def test_parallel_creation_of_one_user_name(harness: Harness) -> None:
    admin = harness.admin()
    statuses = at_once(
        6,
        lambda client: client.post(
            "/api/admin/users", headers=admin.headers, json={"name": "dubbel"}
        ),
        harness.url,
    )
    assert sorted(statuses) == [201] + [409] * 5


def test_parallel_email_code_requests_send_one_code(harness: Harness) -> None:
    extranet = {"enabled": True, "method": "email", "user_adjustable": False}
    harness.services.policy.update(
        PolicyUpdate.model_validate(policy_with(extranet=extranet)).to_domain(), Actor("test")
    )
    harness.add_user("extern", kind="extranet", email="extern@example.org")
    login = harness.login("extern")
    statuses = at_once(
        5, lambda client: client.post("/api/session/email-code", headers=login.headers), harness.url
    )
    assert sorted(statuses) == [202] + [429] * 4
    assert len(harness.outbox()) == 1


def test_parallel_uses_of_one_activation_link(harness: Harness) -> None:
    harness.add_user("nieuw", password=None, email="nieuw@example.org")
    harness.services.admin.send_activation("nieuw", Actor("test"))
    token = harness.last_mail_text().split("Token: ")[1].split()[0]
    body = {"token": token, "password": "mijn wachtwoord"}
    statuses = at_once(5, lambda client: client.post("/api/activate", json=body), harness.url)
    assert sorted(statuses) == [204] + [400] * 4


def test_parallel_policy_saves_are_audited_in_order(harness: Harness) -> None:
    """Each save sees the one before it: every audit entry's "old" is the previous "new"."""
    admin = harness.admin()
    hours = iter([1, 2, 3, 4])
    lock = threading.Lock()

    def save(client: httpx.Client) -> httpx.Response:
        with lock:
            body = policy_with(authenticator_validity_hours=next(hours))
        return client.put("/api/admin/policy", headers=admin.headers, json=body)

    assert at_once(4, save, harness.url) == [200] * 4
    entries = harness.client.get(
        "/api/admin/audit", headers=admin.headers, params={"action": "policy_update"}
    ).json()[::-1]
    saved = [5] + [entry["new"]["authenticator_validity_hours"] for entry in entries]
    assert sorted(saved[1:]) == [1, 2, 3, 4]
    assert [entry["old"]["authenticator_validity_hours"] for entry in entries] == saved[:-1]
    assert harness.services.policy.get().authenticator_validity_hours == saved[-1]


def test_a_login_racing_the_purge_of_its_expired_secret(harness: Harness) -> None:
    """The purge deletes an expired pending secret while a login renews it: the login waits
    for the purge and then issues a new one (no 500)."""
    harness.add_user("jan")
    harness.login("jan")
    harness.clock.advance(minutes=20)
    engine = create_engine(harness.settings.db_url)
    statuses: list[int] = []
    try:
        with engine.connect() as purge:
            deleted = purge.execute(text("DELETE FROM pending_enrollments"))
            assert deleted.rowcount == 1  # not committed: the row stays locked
            login = threading.Thread(
                target=lambda: statuses.append(harness.login_response("jan").status_code)
            )
            login.start()
            login.join(1)
            assert login.is_alive(), "the login should wait for the purge"
            purge.commit()
            login.join(30)
    finally:
        engine.dispose()
    assert statuses == [200]
    assert harness.services.users.get("jan").enrollment == "pending"


def test_a_row_locked_elsewhere_answers_503_within_the_busy_timeout(
    make_harness: Callable[..., Harness],
) -> None:
    """Another transaction holds the user's row: the code check waits ``lock_timeout`` (the
    busy timeout, here 1 s), then 503, and the code is not used up."""
    harness = make_harness(db_busy_timeout=timedelta(seconds=1))
    harness.add_user("jan")
    harness.enroll("jan")
    login = harness.login("jan")
    engine = create_engine(harness.settings.db_url)
    try:
        with engine.connect() as holder:
            holder.execute(text("SELECT id FROM users WHERE name = 'jan' FOR UPDATE"))
            started = time.monotonic()
            refused = harness.verify(login, harness.code("jan"))
            waited = time.monotonic() - started
            assert refused.status_code == 503, refused.text
            assert refused.json() == {"detail": "database_busy"}
            assert refused.headers["Retry-After"] == "2"
            assert 0.9 < waited < 5, waited
            holder.rollback()
        assert harness.verify(login, harness.code("jan")).status_code == 200
    finally:
        engine.dispose()


def test_user_add_and_serve_with_a_postgresql_url(tmp_path: Any, postgres: Cluster) -> None:
    url = postgres.new()
    env = {**os.environ, "TWEESTAP_SERVER_HOME": str(tmp_path / "home")}
    env.pop("TWEESTAP_SERVER_DB", None)
    command = ["user", "add", "jan", "--password", PASSWORD, "--db", url]
    added = subprocess.run(
        [sys.executable, "-m", "server_stub", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--port", str(port), "--db", url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, server)
        login = httpx.post(f"{base}/api/session", json={"username": "jan", "password": PASSWORD})
        assert login.status_code == 200
        assert login.json()["next"] == "enroll"
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        secret = httpx.get(f"{base}/api/session/enrollment", headers=headers).json()["secret"]
        verified = httpx.post(
            f"{base}/api/session/verify", headers=headers, json={"code": pyotp.TOTP(secret).now()}
        )
        assert verified.status_code == 200, verified.text
    finally:
        server.terminate()
        server.communicate(timeout=20)
        postgres.drop(url)

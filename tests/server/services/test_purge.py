"""The purge of dead rows: each kind goes only once it has expired, live rows stay, the audit
log is kept; ``serve`` purges at start (the periodic purge: test_maintenance.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute

from server_stub.clock import ManualClock
from server_stub.models import (
    ActivationToken,
    AuditEntry,
    EmailCode,
    LoginSession,
    PendingEnrollment,
    TrustedDevice,
    User,
)
from server_stub.schemas.policy import PolicyUpdate
from server_stub.schemas.users import UserCreate
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.purge import Purged
from server_stub.settings import Argon2Params, Settings
from tests.paths import ROOT
from tests.server.harness import PASSWORD, START, Databases, Harness, Login
from tests.server.services.test_policy import policy_with
from tests.server.test_cli import free_port, wait_healthy

TEST = Actor("test")


def purge(harness: Harness) -> Purged:
    return harness.services.purge.purge(harness.clock.now())


def count(services: Services, model: type[Any]) -> int:
    with services.ctx.db.read() as db:
        return db.scalar(select(func.count()).select_from(model)) or 0


def owners(harness: Harness, column: InstrumentedAttribute[int]) -> set[str]:
    """The names of the users who own a row of ``column``'s table."""
    with harness.services.ctx.db.read() as db:
        return set(db.scalars(select(User.name).where(User.id.in_(select(column)))))


def set_policy(harness: Harness, **changes: Any) -> None:
    harness.services.policy.update(
        PolicyUpdate.model_validate(policy_with(**changes)).to_domain(), TEST
    )


def send_email_code(harness: Harness, login: Login) -> str:
    response = harness.client.post("/api/session/email-code", headers=login.headers)
    assert response.status_code == 202, response.text
    match = re.search(r"\b(\d{8})\b", harness.last_mail_text())
    assert match is not None
    return match.group(1)


def email_user(harness: Harness, mail_validity_days: int = 0) -> None:
    set_policy(
        harness,
        extranet={"enabled": True, "method": "email", "user_adjustable": False},
        mail_validity_days=mail_validity_days,
    )
    harness.add_user("extern", kind="extranet", email="extern@example.org")


def test_pending_secrets_go_once_expired(harness: Harness) -> None:
    harness.add_user("jan")
    harness.add_user("piet")
    jan = harness.login("jan")
    harness.clock.advance(minutes=10)
    harness.login("piet")
    harness.clock.advance(minutes=5, seconds=-1)  # jan's secret has one second left
    assert purge(harness).pending_enrollments == 0
    assert harness.client.get("/api/session/enrollment", headers=jan.headers).status_code == 200
    harness.clock.advance(1)
    assert purge(harness).pending_enrollments == 1
    assert owners(harness, PendingEnrollment.user_id) == {"piet"}
    # Jan's next login simply gets a fresh secret, as it would have anyway.
    assert harness.login("jan").next == "enroll"
    assert owners(harness, PendingEnrollment.user_id) == {"jan", "piet"}


def test_sessions_go_once_expired(harness: Harness) -> None:
    harness.add_user("jan")
    complete = harness.enroll("jan")  # done at START: lives 8 hours
    waiting = harness.login("jan")  # at the code step since START + 30 s: 15 minutes
    harness.clock.set(START + timedelta(minutes=15, seconds=29))
    assert purge(harness).sessions == 0
    harness.clock.advance(1)
    assert purge(harness).sessions == 1
    assert harness.verify(waiting, harness.code("jan")).status_code == 401
    harness.clock.set(START + timedelta(hours=8, seconds=-1))
    assert purge(harness).sessions == 0
    assert harness.client.get("/api/me", headers=complete.headers).status_code == 200
    harness.clock.advance(1)
    assert purge(harness).sessions == 1
    assert count(harness.services, LoginSession) == 0
    assert harness.client.get("/api/me", headers=complete.headers).status_code == 401


def test_email_codes_go_once_dead_and_out_of_the_resend_window(harness: Harness) -> None:
    email_user(harness)
    login = harness.login("extern")
    send_email_code(harness, login)  # A, at T
    sent_at = harness.clock.now()
    harness.clock.advance(30)
    b_code = send_email_code(harness, login)  # B retires A
    assert harness.verify(login, b_code).status_code == 200  # B used
    harness.clock.set(sent_at + timedelta(minutes=50))
    login = harness.login("extern")
    send_email_code(harness, login)  # C: live until T + 60 min
    assert purge(harness).email_codes == 0  # A and B are dead, but within the hour
    harness.clock.set(sent_at + timedelta(hours=1, seconds=-1))
    assert purge(harness).email_codes == 0
    harness.clock.set(sent_at + timedelta(hours=1))
    assert purge(harness).email_codes == 1  # A
    harness.clock.advance(30)
    assert purge(harness).email_codes == 1  # B
    assert count(harness.services, EmailCode) == 1  # C: expired, still in its hour
    harness.clock.set(sent_at + timedelta(minutes=110))
    assert purge(harness).email_codes == 1
    assert count(harness.services, EmailCode) == 0


def test_a_live_email_code_stays_and_still_works(harness: Harness) -> None:
    email_user(harness)
    login = harness.login("extern")
    code = send_email_code(harness, login)
    harness.clock.advance(minutes=10, seconds=-1)
    assert purge(harness).email_codes == 0
    assert harness.verify(login, code).status_code == 200


def test_the_purge_keeps_the_resend_limit(harness: Harness) -> None:
    """Five codes an hour: retired codes stay counted until their hour is over."""
    email_user(harness)
    login = harness.login("extern")
    for _ in range(5):
        send_email_code(harness, login)
        harness.clock.advance(30)
    harness.clock.advance(minutes=12)
    login = harness.login("extern")
    assert purge(harness).email_codes == 0
    response = harness.client.post("/api/session/email-code", headers=login.headers)
    assert response.status_code == 429
    assert response.json() == {"detail": "resend_limited"}


def test_trusted_devices_go_once_the_policy_no_longer_trusts_them(harness: Harness) -> None:
    harness.add_user("jan")
    harness.add_user("piet")
    jan = harness.enroll("jan")  # an app device at START; the policy says 5 hours
    harness.clock.set(START + timedelta(hours=1))
    piet = harness.enroll("piet")
    harness.clock.set(START + timedelta(hours=5, seconds=-1))
    assert purge(harness).trusted_devices == 0
    assert harness.login("jan", device_token=jan.device_token).next == "done"
    harness.clock.advance(1)
    assert purge(harness).trusted_devices == 1
    assert owners(harness, TrustedDevice.user_id) == {"piet"}
    assert harness.login("jan", device_token=jan.device_token).next == "totp"
    assert harness.login("piet", device_token=piet.device_token).next == "done"
    # Lowering the validity makes piet's device (4 hours old) dead at once.
    set_policy(harness, authenticator_validity_hours=4)
    assert purge(harness).trusted_devices == 1
    assert count(harness.services, TrustedDevice) == 0


def test_email_devices_follow_the_days_setting(harness: Harness) -> None:
    email_user(harness, mail_validity_days=1)
    login = harness.login("extern")
    response = harness.verify(login, send_email_code(harness, login))
    device = response.json()["device_token"]
    harness.clock.advance(hours=23, minutes=59, seconds=59)  # far beyond the app's 5 hours
    assert purge(harness).trusted_devices == 0
    assert harness.login("extern", device_token=device).next == "done"
    harness.clock.advance(1)
    assert purge(harness).trusted_devices == 1


def test_activation_links_go_once_used_or_expired(harness: Harness) -> None:
    def link(name: str) -> str:
        harness.add_user(name, password=None, email=f"{name}@example.org")
        harness.services.admin.send_activation(name, TEST)
        return harness.last_mail_text().split("Token: ")[1].split()[0]

    link("oud")  # at START, valid 72 hours
    harness.clock.advance(hours=1)
    used = link("nieuw")
    body = {"token": used, "password": "mijn wachtwoord"}
    assert harness.client.post("/api/activate", json=body).status_code == 204
    harness.clock.set(START + timedelta(hours=71))
    live = link("vers")
    assert purge(harness).activation_tokens == 1  # the used one
    harness.clock.set(START + timedelta(hours=72))
    assert purge(harness).activation_tokens == 1  # the expired one
    assert owners(harness, ActivationToken.user_id) == {"vers"}
    body = {"token": live, "password": "mijn wachtwoord"}
    assert harness.client.post("/api/activate", json=body).status_code == 204


def test_the_audit_log_is_kept_and_a_second_purge_finds_nothing(harness: Harness) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.login("jan")
    harness.add_user("nieuw")
    harness.login("nieuw")
    audit = count(harness.services, AuditEntry)
    harness.clock.advance(days=30)
    purged = purge(harness)
    assert (purged.pending_enrollments, purged.sessions, purged.trusted_devices) == (1, 3, 1)
    assert purge(harness) == Purged()
    assert count(harness.services, AuditEntry) == audit
    assert count(harness.services, User) == 2


def test_serve_purges_at_start(tmp_path: Path, databases: Databases) -> None:
    """``tweestap-server serve`` on a database whose rows expired long ago (START, 2025): its
    audit entries too, once they are older than the retention (365 days by default)."""
    home = tmp_path / "home"
    url = databases.new()
    settings = Settings.from_env({}, home=home, db_url=url, argon2=Argon2Params.for_tests())
    services = Services.build(settings, clock=ManualClock(START))
    process: subprocess.Popen[str] | None = None
    try:
        services.users.create(UserCreate(name="jan", password=PASSWORD).to_domain(), TEST)
        assert services.auth.login("jan", PASSWORD, None, "127.0.0.1").next == "enroll"
        assert (count(services, PendingEnrollment), count(services, LoginSession)) == (1, 1)
        audit = count(services, AuditEntry)
        port = free_port()
        env = {
            **os.environ,
            "TWEESTAP_SERVER_HOME": str(home),
            "TWEESTAP_SERVER_DB": settings.db_url,
            "PYTHONUNBUFFERED": "1",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "server_stub", "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_healthy(f"http://127.0.0.1:{port}", process)  # the purge runs before it listens
        assert (count(services, PendingEnrollment), count(services, LoginSession)) == (0, 0)
        expired = datetime.now(UTC) - START > timedelta(days=365)
        assert count(services, AuditEntry) == (0 if expired else audit)
    finally:
        if process is not None:
            process.terminate()
            process.communicate(timeout=20)
        services.close()
        databases.drop(url)


def test_several_processes_purging_at_once_delete_each_row_once_and_none_fails(
    harness: Harness,
) -> None:
    """Every server process purges on its own timer, so N of them may purge at the same moment
    (four Services here, each with its own engine and connections, as processes have)."""
    now = harness.clock.now()
    with harness.services.ctx.db.write() as db:
        users = [User(name=f"u{n}", kind="employee", created_at=now) for n in range(40)]
        db.add_all(users)
        db.flush()
        for n, user in enumerate(users):
            live = n % 4 == 0
            for k in range(5):
                db.add(
                    LoginSession(
                        token_hash=f"{n:04d}{k:02d}".ljust(64, "0"),
                        user_id=user.id,
                        state="done",
                        created_at=now,
                        expires_at=now + timedelta(hours=1 if live else -1),
                    )
                )
            db.add(
                AuditEntry(
                    at=now - timedelta(days=400 if not live else 1),
                    actor="test",
                    action="old",
                    result="ok",
                )
            )
    expected_sessions = 30 * 5
    audit_before = count(harness.services, AuditEntry)
    others = [
        Services.build(harness.settings, clock=harness.clock, hasher=harness.hasher)
        for _ in range(4)
    ]
    barrier = threading.Barrier(len(others))
    results: list[Purged | BaseException] = []

    def run(services: Services) -> None:
        barrier.wait()
        try:
            results.append(services.purge.purge(now))
        except BaseException as error:
            results.append(error)

    threads = [threading.Thread(target=run, args=(s,)) for s in others]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        for services in others:
            services.close()
    failures = [r for r in results if not isinstance(r, Purged)]
    assert failures == []
    purged = [r for r in results if isinstance(r, Purged)]
    assert sum(p.sessions for p in purged) == expected_sessions
    assert sum(p.audit_entries for p in purged) == 30
    assert count(harness.services, LoginSession) == 10 * 5
    assert count(harness.services, AuditEntry) == audit_before - 30

"""The audit log: what it keeps of a failed login, refused admin actions, and its retention."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from server_stub.domain.audit import AuditFilter
from server_stub.models import AuditEntry
from server_stub.services.purge import AUDIT_BATCH
from tests.server.harness import PASSWORD, Harness

TYPED_PASSWORD = "Zomer2025!geheim"  # a password typed into the username field


def database_bytes(harness: Harness) -> bytes:
    """The SQLite file and its write-ahead log, as any reader of the disk would see them."""
    files = [harness.db_path, Path(f"{harness.db_path}-wal")]
    return b"".join(path.read_bytes() for path in files if path.exists())


def test_an_unknown_username_is_not_stored_as_typed_but_as_a_keyed_fingerprint(
    harness: Harness,
) -> None:
    harness.add_user("jan")
    for _ in range(2):
        assert harness.login_response(TYPED_PASSWORD, PASSWORD).status_code == 401
    assert harness.login_response("someone.else", PASSWORD).status_code == 401
    entries = harness.services.audit.query(AuditFilter(action="login"))
    assert all(TYPED_PASSWORD not in repr(entry) for entry in entries)
    actors = [entry.actor for entry in entries]
    assert all(actor is not None and actor.startswith("unknown:") for actor in actors), actors
    assert actors[1] == actors[2] != actors[0]  # the same typed name correlates, others differ
    assert all(entry.target is None and entry.result == "invalid_credentials" for entry in entries)
    if harness.settings.db_url.startswith("sqlite"):
        assert TYPED_PASSWORD.encode() not in database_bytes(harness)


def test_the_fingerprint_depends_on_the_servers_key(make_harness: object) -> None:
    """A keyed hash: someone with a copy of the log but not the key file cannot test guesses."""
    first, second = (make_harness() for _ in range(2))  # type: ignore[operator]
    for harness in (first, second):
        harness.login_response(TYPED_PASSWORD, PASSWORD)
    actors = [h.services.audit.query(AuditFilter(action="login"))[0].actor for h in (first, second)]
    assert actors[0] != actors[1]


def test_a_known_user_with_a_wrong_password_is_recorded_by_name(harness: Harness) -> None:
    harness.add_user("jan")
    harness.login_response("jan", "not the password")
    entry = harness.services.audit.query(AuditFilter(action="login"))[0]
    assert (entry.actor, entry.target, entry.result) == ("jan", "jan", "invalid_credentials")


# -- refused administrator actions: who tried what ------------------------------------------


def test_refused_administrator_actions_are_audited_with_who_tried_what(harness: Harness) -> None:
    admin = harness.admin()
    harness.add_user("jan", email="jan@example.org")
    harness.add_user("zonder.adres")
    attempts = [
        ("POST", "/api/admin/users/beheerder/block", None, 409, "block", "beheerder"),
        ("POST", "/api/admin/users/niemand/reset-2fa", None, 404, "reset_2fa", "niemand"),
        ("POST", "/api/admin/users/niemand/unblock", None, 404, "unblock", "niemand"),
        ("POST", "/api/admin/users/niemand/reset-password", None, 404, "reset_password", "niemand"),
        ("POST", "/api/admin/users/niemand/clear-throttle", None, 404, "clear_throttle", "niemand"),
        (
            "POST",
            "/api/admin/users/zonder.adres/activation-mail",
            None,
            409,
            "activation_mail",
            "zonder.adres",
        ),
        ("POST", "/api/admin/users", {"name": "jan"}, 409, "user_create", "jan"),
        ("PATCH", "/api/admin/users/niemand", {"admin": True}, 404, "user_update", "niemand"),
    ]
    for method, path, body, status, action, target in attempts:
        answer = harness.client.request(method, path, headers=admin.headers, json=body)
        assert answer.status_code == status, (path, answer.text)
        entry = harness.services.audit.query(AuditFilter(action=action))[0]
        assert (entry.actor, entry.target, entry.ip) == ("beheerder", target, "127.0.0.1"), path
        assert entry.result == answer.json()["detail"], path
    assert harness.services.audit.query(AuditFilter(action="user_update"))[0].new == {"admin": True}


def test_a_refused_target_name_is_stored_printable(harness: Harness) -> None:
    admin = harness.admin()
    answer = harness.client.post("/api/admin/users/a%00b%1bc/reset-2fa", headers=admin.headers)
    assert answer.status_code == 404
    entry = harness.services.audit.query(AuditFilter(action="reset_2fa"))[0]
    assert entry.target is not None and entry.target.isprintable()


# -- retention -----------------------------------------------------------------------------


def test_the_retention_is_365_days_until_changed_and_a_change_is_audited(
    harness: Harness,
) -> None:
    admin = harness.admin()
    path = "/api/admin/audit/retention"
    assert harness.client.get(path, headers=admin.headers).json() == {"days": 365}
    changed = harness.client.put(path, headers=admin.headers, json={"days": 90})
    assert changed.status_code == 200 and changed.json() == {"days": 90}
    assert harness.client.get(path, headers=admin.headers).json() == {"days": 90}
    entry = harness.services.audit.query(AuditFilter(action="audit_retention"))[0]
    assert (entry.actor, entry.old, entry.new) == ("beheerder", {"days": 365}, {"days": 90})
    for days in (29, 0, -1, 3651, "lang", None):
        refused = harness.client.put(path, headers=admin.headers, json={"days": days})
        assert refused.status_code == 422, days
    assert harness.client.get(path).status_code == 401


def test_the_purge_deletes_entries_older_than_the_retention_and_keeps_the_rest(
    harness: Harness,
) -> None:
    harness.admin()  # audit entries now: creation, login, pairing
    harness.login_response("jan", "x")
    harness.clock.advance(days=31)
    admin = harness.admin()  # a new session (and two recent entries)
    harness.client.put("/api/admin/audit/retention", headers=admin.headers, json={"days": 30})
    recent = harness.services.audit.query(AuditFilter(action="audit_retention"))
    assert recent
    purged = harness.services.purge.purge(harness.clock.now())
    assert purged.audit_entries >= 4
    left = harness.services.audit.query(AuditFilter(limit=1000))
    assert [entry.action for entry in left] == ["audit_retention", "verify", "login"]
    assert harness.services.purge.purge(harness.clock.now()).audit_entries == 0


def test_a_large_audit_log_is_purged_in_batches(harness: Harness) -> None:
    """Many batches of AUDIT_BATCH, so that no transaction holds the write lock for long."""
    old = harness.clock.now() - timedelta(days=400)
    rows = [
        {"at": old, "actor": "x", "target": None, "action": "login", "result": "invalid"}
        for _ in range(2 * AUDIT_BATCH + 17)
    ]
    with harness.services.ctx.db.write() as db:
        db.execute(insert(AuditEntry), rows)
    harness.add_user("jan")  # one recent entry
    assert harness.services.purge.purge(harness.clock.now()).audit_entries == len(rows)
    assert [e.target for e in harness.services.audit.query(AuditFilter())] == ["jan"]

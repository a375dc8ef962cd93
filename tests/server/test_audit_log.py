"""The audit log: what it keeps of a failed login, refused admin actions, and its retention."""

from __future__ import annotations

from pathlib import Path

from server_stub.schemas.audit import AuditQuery
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
    entries = harness.services.audit.query(AuditQuery(action="login"))
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
    actors = [h.services.audit.query(AuditQuery(action="login"))[0].actor for h in (first, second)]
    assert actors[0] != actors[1]


def test_a_known_user_with_a_wrong_password_is_recorded_by_name(harness: Harness) -> None:
    harness.add_user("jan")
    harness.login_response("jan", "not the password")
    entry = harness.services.audit.query(AuditQuery(action="login"))[0]
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
        entry = harness.services.audit.query(AuditQuery(action=action))[0]
        assert (entry.actor, entry.target, entry.ip) == ("beheerder", target, "127.0.0.1"), path
        assert entry.result == answer.json()["detail"], path
    assert harness.services.audit.query(AuditQuery(action="user_update"))[0].new == {"admin": True}


def test_a_refused_target_name_is_stored_printable(harness: Harness) -> None:
    admin = harness.admin()
    answer = harness.client.post("/api/admin/users/a%00b%1bc/reset-2fa", headers=admin.headers)
    assert answer.status_code == 404
    entry = harness.services.audit.query(AuditQuery(action="reset_2fa"))[0]
    assert entry.target is not None and entry.target.isprintable()

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

"""Which failures are worth trying again: the client marks an answer transient only when the
very same request may succeed later (no connection, a proxy without its server, a busy
server, a wait the server asked for), with the wait it asked for; a refusal is final. And the
audit log's retention, read and set, its bounds declared by the server."""

from __future__ import annotations

import httpx
import pytest

from desktop.admin import errors
from desktop.admin.contract import RetentionLimits
from desktop.net.admin_client import AdminClient
from server_stub.schemas.audit import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from tests.server.harness import Harness


def answer(status: int, detail: object = None, retry_after: str | None = None) -> AdminClient:
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    body = {"detail": detail} if detail is not None else {}
    transport = httpx.MockTransport(
        lambda _request: httpx.Response(status, json=body, headers=headers)
    )
    return AdminClient("http://127.0.0.1:1", transport=transport)


@pytest.mark.parametrize(
    ("status", "detail", "retry_after", "kind", "wait"),
    [
        (503, "database_busy", "2", errors.ServerBusy, 2),
        (503, "busy", "1", errors.ServerBusy, 1),
        (503, None, None, errors.ServerBusy, 1),  # a proxy's own 503 says no wait: a second
        (429, "too_many_attempts", "30", errors.TooManyPasswords, 30),
        (429, "throttled", "60", errors.Throttled, 60),
        (429, "resend_limited", "25", errors.ResendLimited, 25),
        (502, None, None, errors.ServerUnreachable, 0),
        (504, None, None, errors.ServerTimeout, 0),
    ],
    ids=[
        "db-busy",
        "hash-busy",
        "proxy-503",
        "passwords",
        "codes",
        "mail",
        "bad-gateway",
        "gw-timeout",
    ],
)
def test_transient_answers_may_be_tried_again_after_their_wait(
    status: int,
    detail: str | None,
    retry_after: str | None,
    kind: type[errors.AdminError],
    wait: int,
) -> None:
    client = answer(status, detail, retry_after)
    with pytest.raises(kind) as failed:
        client.get_user("jan")
    assert failed.value.transient
    assert failed.value.wait_seconds == wait
    client.close()


@pytest.mark.parametrize(
    ("status", "detail", "kind"),
    [
        (422, "privileged_must_be_employee", errors.PrivilegedMustBeEmployee),
        (422, "email_cutoff_passed", errors.CutoffPassed),
        (422, [{"loc": ["body", "email"], "msg": "not an address", "type": "x"}], None),
        (403, "forbidden", errors.Forbidden),
        (404, "user_not_found", errors.UserNotFound),
        (409, "user_exists", errors.UserExists),
        (409, "cannot_block_self", errors.CannotBlockSelf),
        (500, None, errors.UnexpectedAnswer),
    ],
    ids=["rule", "cutoff", "field", "403", "404", "exists", "self", "500"],
)
def test_refusals_are_final(status: int, detail: object, kind: type | None) -> None:
    client = answer(status, detail)
    with pytest.raises(errors.AdminError) as failed:
        client.get_user("jan")
    if kind is not None:
        assert isinstance(failed.value, kind)
    assert not failed.value.transient
    assert failed.value.wait_seconds == 0
    client.close()


def test_no_connection_at_all_is_transient() -> None:
    client = AdminClient("http://127.0.0.1:9", timeout=httpx.Timeout(1.0))  # discard port
    with pytest.raises(errors.ServerUnreachable) as failed:
        client.get_user("jan")
    assert failed.value.transient and failed.value.wait_seconds == 0
    client.close()


# -- the audit log's retention ------------------------------------------------------------------


def test_the_retention_round_trip_and_the_bounds_read_from_the_server(
    harness: Harness, admin_client: AdminClient
) -> None:
    limits = admin_client.contract.audit_retention
    assert limits == RetentionLimits(
        min_days=MIN_RETENTION_DAYS, max_days=MAX_RETENTION_DAYS, default_days=365
    )
    assert admin_client.audit_retention() == 365
    assert admin_client.set_audit_retention(limits.min_days) == limits.min_days
    assert harness.services.audit.retention() == limits.min_days
    with pytest.raises(errors.ValidationFailed) as refused:
        admin_client.set_audit_retention(limits.min_days - 1)
    assert list(refused.value.fields) == ["days"]
    assert not refused.value.transient


META: dict[str, object] = {
    "version": "1",
    "modules": ["p&o"],
    "p_and_o_modules": ["p&o"],
    "user_names": {"pattern": "^[a-z]+$", "max_length": 64, "case_insensitive": True},
    "policy_limits": {"max_authenticator_validity_hours": 24, "max_mail_validity_days": 365},
}


def contract_of(meta: dict[str, object]) -> AdminClient:
    transport = httpx.MockTransport(lambda _request: httpx.Response(200, json=meta))
    return AdminClient("http://127.0.0.1:1", transport=transport)


def test_a_server_from_before_the_retention_setting_declares_none() -> None:
    client = contract_of(META)
    assert client.read_contract().audit_retention is None
    client.close()


@pytest.mark.parametrize(
    "retention",
    [
        {"min_days": 400, "max_days": 30, "default_days": 365},
        {"min_days": 0, "max_days": 30, "default_days": 10},
        {"min_days": 30, "max_days": "3650", "default_days": 365},
        {"min_days": 30},
    ],
    ids=["reversed", "zero", "text", "incomplete"],
)
def test_retention_bounds_that_make_no_sense_are_an_unexpected_answer(
    retention: dict[str, object],
) -> None:
    client = contract_of({**META, "audit_retention": retention})
    with pytest.raises(errors.UnexpectedAnswer):
        client.read_contract()
    client.close()

"""The admin client against a real server: the login steps, every admin call, and each
failure mapped to its own error (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import httpx
import pyotp
import pytest

from desktop.admin import errors
from desktop.admin.model import AccountFields, AuditFilter, GroupPolicy, NewUser, Policy
from desktop.net.admin_client import AdminClient, normalize_address
from server_stub.rights import MODULES, P_AND_O_MODULES
from server_stub.schemas.audit import AuditQuery
from server_stub.schemas.policy import MAX_AUTHENTICATOR_VALIDITY_HOURS, MAX_MAIL_VALIDITY_DAYS
from server_stub.schemas.users import USER_NAMES_IGNORE_CASE
from tests.helpers.admin_server import client_login
from tests.server.harness import ADMIN, PASSWORD, Harness

MakeClient = Callable[[], AdminClient]


# -- addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("  http://localhost:8765/ ", "http://localhost:8765"),
        ("https://2fa.example.org/tweestap/", "https://2fa.example.org/tweestap"),
    ],
)
def test_addresses_without_scheme_or_with_a_trailing_slash_are_normalised(
    typed: str, expected: str
) -> None:
    assert normalize_address(typed) == expected


@pytest.mark.parametrize("typed", ["", "   ", "ftp://host", "http://", "http://h/?q=1"])
def test_text_that_is_no_http_address_is_refused_with_the_text_in_the_sentence(
    typed: str,
) -> None:
    with pytest.raises(errors.InvalidServerAddress):
        normalize_address(typed)


# -- the login --------------------------------------------------------------------------------


def test_first_login_of_an_admin_pairs_then_reaches_the_admin_routes(
    harness: Harness, make_client: MakeClient
) -> None:
    harness.add_admin()
    client = make_client()
    assert client.login(ADMIN, PASSWORD) == "enroll"
    enrollment = client.enrollment()
    assert enrollment.otpauth_uri.startswith("otpauth://totp/Tweestap:beheerder")
    client.verify(pyotp.TOTP(enrollment.secret).at(harness.clock.now()))
    overview = client.check_access()
    assert overview.employees.total == 1
    assert client.me is not None and client.me.name == ADMIN
    assert client.session_expires_at is not None


def test_second_login_asks_the_code_and_a_trusted_computer_skips_it_afterwards(
    harness: Harness, admin_client: AdminClient
) -> None:
    # A new client has no device token: the code is asked.
    fresh = AdminClient(harness.url)
    try:
        assert fresh.login(ADMIN, PASSWORD) == "totp"
    finally:
        fresh.close()
    # The same client verified a code less than 5 hours ago: no code this time.
    assert admin_client.login(ADMIN, PASSWORD) == "done"
    harness.clock.advance(5 * 3600 + 1)
    assert admin_client.login(ADMIN, PASSWORD) == "totp"


def test_wrong_password_and_unknown_user_get_the_same_sentence(
    harness: Harness, make_client: MakeClient
) -> None:
    harness.add_admin()
    client = make_client()
    with pytest.raises(errors.InvalidCredentials) as wrong:
        client.login(ADMIN, "not the password")
    with pytest.raises(errors.InvalidCredentials) as unknown:
        client.login("niemand", PASSWORD)
    assert str(wrong.value) == str(unknown.value)
    assert not client.logged_in


def test_wrong_code_is_refused_and_after_five_the_wait_is_told_in_seconds(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.clock.advance(5 * 3600 + 1)  # the computer is no longer trusted
    assert admin_client.login(ADMIN, PASSWORD) == "totp"
    for _ in range(5):
        with pytest.raises(errors.InvalidCode):
            admin_client.verify("000000")
    with pytest.raises(errors.Throttled) as throttled:
        admin_client.verify(harness.code(ADMIN))
    assert throttled.value.seconds == 30
    assert "30" in str(throttled.value)


def test_blocked_account_is_told_so_after_the_right_password(
    harness: Harness, admin_client: AdminClient, make_client: MakeClient
) -> None:
    harness.add_user("karel", admin=True, modules=["p&o"])
    admin_client.block("karel")
    with pytest.raises(errors.AccountBlocked):
        make_client().login("karel", PASSWORD)


def test_admin_outside_the_ip_list_is_refused_with_its_own_sentence(
    harness: Harness, admin_client: AdminClient, make_client: MakeClient
) -> None:
    harness.add_user("karel", admin=True, modules=["p&o"])
    admin_client.update_user("karel", {"ip_allowlist": "192.0.2.10"})
    with pytest.raises(errors.AddressNotAllowed):
        make_client().login("karel", PASSWORD)


def test_admin_without_p_and_o_is_refused_after_the_code_and_the_session_is_ended(
    harness: Harness, make_client: MakeClient
) -> None:
    harness.add_admin("support", modules=("administratie",))
    client = make_client()
    assert client.login("support", PASSWORD) == "enroll"
    client.verify(pyotp.TOTP(client.enrollment().secret).at(harness.clock.now()))
    with pytest.raises(errors.Forbidden) as refused:
        client.check_access()
    assert "P&O" in str(refused.value)
    assert not client.logged_in
    entries = harness.services.audit.query(AuditQuery(action="admin_access").to_domain())
    assert [(e.actor, e.result) for e in entries] == [("support", "forbidden")]


def test_expired_session_is_reported_as_such_and_a_new_login_works(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.clock.advance(8 * 3600 + 1)
    with pytest.raises(errors.SessionExpired):
        admin_client.get_policy()
    assert not admin_client.logged_in
    client_login(harness, admin_client)
    assert admin_client.get_policy().authenticator_validity_hours == 5


def test_login_step_that_expired_asks_to_start_again_not_a_session_message(
    harness: Harness, make_client: MakeClient
) -> None:
    harness.add_admin()
    client = make_client()
    client.login(ADMIN, PASSWORD)
    harness.clock.advance(16 * 60)  # a session waiting for a code lives 15 minutes
    with pytest.raises(errors.LoginOutOfStep):
        client.enrollment()


def test_server_that_stopped_is_unreachable_and_says_its_address(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.server.stop()
    with pytest.raises(errors.ServerUnreachable) as unreachable:
        admin_client.get_policy()
    assert harness.url in str(unreachable.value)


def test_an_answer_that_is_not_the_servers_json_is_an_unexpected_answer() -> None:
    def web_page(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>router login</html>")

    client = AdminClient("http://192.0.2.1", transport=httpx.MockTransport(web_page))
    with pytest.raises(errors.UnexpectedAnswer) as unexpected:
        client.health()
    assert "200" in str(unexpected.value)


def test_each_users_method_and_own_choice_are_read(
    harness: Harness, admin_client: AdminClient
) -> None:
    from server_stub.services.context import Actor

    harness.add_user("extern", kind="extranet", email="e@example.org")
    harness.services.users.choose_method("extern", "app", Actor("extern"))
    users = {user.name: user for user in admin_client.list_users()}
    assert (users["extern"].method, users["extern"].method_choice) == (None, "app")
    assert (users[ADMIN].method, users[ADMIN].method_choice) == ("app", None)


def test_a_server_from_before_the_method_fields_reads_as_no_method() -> None:
    from desktop.admin.model import User

    body: dict[str, object] = {
        "name": "jan", "kind": "employee", "email": None, "admin": False, "modules": [],
        "location_manager": False, "ip_allowlist": [], "blocked": False,
        "has_password": True, "enrollment": "active", "failed_codes": 0,
        "throttled_until": None, "created_at": "2025-03-03T09:00:00Z",
    }  # fmt: skip
    user = User.from_json(body)
    assert (user.method, user.method_choice) == (None, None)
    with pytest.raises(ValueError, match="sms"):
        User.from_json({**body, "method": "sms"})


def test_logout_ends_the_session_on_the_server(admin_client: AdminClient) -> None:
    admin_client.logout()
    assert not admin_client.logged_in
    with pytest.raises(errors.SessionExpired):
        admin_client.overview()


# -- the policy ------------------------------------------------------------------------------------


def test_policy_round_trip_is_seen_on_the_server(
    harness: Harness, admin_client: AdminClient
) -> None:
    policy = admin_client.get_policy()
    changed = Policy(
        employees=policy.employees,
        extranet=GroupPolicy(enabled=True, method="app", user_adjustable=True),
        authenticator_validity_hours=0,
        mail_validity_days=3,
        email_cutoff=policy.email_cutoff,
    )
    assert admin_client.put_policy(changed) == changed
    on_server = harness.services.policy.get()
    assert on_server.extranet.enabled and on_server.extranet.method == "app"
    assert on_server.authenticator_validity_hours == 0
    assert on_server.mail_validity_days == 3


def test_switching_employees_to_email_after_the_cutoff_gets_its_own_sentence(
    admin_client: AdminClient,
) -> None:
    policy = admin_client.get_policy()
    assert policy.employees_locked(date(2025, 3, 3))
    with pytest.raises(errors.EmployeesNeedApp):
        admin_client.put_policy(
            Policy(
                employees=GroupPolicy(enabled=True, method="email", user_adjustable=False),
                extranet=policy.extranet,
                authenticator_validity_hours=5,
                mail_validity_days=0,
                email_cutoff=policy.email_cutoff,
            )
        )


def test_validity_above_24_hours_comes_back_with_the_field_name(
    admin_client: AdminClient,
) -> None:
    policy = admin_client.get_policy()
    too_long = Policy(policy.employees, policy.extranet, 25, 0, policy.email_cutoff)
    with pytest.raises(errors.ValidationFailed) as refused:
        admin_client.put_policy(too_long)
    assert list(refused.value.fields) == ["authenticator_validity_hours"]


def test_the_servers_contract_is_read_by_the_login_and_says_what_the_server_holds(
    harness: Harness, make_client: MakeClient
) -> None:
    client = make_client()
    with pytest.raises(RuntimeError):
        _ = client.contract  # nothing is assumed before the server has said it
    client_login(harness, client)
    contract = client.contract
    assert contract.modules == MODULES
    assert contract.p_and_o_modules == P_AND_O_MODULES
    limits = contract.policy_limits
    assert (limits.max_validity_hours, limits.max_mail_days) == (
        MAX_AUTHENTICATOR_VALIDITY_HOURS,
        MAX_MAIL_VALIDITY_DAYS,
    )
    assert contract.user_names.check("anna.jansen") == "anna.jansen"
    for refused in ("-anna", "anna jansen", "a" * 65, "anna\x1b"):
        with pytest.raises(errors.InvalidUserName):
            contract.user_names.check(refused)
    assert contract.user_names.same("Anna", "anna") is USER_NAMES_IGNORE_CASE


@pytest.mark.parametrize(
    "meta",
    [
        {"modules": ["zorg"], "p_and_o_modules": ["p&o"]},  # P&O that is no module
        {"user_names": {"pattern": "(", "max_length": 64, "case_insensitive": False}},
        {"user_names": {"pattern": "a" * 300, "max_length": 64, "case_insensitive": False}},
        {"policy_limits": {"max_authenticator_validity_hours": "24"}},
    ],
    ids=["p-and-o-not-a-module", "broken-pattern", "overlong-pattern", "limits-not-numbers"],
)
def test_a_contract_that_is_not_a_tweestap_servers_is_an_unexpected_answer(
    meta: dict[str, object],
) -> None:
    good: dict[str, object] = {
        "version": "1",
        "modules": ["p&o", "zorg"],
        "p_and_o_modules": ["p&o"],
        "user_names": {"pattern": "^[a-z]+$", "max_length": 64, "case_insensitive": False},
        "policy_limits": {"max_authenticator_validity_hours": 24, "max_mail_validity_days": 365},
    }
    body = {**good, **meta}
    transport = httpx.MockTransport(lambda _request: httpx.Response(200, json=body))
    client = AdminClient("http://127.0.0.1:1", transport=transport)
    with pytest.raises(errors.UnexpectedAnswer):
        client.read_contract()
    client.close()


# -- users ---------------------------------------------------------------------------------------


def test_reset_2fa_makes_the_next_login_of_that_employee_show_a_new_qr(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    assert admin_client.get_user("jan").enrollment == "active"
    assert harness.login("jan").next == "totp"
    after = admin_client.reset_2fa("jan")
    assert after.enrollment == "not_enrolled"
    assert harness.login("jan").next == "enroll"


def test_block_and_unblock_change_the_user_and_the_login(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan")
    assert admin_client.block("jan").blocked
    assert harness.login_response("jan").status_code == 403
    assert not admin_client.unblock("jan").blocked
    assert harness.login_response("jan").status_code == 200


def test_blocking_yourself_is_refused(admin_client: AdminClient) -> None:
    with pytest.raises(errors.CannotBlockSelf):
        admin_client.block(ADMIN)


def test_update_sends_only_changed_fields_and_the_server_keeps_the_canonical_ip_list(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan", email="jan@example.org")
    user = admin_client.get_user("jan")
    wanted = AccountFields(
        email=user.email,
        admin=False,
        location_manager=True,
        modules=("zorg", "p&o"),
        ip_allowlist=("10.0.0.0/24", "192.0.2.7"),
    )
    changes = wanted.changes_from(user.fields)
    assert set(changes) == {"location_manager", "modules", "ip_allowlist"}
    updated = admin_client.update_user("jan", changes)
    assert updated.location_manager
    assert updated.modules == ("p&o", "zorg")
    assert updated.ip_allowlist == ("10.0.0.0/24", "192.0.2.7")


def test_ip_list_the_server_refuses_names_the_field(
    admin_client: AdminClient, harness: Harness
) -> None:
    harness.add_user("jan")
    with pytest.raises(errors.ValidationFailed) as refused:
        admin_client.update_user("jan", {"ip_allowlist": "10.0.0.300"})
    assert "ip_allowlist" in refused.value.fields
    assert "10.0.0.300" in refused.value.fields["ip_allowlist"]


def test_unknown_user_is_named_in_the_sentence(admin_client: AdminClient) -> None:
    with pytest.raises(errors.UserNotFound) as missing:
        admin_client.get_user("piet")
    assert "piet" in str(missing.value)


def test_creating_a_user_twice_is_refused_with_the_name(admin_client: AdminClient) -> None:
    new = NewUser("nieuw", "employee", AccountFields(email="nieuw@example.org"))
    created = admin_client.create_user(new)
    assert (created.name, created.has_password, created.enrollment) == (
        "nieuw",
        False,
        "not_enrolled",
    )
    with pytest.raises(errors.UserExists) as twice:
        admin_client.create_user(new)
    assert "nieuw" in str(twice.value)


def test_activation_mail_goes_to_the_address_and_without_one_the_user_is_named(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan", email="jan@example.org")
    harness.add_user("zonder")
    sent = admin_client.send_activation_mail("jan")
    assert sent.sent_to == "j***@example.org"  # the server masks the address
    assert harness.outbox()[-1]["To"] == "jan@example.org"
    with pytest.raises(errors.NoEmailAddress) as missing:
        admin_client.send_activation_mail("zonder")
    assert "zonder" in str(missing.value)


def test_clear_throttle_lets_a_throttled_employee_try_again(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    login = harness.login("jan")
    for _ in range(6):
        harness.verify(login, "000000")
    throttled = admin_client.get_user("jan")
    assert throttled.failed_codes == 5 and throttled.throttled_until is not None
    cleared = admin_client.clear_throttle("jan")
    assert cleared.failed_codes == 0 and cleared.throttled_until is None
    assert harness.verify(login, harness.code("jan")).status_code == 200


def test_reset_password_removes_it(harness: Harness, admin_client: AdminClient) -> None:
    harness.add_user("jan", email="jan@example.org")
    assert not admin_client.reset_password("jan").has_password
    assert harness.login_response("jan").status_code == 401


# -- overview and audit ------------------------------------------------------------------------


def test_overview_counts_each_state_and_warns_with_one_p_and_o_admin(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("nieuw")
    harness.add_user("half")
    harness.login("half")  # saw the QR, typed no code
    harness.add_user("ext", kind="extranet")
    overview = admin_client.overview()
    assert (overview.employees.active, overview.employees.pending) == (1, 1)
    assert overview.employees.not_enrolled == 1 and overview.employees.total == 3
    assert overview.extranet.total == 1
    assert overview.p_and_o_admins == 1
    assert [w.code for w in overview.warnings] == ["too_few_p_and_o_admins"]


def test_audit_filters_by_who_whom_what_and_when(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan")
    harness.add_user("piet")
    admin_client.block("jan")
    harness.clock.advance(3600)
    admin_client.block("piet")
    blocks = admin_client.audit(AuditFilter(actor=ADMIN, action="block"))
    assert [e.target for e in blocks] == ["piet", "jan"]  # newest first
    assert blocks[0].new == {"blocked": True}
    only_jan = admin_client.audit(AuditFilter(target="jan", action="block"))
    assert [e.target for e in only_jan] == ["jan"]
    later = harness.clock.now() - timedelta(minutes=30)
    assert [e.target for e in admin_client.audit(AuditFilter(action="block", since=later))] == [
        "piet"
    ]
    assert [e.target for e in admin_client.audit(AuditFilter(action="block", until=later))] == [
        "jan"
    ]


def test_last_login_counts_only_completed_logins(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    completed = harness.clock.now() - timedelta(seconds=30)
    harness.clock.advance(600)
    harness.login("jan")  # password only, no code: not a login
    logins = admin_client.last_logins()
    assert abs((logins["jan"] - completed).total_seconds()) < 1
    assert ADMIN in logins


def test_emptying_the_e_mail_field_removes_the_address_on_the_server(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.add_user("jan", email="jan@example.org")
    user = admin_client.get_user("jan")
    changes = AccountFields(email=None).changes_from(user.fields)
    assert changes == {"email": None}
    assert admin_client.update_user("jan", changes).email is None
    assert harness.services.users.get("jan").email is None

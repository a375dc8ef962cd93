"""The admin client's code step against a real server: a code already used elsewhere is told
so, and is not counted as a wrong code (test_admin_client.py has the rest of the login)."""

from __future__ import annotations

import pytest

from desktop.admin import errors
from desktop.net.admin_client import AdminClient
from tests.server.harness import ADMIN, PASSWORD, Harness


def test_a_code_already_used_on_the_login_page_is_told_so_and_is_not_a_wrong_code(
    harness: Harness, admin_client: AdminClient
) -> None:
    harness.clock.advance(5 * 3600 + 1)  # the computer is no longer trusted
    code = harness.code(ADMIN)
    page = harness.login(ADMIN)  # the same administrator on the login page, a moment earlier
    assert harness.verify(page, code).status_code == 200
    assert admin_client.login(ADMIN, PASSWORD) == "totp"
    with pytest.raises(errors.CodeAlreadyUsed) as used:
        admin_client.verify(code)
    assert "already been used" in str(used.value)
    assert harness.services.users.get(ADMIN).failed_codes == 0
    harness.clock.advance(30)
    admin_client.verify(harness.code(ADMIN))
    assert admin_client.logged_in

"""The one rule every request after the password passes (``services/auth.admit``), which the
session checks of later requests and the code check's own locked query both apply: the
session must not have expired (not even at this very moment), its user must not be blocked,
and the address must be inside the user's allow-list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server_stub.services.auth import admit
from server_stub.services.errors import IpNotAllowed, NotAuthenticated, ServiceError

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(seconds=1)


@pytest.mark.parametrize(
    ("expires_at", "blocked", "allowlist", "ip", "refusal"),
    [
        (LATER, False, "", "192.0.2.7", None),
        (LATER, False, "192.0.2.0/24", "192.0.2.7", None),
        (NOW, False, "", "192.0.2.7", NotAuthenticated),
        (NOW - timedelta(hours=1), False, "", "192.0.2.7", NotAuthenticated),
        (LATER, True, "", "192.0.2.7", NotAuthenticated),
        (LATER, True, "192.0.2.0/24", "198.51.100.1", NotAuthenticated),
        (LATER, False, "192.0.2.0/24", "198.51.100.1", IpNotAllowed),
        (LATER, False, "192.0.2.0/24", None, IpNotAllowed),
    ],
    ids=[
        "live",
        "live-inside-the-allow-list",
        "expiring-this-very-moment",
        "expired",
        "blocked",
        "blocked-says-nothing-of-the-address",
        "outside-the-allow-list",
        "unknown-address-with-an-allow-list",
    ],
)
def test_a_session_is_admitted_only_while_live_unblocked_and_from_an_allowed_address(
    expires_at: datetime,
    blocked: bool,
    allowlist: str,
    ip: str | None,
    refusal: type[ServiceError] | None,
) -> None:
    def check() -> None:
        admit(expires_at=expires_at, blocked=blocked, ip_allowlist=allowlist, ip=ip, now=NOW)

    if refusal is None:
        check()
    else:
        with pytest.raises(refusal):
            check()

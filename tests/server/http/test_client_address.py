"""The client's address (``server_stub/http/dependencies.get_client_ip``), which the IP
allow-lists and the password throttle go by: the peer, or ``X-Forwarded-For`` only from a
trusted proxy, read line by line, the right-most address no trusted proxy wrote."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.server.harness import Harness


def test_forwarded_for_is_ignored_unless_the_proxy_is_trusted(
    make_harness: Callable[..., Harness],
) -> None:
    plain = make_harness()
    plain.add_user("jan", ip_allowlist="10.1.2.3")
    spoofed = plain.login_response("jan", headers={"X-Forwarded-For": "10.1.2.3"})
    assert spoofed.status_code == 403

    behind_proxy = make_harness(trusted_proxies=("127.0.0.1",))
    behind_proxy.add_user("jan", ip_allowlist="10.1.2.3")
    forwarded = behind_proxy.login_response("jan", headers={"X-Forwarded-For": "10.1.2.3"})
    assert forwarded.status_code == 200
    other = behind_proxy.login_response("jan", headers={"X-Forwarded-For": "10.9.9.9"})
    assert other.status_code == 403


@pytest.fixture
def behind_proxy(make_harness: Callable[..., Harness]) -> Harness:
    """A server behind a trusted proxy on 127.0.0.1, with ``jan`` allowed only from 10.1.2.3."""
    harness = make_harness(trusted_proxies=("127.0.0.1", "192.168.0.0/24"))
    harness.add_user("jan", ip_allowlist="10.1.2.3")
    return harness


@pytest.mark.parametrize(
    ("lines", "allowed"),
    [
        (["10.1.2.3"], True),
        (["10.9.9.9"], False),
        (["10.9.9.9, 10.1.2.3"], True),  # the proxy appended the client: the right-most counts
        (["10.1.2.3, 10.9.9.9"], False),  # the client chose the left part itself
        (["10.1.2.3, 192.168.0.7"], True),  # a second trusted proxy in between is skipped
        # HAProxy's "option forwardfor" adds its own header line below the client's: every
        # line counts, in order, so the client's own line cannot choose the address.
        (["10.1.2.3", "10.9.9.9"], False),
        (["10.9.9.9", "10.1.2.3"], True),
        (["10.1.2.3", "10.9.9.9, 192.168.0.7"], False),
        (["10.1.2.3", ""], True),
        (["", "10.1.2.3"], True),
    ],
    ids=[
        "one-allowed",
        "one-other",
        "list-right-most-allowed",
        "list-left-spoofed",
        "second-proxy-skipped",
        "two-lines-spoofed-first",
        "two-lines-allowed-last",
        "two-lines-proxy-chain",
        "empty-second-line",
        "empty-first-line",
    ],
)
def test_forwarded_for_reads_every_header_line_and_takes_the_right_most_untrusted_address(
    behind_proxy: Harness, lines: list[str], allowed: bool
) -> None:
    headers = [("X-Forwarded-For", line) for line in lines]
    response = behind_proxy.login_response("jan", headers=headers)
    assert response.status_code == (200 if allowed else 403), response.text


@pytest.mark.parametrize(
    "lines",
    [["not an address"], ["10.1.2.3, junk"], ["10.1.2.3", "junk"], ["10.1.2.3:8080"], ["[::1]"]],
    ids=["junk", "junk-right-most", "junk-second-line", "with-port", "bracketed"],
)
def test_junk_from_a_trusted_proxy_is_no_address_at_all(
    make_harness: Callable[..., Harness], lines: list[str]
) -> None:
    """Junk where the client's address belongs is not replaced by the proxy's own address
    (which an allow-list may well contain): the client's address is unknown, and an unknown
    address is outside every allow-list."""
    harness = make_harness(trusted_proxies=("127.0.0.1",))
    harness.add_user("jan", ip_allowlist="127.0.0.1, 10.1.2.3")
    response = harness.login_response("jan", headers=[("X-Forwarded-For", v) for v in lines])
    assert response.status_code == 403, response.text
    assert response.json() == {"detail": "ip_not_allowed"}

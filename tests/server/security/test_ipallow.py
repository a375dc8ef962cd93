"""IP allow-lists (``server_stub/security/ipallow.py``): parsed to canonical entries, and
who is inside them."""

from __future__ import annotations

import pytest

from server_stub.security.ipallow import is_allowed, parse_allowlist


def test_parse_allowlist() -> None:
    assert parse_allowlist(" 10.0.0.1 ,10.1.0.0/16,, 10.0.0.1, 2001:db8::/32 ") == (
        "10.0.0.1",
        "10.1.0.0/16",
        "2001:db8::/32",
    )
    assert parse_allowlist("10.1.2.3/24") == ("10.1.2.0/24",)
    assert parse_allowlist("") == ()
    for bad in ("10.0.0.256", "foo", "10.0.0.0/40", "1.2.3.4 5.6.7.8"):
        with pytest.raises(ValueError, match="not an IP"):
            parse_allowlist(bad)


def test_is_allowed() -> None:
    assert is_allowed("", None)
    assert is_allowed("10.0.0.0/8", "10.200.3.4")
    assert is_allowed("10.0.0.0/8", "::ffff:10.1.1.1")
    assert not is_allowed("10.0.0.0/8", "11.0.0.1")
    assert not is_allowed("10.0.0.0/8", None)
    assert not is_allowed("10.0.0.0/8", "testclient")
    assert is_allowed("2001:db8::/32", "2001:db8::5")
    assert not is_allowed("10.0.0.0/8", "2001:db8::5")

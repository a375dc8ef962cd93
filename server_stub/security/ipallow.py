"""IP allow-lists ("IP adres"): single addresses and CIDR ranges, comma-separated.

An empty list means no restriction. Lists are validated and stored in canonical form.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _entries(value: str | Iterable[str]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()]


def parse_allowlist(value: str | Iterable[str]) -> tuple[str, ...]:
    """Canonical entries; ValueError names the first one that is neither address nor range."""
    canonical: list[str] = []
    for entry in _entries(value):
        if len(entry) > 64:
            raise ValueError(f"not an IP address or range: {entry[:64]!r}...")
        try:
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ValueError(f"not an IP address or range: {entry!r}") from None
        single = network.prefixlen == network.max_prefixlen and "/" not in entry
        text = str(network.network_address) if single else str(network)
        if text not in canonical:
            canonical.append(text)
    return tuple(canonical)


def networks(allowlist: str) -> list[Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in _entries(allowlist)]


def client_address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not text:
        return None
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_allowed(allowlist: str, ip: str | None) -> bool:
    """True when the list is empty or the address lies in one of its entries."""
    nets = networks(allowlist)
    if not nets:
        return True
    address = client_address(ip)
    if address is None:
        return False
    return any(address.version == net.version and address in net for net in nets)

"""Which command-line arguments are links for Tweestap to open (kept tiny: it is read at
every start, before anything else is imported)."""

from __future__ import annotations

SCHEMES = ("otpauth", "otpauth-migration")


def is_link(argument: str) -> bool:
    """Whether a command-line argument is a link the desktop handed over to open."""
    scheme, _, _ = argument.partition(":")
    return scheme.lower() in SCHEMES

"""Module rights ("modules" on the Account tab) and who may administer two-step verification.

The seed lists administratie, alle modules, contracten, p&o + r, relaties, zorg, zorg + r;
the right the seed requires for 2FA administration is "module P&O", stored as ``p&o``.
``p&o + r`` and ``alle modules`` include it.
"""

from __future__ import annotations

from collections.abc import Iterable

MODULES: tuple[str, ...] = (
    "administratie",
    "alle modules",
    "contracten",
    "p&o",
    "p&o + r",
    "relaties",
    "zorg",
    "zorg + r",
)
P_AND_O_MODULES = frozenset({"p&o", "p&o + r", "alle modules"})


def _canonical(name: str) -> str:
    return " ".join(name.lower().replace("+", " + ").split())


def normalize_modules(names: Iterable[str]) -> tuple[str, ...]:
    """Known module names in the seed's order; ValueError for an unknown one."""
    wanted: set[str] = set()
    for name in names:
        canonical = _canonical(name)
        if not canonical:
            continue
        if canonical not in MODULES:
            raise ValueError(f"unknown module {name[:40]!r}; known: {', '.join(MODULES)}")
        wanted.add(canonical)
    return tuple(module for module in MODULES if module in wanted)


def split_modules(stored: str) -> tuple[str, ...]:
    return tuple(item for item in stored.split(",") if item)


def has_p_and_o(modules: Iterable[str]) -> bool:
    return any(module in P_AND_O_MODULES for module in modules)


def is_privileged(admin: bool, modules: Iterable[str]) -> bool:
    """Administrator or module P&O: such an account always needs a second factor."""
    return admin or has_p_and_o(modules)

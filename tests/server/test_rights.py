"""Module rights (``server_stub/rights.py``): names normalised to the seed's list, and which
of them carry module P&O."""

from __future__ import annotations

import pytest

from server_stub.rights import has_p_and_o, normalize_modules


def test_modules() -> None:
    assert normalize_modules(["Zorg + R", "p&o", "ZORG", " alle  modules "]) == (
        "alle modules",
        "p&o",
        "zorg",
        "zorg + r",
    )
    with pytest.raises(ValueError, match="unknown module"):
        normalize_modules(["kantine"])
    assert has_p_and_o(["p&o"]) and has_p_and_o(["p&o + r"]) and has_p_and_o(["alle modules"])
    assert not has_p_and_o(["administratie", "zorg"])

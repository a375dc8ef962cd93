"""Plain otpauth:// lists and Ente Auth exports, mutated: only ImportProblem may escape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import importer
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

FORMATS = ["otpauth_uri", "ente_auth"]
LINE_PIECES = st.sampled_from(
    [
        "otpauth://",
        "totp",
        "hotp",
        "steam",
        "/",
        ":",
        "%3A",
        "%",
        "?",
        "&",
        "=",
        "secret",
        "issuer",
        "digits",
        "period",
        "counter",
        "algorithm",
        "codeDisplay",
        "{",
        "}",
        "#",
        "\n",
        " ",
        "AA",
        "JBSWY3DPEHPK3PXP",
        "-1",
        "99999999999999999999999",
        "\u00e9",
        "\ud800",
    ]
)


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ
@given(data=st.data())
def test_mutated_samples(format_key: str, data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(format_key)))
    check(importer(format_key), sample.name, data.draw(mutations(sample.data)), None)


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ
@given(pieces=st.lists(LINE_PIECES, max_size=40))
def test_link_shaped_text(format_key: str, pieces: list[str]) -> None:
    text = "".join(pieces).encode("utf-8", "surrogatepass")
    check(importer(format_key), "links.txt", text, None)

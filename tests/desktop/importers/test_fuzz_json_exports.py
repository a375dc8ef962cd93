"""Bitwarden, Duo, Proton Authenticator and Steam files, mutated: only ImportProblem may
escape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import importer
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

FORMATS = ["bitwarden", "duo", "proton_authenticator", "steam"]


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ
@given(data=st.data())
def test_mutated_samples(format_key: str, data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(format_key)))
    check(importer(format_key), sample.name, data.draw(mutations(sample.data)), None)

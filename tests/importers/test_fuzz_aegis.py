"""Aegis vaults, mutated: only ImportProblem may escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.importers.aegis import IMPORTER
from tests.importers.fuzz_kit import FUZZ, FUZZ_SLOW, check, mutations, samples

PLAIN = samples("aegis", encrypted=False)
ENCRYPTED = samples("aegis", encrypted=True)


@FUZZ
@given(st.data())
def test_plain_vaults(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(PLAIN))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ
@given(st.data())
def test_encrypted_vaults_without_a_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(st.data())
def test_encrypted_vaults_with_the_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), sample.password)

"""andotp files, mutated: only ImportProblem may escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.importers.andotp import IMPORTER
from tests.importers.fuzz_kit import FUZZ, FUZZ_SLOW, check, mutations, samples

PLAIN = samples("andotp", encrypted=False)
ENCRYPTED = samples("andotp", encrypted=True)


@FUZZ
@given(st.data())
def test_plain_files(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(PLAIN))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ
@given(st.data())
def test_encrypted_files_without_a_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(st.data())
def test_encrypted_files_with_the_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), sample.password)

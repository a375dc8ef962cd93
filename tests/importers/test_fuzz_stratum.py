"""Stratum backups and its database, mutated: only ImportProblem may escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.importers.stratum import IMPORTER
from tests.importers.fuzz_kit import FUZZ, FUZZ_SLOW, check, mutations, samples

PLAIN = samples("stratum", encrypted=False)  # the JSON backup and the SQLite database
ENCRYPTED = samples("stratum", encrypted=True)


@FUZZ
@given(st.data())
def test_plain_backup_and_database(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(PLAIN))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ
@given(st.data())
def test_encrypted_backups_without_a_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(st.data())
def test_encrypted_backups_with_the_password(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(ENCRYPTED))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), sample.password)

"""Google Authenticator exports (text and pictures), mutated: only ImportProblem may
escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.importers.google_migration import IMPORTER
from tests.desktop.importers.fuzzing import FUZZ, FUZZ_SLOW, check, migration_samples, mutations

TEXTS = migration_samples(pictures=False)
SMALL_PICTURES = [s for s in migration_samples(pictures=True) if len(s.data) < 10_000]


@FUZZ
@given(st.data())
def test_text_exports(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(TEXTS))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(st.data())
def test_pictures(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(SMALL_PICTURES))
    check(IMPORTER, sample.name, data.draw(mutations(sample.data)), None)

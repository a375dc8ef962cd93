"""WinAuth's text export: the otpauth:// list under WinAuth's naming rule (explicit only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import EXPLICIT_ONLY, DamagedFile, ImportProblem, detect, importer
from tests.desktop.importers.expect import Record, assert_exactly, other_files, records
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

KEY = "winauth"
WINAUTH = importer(KEY)
RECORDS = records(KEY)
(SAMPLE,) = RECORDS


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert WINAUTH.sniff(record.name, data)
    assert not WINAUTH.is_encrypted(data)
    assert_exactly(WINAUTH.read(data), record)


def test_it_is_never_detected(tmp_path: Path) -> None:
    assert KEY in EXPLICIT_ONLY
    assert detect(SAMPLE.name, SAMPLE.data(tmp_path)).key == "otpauth_uri"


def test_it_claims_exactly_what_the_plain_link_list_claims() -> None:
    plain = importer("otpauth_uri")
    for path in other_files(KEY):
        data = path.read_bytes()
        assert WINAUTH.sniff(path.name, data) == plain.sniff(path.name, data), path


def test_the_label_account_becomes_the_issuer() -> None:
    data = (
        b"otpauth://totp/My%20PC%20login?secret=JBSWY3DPEHPK3PXP\n"
        b"otpauth://totp/Shop:me?secret=JBSWY3DPEHPK3PXP&issuer=Shop\n"
    )
    result = WINAUTH.read(data)
    assert [(a.issuer, a.name) for a in result.accounts] == [
        ("My PC login", "WinAuth"),
        ("me", "WinAuth"),
    ]


def test_a_cut_line_is_skipped_and_the_rest_imported(tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    cut = data[: data.index(b"secret=", data.index(b"Airbnb")) + 3]
    result = WINAUTH.read(cut)
    assert [a.issuer for a in result.accounts] == ["Mason", "James"]
    (skipped,) = result.skipped
    assert skipped.label == "Airbnb: Elijah"
    assert skipped.reason.render()


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"\xff\xfe\xfa not text", DamagedFile), (b"", ImportProblem), (b"just words", ImportProblem)],
)
def test_what_is_no_link_list_is_refused(data: bytes, problem: type[ImportProblem]) -> None:
    with pytest.raises(problem) as refused:
        WINAUTH.read(data)
    assert refused.value.render()


@FUZZ
@given(data=st.data())
def test_mutated_sample(data: st.DataObject) -> None:
    (sample,) = samples(KEY)
    check(WINAUTH, sample.name, data.draw(mutations(sample.data)), None)

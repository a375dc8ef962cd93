"""FreeOTP+: the JSON export and the app-private tokens.xml (FreeOTP 1.x's layout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, UnknownFormat, importer
from tests.desktop.importers.expect import Record, assert_exactly, other_files, records
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

KEY = "freeotp_plus"
PLUS = importer(KEY)
RECORDS = records(KEY)
EXPORT = next(r for r in RECORDS if r.name.endswith(".json"))
INTERNAL = next(r for r in RECORDS if r.name.endswith(".xml"))
FREEOTP_XML = next(r for r in records("freeotp") if not r.encrypted)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert PLUS.sniff(record.name, data)
    assert not PLUS.is_encrypted(data)
    assert_exactly(PLUS.read(data), record)


def test_the_export_keeps_its_order(tmp_path: Path) -> None:
    result = PLUS.read(EXPORT.data(tmp_path))
    assert [a.issuer for a in result.accounts] == [
        "WWE",
        "Air Canada",
        "Issuu",
        "Airbnb",
        "SPDX",
        "Deno",
    ]


@pytest.mark.parametrize("name", ["tokens.xml", "backup.xml"])
def test_tokens_xml_is_claimed_only_when_its_name_says_freeotp_plus(
    name: str, tmp_path: Path
) -> None:
    data = INTERNAL.data(tmp_path)
    assert not PLUS.sniff(name, data)
    assert PLUS.sniff("FreeOTP+ tokens.xml", data)
    assert_exactly(PLUS.read(data), INTERNAL)  # chosen explicitly, it reads it all the same


def test_freeotp_tokens_xml_with_a_neutral_name_is_not_claimed(tmp_path: Path) -> None:
    assert not PLUS.sniff("tokens.xml", FREEOTP_XML.data(tmp_path))


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_sample_is_damaged(record: Record, keep: float, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    with pytest.raises(DamagedFile):
        PLUS.read(data[: int(len(data) * keep)])


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        assert not PLUS.sniff(path.name, path.read_bytes()), path


@pytest.mark.parametrize("data", [b'{"a": 1}', b"[]", b"", b"PK\x03\x04"])
def test_other_data_is_unknown(data: bytes) -> None:
    with pytest.raises(UnknownFormat):
        PLUS.read(data)


def test_tokens_that_are_not_a_list_are_damaged() -> None:
    with pytest.raises(DamagedFile):
        PLUS.read(b'{"tokenOrder": [], "tokens": {"a": 1}}')


def test_a_bad_token_is_skipped_and_the_rest_imported() -> None:
    export = (
        b'{"tokenOrder": [], "tokens": [7, {"type": "TOTP", "issuerExt": "A", "label": "a",'
        b' "secret": [1, 2, 3, 4, 5]}, {"type": "TOTP", "issuerExt": "B", "label": "b",'
        b' "digits": 12, "secret": [1, 2, 3, 4, 5]}]}'
    )
    result = PLUS.read(export)
    assert [(a.issuer, a.name) for a in result.accounts] == [("A", "a")]
    assert [s.label for s in result.skipped] == ["#1", "B: b"]
    assert all(s.reason.render() for s in result.skipped)


@FUZZ
@given(data=st.data())
def test_mutated_samples(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY)))
    check(PLUS, sample.name, data.draw(mutations(sample.data)), None)

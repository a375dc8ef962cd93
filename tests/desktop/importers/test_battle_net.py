"""The Battle.net authenticator from the app's shared_prefs (XOR-masked serial and secret)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, UnknownFormat, importer
from desktop.otp.secret import format_setup_key
from tests.desktop.importers.expect import Record, assert_exactly, other_files, records
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples
from tests.paths import INTEROP

KEY = "battle_net"
BATTLE_NET = importer(KEY)
RECORDS = records(KEY)
(SAMPLE,) = RECORDS


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert BATTLE_NET.sniff(record.name, data)
    assert not BATTLE_NET.is_encrypted(data)
    assert_exactly(BATTLE_NET.read(data), record)


def test_the_account_matches_the_extra_vector(tmp_path: Path) -> None:
    vector = (INTEROP / "imports" / "expected" / "extra_vectors.txt").read_text().strip()
    (account,) = BATTLE_NET.read(SAMPLE.data(tmp_path)).accounts
    assert f"secret={format_setup_key(account.secret)}&" in vector
    assert f"/Battle.net:{account.name}?" in vector


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_sample_is_damaged(keep: float, tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    with pytest.raises(DamagedFile):
        BATTLE_NET.read(data[: int(len(data) * keep)])


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        assert not BATTLE_NET.sniff(path.name, path.read_bytes()), path


def test_other_xml_is_unknown() -> None:
    with pytest.raises(UnknownFormat):
        BATTLE_NET.read(b"<?xml version='1.0'?><map><int name='a' value='1' /></map>")


def test_another_encryption_type_is_skipped_with_a_reason(tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path).replace(b">MASK<", b">KEYSTORE<")
    result = BATTLE_NET.read(data)
    assert result.accounts == []
    (skipped,) = result.skipped
    assert skipped.label == "US-2211-2050-3346"
    assert "cannot import this kind of account" in skipped.reason.render()


def test_a_secret_that_does_not_unmask_to_hex_is_skipped(tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path).replace(b"09ec1798", b"00000000")
    result = BATTLE_NET.read(data)
    assert result.accounts == []
    assert [s.label for s in result.skipped] == ["US-2211-2050-3346"]


@FUZZ
@given(data=st.data())
def test_mutated_samples(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY)))
    check(BATTLE_NET, sample.name, data.draw(mutations(sample.data)), None)

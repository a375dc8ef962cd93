"""Aegis vaults, andOTP and 2FAS files, Stratum backups and its database (plain and with a
password), mutated: only ImportProblem may escape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import importer
from tests.desktop.importers.fuzzing import FUZZ, FUZZ_SLOW, check_mutated, samples

FORMATS = ["aegis", "andotp", "2fas", "stratum"]
PLAIN = {key: samples(key, encrypted=False) for key in FORMATS}  # Stratum's: its database too
ENCRYPTED = {key: samples(key, encrypted=True) for key in FORMATS}


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ
@given(data=st.data())
def test_plain_files(format_key: str, data: st.DataObject) -> None:
    check_mutated(importer(format_key), PLAIN[format_key], data)


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ
@given(data=st.data())
def test_encrypted_files_without_a_password(format_key: str, data: st.DataObject) -> None:
    check_mutated(importer(format_key), ENCRYPTED[format_key], data)


@pytest.mark.parametrize("format_key", FORMATS)
@FUZZ_SLOW
@given(data=st.data())
def test_encrypted_files_with_the_password(format_key: str, data: st.DataObject) -> None:
    check_mutated(importer(format_key), ENCRYPTED[format_key], data, with_password=True)

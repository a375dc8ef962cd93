"""The interop corpus (tests/data/interop), every record of both manifests, none skipped.

Each sample file is copied to a private folder first (the corpus is read-only in CI, and an
SQLite database in WAL mode would otherwise get ``-wal``/``-shm`` files next to it). Then:

* it imports, with auto-detection and with its explicit format key, to exactly its
  ``expected_entries`` (type, issuer, name, secret, algorithm, digits, period or counter;
  order-insensitive), and to its ``expected_groups`` where the record has them;
* an encrypted sample asks for a password when none is given, and refuses a wrong one;
* a negative case is refused with an :class:`ImportProblem` whose text is a clear sentence.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.importers import (
    EXPLICIT_ONLY,
    ImportProblem,
    ImportResult,
    PasswordNeeded,
    WrongPassword,
    detect,
    read_file,
)
from tests.desktop.importers.expect import as_multiset, expected_view, view
from tests.paths import INTEROP

IMPORTS = json.loads((INTEROP / "imports" / "manifest.json").read_text("utf-8"))
MIGRATION = json.loads((INTEROP / "google-migration" / "manifest.json").read_text("utf-8"))
MIGRATION_KEY = "google_migration"
NEGATIVE = "negative case"
WRONG_PASSWORD = "not-the-password-\u00e9"


@dataclass(frozen=True)
class Case:
    file: str
    format_key: str
    password: str | None
    encrypted: bool
    expected: list[dict[str, Any]] | None
    """``None`` for a negative case."""
    record: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.format_key}:{Path(self.file).name}"


def _cases() -> list[Case]:
    cases = [
        Case(
            file=sample["file"],
            format_key=sample["format"],
            password=sample["password"],
            encrypted=bool(sample["encrypted"]),
            expected=sample["expected_entries"],
            record=sample,
        )
        for sample in IMPORTS["samples"]
    ]
    for sample in MIGRATION["samples"]:
        entries = [_migration_view(e) for e in sample["expected_entries"]]
        cases.append(
            Case(
                file=sample["file"],
                format_key=MIGRATION_KEY,
                password=None,
                encrypted=False,
                expected=None if sample["kind"] == NEGATIVE else entries,
                record=sample,
            )
        )
    return cases


def _migration_view(entry: dict[str, Any]) -> dict[str, Any]:
    """The google-migration manifest keeps names as stored; Tweestap drops a leading
    ``Issuer:`` (its ``account``/``issuer_effective`` fields, where present)."""
    view = dict(entry)
    if "account" in entry:
        view["name"] = entry["account"]
        view["issuer"] = entry["issuer_effective"]
    return view


CASES = _cases()
POSITIVE = [c for c in CASES if c.expected is not None]
NEGATIVES = [c for c in CASES if c.expected is None]
ENCRYPTED = [c for c in CASES if c.encrypted]


def _by_file() -> dict[str, list[Case]]:
    found: dict[str, list[Case]] = {}
    for case in POSITIVE:
        found.setdefault(case.file, []).append(case)
    return found


BY_FILE = _by_file()


def test_every_record_of_both_manifests_is_a_case() -> None:
    assert len(CASES) == len(IMPORTS["samples"]) + len(MIGRATION["samples"])
    assert len(CASES) == len(POSITIVE) + len(NEGATIVES)
    assert NEGATIVES, "the google-migration manifest has negative cases"


def copied(case: Case, folder: Path) -> Path:
    target = folder / Path(case.file).name
    shutil.copyfile(INTEROP / case.file, target)
    target.chmod(0o600)
    return target


def assert_imports_exactly(result: ImportResult, case: Case) -> None:
    assert case.expected is not None
    assert result.skipped == [], [(s.label, s.reason.render()) for s in result.skipped]
    got = as_multiset([view(a) for a in result.accounts])
    want = as_multiset([expected_view(e) for e in case.expected])
    assert got == want
    if "expected_groups" in case.record:
        assert groups_by_login(result) == {
            name: sorted(map(tuple, members))
            for name, members in case.record["expected_groups"].items()
        }


def groups_by_login(result: ImportResult) -> dict[str, list[tuple[str, str]]]:
    by_id = {account.id: account for account in result.accounts}
    return {
        name: sorted((by_id[i].issuer, by_id[i].name) for i in ids)
        for name, ids in result.groups.items()
    }


def assert_clear_sentence(problem: ImportProblem) -> None:
    text = problem.render()
    assert text == str(problem)
    assert text[:1].isupper(), text
    assert text.rstrip().endswith((".", "?")), text
    assert "{" not in text and "}" not in text, text
    assert len(text.split()) >= 6, text
    assert "tweestap-import-" not in text and "Traceback" not in text, text


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.id)
def test_imports_exactly_with_its_format_key(case: Case, tmp_path: Path) -> None:
    result = read_file(copied(case, tmp_path), format_key=case.format_key, password=case.password)
    assert result.format_key == case.format_key
    assert_imports_exactly(result, case)


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.id)
def test_imports_exactly_with_auto_detection(case: Case, tmp_path: Path) -> None:
    path = copied(case, tmp_path)
    # A format that is only ever chosen by name (WinAuth reads the same file as the plain
    # URI list) is detected as the other record of the same file, and imports to that.
    detected_as = case
    if case.format_key in EXPLICIT_ONLY:
        (detected_as,) = [c for c in BY_FILE[case.file] if c.format_key not in EXPLICIT_ONLY]
    assert detect(path.name, path.read_bytes()).key == detected_as.format_key
    result = read_file(path, password=case.password)
    assert result.format_key == detected_as.format_key
    assert_imports_exactly(result, detected_as)


@pytest.mark.parametrize("case", ENCRYPTED, ids=lambda c: c.id)
def test_encrypted_sample_asks_for_a_password_and_refuses_a_wrong_one(
    case: Case, tmp_path: Path
) -> None:
    path = copied(case, tmp_path)
    with pytest.raises(PasswordNeeded) as needed:
        read_file(path, format_key=case.format_key)
    assert_clear_sentence(needed.value)
    with pytest.raises(PasswordNeeded):
        read_file(path)
    with pytest.raises(WrongPassword) as wrong:
        read_file(path, format_key=case.format_key, password=WRONG_PASSWORD)
    assert_clear_sentence(wrong.value)


@pytest.mark.parametrize("case", NEGATIVES, ids=lambda c: c.id)
@pytest.mark.parametrize("format_key", ["auto", MIGRATION_KEY])
def test_negative_case_is_refused_with_a_clear_sentence(
    case: Case, format_key: str, tmp_path: Path
) -> None:
    with pytest.raises(ImportProblem) as refused:
        read_file(copied(case, tmp_path), format_key=format_key)
    assert_clear_sentence(refused.value)


def test_samples_are_left_untouched(tmp_path: Path) -> None:
    """Reading works on private copies: nothing appears next to the corpus files."""
    before = sorted(p.name for p in (INTEROP / "imports" / "stratum").iterdir())
    case = next(c for c in POSITIVE if c.file.endswith("stratum_internal.db"))
    read_file(copied(case, tmp_path), format_key=case.format_key)
    assert sorted(p.name for p in (INTEROP / "imports" / "stratum").iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]

"""The corpus records of one format, read from private copies, compared exactly.

Used by the per-format tests (``test_<format>.py``); the corpus-wide harness is
``test_corpus.py``. Files are copied to the test's own folder before they are read: the
corpus is read-only in CI.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.importers import ImportResult
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import format_setup_key
from tests.paths import INTEROP

MANIFEST: dict[str, Any] = json.loads((INTEROP / "imports" / "manifest.json").read_text("utf-8"))
WRONG_PASSWORD = "not-the-password"


@dataclass(frozen=True)
class Record:
    """One manifest record: a sample file, its password and the accounts it must give."""

    format_key: str
    file: str
    password: str | None
    encrypted: bool
    expected: list[dict[str, Any]]

    @property
    def name(self) -> str:
        return Path(self.file).name

    def copy(self, folder: Path) -> Path:
        target = folder / self.name
        shutil.copyfile(INTEROP / self.file, target)
        target.chmod(0o600)
        return target

    def data(self, folder: Path) -> bytes:
        return self.copy(folder).read_bytes()


def records(format_key: str) -> list[Record]:
    found = [
        Record(
            format_key=sample["format"],
            file=sample["file"],
            password=sample["password"],
            encrypted=bool(sample["encrypted"]),
            expected=sample["expected_entries"],
        )
        for sample in MANIFEST["samples"]
        if sample["format"] == format_key
    ]
    assert found, format_key
    return found


def other_files(format_key: str) -> list[Path]:
    """Every file of the corpus that holds no record of ``format_key`` (the google-migration
    files and the format documents included)."""
    own = {sample["file"] for sample in MANIFEST["samples"] if sample["format"] == format_key}
    return sorted(
        path
        for path in INTEROP.rglob("*")
        if path.is_file() and str(path.relative_to(INTEROP)) not in own
    )


def view(account: Account) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "type": account.type.value,
        "issuer": account.issuer,
        "name": account.name,
        "secret": format_setup_key(account.secret),
        "algorithm": account.algorithm.value,
        "digits": account.digits,
    }
    if account.type is OtpType.HOTP:
        shown["counter"] = account.counter
    else:
        shown["period"] = account.period
    return shown


def expected_view(entry: dict[str, Any]) -> dict[str, Any]:
    keys = ["type", "issuer", "name", "secret", "algorithm", "digits"]
    keys.append("counter" if entry["type"] == "hotp" else "period")
    return {key: entry[key] for key in keys}


def as_multiset(entries: list[dict[str, Any]]) -> Counter[str]:
    return Counter(json.dumps(entry, sort_keys=True, ensure_ascii=False) for entry in entries)


def assert_exactly(result: ImportResult, record: Record) -> None:
    """Exactly the record's accounts (order aside), nothing skipped, the right format."""
    assert result.format_key == record.format_key
    assert [(s.label, s.reason.render()) for s in result.skipped] == []
    assert as_multiset([view(a) for a in result.accounts]) == as_multiset(
        [expected_view(e) for e in record.expected]
    )

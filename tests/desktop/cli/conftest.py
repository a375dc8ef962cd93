from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.clock import FixedClock

# RFC 6238 Appendix B: the SHA1 seed "12345678901234567890" in base32.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
RFC_URI = f"otpauth://totp/Zilliz:anna@zorg.nl?secret={RFC_SECRET}&issuer=Zilliz&digits=8"

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def qt_application(qapp: object) -> object:
    """The CLI makes a QCoreApplication when there is none; in one pytest process the GUI
    tests need a QApplication, so one exists before any command runs."""
    return qapp


@pytest.fixture
def password_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWEESTAP_PASSWORD", "correct horse battery staple")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], password_mode: None) -> Cli:
    def run(*argv: str, at: float = 59.0) -> tuple[int, str, str]:
        code = main(list(argv), clock=FixedClock(at))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def vault_file(isolated_environment: Path) -> Path:
    return isolated_environment / "vault.tweestap"


def listed(cli: Cli) -> list[dict[str, object]]:
    code, out, _ = cli("list", "--json")
    assert code == 0
    result: list[dict[str, object]] = json.loads(out)
    return result


@pytest.fixture
def stored(cli: Cli, vault_file: Path) -> bytes:
    """One account in the vault; the vault's bytes."""
    assert cli("add", RFC_URI)[0] == 0
    return vault_file.read_bytes()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path

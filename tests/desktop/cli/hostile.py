"""What the tests of the command line against hostile input share: a link, the Aegis
examples, and what a refusal must look like."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from typing import IO

from tests.paths import INTEROP

KEY = "JBSWY3DPEHPK3PXP"
LINK = f"otpauth://totp/Bank:piet?secret={KEY}"
AEGIS_PLAIN = INTEROP / "imports" / "aegis" / "aegis_plain.json"
AEGIS_ENCRYPTED = INTEROP / "imports" / "aegis" / "aegis_encrypted.json"


def printable(text: str) -> bool:
    """Only what a terminal shows as text: no control character but the line ends."""
    return all(char.isprintable() or char == "\n" for char in text)


def assert_refused(code: int, out: str, err: str, expected: int) -> None:
    assert code == expected, err
    assert out == ""
    assert err.endswith("\n") and err.strip()
    assert "Traceback" not in err
    assert printable(err)


def run_process(
    *argv: str | bytes,
    env: Mapping[str, str | bytes] | None = None,
    stdout: IO[str] | int = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    environment: dict[str, str | bytes] = {**os.environ, "TWEESTAP_LANG": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        env=environment,
        timeout=120,
        check=False,
    )

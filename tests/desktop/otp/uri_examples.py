"""Examples the otpauth:// link tests share: the interop corpus's vectors, a key, and how a
refusal reads."""

from __future__ import annotations

import pytest

from desktop.errors import UserError
from desktop.otp.model import Account
from desktop.otp.uri import parse_uri
from tests.paths import INTEROP as INTEROP_ROOT

INTEROP = INTEROP_ROOT / "imports"
VECTOR_LINES = [
    line
    for name in ("otpauth_uri/plain.txt", "expected/extra_vectors.txt")
    for line in (INTEROP / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]
ENTE_LINES = (INTEROP / "ente_auth/ente_auth.txt").read_text(encoding="utf-8").split()

KEY = "JBSWY3DPEHPK3PXP"
HELLO = b"Hello!\xde\xad\xbe\xef"


def same_account(a: Account, b: Account) -> bool:
    """Equal in everything but the id (each parse makes a new one)."""
    return a == b.replace(id=a.id)


def refusal(text: str, kind: type[UserError] = UserError) -> str:
    with pytest.raises(kind) as caught:
        parse_uri(text)
    return caught.value.render()

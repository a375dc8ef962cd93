"""Password hashes (``server_stub/security/passwords.py``): argon2id, the production cost."""

from __future__ import annotations

from server_stub.security.passwords import Passwords, make_hasher
from server_stub.settings import Argon2Params


def test_password_hashes_are_argon2id() -> None:
    passwords = Passwords(make_hasher(Argon2Params.for_tests()))
    stored = passwords.hash("geheim wachtwoord")
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, "geheim wachtwoord")
    assert not passwords.verify(stored, "fout")
    assert not passwords.verify(None, "geheim wachtwoord")
    assert not passwords.verify("not a hash", "x")
    assert Argon2Params() == Argon2Params(time_cost=3, memory_cost=65536, parallelism=4)

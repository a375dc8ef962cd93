"""Password hashing with argon2id, timed alike for unknown users.

:meth:`Passwords.verify` always runs one argon2 verification: against the stored hash, or,
when there is none (unknown user, account waiting for activation), against a dummy hash made
with the same parameters, so the answer takes as long either way.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server_stub.settings import Argon2Params


def make_hasher(params: Argon2Params) -> PasswordHasher:
    return PasswordHasher(
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        type=Type.ID,
    )


class Passwords:
    def __init__(self, hasher: PasswordHasher) -> None:
        self.hasher = hasher
        self._dummy = hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        """True only when ``stored`` exists and matches; one argon2 run in every case."""
        matched: bool
        try:
            matched = self.hasher.verify(stored if stored is not None else self._dummy, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            matched = False
        return matched and stored is not None

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True

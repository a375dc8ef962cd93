"""A home with an organisation in it, made straight through the service layer before a real
``tweestap-server`` process serves it: users (cheap argon2 hashes, which the server upgrades at
their first login), paired secrets the test knows, sessions waiting at the code step."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyotp
from prometheus_client.parser import text_string_to_metric_families

from server_stub.schemas.users import UserCreate
from server_stub.security import totp
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.users import find_user
from server_stub.settings import Argon2Params, Settings
from tests.helpers.server_fakes import CountingHasher
from tests.server.harness import PASSWORD


@dataclass
class Org:
    home: Path
    db_url: str | None = None
    secrets: dict[str, str] = field(default_factory=dict)  # paired users: base32 secrets
    used: dict[str, int] = field(default_factory=dict)  # the last time step each one used

    def settings(self) -> Settings:
        return Settings.from_env(
            {}, home=self.home, db_url=self.db_url, argon2=Argon2Params.for_tests()
        )

    @contextmanager
    def services(self) -> Iterator[Services]:
        services = Services.build(self.settings(), hasher=CountingHasher())
        try:
            yield services
        finally:
            services.close()

    def add(self, *names: str, paired: bool = True, **fields: Any) -> None:
        with self.services() as services:
            for name in names:
                services.users.create(
                    UserCreate(name=name, password=PASSWORD, **fields).to_domain(), Actor("test")
                )
                if paired:
                    secret = totp.new_secret()
                    with services.ctx.db.write() as db:
                        services.enrollment.activate(db, find_user(db, name), secret)
                    self.secrets[name] = totp.to_base32(secret)

    def session(self, services: Services, name: str) -> str:
        """A session of ``name`` waiting at the code step (no password hashed)."""
        with services.ctx.db.write() as db:
            user = find_user(db, name)
            return services.sessions.create(db, user_id=user.id, state="totp", ip="127.0.0.1")

    def next_code(self, name: str) -> str | None:
        """A code ``name`` has not used yet (now's, else the next step's), or None."""
        now = int(time.time()) // 30
        for step in (now, now + 1):
            if step > self.used.get(name, -1):
                self.used[name] = step
                return pyotp.TOTP(self.secrets[name]).at(step * 30)
        return None


def verify(url: str, token: str, code: str) -> httpx.Response:
    return httpx.post(
        f"{url}/api/session/verify",
        json={"code": code},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text exposition: (name, sorted labels) → value."""
    answer = httpx.get(url, timeout=10)
    assert answer.status_code == 200, answer.text
    samples = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples

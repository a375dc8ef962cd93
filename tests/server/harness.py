"""A real server on a loopback port, a fresh SQLite file, a clock the test moves by hand."""

from __future__ import annotations

import email
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any, Protocol

import httpx
import pyotp

from server_stub.app import create_app
from server_stub.clock import ManualClock
from server_stub.domain.users import UserAccount
from server_stub.models import PolicyRow
from server_stub.runner import BackgroundServer
from server_stub.schemas.policy import PolicyUpdate
from server_stub.schemas.users import UserCreate
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.errors import NotFound
from server_stub.services.policy import POLICY_ID, apply_policy
from server_stub.settings import Argon2Params, Settings
from tests.helpers.server_fakes import CountingHasher, ManualPurgeTimer

# A Monday morning well after the e-mail cut-off, at the start of a 30-second step.
START = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"
ADMIN = "beheerder"


@dataclass
class Login:
    """One login session as the client sees it."""

    token: str
    next: str
    device_token: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Harness:
    home: Path
    settings: Settings
    clock: ManualClock
    hasher: CountingHasher
    services: Services
    server: BackgroundServer
    client: httpx.Client
    secrets: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def db_path(self) -> Path:
        return self.home / "server.db"

    # -- users -----------------------------------------------------------------------------

    def add_user(self, name: str, password: str | None = PASSWORD, **fields: Any) -> None:
        self.services.users.create(
            UserCreate(name=name, password=password, **fields).to_domain(), Actor("test")
        )

    def add_admin(self, name: str = ADMIN, modules: tuple[str, ...] = ("p&o",)) -> None:
        self.add_user(name, admin=True, modules=list(modules), email=f"{name}@example.org")

    # -- the login flow -----------------------------------------------------------------------

    def login_response(
        self, name: str, password: str = PASSWORD, device_token: str | None = None, **kw: Any
    ) -> httpx.Response:
        body: dict[str, Any] = {"username": name, "password": password}
        if device_token is not None:
            body["device_token"] = device_token
        return self.client.post("/api/session", json=body, **kw)

    def login(self, name: str, password: str = PASSWORD, device_token: str | None = None) -> Login:
        response = self.login_response(name, password, device_token)
        assert response.status_code == 200, response.text
        data = response.json()
        return Login(token=data["token"], next=data["next"])

    def enrollment(self, login: Login) -> dict[str, str]:
        response = self.client.get("/api/session/enrollment", headers=login.headers)
        assert response.status_code == 200, response.text
        data: dict[str, str] = response.json()
        return data

    def verify(self, login: Login, code: str) -> httpx.Response:
        response = self.client.post(
            "/api/session/verify", headers=login.headers, json={"code": code}
        )
        if response.status_code == 200:
            login.device_token = response.json()["device_token"]
            login.next = "done"
        return response

    def code(self, name: str, steps: int = 0) -> str:
        """The code of ``name``'s paired secret, ``steps`` time steps from the clock."""
        return pyotp.TOTP(self.secrets[name]).at(self.clock.now().timestamp() + 30 * steps)

    def enroll(self, name: str) -> Login:
        """Log in, pair the app and return the completed session; then let a step pass."""
        login = self.login(name)
        assert login.next == "enroll", login
        secret = self.enrollment(login)["secret"]
        self.secrets[name] = secret
        response = self.verify(login, pyotp.TOTP(secret).at(self.clock.now()))
        assert response.status_code == 200, response.text
        self.clock.advance(30)
        return login

    def full_login(self, name: str) -> Login:
        """Password + current code for a paired user; then let a step pass."""
        login = self.login(name)
        assert login.next == "totp", login
        response = self.verify(login, self.code(name))
        assert response.status_code == 200, response.text
        self.clock.advance(30)
        return login

    def admin(self, name: str = ADMIN) -> Login:
        """A completed session of a P&O administrator (created and paired on first use)."""
        if name not in self.secrets:
            if self.existing_user(name) is None:
                self.add_admin(name)
            return self.enroll(name)
        return self.full_login(name)

    def store_policy(self, **changes: Any) -> None:
        """Write the policy straight into the database, as an organisation saved it earlier:
        with a cut-off date still to come, say, which no save may set once it has passed."""
        with self.services.ctx.db.write() as db:
            row = db.get(PolicyRow, POLICY_ID)
            assert row is not None
            policy = asdict(self.services.policy.load(db))
            policy.update(changes)
            apply_policy(row, PolicyUpdate.model_validate(policy).to_domain())

    def existing_user(self, name: str) -> UserAccount | None:
        try:
            return self.services.users.get(name)
        except NotFound:
            return None

    # -- the outbox --------------------------------------------------------------------------

    def outbox(self) -> list[EmailMessage]:
        folder = self.settings.outbox_dir
        if not folder.exists():
            return []
        messages = []
        for path in sorted(folder.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
            assert isinstance(message, EmailMessage)
            messages.append(message)
        return messages

    def last_mail_text(self) -> str:
        message = self.outbox()[-1]
        body = message.get_body(("plain",))
        assert body is not None
        text = body.get_content()
        assert isinstance(text, str)
        return text


class Databases(Protocol):
    """Where harnesses keep their data: the ``databases`` fixture (tests/server/conftest.py),
    overridden by tests/server/postgres/ to run the same tests on PostgreSQL."""

    def new(self) -> str | None:
        """A fresh, empty database's URL (None: SQLite in the harness's home)."""
        ...

    def drop(self, url: str | None) -> None:
        """Remove a database :meth:`new` made, once its server is stopped."""
        ...


class SqliteInHome:
    """The default: every harness has a fresh SQLite file in its own home."""

    def new(self) -> str | None:
        return None

    def drop(self, url: str | None) -> None:
        pass


def start_harness(
    home: Path,
    db_url: str | None = None,
    *,
    lifespan: bool = False,
    hasher: CountingHasher | None = None,
    purge_timer: ManualPurgeTimer | None = None,
    **overrides: Any,
) -> Harness:
    """``lifespan``: run the app's housekeeping (the purge at start, then whenever
    ``purge_timer`` fires)."""
    settings = Settings.from_env(
        {}, home=home, db_url=db_url, argon2=Argon2Params.for_tests(), **overrides
    )
    clock = ManualClock(START)
    hasher = hasher or CountingHasher()
    services = Services.build(settings, clock=clock, hasher=hasher)
    server = BackgroundServer(create_app(services, purge_timer=purge_timer), lifespan=lifespan)
    server.start()
    client = httpx.Client(base_url=server.url, timeout=30)
    return Harness(home, settings, clock, hasher, services, server, client)


def stop_harness(harness: Harness) -> None:
    harness.client.close()
    harness.server.stop()
    harness.services.close()

"""``tweestap-server demo``: a seeded demo organisation, served from a temporary folder.

Two administrators with P&O, employees in every enrollment state (paired, half-paired,
never logged in), a blocked employee, an administrator without P&O, and extranet users
(e-mail codes, written to the outbox). Every account has the same password.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from server_stub.domain.policy import GroupPolicy, Policy
from server_stub.domain.users import Kind
from server_stub.schemas.users import UserCreate
from server_stub.security import totp
from server_stub.services import Services
from server_stub.services.context import Actor
from server_stub.services.users import find_user
from server_stub.settings import Settings

DEMO_PASSWORD = "welkom-demo"  # noqa: S105 - printed for the tester on purpose
ACTOR = Actor("demo")


@dataclass(frozen=True)
class DemoAccount:
    name: str
    role: str
    kind: Kind = "employee"
    state: str = "active"  # active | pending | not_enrolled
    admin: bool = False
    modules: tuple[str, ...] = ()
    email: str | None = None
    blocked: bool = False
    method_choice: str | None = None


ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("anna.admin", "administrator, module P&O", admin=True, modules=("p&o",)),
    DemoAccount(
        "bram.beheer", "administrator, alle modules", admin=True, modules=("alle modules",)
    ),
    DemoAccount("carla.zorg", "employee (zorg)", modules=("zorg",)),
    DemoAccount("daan.nieuw", "employee, never logged in", state="not_enrolled"),
    DemoAccount("eva.half", "employee, pairing not completed", state="pending"),
    DemoAccount("frank.geblokkeerd", "employee, blocked", blocked=True),
    DemoAccount(
        "gert.support",
        "administrator without P&O (gets 403)",
        admin=True,
        modules=("administratie",),
    ),
    DemoAccount(
        "ext.jansen",
        "extranet user, e-mail codes",
        kind="extranet",
        state="not_enrolled",
        email="ext.jansen@demo.invalid",
    ),
    DemoAccount(
        "ext.devries",
        "extranet user who chose the app",
        kind="extranet",
        state="not_enrolled",
        method_choice="app",
        email="ext.devries@demo.invalid",
    ),
)


@dataclass
class DemoLogin:
    account: DemoAccount
    secret: str | None = None
    otpauth_uri: str | None = None
    extra: list[str] = field(default_factory=list)


def seed_demo(services: Services, accounts: Sequence[DemoAccount] = ACCOUNTS) -> list[DemoLogin]:
    services.policy.update(
        Policy(
            employees=GroupPolicy(enabled=True, method="app", user_adjustable=False),
            extranet=GroupPolicy(enabled=True, method="email", user_adjustable=True),
            authenticator_validity_hours=5,
            mail_validity_days=0,
            email_cutoff=services.policy.get().email_cutoff,
        ),
        ACTOR,
    )
    logins = []
    for account in accounts:
        services.users.create(
            UserCreate(
                name=account.name,
                password=DEMO_PASSWORD,
                email=account.email or f"{account.name}@demo.invalid",
                kind=account.kind,
                admin=account.admin,
                modules=list(account.modules),
            ).to_domain(),
            ACTOR,
        )
        login = DemoLogin(account)
        if account.method_choice:
            services.users.choose_method(account.name, account.method_choice, ACTOR)
        with services.ctx.db.write() as db:
            user = find_user(db, account.name)
            if account.state == "active":
                secret = totp.new_secret()
                services.enrollment.activate(db, user, secret)
                login.secret = totp.to_base32(secret)
                login.otpauth_uri = totp.otpauth_uri(
                    secret, account=account.name, issuer=services.settings.issuer
                )
            elif account.state == "pending":
                services.enrollment.issue_pending(db, user)
        if account.blocked:
            services.admin.block(account.name, ACTOR)
        logins.append(login)
    return logins


def print_logins(logins: Sequence[DemoLogin], out: TextIO) -> None:
    out.write(f"Every demo account's password: {DEMO_PASSWORD}\n\n")
    for login in logins:
        account = login.account
        out.write(f"{account.name:<18} {account.kind:<9} {account.state:<13} {account.role}\n")
        if login.secret:
            out.write(f"    setup key: {login.secret}\n    {login.otpauth_uri}\n")
    out.write("\n")


def demo_settings(home: Path) -> Settings:
    return Settings.from_env(
        {},
        home=home,
        db_url=f"sqlite:///{home / 'server.db'}",
    )


def run_demo(host: str, port: int, out: TextIO, home: Path | None = None) -> None:
    from server_stub.app import create_app
    from server_stub.runner import serve

    with tempfile.TemporaryDirectory(prefix="tweestap-demo-") as scratch:
        folder = home or Path(scratch)
        settings = demo_settings(folder)
        services = Services.build(settings)
        try:
            logins = seed_demo(services)
            out.write(f"Tweestap demo organisation at http://{host}:{port}\n")
            out.write(f"Data: {folder}    Outbox (e-mail codes): {settings.outbox_dir}\n\n")
            print_logins(logins, out)
            out.flush()
            serve(create_app(services), host, port)
        finally:
            services.close()

"""All services wired together; built once per server (or per test)."""

from __future__ import annotations

from argon2 import PasswordHasher

from server_stub import migrations
from server_stub.clock import Clock, SystemClock
from server_stub.crypto import SecretBox
from server_stub.db import Database
from server_stub.domain.policy import default_policy
from server_stub.files import ensure_private_dir
from server_stub.mail import Mailer, mailer_from_settings
from server_stub.models import PolicyRow
from server_stub.security.passwords import Passwords, make_hasher
from server_stub.services.activation import ActivationService
from server_stub.services.admin import AdminService
from server_stub.services.audit import AuditService
from server_stub.services.auth import AuthService
from server_stub.services.context import ServiceContext
from server_stub.services.devices import DeviceService
from server_stub.services.email_codes import EmailCodeService
from server_stub.services.enrollment import EnrollmentService
from server_stub.services.password_throttle import PasswordThrottle
from server_stub.services.policy import POLICY_ID, PolicyService, apply_policy
from server_stub.services.purge import PurgeService
from server_stub.services.sessions import SessionStore
from server_stub.services.users import UserService
from server_stub.services.verification import VerificationService
from server_stub.settings import Settings


def _open_storage(settings: Settings) -> Database:
    ensure_private_dir(settings.home)
    migrations.upgrade(settings.db_url)  # under a lock: other processes may start too
    db = Database(settings.db_url, settings.db_busy_timeout.total_seconds())
    seed = PolicyRow(id=POLICY_ID)
    apply_policy(seed, default_policy())
    db.insert_missing(
        PolicyRow, **{c.key: getattr(seed, c.key) for c in PolicyRow.__table__.columns}
    )
    return db


class Services:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.audit = AuditService(ctx)
        self.policy = PolicyService(ctx, self.audit)
        self.sessions = SessionStore(ctx)
        self.devices = DeviceService(ctx)
        self.enrollment = EnrollmentService(ctx, self.sessions)
        self.email_codes = EmailCodeService(ctx, self.sessions, self.audit)
        self.verification = VerificationService(
            ctx,
            sessions=self.sessions,
            enrollment=self.enrollment,
            email_codes=self.email_codes,
            devices=self.devices,
            policy=self.policy,
            audit=self.audit,
        )
        self.password_throttle = PasswordThrottle(ctx)
        self.auth = AuthService(
            ctx,
            sessions=self.sessions,
            enrollment=self.enrollment,
            devices=self.devices,
            policy=self.policy,
            throttle=self.password_throttle,
            audit=self.audit,
        )
        self.users = UserService(ctx, self.devices, self.policy, self.audit)
        self.activation = ActivationService(
            ctx, sessions=self.sessions, devices=self.devices, audit=self.audit
        )
        self.admin = AdminService(
            ctx,
            users=self.users,
            sessions=self.sessions,
            devices=self.devices,
            enrollment=self.enrollment,
            activation=self.activation,
            throttle=self.password_throttle,
            audit=self.audit,
        )
        self.purge = PurgeService(ctx, self.policy, self.password_throttle, self.audit)

    @property
    def settings(self) -> Settings:
        return self.ctx.settings

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    @classmethod
    def build(
        cls,
        settings: Settings,
        *,
        clock: Clock | None = None,
        hasher: PasswordHasher | None = None,
        mailer: Mailer | None = None,
    ) -> Services:
        """Open the database (created, or brought to the newest schema, by its migrations), the
        key file (created on first run) and the default policy (stored once)."""
        db = _open_storage(settings)
        ctx = ServiceContext(
            settings=settings,
            db=db,
            clock=clock or SystemClock(),
            box=SecretBox.load_or_create(settings.key_file),
            passwords=Passwords(hasher or make_hasher(settings.argon2), settings.hash_limits),
            mailer=mailer or mailer_from_settings(settings),
        )
        return cls(ctx)

    @staticmethod
    def prepare(settings: Settings) -> None:
        """What :meth:`build` does to the data folder, the database and the key file, without
        building anything: ``serve --workers N`` does it once before its workers start."""
        _open_storage(settings).dispose()
        SecretBox.load_or_create(settings.key_file)

    def close(self) -> None:
        self.ctx.passwords.close()
        self.ctx.db.dispose()

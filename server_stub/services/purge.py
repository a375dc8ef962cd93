"""Deleting rows that can no longer be used, with the clock passed in.

What goes, and when:

* pending enrollment secrets once past ``expires_at`` (a login after that issues a new one);
* login sessions once past ``expires_at`` (a session at a code step 15 minutes after the
  password, a completed one 8 hours after its code; logging out deletes at once anyway);
* e-mail codes once used (or retired by a newer one) or expired, **and** older than the hour
  the resend limit looks back over (``email_codes_per_hour``): deleting them earlier would let
  a user send more codes per hour than allowed;
* trusted devices once past ``verified_at + N``, N from the policy at that moment (the same
  rule as the login's check: a device the login would no longer trust);
* activation links once used (or replaced by a newer one) or expired;
* counts of wrong passwords a day after their last failure (they are forgotten then anyway);
* audit entries older than the audit log's retention (365 days unless an administrator set
  30 to 3650), a batch of :data:`AUDIT_BATCH` per transaction so that a large first purge
  never holds the database's write lock for long.

The server runs :meth:`PurgeService.purge` at start and every
``Settings.purge_interval`` (:mod:`server_stub.maintenance`), never in a request. Every
server process (``serve --workers N``, several machines on one database) runs it on its own
timer, so each transaction first claims the purge (:meth:`Database.claim`): on PostgreSQL a
process that finds another one purging skips this round instead of waiting on the rows that
one is deleting (and failing on the lock timeout); SQLite's writers take turns anyway.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Delete, and_, delete, or_, select
from sqlalchemy.orm import Session

from server_stub.models import (
    ActivationToken,
    AuditEntry,
    EmailCode,
    LoginSession,
    PendingEnrollment,
    TrustedDevice,
)
from server_stub.services.audit import AuditService
from server_stub.services.context import ServiceContext
from server_stub.services.devices import validity
from server_stub.services.email_codes import HOUR
from server_stub.services.password_throttle import PasswordThrottle
from server_stub.services.policy import PolicyService

log = logging.getLogger(__name__)
AUDIT_BATCH = 5000
CLAIM = "tweestap-purge"


@dataclass(frozen=True)
class Purged:
    """How many rows of each kind one purge deleted."""

    pending_enrollments: int = 0
    sessions: int = 0
    email_codes: int = 0
    trusted_devices: int = 0
    activation_tokens: int = 0
    password_failures: int = 0
    audit_entries: int = 0

    @property
    def total(self) -> int:
        return sum(asdict(self).values())


def _delete(db: Session, statement: Delete) -> int:
    result: Any = db.execute(statement.execution_options(synchronize_session=False))
    return int(result.rowcount or 0)


class PurgeService:
    def __init__(
        self,
        ctx: ServiceContext,
        policy: PolicyService,
        throttle: PasswordThrottle,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.policy = policy
        self.throttle = throttle
        self.audit = audit

    def purge(self, now: datetime) -> Purged:
        """Delete every row that is dead at ``now``, in one short write transaction."""
        with self.ctx.db.write() as db:
            if not self.ctx.db.claim(db, CLAIM):
                log.info("another server process is purging; skipped this time")
                return Purged()
            policy = self.policy.load(db)
            app_until = now - validity(policy, "app")
            mail_until = now - validity(policy, "email")
            purged = Purged(
                pending_enrollments=_delete(
                    db, delete(PendingEnrollment).where(PendingEnrollment.expires_at <= now)
                ),
                sessions=_delete(db, delete(LoginSession).where(LoginSession.expires_at <= now)),
                email_codes=_delete(
                    db,
                    delete(EmailCode).where(
                        or_(EmailCode.used_at.is_not(None), EmailCode.expires_at <= now),
                        EmailCode.created_at <= now - HOUR,
                    ),
                ),
                trusted_devices=_delete(
                    db,
                    delete(TrustedDevice).where(
                        or_(
                            and_(
                                TrustedDevice.method == "email",
                                TrustedDevice.verified_at <= mail_until,
                            ),
                            and_(
                                TrustedDevice.method != "email",
                                TrustedDevice.verified_at <= app_until,
                            ),
                        )
                    ),
                ),
                password_failures=self.throttle.purge(db, now),
                activation_tokens=_delete(
                    db,
                    delete(ActivationToken).where(
                        or_(ActivationToken.used_at.is_not(None), ActivationToken.expires_at <= now)
                    ),
                ),
            )
        purged = replace(purged, audit_entries=self._purge_audit(now))
        if purged.total:
            log.info("purged expired rows: %s", asdict(purged))
        return purged

    def _purge_audit(self, now: datetime) -> int:
        """Audit entries past the retention, :data:`AUDIT_BATCH` per write transaction."""
        total = 0
        while True:
            with self.ctx.db.write() as db:
                if not self.ctx.db.claim(db, CLAIM):
                    return total
                until = now - timedelta(days=self.audit.retention_days(db))
                oldest = (
                    select(AuditEntry.id)
                    .where(AuditEntry.at < until)
                    .order_by(AuditEntry.id)
                    .limit(AUDIT_BATCH)
                )
                deleted = _delete(db, delete(AuditEntry).where(AuditEntry.id.in_(oldest)))
            total += deleted
            if deleted < AUDIT_BATCH:
                return total

"""The password throttle: wrong passwords counted per account name and per client address.

Each count follows the code throttle's rule (:func:`server_stub.security.throttle.delay_after`):
``free_failures`` wrong passwords cost nothing, every further one makes the next attempt wait
an exponentially growing delay. Account names are counted whether or not an account has the
name (the answers must be the same), in any letters' case; IPv6 clients by their /64 (one
client easily has a whole /64). A count is forgotten a day after its last wrong password.

An attempt is counted *before* its password is hashed (:meth:`PasswordThrottle.reserve`, under
the database's lock, while the caller holds a hash slot) and given back when the password was
right (:meth:`PasswordThrottle.succeeded`): so parallel attempts cannot all slip through before
the first failures are written, and a throttled attempt costs no argon2 run at all. A right
password resets its name's count; the address keeps its other failures.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from server_stub.models import PasswordFailures
from server_stub.security.ipallow import client_address
from server_stub.security.throttle import delay_after
from server_stub.services.context import ServiceContext
from server_stub.services.errors import Throttled
from server_stub.settings import ThrottleParams

CODE = "too_many_attempts"


@dataclass(frozen=True)
class Counter:
    key: str
    params: ThrottleParams


def address_key(ip: str | None) -> str:
    """What the throttle counts an address as: IPv4 as it is, IPv6 by its /64."""
    address = client_address(ip)
    if address is None:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class PasswordThrottle:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.params = ctx.settings.password_throttle

    def counters(self, name: str, ip: str | None) -> tuple[Counter, Counter]:
        box = self.ctx.box
        return (
            Counter(
                "name:" + box.fingerprint(name.lower(), purpose="throttle name"),
                self.params.account,
            ),
            Counter(
                "addr:" + box.fingerprint(address_key(ip), purpose="throttle address"),
                self.params.address,
            ),
        )

    def _live(self, row: PasswordFailures, now: datetime) -> bool:
        return row.last_failure_at + self.params.forget_after > now

    def _wait(self, rows: Sequence[PasswordFailures], now: datetime) -> int:
        wait = timedelta(0)
        for row in rows:
            if self._live(row, now) and row.retry_at is not None and now < row.retry_at:
                wait = max(wait, row.retry_at - now)
        return math.ceil(wait.total_seconds())

    def check(self, db: Session, counters: Sequence[Counter], now: datetime) -> None:
        """:class:`Throttled` if either count makes this attempt wait (a read, no change)."""
        rows = db.scalars(
            select(PasswordFailures).where(PasswordFailures.key.in_([c.key for c in counters]))
        ).all()
        wait = self._wait(rows, now)
        if wait:
            raise Throttled(wait, CODE)

    def reserve(self, counters: Sequence[Counter], now: datetime) -> None:
        """Count this attempt as a wrong password (before it is checked), or refuse it with
        :class:`Throttled` if either count makes it wait."""
        keys = sorted(c.key for c in counters)  # one lock order for every attempt (PostgreSQL)
        params = {c.key: c.params for c in counters}
        with self.ctx.db.write() as db:
            self._ensure_rows(db, keys, now)
            rows = db.scalars(
                select(PasswordFailures)
                .where(PasswordFailures.key.in_(keys))
                .order_by(PasswordFailures.key)
                .with_for_update()
            ).all()
            wait = self._wait(rows, now)
            if wait:
                raise Throttled(wait, CODE)
            for row in rows:
                if not self._live(row, now):
                    row.failures = 0
                row.failures += 1
                row.last_failure_at = now
                delay = delay_after(params[row.key], row.failures)
                row.retry_at = now + delay if delay else None

    def _ensure_rows(self, db: Session, keys: Sequence[str], now: datetime) -> None:
        values: list[dict[str, Any]] = [
            {"key": key, "failures": 0, "last_failure_at": now, "retry_at": None} for key in keys
        ]
        dialect = db.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        db.execute(insert(PasswordFailures).values(values).on_conflict_do_nothing())

    def succeeded(self, db: Session, counters: Sequence[Counter], now: datetime) -> None:
        """The password was right (inside the login's transaction): the name's count starts
        again; the address gets back the failure :meth:`reserve` counted."""
        name, address = counters
        db.execute(delete(PasswordFailures).where(PasswordFailures.key == name.key))
        row = db.get(PasswordFailures, address.key, with_for_update=True)
        if row is None:
            return
        row.failures -= 1
        if row.failures <= 0:
            db.delete(row)
            return
        delay = delay_after(address.params, row.failures)
        row.retry_at = row.last_failure_at + delay if delay else None

    def clear_name(self, db: Session, name: str) -> None:
        """The administrator's clear-throttle: the account's name may try again at once."""
        key = self.counters(name, None)[0].key
        db.execute(delete(PasswordFailures).where(PasswordFailures.key == key))

    def purge(self, db: Session, now: datetime) -> int:
        """Delete the counts that are forgotten anyway (a day after their last failure)."""
        result: Any = db.execute(
            delete(PasswordFailures)
            .where(PasswordFailures.last_failure_at <= now - self.params.forget_after)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)

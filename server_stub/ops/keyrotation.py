"""``tweestap-server rotate-key``: every secret re-encrypted under a new at-rest key while the
server keeps serving.

The key files (:class:`server_stub.crypto.KeyFiles`) carry the state, so that the command can
be killed at any moment and run again to finish the job:

1. ``secret.key.new`` is written (atomically, 0600) with a fresh key, unless it exists (a
   rotation already under way, or prepared with ``--prepare``). From then on every running
   server opens blobs under either key and seals new ones under the new key; a server notices
   the new file by itself (:class:`server_stub.crypto.SecretBox`).
2. Every sealed secret not under the new key is opened and sealed again, in short write
   transactions of ``--batch`` rows, each row replaced only if nobody changed it meanwhile
   (``UPDATE ... WHERE pk = :pk AND secret = :as_read``). Logins and code checks go on: they
   open whichever key a row has.
3. After ``--grace`` seconds from the new key's creation (a request that sealed under the old
   key just before the new one appeared has committed by then), a second pass catches what
   such requests wrote.
4. The old key is copied to ``secret.key.old``, then ``secret.key.new`` is renamed over
   ``secret.key`` (one atomic step: no moment without a readable key).
5. A last pass, and ``secret.key.old`` is deleted: from then on the old key opens nothing.

Killed anywhere, every secret is readable with the files as they are (each row is under one
key or the other, and both are on disk until step 5). Run again, the command sees
``secret.key.new`` (it goes on with that key) or ``secret.key.old`` (it finishes step 5).

Secrets that open under no key the server has (already unreadable before: a row copied
between users, a key lost earlier) are counted and left alone; their users need a reset of
two-step verification, as before.

The fingerprints of unknown login names and of the password throttle are keyed with the
current key, so they start afresh with the new key: counts of wrong passwords from before the
rotation are forgotten (they would be after a day anyway).
"""

from __future__ import annotations

import fcntl
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO, cast

from sqlalchemy import Column, Table, func, select

from server_stub.crypto import (
    KEY_BYTES,
    KeyFileError,
    KeyFiles,
    SecretBox,
    SecretUnreadable,
    blob_key_id,
    key_id,
    read_key_file,
    write_key_file,
)
from server_stub.db import Database
from server_stub.models import EmailCode, PendingEnrollment, TotpCredential
from server_stub.services.email_codes import PURPOSE as EMAIL_CODE
from server_stub.services.enrollment import ACTIVE, PENDING
from server_stub.settings import Settings

DEFAULT_BATCH = 200
DEFAULT_GRACE = 10.0
LOCK_SUFFIX = ".rotate-lock"  # beside the key file


@dataclass(frozen=True)
class SealedColumn:
    """A column of sealed blobs: its table, primary key, the user it is bound to, purpose."""

    table: Table
    key: str
    column: str
    purpose: str

    @property
    def name(self) -> str:
        return f"{self.table.name}.{self.column}"

    def col(self, name: str) -> Column[Any]:
        column: Column[Any] = self.table.c[name]
        return column


SEALED_COLUMNS = (
    SealedColumn(cast(Table, TotpCredential.__table__), "user_id", "secret", ACTIVE),
    SealedColumn(cast(Table, PendingEnrollment.__table__), "user_id", "secret", PENDING),
    SealedColumn(cast(Table, EmailCode.__table__), "id", "code", EMAIL_CODE),
)


@dataclass
class Pass:
    """What one pass over every sealed column found."""

    checked: int = 0
    reencrypted: int = 0
    unreadable: list[tuple[str, int]] = field(default_factory=list)  # (column, user id)


class RotationError(Exception):
    """The rotation cannot start (no key file, a key file others may read)."""


def _hex(key: bytes) -> str:
    return key_id(key).hex()


class Rotation:
    def __init__(
        self,
        settings: Settings,
        *,
        out: TextIO,
        batch: int = DEFAULT_BATCH,
        pause: float = 0.0,
        grace: float = DEFAULT_GRACE,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.files = KeyFiles(settings.key_file)
        self.out = out
        self.batch = batch
        self.pause = pause
        self.grace = grace
        self.sleep = sleep

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    # -- the steps ---------------------------------------------------------------------------

    def prepare(self) -> bytes:
        """Step 1: the new key (the one under way if there is one)."""
        files = self.files
        try:
            read_key_file(files.path)
            if files.new.exists():
                new = read_key_file(files.new)
                self.say(f"going on with the new key {_hex(new)} in {files.new}")
                return new
        except KeyFileError as error:
            raise RotationError(str(error)) from None
        new = secrets.token_bytes(KEY_BYTES)
        if not write_key_file(files.new, new, replace=False):  # another rotate-key was faster
            new = read_key_file(files.new)
        self.say(f"new key {_hex(new)} written to {files.new}")
        return new

    @contextmanager
    def _alone(self) -> Iterator[None]:
        """One rotation at a time: two would each promote and delete key files the other
        still relies on (an ``flock``, released however the process ends)."""
        lock = self.files.path.with_name(self.files.path.name + LOCK_SUFFIX)
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RotationError(
                    f"another rotate-key is running (it holds {lock}): let it finish, or run "
                    "this one again once it has ended"
                ) from None
            yield
        finally:
            os.close(descriptor)

    def run(self) -> Pass:
        """Every step; returns the last pass (what is left unreadable)."""
        if not self.files.path.exists():
            raise RotationError(f"the key file {self.files.path} does not exist")
        with self._alone():
            return self._run()

    def _run(self) -> Pass:
        files = self.files
        if files.old.exists() and not files.new.exists():
            target = read_key_file(files.path)  # killed after step 4: finish step 5
            self.say(f"finishing the rotation to key {_hex(target)}")
        else:
            target = self.prepare()
        database = Database(self.settings.db_url, self.settings.db_busy_timeout.total_seconds())
        try:
            result = self.reencrypt(database, target, "re-encrypting")
            if files.new.exists():
                self.wait_for_stragglers()
                self.reencrypt(database, target, "re-encrypting what was sealed meanwhile")
                self.promote()
            result = self.reencrypt(database, target, "checking")
        finally:
            database.dispose()
        files.old.unlink(missing_ok=True)
        _sync(files)
        self.say(
            f"done: every readable secret is sealed under key {_hex(target)}; "
            f"the old key is gone ({files.path} holds the new one)"
        )
        if result.unreadable:
            users = sorted({user for _column, user in result.unreadable})
            self.say(
                f"{len(result.unreadable)} secrets open under no key this server has (they "
                f"were unreadable before); reset two-step verification for user ids {users}"
            )
        return result

    def wait_for_stragglers(self) -> None:
        created = self.files.new.stat().st_mtime
        left = created + self.grace - time.time()
        if left > 0:
            self.say(
                f"waiting {left:.0f} s for requests that sealed under the old key just before "
                "the new one existed"
            )
            self.sleep(left)

    def promote(self) -> None:
        """Step 4: the old key to ``.old``, then the new one over ``secret.key``."""
        files = self.files
        old = read_key_file(files.path)
        new = read_key_file(files.new)
        write_key_file(files.old, old)
        os.replace(files.new, files.path)
        _sync(files)
        self.say(
            f"{files.path} now holds key {_hex(new)}; the old key {_hex(old)} stays in "
            f"{files.old} until nothing needs it"
        )

    def reencrypt(self, database: Database, target: bytes, doing: str) -> Pass:
        """One pass: every blob not under ``target`` opened (with any key on disk) and sealed
        under it, ``batch`` rows per transaction."""
        current, others = self.files.read()
        box = SecretBox(target, others=[current, *others])
        wanted = key_id(target)
        found = Pass()
        total = self._count(database)
        for sealed in SEALED_COLUMNS:
            after: int | None = None
            while True:
                with database.write() as db:
                    query = (
                        select(
                            sealed.col(sealed.key), sealed.col("user_id"), sealed.col(sealed.column)
                        )
                        .order_by(sealed.col(sealed.key))
                        .limit(self.batch)
                    )
                    if after is not None:
                        query = query.where(sealed.col(sealed.key) > after)
                    rows = db.execute(query).all()
                    for key, user_id, blob in rows:
                        found.checked += 1
                        if blob_key_id(blob) == wanted:
                            continue
                        try:
                            plain = box.open(blob, user_id=user_id, purpose=sealed.purpose)
                        except SecretUnreadable:
                            found.unreadable.append((sealed.name, user_id))
                            continue
                        changed = db.execute(
                            sealed.table.update()
                            .where(sealed.col(sealed.key) == key, sealed.col(sealed.column) == blob)
                            .values(
                                {
                                    sealed.column: box.seal(
                                        plain, user_id=user_id, purpose=sealed.purpose
                                    )
                                }
                            )
                        )
                        found.reencrypted += int(getattr(changed, "rowcount", 0) or 0)
                if not rows:
                    break
                after = rows[-1][0]
                self.say(
                    f"{doing}: {found.checked} of {total} secrets checked, "
                    f"{found.reencrypted} re-encrypted"
                )
                if self.pause:
                    self.sleep(self.pause)
        return found

    @staticmethod
    def _count(database: Database) -> int:
        with database.read() as db:
            return sum(
                int(db.scalar(select(func.count()).select_from(sealed.table)) or 0)
                for sealed in SEALED_COLUMNS
            )

    def prepare_only(self) -> None:
        """``--prepare``: step 1 alone, for installations with several machines."""
        if not self.files.path.exists():
            raise RotationError(f"the key file {self.files.path} does not exist")
        with self._alone():
            new = self.prepare()
        self.say(
            f"copy {self.files.new} to every other machine's key folder (0600, the server's "
            f"user), then run rotate-key here; key id {_hex(new)}"
        )


def _sync(files: KeyFiles) -> None:
    fd = os.open(files.path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

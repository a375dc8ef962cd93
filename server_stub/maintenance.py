"""Housekeeping in the server process: the purge of expired rows, once at start and then every
``Settings.purge_interval`` (10 minutes), in a background task beside the requests, never in
one. It is the app's lifespan (:func:`server_stub.app.create_app`), so ``tweestap-server serve``
and ``demo`` run it; a failed purge is logged and the next one tries again.

The loop waits on a :class:`PurgeTimer`, asyncio's sleep unless a test passes one it fires by
hand (and so never sleeps to see a purge happen).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Protocol

from server_stub.services import Services
from server_stub.services.purge import Purged

log = logging.getLogger(__name__)


class PurgeTimer(Protocol):
    """What the purge loop waits on between two purges."""

    async def wait(self, seconds: float) -> None:
        """Return after ``seconds`` (or whenever a test's fake is fired)."""
        ...


class SleepingTimer:
    """The real one: asyncio's sleep."""

    async def wait(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def purge_once(services: Services) -> Purged | None:
    """One purge at the server's clock; a failure (say, the database away) is only logged."""
    try:
        return services.purge.purge(services.clock.now())
    except Exception:
        log.exception("purging expired rows failed")
        return None


async def purge_periodically(services: Services, timer: PurgeTimer) -> None:
    interval = services.settings.purge_interval.total_seconds()
    while True:
        await timer.wait(interval)
        await asyncio.to_thread(purge_once, services)


@asynccontextmanager
async def housekeeping(services: Services, timer: PurgeTimer | None = None) -> AsyncIterator[None]:
    """Purge before the first request, then whenever ``timer`` says, until the server stops."""
    await asyncio.to_thread(purge_once, services)
    task = asyncio.create_task(
        purge_periodically(services, timer or SleepingTimer()), name="tweestap-purge"
    )
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

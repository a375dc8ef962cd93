"""``GET /api/health``: the server answers, and whether its database does.

It runs in the event loop and never waits there: the database is probed on a worker thread
(asyncio's own executor, not the request thread pool, which a flood of requests may fill; a
read, and on SQLite an empty write, so that a write lock held elsewhere shows), at most once a
second whatever the number of health checks, each probe bounded to a second.
"""

from __future__ import annotations

import asyncio
import time
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from server_stub import __version__
from server_stub.api.strict_json import StrictJsonRoute
from server_stub.db import Database
from server_stub.http.statuses import DATABASE_RETRY_AFTER

router = APIRouter(route_class=StrictJsonRoute, tags=["health"])

DatabaseState = Literal["ok", "busy", "unavailable"]
PROBE_BUDGET = 1.0
PROBE_TTL = 1.0


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    version: str
    database: DatabaseState


class HealthProbe:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self._state: DatabaseState = "ok"
        self._at = float("-inf")

    async def state(self) -> DatabaseState:
        async with self._lock:  # health checks at once share one probe
            if time.monotonic() - self._at < PROBE_TTL:
                return self._state
            loop = asyncio.get_running_loop()
            probe = loop.run_in_executor(None, self._db.probe, PROBE_BUDGET)
            try:
                answer = await asyncio.wait_for(asyncio.shield(probe), PROBE_BUDGET + 1.0)
            except TimeoutError:
                answer = "busy"
            self._state = "ok" if answer == "ok" else "busy" if answer == "busy" else "unavailable"
            self._at = time.monotonic()
            return self._state


@router.get("/api/health", responses={503: {"description": "the database does not answer"}})
async def health(request: Request, response: Response) -> Health:
    probe: HealthProbe = request.app.state.health_probe
    database = await probe.state()
    if database != "ok":
        response.status_code = 503
        response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return Health(
        status="ok" if database == "ok" else "unavailable", version=__version__, database=database
    )

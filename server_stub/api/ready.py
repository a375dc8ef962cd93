"""``GET /api/ready``: may this server get traffic? Its database answers and its schema is
the one it runs on (:func:`server_stub.ops.schema.schema_status`).

``/api/health`` says only that the process is alive and whether the database answers (for a
restart decision); ``/api/ready`` is for a load balancer or an orchestrator deciding where to
send requests: 503 while the database is away or locked, and while the schema is behind (an
upgrade is still to come) or ahead (a newer server has migrated it; this one must not write).
Like health, it never waits in the event loop: the database probe is the health probe's
(shared, at most once a second) and the schema is read on asyncio's executor at most every
:data:`SCHEMA_TTL` seconds, each read bounded.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from server_stub import __version__
from server_stub.api.health import DatabaseState, HealthProbe
from server_stub.db import Database
from server_stub.ops.schema import SchemaStatus, schema_status

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])
SCHEMA_TTL = 10.0
SCHEMA_BUDGET = 2.0
RETRY_AFTER = 5


class Ready(BaseModel):
    status: Literal["ready", "not_ready"]
    version: str
    database: DatabaseState
    schema_: SchemaStatus | Literal["unknown"] = Field(alias="schema")


class SchemaProbe:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self._state: SchemaStatus | Literal["unknown"] = "unknown"
        self._at = float("-inf")

    async def state(self) -> SchemaStatus | Literal["unknown"]:
        async with self._lock:
            if time.monotonic() - self._at < SCHEMA_TTL:
                return self._state
            loop = asyncio.get_running_loop()
            read = loop.run_in_executor(None, schema_status, self._db.engine)
            try:
                self._state = await asyncio.wait_for(asyncio.shield(read), SCHEMA_BUDGET)
                self._at = time.monotonic()
            except Exception as error:  # not cached: the next probe tries again
                log.warning("could not read the database's schema: %s", error)
                return "unknown"
            return self._state


@router.get(
    "/api/ready",
    responses={503: {"description": "the database does not answer, or its schema is not current"}},
)
async def ready(request: Request, response: Response) -> Ready:
    health: HealthProbe = request.app.state.health_probe
    schemas: SchemaProbe = request.app.state.schema_probe
    database = await health.state()
    schema = await schemas.state() if database == "ok" else "unknown"
    ok = database == "ok" and schema == "current"
    if not ok:
        response.status_code = 503
        response.headers["Retry-After"] = str(RETRY_AFTER)
    return Ready.model_validate(
        {
            "status": "ready" if ok else "not_ready",
            "version": __version__,
            "database": database,
            "schema": schema,
        }
    )

"""The FastAPI application for one :class:`Services` (OpenAPI at ``/openapi.json``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from server_stub import __version__, web
from server_stub.api import admin, errors, health, meta, session
from server_stub.api.code_checks import CodeChecks
from server_stub.api.health import HealthProbe
from server_stub.maintenance import housekeeping
from server_stub.services import Services


def create_app(services: Services) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        async with housekeeping(services):  # the purge of expired rows (maintenance.py)
            yield

    app = FastAPI(
        title="Tweestap server",
        version=__version__,
        description="Two-step verification: enrollment, verification, policy, administration.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        # Starlette counts the body as it streams in (413 at once when Content-Length says it
        # is too large): no request can make the server hold more than this in memory.
        max_body_size=services.settings.max_body_bytes,
    )
    app.state.services = services
    app.state.code_checks = CodeChecks(services)
    app.state.health_probe = HealthProbe(services.ctx.db)
    app.include_router(health.router)
    app.include_router(meta.router)
    app.include_router(session.router)
    app.include_router(admin.router)
    errors.install(app)
    web.install(app)
    return app

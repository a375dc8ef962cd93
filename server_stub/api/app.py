"""The FastAPI application for one :class:`Services` (OpenAPI at ``/openapi.json``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from server_stub import __version__, web
from server_stub.api import admin, errors, health, meta, session
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
    )
    app.state.services = services
    app.include_router(health.router)
    app.include_router(meta.router)
    app.include_router(session.router)
    app.include_router(admin.router)
    errors.install(app)
    web.install(app)
    return app

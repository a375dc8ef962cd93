"""The FastAPI application for one :class:`Services` (OpenAPI at ``/openapi.json``): the JSON
API, the login page, the headers they share, the housekeeping and the request observer
(latency metrics, login and code counters, the access log), put together here, the one module
that knows them all (``api/`` and ``web/`` never import each other)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response

from server_stub import __version__, api, web
from server_stub.api.errors import database_error
from server_stub.http.dependencies import get_client_ip
from server_stub.http.headers import SecurityHeaders, is_api_path
from server_stub.http.statuses import DATABASE_ERRORS
from server_stub.maintenance import PurgeTimer, housekeeping
from server_stub.ops import logs, metrics
from server_stub.ops.requests import RequestObserver
from server_stub.services import Services
from server_stub.settings import Settings
from server_stub.web.errors import database_page


async def _database_trouble(request: Request, error: Exception) -> Response:
    """503 when the database is locked or away: ``{"detail": ...}`` for the API, a page for the
    login page."""
    if is_api_path(request.url.path):
        return await database_error(request, error)
    return await database_page(request, error)


def create_app(
    services: Services, *, purge_timer: PurgeTimer | None = None, owns_services: bool = False
) -> FastAPI:
    """``purge_timer``: what the purge of expired rows waits on between purges (a test's
    fake that fires when told to); by default asyncio's sleep. ``owns_services``: the app
    closes them when it stops (the database's connections, the hash threads), and, a worker
    of several, drops its live gauges from the metrics the supervisor adds up."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            async with housekeeping(services, purge_timer):  # the purge of expired rows
                yield
        finally:
            if owns_services:
                services.close()
                metrics.worker_exited(os.getpid())

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
    api.install(app, services)
    web.install(app)
    for kind in DATABASE_ERRORS:
        app.add_exception_handler(kind, _database_trouble)
    https = services.settings.public_url.lower().startswith("https://")
    app.add_middleware(SecurityHeaders, https_public_url=https)
    # Added last, so it is the outermost of the app's middleware: it times everything, and its
    # access log line has the status the client really got.
    app.add_middleware(
        RequestObserver, access_log_on=services.settings.access_log, client_ip=get_client_ip
    )
    return app


def app_from_environment() -> FastAPI:
    """The app with its settings from the environment (``TWEESTAP_SERVER_*``), no arguments:
    what each worker process of ``tweestap-server serve --workers N`` runs (uvicorn imports it
    by name in every worker), and what ``uvicorn --factory server_stub.app:app_from_environment``
    would run. Every worker sets up its own log lines (``serve`` tells it the format and
    whether to write the access log) and opens the database itself (its migrations at head
    already: the ``serve`` process applied them before starting the workers, so this only
    reads the revision). Its metrics go to the folder ``serve`` named in
    ``PROMETHEUS_MULTIPROC_DIR``, where the one metrics listener adds them up."""
    settings = Settings.from_env()
    logs.configure(settings.log_format)
    return create_app(Services.build(settings), owns_services=True)

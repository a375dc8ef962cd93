"""The JSON API: thin FastAPI routes over :class:`server_stub.services.Services`.

:func:`install` adds it to the application (``server_stub/app.py``), beside the login page.
"""

from __future__ import annotations

from fastapi import FastAPI

from server_stub.api import admin, errors, health, meta, ready, session
from server_stub.api.code_checks import CodeChecks
from server_stub.api.health import HealthProbe
from server_stub.services import Services


def install(app: FastAPI, services: Services) -> None:
    """The routes under ``/api``, the code checks' writer thread, the health and schema
    probes, and the error answers."""
    app.state.code_checks = CodeChecks(services)
    app.state.health_probe = HealthProbe(services.ctx.db)
    app.state.schema_probe = ready.SchemaProbe(services.ctx.db)
    app.include_router(health.router)
    app.include_router(ready.router)
    app.include_router(meta.router)
    app.include_router(session.router)
    app.include_router(admin.router)
    errors.install(app)


__all__ = ["install"]

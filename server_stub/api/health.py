"""``GET /api/health``."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from server_stub import __version__
from server_stub.api.strict_json import StrictJsonRoute

router = APIRouter(route_class=StrictJsonRoute, tags=["health"])


class Health(BaseModel):
    status: str
    version: str


@router.get("/api/health")
def health() -> Health:
    return Health(status="ok", version=__version__)

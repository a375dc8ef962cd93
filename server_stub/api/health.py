"""``GET /api/health``."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from server_stub import __version__

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str


@router.get("/api/health")
def health() -> Health:
    return Health(status="ok", version=__version__)

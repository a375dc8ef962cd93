"""The page's two static files (``resources/static``), the only ones it loads: nothing comes
from another origin."""

from __future__ import annotations

from functools import cache
from typing import Final

from fastapi import APIRouter
from fastapi.responses import Response

from server_stub.web.request_context import STATIC_DIR

router = APIRouter(include_in_schema=False)

ASSETS: Final[dict[str, str]] = {
    "web.css": "text/css; charset=utf-8",
    "web.js": "text/javascript; charset=utf-8",
}


@cache
def asset_bytes(name: str) -> bytes:
    return (STATIC_DIR / name).read_bytes()


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    media_type = ASSETS.get(name)
    if media_type is None:
        return Response("Not found", status_code=404, media_type="text/plain")
    return Response(
        asset_bytes(name),
        media_type=media_type,
        headers={"Cache-Control": "public, max-age=3600"},
    )

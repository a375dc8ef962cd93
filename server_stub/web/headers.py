"""Security headers on every answer of the login page (the JSON API under ``/api`` is left as is).

The Content-Security-Policy allows nothing from anywhere but the server itself (and ``data:``
images: the QR code is an inline SVG image), no inline scripts or styles, no framing, and
forms that post only back to the server. Pages are never cached (they carry the CSRF token,
and the enrollment page the setup key); the two static files may be.
"""

from __future__ import annotations

from typing import Final

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)

HEADERS: Final[dict[str, str]] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NO_STORE: Final = "no-store"


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` and, unless the route set one,
    ``Cache-Control: no-store`` to every answer outside the JSON API."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or is_api_path(scope.get("path", "")):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["Cache-Control"] = NO_STORE
            await send(message)

        await self.app(scope, receive, send_with_headers)

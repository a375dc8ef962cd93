"""Security headers on every answer: the login page's, and the few the JSON API needs.

The Content-Security-Policy allows nothing from anywhere but the server itself (and ``data:``
images: the QR code is an inline SVG image), no inline scripts or styles, no framing, and
forms that post only back to the server. Pages are never cached (they carry the CSRF token,
and the enrollment page the setup key); the two static files may be. The JSON API gets no
page headers but is never cached either: its answers carry session tokens, and the
enrollment answer the TOTP secret itself.

Under an ``https://`` public URL (a TLS proxy in front) or a request that came over https,
every answer also carries ``Strict-Transport-Security``, so a browser that has seen the
server once never talks plain http to it again.
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
API_HEADERS: Final[dict[str, str]] = {"X-Content-Type-Options": "nosniff"}
# Two years, the value browsers' preload lists ask for; no includeSubDomains: the server does not
# speak for the other hosts of its domain.
STRICT_TRANSPORT_SECURITY: Final = "max-age=63072000"


def is_api_path(path: str) -> bool:
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


class SecurityHeaders:
    """ASGI middleware: :data:`HEADERS` and, unless the route set one, ``Cache-Control:
    no-store`` on every answer outside the JSON API; ``no-store`` (and ``Pragma: no-cache``) on
    the JSON API's; ``Strict-Transport-Security`` on all of them when ``https_public_url`` or
    the request came over https."""

    def __init__(self, app: ASGIApp, *, https_public_url: bool = False) -> None:
        self.app = app
        self.https_public_url = https_public_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = is_api_path(scope.get("path", ""))
        strict_transport = self.https_public_url or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in (API_HEADERS if api else HEADERS).items():
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["Cache-Control"] = NO_STORE
                    if api:
                        headers["Pragma"] = "no-cache"
                if strict_transport:
                    headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY
            await send(message)

        await self.app(scope, receive, send_with_headers)

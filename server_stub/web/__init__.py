"""The login web page: server-rendered templates (``resources/templates/web``), Dutch and
English, over the same services as the JSON API.

``GET /`` login form → ``POST /login`` → one of ``/enroll`` (QR + setup key + code),
``/code`` (app code), ``/email`` (send an e-mail code, then enter it) → ``POST /verify`` →
``/done`` (logged in; ``POST /logout``): :mod:`.login` and :mod:`.code_steps`. Pages need the
session cookie, every POST a CSRF token (:mod:`.csrf`); :mod:`.request_context` holds what a
route knows about its request. ``/help`` needs no login (:mod:`.code_help`); the activation mail's
link leads to :mod:`.activation`.
"""

from __future__ import annotations

from fastapi import FastAPI

from server_stub.web import activation, assets, code_help, code_steps, csrf, login
from server_stub.web.errors import csrf_refused


def install(app: FastAPI) -> None:
    """Add the login page to ``app``: its routes and the 403 page for a refused form (the
    application adds the 503 page and the security headers, which the JSON API shares)."""
    for module in (login, code_steps, code_help, activation, assets):
        app.include_router(module.router)
    app.add_exception_handler(csrf.CsrfRefused, csrf_refused)


__all__ = ["install"]

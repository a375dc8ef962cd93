"""What a route of the login page knows about its request (:class:`RequestContext`): the
language, the cookies, the CSRF token, the login session; and how it answers (a page, a
redirect) with the cookies it set.

Cookies (all ``HttpOnly``, ``SameSite=Strict``, ``Path=/``):

========================= ==========================================================
``tweestap_session``      the login session's token (the same token the JSON API takes as
                          ``Bearer``); a browser-session cookie
``tweestap_device``       the trusted-device token after a correct code; lives as long as
                          the policy trusts the device at that moment (not set when it is 0)
``tweestap_csrf``         the double-submit CSRF token (:mod:`server_stub.web.csrf`)
``tweestap_lang``         ``nl`` or ``en`` after the language switch was used (one year)
========================= ==========================================================

They are ``Secure`` (and then named with the ``__Host-`` prefix, which pins them to this host
and path ``/``) when the request came over https or ``Settings.public_url`` is an https URL
(a TLS-terminating proxy in front). Over plain http they cannot be ``Secure``: a browser
would not send them back, and the page would not work on ``http://127.0.0.1``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from server_stub.domain.login import LiveSession
from server_stub.http.dependencies import get_client_ip, get_services
from server_stub.services import Services
from server_stub.services.errors import IpNotAllowed, NotAuthenticated, ServiceError
from server_stub.web import csrf
from server_stub.web.i18n import LANGS, Lang, Translator, as_lang, choose_language

RESOURCES: Final = Path(__file__).resolve().parent.parent.parent / "resources"
TEMPLATES_DIR: Final = RESOURCES / "templates"
STATIC_DIR: Final = RESOURCES / "static"

templates = Jinja2Templates(directory=TEMPLATES_DIR)

STEP_PATHS: Final[Mapping[str, str]] = {
    "enroll": "/enroll",
    "totp": "/code",
    "email": "/email",
    "done": "/done",
}
LANG_COOKIE_AGE: Final = 365 * 24 * 3600


@dataclass(frozen=True)
class CookieNames:
    session: str
    device: str
    csrf: str
    lang: str

    @classmethod
    def for_secure(cls, secure: bool) -> CookieNames:
        prefix = "__Host-" if secure else ""
        return cls(
            session=f"{prefix}tweestap_session",
            device=f"{prefix}tweestap_device",
            csrf=f"{prefix}tweestap_csrf",
            lang=f"{prefix}tweestap_lang",
        )


def is_secure(request: Request, services: Services) -> bool:
    """Whether cookies get ``Secure`` (see the module documentation)."""
    return request.url.scheme == "https" or services.settings.public_url.lower().startswith(
        "https://"
    )


@dataclass
class RequestContext:
    """What a web route needs about its request; build it with :meth:`of`."""

    request: Request
    services: Services
    ip: str | None
    secure: bool
    cookies: CookieNames
    lang: Lang
    t: Translator
    csrf_token: str
    _set_csrf: bool = False
    _set_lang: bool = False
    _pending_cookies: list[tuple[str, str | None, int | None]] = field(default_factory=list)
    session_error: ServiceError | None = None

    @classmethod
    def of(cls, request: Request) -> RequestContext:
        services = get_services(request)
        secure = is_secure(request, services)
        names = CookieNames.for_secure(secure)
        query_lang = as_lang(request.query_params.get("lang"))
        lang = choose_language(
            query_lang, request.cookies.get(names.lang), request.headers.get("accept-language")
        )
        token = request.cookies.get(names.csrf)
        fresh = not csrf.is_plausible(token)
        return cls(
            request=request,
            services=services,
            ip=get_client_ip(request),
            secure=secure,
            cookies=names,
            lang=lang,
            t=Translator(lang),
            csrf_token=csrf.new_token() if fresh or token is None else token,
            _set_csrf=fresh,
            _set_lang=query_lang is not None and request.method == "GET",
        )

    # -- the login session ---------------------------------------------------------------

    @property
    def session_token(self) -> str | None:
        return self.request.cookies.get(self.cookies.session) or None

    def session(self) -> LiveSession | None:
        """The live session of the session cookie, or None (``session_error`` says why)."""
        token = self.session_token
        if token is None:
            return None
        try:
            return self.services.auth.authenticate(token, self.ip)
        except (NotAuthenticated, IpNotAllowed) as error:
            self.session_error = error
            return None

    def start_session(self, token: str) -> None:
        self.set_cookie(self.cookies.session, token)
        self.rotate_csrf()

    def end_session(self) -> None:
        self.set_cookie(self.cookies.session, None)
        self.rotate_csrf()

    def rotate_csrf(self) -> None:
        self.csrf_token = csrf.new_token()
        self._set_csrf = True

    # -- cookies ---------------------------------------------------------------------------

    def set_cookie(self, name: str, value: str | None, max_age: int | None = None) -> None:
        """Set (or with ``None``, delete) a cookie on the response this page returns."""
        self._pending_cookies = [c for c in self._pending_cookies if c[0] != name]
        self._pending_cookies.append((name, value, max_age))

    def finish(self, response: Response) -> Response:
        if self._set_csrf:
            self.set_cookie(self.cookies.csrf, self.csrf_token)
        if self._set_lang:
            self.set_cookie(self.cookies.lang, self.lang, LANG_COOKIE_AGE)
        for name, value, max_age in self._pending_cookies:
            if value is None:
                response.delete_cookie(
                    name, path="/", secure=self.secure, httponly=True, samesite="strict"
                )
            else:
                response.set_cookie(
                    name,
                    value,
                    max_age=max_age,
                    path="/",
                    secure=self.secure,
                    httponly=True,
                    samesite="strict",
                )
        return response

    # -- answers ---------------------------------------------------------------------------

    def render(
        self,
        template: str,
        *,
        title: str,
        here: str,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        **context: Any,
    ) -> Response:
        """``template`` with the shared context; ``here`` is the GET address of this page
        (the language switch links to it)."""
        values: dict[str, Any] = {
            "t": self.t,
            "lang": self.lang,
            "langs": LANGS,
            "title": title,
            "here": here,
            "csrf_field": csrf.FIELD,
            "csrf_token": self.csrf_token,
            "error": None,
            "error_hint": None,
            "notice": None,
            "help_link": False,
        }
        values.update(context)
        response = templates.TemplateResponse(
            self.request, template, values, status_code=status, headers=dict(headers or {})
        )
        return self.finish(response)

    def redirect(self, path: str) -> Response:
        return self.finish(RedirectResponse(path, status_code=303))


# Both only read the request (no database): ``async`` keeps them off the thread pool. The
# routes themselves are plain functions, run in the pool, as they call the blocking services.
async def get_context(request: Request) -> RequestContext:
    return RequestContext.of(request)


async def require_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Refuse a form without the visitor's CSRF token (:class:`csrf.CsrfRefused`, a 403 page)."""
    names = CookieNames.for_secure(is_secure(request, get_services(request)))
    csrf.check(request.cookies.get(names.csrf), csrf_token, request.headers.get("sec-fetch-site"))


Context = Annotated[RequestContext, Depends(get_context)]
CSRF = [Depends(require_csrf)]

"""The login web page: thin routes over the same services as the JSON API.

``GET /`` login form → ``POST /login`` → one of ``/enroll`` (QR + setup key + code),
``/code`` (app code), ``/email`` (send an e-mail code, then enter it) → ``POST /verify`` →
``/done`` (logged in; ``POST /logout``). Each step page redirects to the step the session is
really at; pages need the session cookie, every POST a CSRF token (:mod:`.csrf`). ``/help``
("What to do if the code does not work?") needs no login.
"""

from __future__ import annotations

import base64
import contextlib
from functools import cache
from typing import Annotated, Final
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import Response
from pydantic import ValidationError

from server_stub.api import errors as api_errors
from server_stub.api.deps import get_services
from server_stub.api.errors import status_for
from server_stub.schemas.session import LoginRequest
from server_stub.services import Services
from server_stub.services.errors import (
    Blocked,
    Conflict,
    InvalidCode,
    InvalidCredentials,
    InvalidToken,
    IpNotAllowed,
    NotAuthenticated,
    SecondFactorRequired,
    Throttled,
    Unavailable,
    WrongStep,
)
from server_stub.web import csrf
from server_stub.web.headers import SecurityHeaders, is_api_path
from server_stub.web.page import STATIC_DIR, STEP_PATHS, CookieNames, Page, is_secure

router = APIRouter(include_in_schema=False)

ASSETS: Final[dict[str, str]] = {
    "web.css": "text/css; charset=utf-8",
    "web.js": "text/javascript; charset=utf-8",
}
MAX_CODE_LENGTH: Final = 32
LOGIN_HELP_URL: Final = "https://zilliz.nl/inloghulp/"
"""The customer's login help page ("inloghulp 2FA voor medewerkers"), linked from /help."""
MAX_DEVICE_TOKEN_LENGTH: Final = 256


# Both only read the request (no database): ``async`` keeps them off the thread pool. The
# routes themselves are plain functions, run in the pool, as they call the blocking services.
async def get_page(request: Request) -> Page:
    return Page.of(request)


async def require_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    """Every POST: the form's token must equal the cookie's (else the 403 page)."""
    names = CookieNames.for_secure(is_secure(request, get_services(request)))
    csrf.check(request.cookies.get(names.csrf), csrf_token, request.headers.get("sec-fetch-site"))


PageDep = Annotated[Page, Depends(get_page)]
CSRF = [Depends(require_csrf)]


# -- the password step ---------------------------------------------------------------------


def login_page(
    page: Page,
    *,
    status: int = 200,
    error: str | None = None,
    username: str = "",
    headers: dict[str, str] | None = None,
) -> Response:
    return page.render(
        "web/login.html",
        title=page.t("login_title"),
        here="/",
        status=status,
        headers=headers,
        error=error,
        username=username,
    )


def login_again(page: Page) -> Response:
    """The session is gone (expired, ended, or the address is no longer allowed)."""
    page.end_session()
    key = "error_ip_not_allowed" if isinstance(page.session_error, IpNotAllowed) else None
    return login_page(page, status=401, error=page.t(key or "error_session_expired"))


@router.get("/")
def home(page: PageDep) -> Response:
    found = page.session()
    if found is not None:
        return page.redirect(STEP_PATHS[found.session.state])
    if page.session_token is not None:
        page.end_session()
    return login_page(page)


@router.get("/login")
def login_get(page: PageDep) -> Response:
    return page.redirect("/")


@router.post("/login", dependencies=CSRF)
def login(
    page: PageDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    services = page.services
    old = page.session_token
    if old is not None:
        with contextlib.suppress(NotAuthenticated):
            services.auth.logout(old)
    device = page.request.cookies.get(page.cookies.device) or None
    if device is not None and len(device) > MAX_DEVICE_TOKEN_LENGTH:
        device = None
    try:
        body = LoginRequest(username=username, password=password, device_token=device)
    except ValidationError:
        page.end_session()
        return login_page(
            page, status=401, error=page.t("error_invalid_credentials"), username=username[:256]
        )
    try:
        started = services.auth.login(body.username, body.password, body.device_token, page.ip)
    except (InvalidCredentials, Blocked, IpNotAllowed) as error:
        page.end_session()
        return login_page(
            page,
            status=status_for(error),
            error=page.t(f"error_{error.code}"),
            username=username,
        )
    except (Throttled, Unavailable) as error:  # too many wrong passwords; every hash slot taken
        page.end_session()
        return login_page(
            page,
            status=status_for(error),
            error=page.t(f"error_{error.code}", wait=page.t.wait(error.retry_after)),
            username=username,
            headers={"Retry-After": str(error.retry_after)},
        )
    page.start_session(started.token)
    return page.redirect(STEP_PATHS[started.next])


# -- the code steps --------------------------------------------------------------------------


def code_page(
    page: Page,
    step: str,
    *,
    status: int = 200,
    error: str | None = None,
    error_hint: str | None = None,
    notice: str | None = None,
    headers: dict[str, str] | None = None,
    help_link: bool = False,
) -> Response:
    """The page of a code step (``enroll``, ``totp``, ``email``) with an optional message;
    ``help_link`` adds "What to do if the code does not work?" to the message."""
    t = page.t
    extra: dict[str, str | bool] = {"code_hint": t("code_hint_app"), "help_link": help_link}
    if step == "enroll":
        try:
            info = page.services.enrollment.info(page.session_token or "")
            # The seed: a QR code again means the old entry in the app must go first.
            extra["again"] = page.services.enrollment.shown_before(page.session_token or "")
        except (NotAuthenticated, WrongStep, Conflict):
            return login_again(page)
        template, title = "web/enroll.html", t("enroll_title")
        svg = base64.b64encode(info.qr_svg.encode("utf-8")).decode("ascii")
        extra["qr_src"] = f"data:image/svg+xml;base64,{svg}"
        extra["setup_key"] = group_key(info.secret)
        # "Pair with the authenticator app on this PC": the same secret as the QR code, on
        # the same page (never cached, no referrer), for the app that handles otpauth links.
        extra["otpauth_uri"] = info.otpauth_uri
    elif step == "email":
        template, title = "web/email.html", t("email_title")
        digits = page.services.settings.email_code_digits
        extra["code_hint"] = t("code_hint_email", digits=digits)
    else:
        template, title = "web/code.html", t("code_title")
    return page.render(
        template,
        title=title,
        here=STEP_PATHS[step],
        status=status,
        headers=headers,
        error=error,
        error_hint=error_hint,
        notice=notice,
        **extra,
    )


def group_key(key: str) -> str:
    """The setup key in groups of four, as authenticator apps show it: ``ABCD EFGH ...``."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def step_or_redirect(page: Page, step: str) -> Response | None:
    """None when the session is at ``step``; else where to go instead."""
    found = page.session()
    if found is None:
        if page.session_token is not None:
            page.end_session()
        return page.redirect("/")
    if found.session.state != step:
        return page.redirect(STEP_PATHS[found.session.state])
    return None


@router.get("/enroll")
def enroll(page: PageDep) -> Response:
    return step_or_redirect(page, "enroll") or code_page(page, "enroll")


@router.get("/code")
def code(page: PageDep) -> Response:
    return step_or_redirect(page, "totp") or code_page(page, "totp")


@router.get("/email")
def email(page: PageDep) -> Response:
    return step_or_redirect(page, "email") or code_page(page, "email")


@router.post("/email/send", dependencies=CSRF)
def email_send(page: PageDep) -> Response:
    elsewhere = step_or_redirect(page, "email")
    if elsewhere is not None:
        return elsewhere
    t = page.t
    try:
        sent = page.services.email_codes.send(page.session_token or "", page.ip)
    except Throttled as error:
        return code_page(
            page,
            "email",
            status=429,
            error=t("error_resend_limited", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    except Conflict as error:
        return code_page(page, "email", status=409, error=t(f"error_{error.code}"))
    except (NotAuthenticated, WrongStep):
        return login_again(page)
    minutes = int(page.services.settings.email_code_ttl.total_seconds() // 60)
    return code_page(page, "email", notice=t("email_sent", address=sent.sent_to, minutes=minutes))


@router.post("/verify", dependencies=CSRF)
def verify(page: PageDep, code: Annotated[str, Form()] = "") -> Response:
    found = page.session()
    if found is None:
        return login_again(page)
    step = found.session.state
    if step == "done":
        return page.redirect(STEP_PATHS[step])
    t = page.t
    if not code.strip() or len(code) > MAX_CODE_LENGTH:
        return code_page(page, step, status=422, error=t("error_invalid_code"))
    try:
        verified = page.services.verification.verify(page.session_token or "", code, page.ip)
    except InvalidCode:
        return code_page(
            page,
            step,
            status=401,
            error=t("error_invalid_code"),
            error_hint=t("error_invalid_code_hint"),
            help_link=step != "email",
        )
    except Throttled as error:
        return code_page(
            page,
            step,
            status=429,
            error=t("error_throttled", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    except WrongStep:
        return page.redirect("/")
    except Conflict as error:
        if error.code == "credential_unreadable":
            return code_page(page, step, status=409, error=t("error_credential_unreadable"))
        return login_again(page)
    except NotAuthenticated:
        return login_again(page)
    trusted_for = int((verified.trusted_until - page.services.clock.now()).total_seconds())
    if trusted_for > 0:
        page.set_cookie(page.cookies.device, verified.device_token, trusted_for)
    else:
        page.set_cookie(page.cookies.device, None)
    return page.redirect(STEP_PATHS["done"])


# -- help ----------------------------------------------------------------------------------------


@router.get("/help")
def code_help(page: PageDep) -> Response:
    """ "What to do if the code does not work?": the customer's checklist, readable with or
    without a login (the login help must be there before someone can log in)."""
    return page.render(
        "web/help.html", title=page.t("help_title"), here="/help", login_help_url=LOGIN_HELP_URL
    )


# -- logged in -------------------------------------------------------------------------------


@router.get("/done")
def done(page: PageDep) -> Response:
    token = page.session_token
    if token is None:
        return page.redirect("/")
    try:
        me = page.services.auth.me(token, page.ip)
    except SecondFactorRequired:
        return page.redirect("/")
    except (NotAuthenticated, IpNotAllowed):
        page.end_session()
        return page.redirect("/")
    paired = page.services.enrollment.paired_in_session(token)
    return page.render(
        "web/done.html", title=page.t("done_title"), here="/done", name=me.name, paired=paired
    )


@router.post("/logout", dependencies=CSRF)
def logout(page: PageDep) -> Response:
    token = page.session_token
    if token is not None:
        with contextlib.suppress(NotAuthenticated):
            page.services.auth.logout(token)
    page.end_session()
    return page.redirect("/")


# -- the activation link of the mail ---------------------------------------------------------


MAX_TOKEN_LENGTH: Final = 256
MIN_PASSWORD: Final = 8
MAX_PASSWORD: Final = 1024


def activate_page(
    page: Page,
    *,
    token: str,
    name: str,
    status: int = 200,
    error: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    return page.render(
        "web/activate.html",
        title=page.t("activate_title"),
        here=f"/activate?{urlencode({'token': token})}",
        status=status,
        headers=headers,
        error=error,
        token=token,
        name=name,
    )


def invalid_link(page: Page) -> Response:
    t = page.t
    return page.render(
        "web/message.html",
        title=t("invalid_link_title"),
        here="/",
        status=400,
        text=t("invalid_link_text"),
    )


def link_owner(page: Page, token: str) -> str | None:
    """The name of the account a live link belongs to; None for anything else."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        return page.services.activation.check(token)
    except InvalidToken:
        return None


@router.get("/activate")
def activate(page: PageDep, token: str = "") -> Response:
    """The link of an activation mail (a new account, or a password reset)."""
    name = link_owner(page, token)
    if name is None:
        return invalid_link(page)
    return activate_page(page, token=token, name=name)


@router.post("/activate", dependencies=CSRF)
def activate_post(
    page: PageDep,
    token: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    password_repeat: Annotated[str, Form()] = "",
) -> Response:
    name = link_owner(page, token)
    if name is None:
        return invalid_link(page)
    t = page.t
    problem = None
    if len(password) < MIN_PASSWORD:
        problem = "error_password_too_short"
    elif len(password) > MAX_PASSWORD:
        problem = "error_password_too_long"
    elif password != password_repeat:
        problem = "error_passwords_differ"
    if problem is not None:
        return activate_page(page, token=token, name=name, status=422, error=t(problem))
    try:
        page.services.activation.activate(token, password, page.ip)
    except InvalidToken:  # used by another request meanwhile
        return invalid_link(page)
    except Unavailable as error:
        return activate_page(
            page,
            token=token,
            name=name,
            status=503,
            error=t("error_busy", wait=t.wait(error.retry_after)),
            headers={"Retry-After": str(error.retry_after)},
        )
    return page.redirect("/activated")


@router.get("/activated")
def activated(page: PageDep) -> Response:
    t = page.t
    return page.render(
        "web/message.html", title=t("activated_title"), here="/activated", text=t("activated_text")
    )


# -- static files ------------------------------------------------------------------------------


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


# -- wiring ---------------------------------------------------------------------------------------


async def csrf_refused(request: Request, _error: Exception) -> Response:
    page = Page.of(request)
    t = page.t
    return page.render(
        "web/error.html", title=t("csrf_title"), here="/", status=403, text=t("csrf_text")
    )


async def database_trouble(request: Request, error: Exception) -> Response:
    """503 when the database is locked or away: a page here, ``{"detail": ...}`` for the API."""
    if is_api_path(request.url.path):
        return await api_errors.database_error(request, error)
    api_errors.database_problem(error)
    page = Page.of(request)
    t = page.t
    return page.render(
        "web/error.html",
        title=t("busy_title"),
        here="/",
        status=503,
        headers={"Retry-After": str(api_errors.DATABASE_RETRY_AFTER)},
        text=t("busy_text"),
    )


def install(app: FastAPI) -> None:
    """Add the login page to ``app``: routes, the 403 page for CSRF, the 503 page, security
    headers."""
    app.include_router(router)
    app.add_exception_handler(csrf.CsrfRefused, csrf_refused)
    for kind in api_errors.DATABASE_ERRORS:
        app.add_exception_handler(kind, database_trouble)
    services: Services = app.state.services
    https = services.settings.public_url.lower().startswith("https://")
    app.add_middleware(SecurityHeaders, https_public_url=https)

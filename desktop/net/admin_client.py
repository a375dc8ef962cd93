"""The one HTTP client of the 2FA server's JSON API (docs/server.md), synchronous and Qt-free.

Every method either returns typed values (:mod:`desktop.admin.model`) or raises a
:class:`~desktop.admin.errors.AdminError` with a sentence for the person at the keyboard:
the HTTP status and the server's ``detail`` code decide which one. The panel calls it from
a worker thread; one request runs at a time (a lock), so one client may be shared.

Before the first login the client reads the server's contract (``GET /api/meta``: its module
rights, the user-name rule, the policy's bounds); nothing on the desktop keeps a copy.
The login is the same three steps as the web page: ``login`` (password) says what comes
next (``done``, ``totp``, ``enroll``, ``email``), ``verify`` takes the code, and
``check_access`` asks an admin route whether this account may administer at all. The
``device_token`` a right code earns is kept in memory only, per user name, so logging in
again after an expired session asks no code while the policy still trusts this computer.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar, cast
from urllib.parse import quote

import httpx

from desktop import __version__
from desktop.admin.contract import ServerContract
from desktop.admin.errors import (
    RULE_REFUSALS,
    AccountBlocked,
    AddressNotAllowed,
    AdminError,
    CannotBlockSelf,
    CodeAlreadyUsed,
    CredentialUnreadable,
    Forbidden,
    InvalidCode,
    InvalidCredentials,
    InvalidServerAddress,
    LoginOutOfStep,
    NoEmailAddress,
    NoEmailForCode,
    ResendLimited,
    ServerBusy,
    ServerTimeout,
    ServerUnreachable,
    SessionExpired,
    Throttled,
    TooManyPasswords,
    UnexpectedAnswer,
    UserExists,
    UserNotFound,
    ValidationFailed,
)
from desktop.admin.model import (
    AuditEntry,
    AuditFilter,
    Enrollment,
    Kind,
    MailSent,
    Me,
    NewUser,
    Next,
    Overview,
    Policy,
    User,
)

T = TypeVar("T")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
HEALTH_TIMEOUT = httpx.Timeout(3.0, connect=1.0)
LAST_LOGIN_ENTRIES = 1000
"""How many of the newest audit entries of each kind "last login" is read from."""
NEXT_STEPS: tuple[Next, ...] = ("done", "totp", "enroll", "email")


def normalize_address(text: str) -> str:
    """``127.0.0.1:8765`` → ``http://127.0.0.1:8765``; refuses what is no http(s) address."""
    address = text.strip()
    if not address:
        raise InvalidServerAddress(text)
    if "://" not in address:
        address = "http://" + address
    try:
        url = httpx.URL(address)
    except (httpx.InvalidURL, ValueError):
        raise InvalidServerAddress(text) from None
    if url.scheme not in ("http", "https") or not url.host or url.query or url.fragment:
        raise InvalidServerAddress(text)
    return str(url).rstrip("/")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _retry_after(response: httpx.Response) -> int:
    try:
        return max(1, int(response.headers.get("retry-after", "1")))
    except ValueError:
        return 1


def _field_messages(detail: object) -> dict[str, str]:
    """FastAPI's 422 list → ``{"ip_allowlist": "not an IP address or range: 'x'"}``."""
    fields: dict[str, str] = {}
    if not isinstance(detail, list):
        return fields
    for problem in detail:
        if not isinstance(problem, dict):
            continue
        location = [str(part) for part in problem.get("loc", []) if part not in ("body", "query")]
        name = ".".join(location) or "body"
        message = str(problem.get("msg", "")).removeprefix("Value error, ")
        fields.setdefault(name, message)
    return fields


def _days(data: object) -> int:
    days = cast(dict[str, object], data)["days"]
    if not isinstance(days, int) or isinstance(days, bool):
        raise ValueError("days is no whole number")
    return days


class AdminClient:
    """A connection to one server; :attr:`username` is set once a login has started."""

    def __init__(
        self,
        address: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self.url = normalize_address(address)
        host = httpx.URL(self.url).host
        self._http = httpx.Client(
            base_url=self.url,
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
            # Proxies from the environment are for the outside world, never for this machine.
            trust_env=not is_loopback(host),
            headers={"User-Agent": f"Tweestap/{__version__}"},
        )
        self._lock = threading.Lock()
        self._token: str | None = None
        self._device_tokens: dict[str, str] = {}
        self._contract: ServerContract | None = None
        self.username: str | None = None
        self.me: Me | None = None

    def __repr__(self) -> str:  # no token in logs
        return f"AdminClient(url={self.url!r}, username={self.username!r})"

    def close(self) -> None:
        self._http.close()

    @property
    def logged_in(self) -> bool:
        return self._token is not None

    # -- plumbing -------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        path: str,
        *,
        json: object = None,
        params: Mapping[str, str] | None = None,
        subject: str | None = None,
        login_step: bool = False,
        timeout: httpx.Timeout | None = None,
    ) -> httpx.Response:
        """Send one request; a non-2xx answer raises the matching :class:`AdminError`.

        ``subject`` is the user name the request is about (for "not found" sentences);
        ``login_step``: a 401 means the login step expired rather than the session.
        """
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        extra: dict[str, Any] = {} if timeout is None else {"timeout": timeout}
        with self._lock:
            try:
                response = self._http.request(
                    method, path, json=json, params=params, headers=headers, **extra
                )
            except httpx.TimeoutException:
                raise ServerTimeout(self.url) from None
            except httpx.TransportError:
                raise ServerUnreachable(self.url) from None
        if response.is_success:
            return response
        raise self._error(response, subject=subject, login_step=login_step)

    def _error(
        self, response: httpx.Response, *, subject: str | None, login_step: bool
    ) -> AdminError:
        status = response.status_code
        try:
            detail = response.json().get("detail")
        except (ValueError, AttributeError):
            detail = None
        if status == 401:
            if detail == "invalid_credentials":
                return InvalidCredentials()
            if detail == "invalid_code":
                return InvalidCode()
            if detail == "not_authenticated":
                self._token = None
                return LoginOutOfStep() if login_step else SessionExpired()
        if status == 403:
            if detail == "blocked":
                return AccountBlocked()
            if detail == "ip_not_allowed":
                return AddressNotAllowed()
            if detail == "forbidden":
                return Forbidden()
            if detail == "second_factor_required":
                return LoginOutOfStep()
        if status == 404 and detail == "user_not_found":
            return UserNotFound(subject or "?")
        if status == 409:
            known: dict[str, Callable[[], AdminError]] = {
                "cannot_block_self": CannotBlockSelf,
                "no_email_address": lambda: (
                    NoEmailAddress(subject) if subject else NoEmailForCode()
                ),
                "user_exists": lambda: UserExists(subject or "?"),
                "wrong_step": LoginOutOfStep,
                "enrollment_expired": LoginOutOfStep,
                "credential_unreadable": CredentialUnreadable,
                "code_already_used": CodeAlreadyUsed,
            }
            if isinstance(detail, str) and detail in known:
                return known[detail]()
        if status == 422:
            if isinstance(detail, str) and detail in RULE_REFUSALS:
                return RULE_REFUSALS[detail]()
            fields = _field_messages(detail)
            if fields:
                return ValidationFailed(fields)
        if status == 429:
            if detail == "resend_limited":
                return ResendLimited(_retry_after(response))
            if detail == "too_many_attempts":
                return TooManyPasswords(_retry_after(response))
            return Throttled(_retry_after(response))
        if status == 503:  # busy for a moment (the body may not even be the server's)
            return ServerBusy(_retry_after(response))
        # A proxy in front of the server: it got no answer from the server behind it.
        if status == 502:
            return ServerUnreachable(self.url)
        if status == 504:
            return ServerTimeout(self.url)
        return UnexpectedAnswer(self.url, status)

    def _read(self, response: httpx.Response, parse: Callable[[object], T]) -> T:
        try:
            return parse(response.json())
        except (ValueError, KeyError, TypeError):
            raise UnexpectedAnswer(self.url, response.status_code) from None

    def _user_path(self, name: str, action: str = "") -> str:
        path = f"/api/admin/users/{quote(name, safe='')}"
        return f"{path}/{action}" if action else path

    # -- server --------------------------------------------------------------------------

    def health(self) -> str:
        """The server's version; :class:`ServerUnreachable` when nothing answers."""
        response = self._request("GET", "/api/health", timeout=HEALTH_TIMEOUT)

        def parse(body: object) -> str:
            data = cast(dict[str, object], body)
            if data["status"] != "ok":
                raise ValueError("not ok")
            return str(data["version"])

        return self._read(response, parse)

    def read_contract(self) -> ServerContract:
        """What the server declares about itself (``GET /api/meta``, no login needed): read
        once per client, then kept (see :attr:`contract`)."""
        if self._contract is None:
            response = self._request("GET", "/api/meta")
            self._contract = self._read(response, ServerContract.from_json)
        return self._contract

    @property
    def contract(self) -> ServerContract:
        """The server's contract, read by :meth:`login` (so every page of a logged-in
        panel has it without a request of its own)."""
        if self._contract is None:
            raise RuntimeError("the server's contract is read by the login; log in first")
        return self._contract

    # -- the login ------------------------------------------------------------------------

    def login(self, username: str, password: str) -> Next:
        """The password step. Returns what comes next: done, totp, enroll or email.

        The server's contract is read first (once per client), so a client that logged in
        always knows the server's rules."""
        self._token, self.me = None, None
        self.read_contract()
        body: dict[str, str] = {"username": username, "password": password}
        device = self._device_tokens.get(username)
        if device is not None:
            body["device_token"] = device
        response = self._request("POST", "/api/session", json=body)

        def parse(data: object) -> tuple[str, Next]:
            answer = cast(dict[str, object], data)
            step = str(answer["next"])
            if step not in NEXT_STEPS:
                raise ValueError(step)
            return str(answer["token"]), step

        self._token, step = self._read(response, parse)
        self.username = username
        return step

    def enrollment(self) -> Enrollment:
        """The setup key to pair (step ``enroll``)."""
        response = self._request("GET", "/api/session/enrollment", login_step=True)
        return self._read(response, Enrollment.from_json)

    def send_email_code(self) -> MailSent:
        """Ask for a code by e-mail (step ``email``); also "send again"."""
        response = self._request("POST", "/api/session/email-code", login_step=True)
        return self._read(response, MailSent.from_json)

    def verify(self, code: str) -> None:
        response = self._request(
            "POST", "/api/session/verify", json={"code": "".join(code.split())}, login_step=True
        )
        device = self._read(
            response, lambda data: str(cast(dict[str, object], data)["device_token"])
        )
        if self.username is not None:
            self._device_tokens[self.username] = device

    def check_access(self) -> Overview:
        """Whether this completed session may administer (403 :class:`Forbidden` if not).

        Also reads who is logged in and until when. A refused session is ended at once.
        """
        try:
            overview = self.overview()
        except Forbidden:
            self.logout()
            raise
        self.me = self._read(self._request("GET", "/api/me"), Me.from_json)
        return overview

    def logout(self) -> None:
        """End the session on the server; an unreachable server or a gone session is fine."""
        if self._token is None:
            return
        try:
            self._request("DELETE", "/api/session")
        except AdminError:
            pass
        finally:
            self._token, self.me = None, None

    @property
    def session_expires_at(self) -> datetime | None:
        return None if self.me is None else self.me.session_expires_at

    # -- the policy -------------------------------------------------------------------------

    def get_policy(self) -> Policy:
        return self._read(self._request("GET", "/api/admin/policy"), Policy.from_json)

    def put_policy(self, policy: Policy) -> Policy:
        response = self._request("PUT", "/api/admin/policy", json=policy.to_json())
        return self._read(response, Policy.from_json)

    # -- users --------------------------------------------------------------------------------

    def list_users(self, kind: Kind | None = None) -> list[User]:
        params = {"kind": kind} if kind is not None else None
        response = self._request("GET", "/api/admin/users", params=params)
        return self._read(
            response, lambda data: [User.from_json(item) for item in cast(list[object], data)]
        )

    def get_user(self, name: str) -> User:
        return self._read(self._request("GET", self._user_path(name), subject=name), User.from_json)

    def create_user(self, user: NewUser) -> User:
        response = self._request("POST", "/api/admin/users", json=user.to_json(), subject=user.name)
        return self._read(response, User.from_json)

    def update_user(self, name: str, changes: Mapping[str, object]) -> User:
        """``PATCH`` only the given keys (see :meth:`AccountFields.changes_from`)."""
        response = self._request("PATCH", self._user_path(name), json=dict(changes), subject=name)
        return self._read(response, User.from_json)

    def _action(self, name: str, action: str) -> User:
        response = self._request("POST", self._user_path(name, action), subject=name)
        return self._read(response, User.from_json)

    def reset_2fa(self, name: str) -> User:
        """Forget the user's authenticator: their next login shows a new QR code."""
        return self._action(name, "reset-2fa")

    def block(self, name: str) -> User:
        return self._action(name, "block")

    def unblock(self, name: str) -> User:
        return self._action(name, "unblock")

    def reset_password(self, name: str) -> User:
        return self._action(name, "reset-password")

    def clear_throttle(self, name: str) -> User:
        return self._action(name, "clear-throttle")

    def send_activation_mail(self, name: str) -> MailSent:
        response = self._request("POST", self._user_path(name, "activation-mail"), subject=name)
        return self._read(response, MailSent.from_json)

    # -- overview and audit ----------------------------------------------------------------------

    def overview(self) -> Overview:
        return self._read(self._request("GET", "/api/admin/overview"), Overview.from_json)

    def audit(self, filters: AuditFilter) -> list[AuditEntry]:
        response = self._request("GET", "/api/admin/audit", params=filters.params())
        return self._read(
            response, lambda data: [AuditEntry.from_json(item) for item in cast(list[object], data)]
        )

    def audit_retention(self) -> int:
        """How many days the audit log keeps an entry."""
        response = self._request("GET", "/api/admin/audit/retention")
        return self._read(response, _days)

    def set_audit_retention(self, days: int) -> int:
        """Keep audit entries ``days`` days (the server's bounds: :attr:`contract`)."""
        response = self._request("PUT", "/api/admin/audit/retention", json={"days": days})
        return self._read(response, _days)

    def last_logins(self) -> dict[str, datetime]:
        """When each user last logged in completely, from the newest audit entries.

        The server has no such field on a user; its audit log records every login step.
        """
        newest: dict[str, datetime] = {}
        for action in ("login", "verify", "enroll_complete"):
            entries = self.audit(AuditFilter(action=action, limit=LAST_LOGIN_ENTRIES))
            for entry in entries:
                if entry.target and entry.completes_login:
                    known = newest.get(entry.target)
                    if known is None or entry.at > known:
                        newest[entry.target] = entry.at
        return newest

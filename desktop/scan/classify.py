"""What a scanned QR code is, and what to tell the person when it is not an account.

A QR code that is not an ``otpauth://`` link gets an explanation rather than "not
recognised": a Google Authenticator export (offer to import its accounts), a web address,
a Microsoft work or school account code (which only Microsoft's app can use; the site
offers a standard code after "I want to use a different authenticator app"), or anything
else.

Microsoft's work-account codes (Entra ID / Azure MFA "Microsoft Authenticator" setup) hold
an activation link for Microsoft's own push protocol, not a TOTP secret: the classic form
is ``phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.
microsoft.com/activate/123456789/WEU``; some tools show the bare ``https://`` activation
address, on ``*.phonefactor.net`` (MFA Server) or ``*.auth.microsoft.com`` (``/activate``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Final, Literal
from urllib.parse import urlsplit

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import Account
from desktop.otp.uri import parse_uri
from desktop.scan.errors import NotAnAccountQr
from desktop.scan.migration import MigrationBatch, is_migration_uri, parse_migration_uri

Kind = Literal["account", "google_export", "web_address", "microsoft_work_account", "other"]

_MICROSOFT_SCHEMES: Final = frozenset({"phonefactor"})
_MICROSOFT_HOSTS: Final = ("phonefactor.net", "auth.microsoft.com", "microsoftonline.com")
_SHOWN_LENGTH: Final = 60


@dataclass(frozen=True, slots=True)
class Scanned:
    """One decoded QR code, understood.

    * ``kind``: what the code is;
    * ``accounts``: what can be added from it (one for an account link, every usable one of
      an export part; empty when nothing can be added);
    * ``batch``: the decoded export part (``google_export`` only, when readable);
    * ``message``: ``None`` for a usable account link; otherwise what the code is and what
      to do (a question for an export, the reason a link or export cannot be used, an
      explanation for anything else).
    """

    payload: str
    kind: Kind
    accounts: list[Account] = field(default_factory=list)
    batch: MigrationBatch | None = None
    message: UserError | None = None

    @property
    def usable(self) -> bool:
        return bool(self.accounts)


def classify(payload: str) -> Scanned:
    text = payload.strip()
    scheme = text.partition("://")[0].lower() if "://" in text else ""
    if scheme == "otpauth":
        try:
            return Scanned(payload, "account", accounts=[parse_uri(text)])
        except UserError as error:
            return Scanned(payload, "account", message=error)
    if is_migration_uri(text):
        try:
            batch = parse_migration_uri(text)
        except UserError as error:
            return Scanned(payload, "google_export", message=error)
        return Scanned(
            payload,
            "google_export",
            accounts=list(batch.accounts),
            batch=batch,
            message=batch.notice(),
        )
    if _is_microsoft_work_account(text, scheme):
        return Scanned(
            payload,
            "microsoft_work_account",
            message=NotAnAccountQr(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This QR code is for Microsoft's own app (Microsoft Authenticator, for a "
                    "work or school account); other apps cannot use it. On that page, choose "
                    "\u201cI want to use a different authenticator app\u201d and scan the QR "
                    "code it shows then.",
                )
            ),
        )
    if scheme in {"http", "https"} or text.lower().startswith("www."):
        host = urlsplit(text if scheme else "https://" + text).hostname or text
        return Scanned(
            payload,
            "web_address",
            message=NotAnAccountQr(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This QR code opens a web page ({address}), not an account link. To add "
                    "an account, scan the QR code that the login page shows for an "
                    "authenticator app.",
                ),
                address=_shown(host),
            ),
        )
    if not text:
        return Scanned(
            payload,
            "other",
            message=NotAnAccountQr(
                QT_TRANSLATE_NOOP("Errors", "This QR code is empty: it holds no account.")
            ),
        )
    return Scanned(
        payload,
        "other",
        message=NotAnAccountQr(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This QR code holds \u201c{content}\u201d, which is not an account link. The QR "
                "code for an authenticator app holds a link that starts with otpauth://.",
            ),
            content=_shown(text),
        ),
    )


def is_account_payload(payload: str) -> bool:
    """An ``otpauth://`` link or a Google export: what a camera scan waits for."""
    text = payload.strip().lower()
    return text.startswith("otpauth://") or is_migration_uri(text)


def _is_microsoft_work_account(text: str, scheme: str) -> bool:
    if scheme in _MICROSOFT_SCHEMES:
        return True
    if scheme not in {"http", "https"}:
        return False
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    on_microsoft = any(host == h or host.endswith("." + h) for h in _MICROSOFT_HOSTS)
    return on_microsoft and (host.endswith("phonefactor.net") or "activate" in parts.path.lower())


def _shown(text: str) -> str:
    """``text`` fit to quote in a sentence: one line, visible characters, shortened."""
    visible = "".join(
        " " if unicodedata.category(c)[0] in {"C", "Z"} and c != " " else c for c in text
    )
    visible = " ".join(visible.split())
    return visible if len(visible) <= _SHOWN_LENGTH else visible[: _SHOWN_LENGTH - 1] + "\u2026"

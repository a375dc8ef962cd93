"""QR codes that Google Authenticator's "Import accounts" scans (``otpauth-migration://``).

Google's export holds at most 10 accounts per code; a longer list becomes several codes
(one batch each) that the phone scans one after the other. Google Authenticator cannot
hold every account Tweestap can: Steam codes, 7-digit codes, codes with another period
than 30 seconds and HOTP counters beyond its ``int64`` are left out, each with the reason.
The codes are plain text for a phone camera: anyone who sees them can copy the accounts.
"""

from __future__ import annotations

import io
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.exporters import ExportProblem, LeftOut, require_accounts
from desktop.otp.model import DEFAULT_PERIOD, MAX_STORED_COUNTER, Account, OtpType
from desktop.scan.migration import encode_migration_uris

PER_CODE = 10
"""Google Authenticator's own limit per QR code."""
MAX_CODE_TEXT = 1800
"""Characters per code: beyond that a code gets too dense for a phone to read off a
screen (version 40 holds about 2,900 bytes, but with modules too small to scan)."""
_GOOGLE_DIGITS = (6, 8)


class NotForGoogle(UserError):
    """Why Google Authenticator cannot hold an account."""


class NothingForGoogle(ExportProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Google Authenticator cannot hold any of these accounts; no QR code was made.",
            )
        )


@dataclass(frozen=True, slots=True)
class GoogleExport:
    """The links to show as QR codes, in scanning order, and the accounts left out."""

    codes: list[str]
    left_out: list[LeftOut]
    accounts: list[Account]


def why_not_for_google(account: Account) -> NotForGoogle | None:
    """The reason Google Authenticator cannot hold ``account``, or ``None``."""
    if account.type is OtpType.STEAM:
        return NotForGoogle(
            QT_TRANSLATE_NOOP("Errors", "Google Authenticator cannot make Steam codes.")
        )
    if account.digits not in _GOOGLE_DIGITS:
        return NotForGoogle(
            QT_TRANSLATE_NOOP(
                "Errors", "Google Authenticator cannot make codes of {digits} digits."
            ),
            digits=account.digits,
        )
    if account.counter > MAX_STORED_COUNTER:  # only in a vault from before that limit
        return NotForGoogle(
            QT_TRANSLATE_NOOP(
                "Errors", "Google Authenticator cannot hold a counter above {limit}."
            ),
            limit=MAX_STORED_COUNTER,
        )
    if account.type is OtpType.TOTP and account.period != DEFAULT_PERIOD:
        return NotForGoogle(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Google Authenticator only makes codes that change every 30 seconds; this "
                "one changes every {period} seconds.",
            ),
            period=account.period,
        )
    return None


def google_export(accounts: Sequence[Account], *, batch_id: int | None = None) -> GoogleExport:
    """Codes of at most :data:`PER_CODE` accounts (fewer when their names are long)."""
    require_accounts(accounts)
    fitting: list[Account] = []
    left_out: list[LeftOut] = []
    for account in accounts:
        reason = why_not_for_google(account)
        if reason is None and len(_links([account], 1, 0)[0]) > MAX_CODE_TEXT:
            reason = NotForGoogle(
                QT_TRANSLATE_NOOP("Errors", "Its name and key are too long to fit in a QR code.")
            )
        if reason is None:
            fitting.append(account)
        else:
            left_out.append(LeftOut(account, reason))
    if not fitting:
        raise NothingForGoogle()
    batch = batch_id if batch_id is not None else secrets.randbelow(2**31 - 1) + 1
    per_code = PER_CODE
    codes = _links(fitting, per_code, batch)
    while per_code > 1 and max(len(code) for code in codes) > MAX_CODE_TEXT:
        per_code -= 1
        codes = _links(fitting, per_code, batch)
    return GoogleExport(codes=codes, left_out=left_out, accounts=fitting)


def account_link(account: Account) -> str:
    """One account as the ``otpauth://`` link every authenticator app scans."""
    from desktop.otp.uri import format_uri

    return format_uri(account)


def png(text: str, *, scale: int = 8) -> bytes:
    """``text`` as a QR code in a PNG picture (with the quiet zone)."""
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def _links(accounts: Sequence[Account], per_code: int, batch_id: int) -> list[str]:
    return encode_migration_uris(accounts, batch_id=batch_id, per_batch=per_code)

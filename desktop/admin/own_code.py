"""The administrator's own code, from the app's own vault when it holds that account.

The server names its accounts ``Tweestap:<user name>`` in the ``otpauth://`` link it shows
at pairing (issuer ``Tweestap``), so the vault's entry for an administrator is the one with
that issuer and that name. Codes are computed at the moment the caller passes in.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.otp.codes import code_at
from desktop.otp.model import Account, OtpType
from desktop.otp.uri import parse_uri

SERVER_ISSUER = "Tweestap"


def find_account(
    accounts: Iterable[Account], username: str, issuer: str = SERVER_ISSUER
) -> Account | None:
    """The vault's time-based entry for ``username`` at the server, if there is exactly one."""
    wanted = (issuer.casefold(), username.casefold())
    found = [
        account
        for account in accounts
        if account.type is OtpType.TOTP
        and (account.issuer.casefold(), account.name.casefold()) == wanted
    ]
    return found[0] if len(found) == 1 else None


def code_now(account: Account, now: float) -> str:
    return code_at(account, now)


def account_from_enrollment(otpauth_uri: str) -> Account:
    """The vault entry for the setup key the server shows at pairing."""
    return parse_uri(otpauth_uri)

"""otpauth:// URIs: reading what real sites and apps write, writing what every app reads.

See ``docs/otpauth-uri.md`` for the rules and edge cases this follows.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from desktop.errors import ERRORS, QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import STEAM_DIGITS, Account, Algorithm, OtpType
from desktop.otp.secret import format_setup_key, parse_setup_key


class InvalidUri(UserError):
    """Text that is not a usable otpauth:// account link."""


class NotAnAccountLink(InvalidUri):
    """Text that is something else altogether (a web address, an export, plain words)."""


def parse_uri(text: str) -> Account:
    """Parse an ``otpauth://TYPE/LABEL?PARAMS`` link into a new :class:`Account`."""
    text = text.strip()
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme != "otpauth" or not rest:
        raise _not_an_account_link(scheme, text)
    parts = urlsplit("otpauth://" + rest)
    kind = parts.netloc.lower()
    try:
        otp_type = OtpType(kind)
    except ValueError:
        if not kind:
            raise InvalidUri(
                QT_TRANSLATE_NOOP(ERRORS, "The link does not say whether it is 'totp' or 'hotp'.")
            ) from None
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The link is for '{kind}' codes; Tweestap supports totp, hotp and steam codes.",
            ),
            kind=kind,
        ) from None

    params = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    if "secret" not in params:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(ERRORS, "The link has no setup key (the 'secret' parameter is missing).")
        )
    secret = parse_setup_key(params["secret"])
    issuer, name = _split_label(unquote(parts.path.lstrip("/")))
    if params.get("issuer"):
        issuer = params["issuer"].strip()

    return Account(
        issuer=issuer,
        name=name,
        secret=secret,
        type=otp_type,
        algorithm=_algorithm(params.get("algorithm")),
        digits=_integer(params, "digits", STEAM_DIGITS if otp_type is OtpType.STEAM else 6),
        period=_integer(params, "period", 30) if otp_type is not OtpType.HOTP else 30,
        counter=_integer(params, "counter", 0) if otp_type is OtpType.HOTP else 0,
    )


def format_uri(account: Account) -> str:
    """The canonical link: issuer both as label prefix and parameter, secret unpadded."""
    label = quote(account.name, safe="@")
    if account.issuer:
        label = f"{quote(account.issuer, safe='@')}:{label}"
    params: dict[str, str | int] = {"secret": format_setup_key(account.secret)}
    if account.issuer:
        params["issuer"] = account.issuer
    params["algorithm"] = account.algorithm.value
    params["digits"] = account.digits
    if account.type is OtpType.HOTP:
        params["counter"] = account.counter
    else:
        params["period"] = account.period
    return f"otpauth://{account.type.value}/{label}?{urlencode(params, quote_via=quote)}"


def _split_label(label: str) -> tuple[str, str]:
    """``Issuer:name`` with optional spaces after the colon; two colons keep it all as name."""
    if label.count(":") == 1:
        issuer, name = label.split(":")
        return issuer.strip(), name.strip()
    return "", label.strip()


def _algorithm(value: str | None) -> Algorithm:
    if value is None or value == "":
        return Algorithm.SHA1
    normalised = value.upper().replace("-", "")
    try:
        return Algorithm(normalised)
    except ValueError:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                ERRORS,
                "The algorithm '{algorithm}' is unknown; codes can use SHA1, SHA256 or SHA512.",
            ),
            algorithm=value,
        ) from None


def _integer(params: dict[str, str], key: str, default: int) -> int:
    value = params.get(key)
    if value is None or value == "":
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(ERRORS, "The value of '{key}' in the link must be a whole number, not '{value}'."),
            key=key,
            value=value,
        ) from None


def _not_an_account_link(scheme: str, text: str) -> NotAnAccountLink:
    if scheme == "otpauth-migration":
        return NotAnAccountLink(
            QT_TRANSLATE_NOOP(
                ERRORS,
                "This is a Google Authenticator export, which holds several accounts; "
                "use Import to add them all.",
            )
        )
    if scheme in {"http", "https"}:
        return NotAnAccountLink(
            QT_TRANSLATE_NOOP(
                ERRORS,
                "This is a web address, not an account link. An account link starts with "
                "otpauth://; the login page shows it as a QR code or a setup key.",
            )
        )
    if not text:
        return NotAnAccountLink(QT_TRANSLATE_NOOP(ERRORS, "There is nothing to read: the text is empty."))
    return NotAnAccountLink(
        QT_TRANSLATE_NOOP(
            ERRORS,
            "This is not an account link: an account link starts with otpauth://.",
        )
    )

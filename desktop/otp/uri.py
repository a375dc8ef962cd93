"""otpauth:// URIs: reading what real sites and apps write, writing what every app reads.

See ``docs/otpauth-uri.md`` for the rules and edge cases this follows.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import (
    DEFAULT_PERIOD,
    STEAM_DIGITS,
    Account,
    Algorithm,
    OtpType,
    algorithm_named,
)
from desktop.otp.secret import format_setup_key, parse_setup_key

_WHOLE_NUMBER = re.compile(r"-?[0-9]+")  # ASCII only: int() would also take "٦" or "1_0"
_MAX_NUMBER_LENGTH = 30  # digits; more than any counter (2**64 has 20), less than int()'s limit
_LABEL_SAFE = "@"  # kept readable in labels; everything else outside A-Z a-z 0-9 -._~ is escaped


class InvalidUri(UserError):
    """Text that is not a usable otpauth:// account link."""


class NotAnAccountLink(InvalidUri):
    """Text that is something else altogether (a web address, an export, plain words)."""


def parse_uri(text: str) -> Account:
    """Parse an ``otpauth://TYPE/LABEL?PARAMS`` link into a new :class:`Account`.

    Every refusal is a :class:`~desktop.errors.UserError`: :class:`InvalidUri` (or its
    :class:`NotAnAccountLink`) for the link itself, ``InvalidSecret`` for its setup key and
    ``InvalidAccount`` for parameters no code can be made with.
    """
    text = text.strip()
    scheme, separator, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme != "otpauth" or not separator:
        raise _not_an_account_link(scheme, text)
    # Split by hand rather than with urlsplit: the type is not a host name (urlsplit refuses
    # "[" there), and a raw "#" is taken as part of a value, not as the start of a fragment.
    head, _, query = rest.partition("?")
    kind, _, raw_label = head.partition("/")
    otp_type = _otp_type(kind.lower())

    params: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        params.setdefault(key, value)  # the first of repeated parameters counts
    if "secret" not in params:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors", "The link has no setup key (the 'secret' parameter is missing)."
            )
        )
    secret = parse_setup_key(params["secret"])
    otp_type = _encoder(params.get("encoder"), otp_type)
    issuer_param = params.get("issuer", "").strip()
    label_issuer, name = _split_label(raw_label, issuer_param)

    return Account(
        issuer=issuer_param or label_issuer,
        name=name,
        secret=secret,
        type=otp_type,
        algorithm=_algorithm(params.get("algorithm")),
        digits=_integer(params, "digits", STEAM_DIGITS if otp_type is OtpType.STEAM else 6),
        period=(
            DEFAULT_PERIOD
            if otp_type is OtpType.HOTP
            else _integer(params, "period", DEFAULT_PERIOD)
        ),
        counter=_integer(params, "counter", 0) if otp_type is OtpType.HOTP else 0,
    )


def format_uri(account: Account) -> str:
    """The canonical link: issuer both as label prefix and parameter, secret unpadded.

    A Steam account is ``otpauth://steam/...`` (Aegis and Ente read the type) with
    ``encoder=steam`` as well (KeePassXC ignores the type and reads the encoder; without
    it, it would show a 5-digit number instead of the Steam code).

    The label's one literal ``:`` is the separator; a ``:`` inside the issuer or the name is
    written ``%3A``. Without an issuer, a name that holds a ``:`` gets an empty prefix
    (``otpauth://totp/:a%3Ab``) so that no reader takes part of it for an issuer.
    """
    name = quote(account.name, safe=_LABEL_SAFE)
    if account.issuer:
        label = f"{quote(account.issuer, safe=_LABEL_SAFE)}:{name}"
    elif ":" in account.name:
        label = f":{name}"
    else:
        label = name
    params: dict[str, str | int] = {"secret": format_setup_key(account.secret)}
    if account.issuer:
        params["issuer"] = account.issuer
    params["algorithm"] = account.algorithm.value
    params["digits"] = account.digits
    if account.type is OtpType.HOTP:
        params["counter"] = account.counter
    else:
        params["period"] = account.period
    if account.type is OtpType.STEAM:
        params["encoder"] = "steam"
    return f"otpauth://{account.type.value}/{label}?{urlencode(params, quote_via=quote)}"


def _otp_type(kind: str) -> OtpType:
    try:
        return OtpType(kind)
    except ValueError:
        if not kind:
            raise InvalidUri(
                QT_TRANSLATE_NOOP(
                    "Errors", "The link does not say whether it is for 'totp' or 'hotp' codes."
                )
            ) from None
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The link is for '{kind}' codes; Tweestap supports totp, hotp and steam codes.",
            ),
            kind=_shorten(kind),
        ) from None


def _encoder(value: str | None, otp_type: OtpType) -> OtpType:
    """KeePassXC writes Steam accounts as ``otpauth://totp/...&encoder=steam``: the
    ``encoder`` parameter, when present, says how the code is written. ``steam`` makes a
    totp (or steam) link a Steam account; any other encoder would make codes Tweestap
    cannot show, so it is refused rather than shown as a wrong number."""
    encoder = (value or "").strip()
    if not encoder:
        return otp_type
    if encoder.lower() != "steam":
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The link asks for codes written with the '{encoder}' encoder; Tweestap only "
                "knows Steam's.",
            ),
            encoder=_shorten(encoder),
        )
    if otp_type is OtpType.HOTP:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors", "The link is for hotp codes written as Steam codes, which do not exist."
            )
        )
    return OtpType.STEAM


def _split_label(raw_label: str, issuer_param: str) -> tuple[str, str]:
    """``(issuer, name)`` from the still percent-encoded label.

    * One literal ``:`` is the separator; each side is decoded on its own, so ``%3A``
      inside either part stays part of it.
    * Otherwise the label is decoded first. When it starts with the ``issuer`` parameter
      and a colon, that prefix is the issuer and the rest is the name (``Ex:a:b`` with
      ``issuer=Ex`` is ``a:b`` at ``Ex``).
    * Without literal colons, one encoded colon (``%3A``) is the separator.
    * Anything else (two or more colons) is all name, as Aegis does.

    Spaces around either part are dropped (``Issuer: name``).
    """
    pieces = raw_label.split(":")
    if len(pieces) == 2:
        return unquote(pieces[0]).strip(), unquote(pieces[1]).strip()
    label = unquote(raw_label)
    if issuer_param and label.startswith(issuer_param + ":"):
        return issuer_param, label[len(issuer_param) + 1 :].strip()
    if len(pieces) == 1 and label.count(":") == 1:
        issuer, name = label.split(":")
        return issuer.strip(), name.strip()
    return "", label.strip()


def _algorithm(value: str | None) -> Algorithm:
    """``SHA1`` when absent or empty; upper or lower case, ``SHA-256`` spelt with a dash."""
    raw = (value or "").strip()
    found = algorithm_named(raw)
    if found is None:
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The algorithm '{algorithm}' is unknown; codes can use SHA1, SHA256 or SHA512.",
            ),
            algorithm=_shorten(raw),
        )
    return found


def _integer(params: dict[str, str], key: str, default: int) -> int:
    value = params.get(key, "").strip()
    if not value:
        return default
    if not _WHOLE_NUMBER.fullmatch(value):
        raise InvalidUri(
            QT_TRANSLATE_NOOP(
                "Errors", "The value of '{key}' in the link must be a whole number, not '{value}'."
            ),
            key=key,
            value=_shorten(value),
        )
    if len(value.lstrip("-").lstrip("0")) > _MAX_NUMBER_LENGTH:
        raise InvalidUri(
            QT_TRANSLATE_NOOP("Errors", "The value of '{key}' in the link is far too large."),
            key=key,
        )
    return int(value)


def _shorten(value: str) -> str:
    """A value to quote in a sentence: at most 24 characters."""
    return value if len(value) <= 24 else value[:23] + "\u2026"


def _not_an_account_link(scheme: str, text: str) -> NotAnAccountLink:
    if not text:
        return NotAnAccountLink(
            QT_TRANSLATE_NOOP("Errors", "There is nothing to read: the text is empty.")
        )
    if scheme == "otpauth-migration":
        return NotAnAccountLink(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This is a Google Authenticator export, which holds several accounts; "
                "use Import to add them all.",
            )
        )
    if scheme in {"http", "https"}:
        return NotAnAccountLink(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This is a web address, not an account link. An account link starts with "
                "otpauth://; the login page shows it as a QR code or a setup key.",
            )
        )
    return NotAnAccountLink(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This is not an account link: an account link starts with otpauth://.",
        )
    )

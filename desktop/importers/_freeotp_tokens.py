"""FreeOTP's token records, shared by FreeOTP 1.x/2.x and FreeOTP+.

A token is a JSON object: ``type`` (TOTP/HOTP), ``algo``, ``digits``, ``period``,
``counter``, ``issuerExt`` (the issuer; ``issuerAlt``/``labelAlt`` hold the person's own
edits), ``label`` (the account name) and ``secret`` as Java's signed bytes. FreeOTP 2.x
keeps the secret apart, encrypted, and may leave out ``algo``, ``digits`` and ``period``
(SHA1, 6 and 30 then). HOTP counters are imported as stored: FreeOTP 1.x and FreeOTP+
store the counter of the next code, one lower than the link that was scanned said.

The app-private file is ``shared_prefs/tokens.xml``: one ``<string>`` per token, named
``issuer:label``, and ``tokenOrder``, the list order. FreeOTP 1.x and FreeOTP+ write it
identically; only the file's name can tell them apart.
"""

from __future__ import annotations

import re
from functools import partial

from desktop.importers._accounts import Collector
from desktop.importers._prefs_xml import looks_like_prefs, read_prefs
from desktop.importers._problems import damaged_entry, unsupported_kind
from desktop.importers._reading import BadData, Record, algorithm, json_in_text
from desktop.otp.model import DEFAULT_PERIOD, STEAM_DIGITS, Account, Algorithm, OtpType

ORDER_KEY = "tokenOrder"
_ORDER_MARKER = b'name="tokenOrder"'
_SECRET_MARKER = b"&quot;secret&quot;:["  # a token's byte array, as XML escapes its JSON
_PLUS_IN_NAME = re.compile(r"freeotp[ _.\-]?(\+|plus)", re.IGNORECASE)
_STEAM_ISSUER = "Steam"  # FreeOTP+ makes Steam Guard codes for tokens of this issuer


def looks_like_token_prefs(data: bytes) -> bool:
    """A ``<map>`` with the token order (written last) or, cut short, a token's secret."""
    return looks_like_prefs(data, _ORDER_MARKER) or looks_like_prefs(data, _SECRET_MARKER)


def name_says_plus(file_name: str) -> bool:
    """Whether the file's name says FreeOTP+ ("freeotp_plus_internal.xml", "FreeOTP+ …")."""
    return _PLUS_IN_NAME.search(file_name) is not None


def signed_bytes(value: object) -> bytes:
    """Java's ``byte[]`` as JSON: numbers from -128 to 127 (0 to 255 also read)."""
    if not isinstance(value, list):
        raise BadData("not a byte array")
    result = bytearray()
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not -128 <= item <= 255:
            raise BadData("not a byte")
        result.append(item & 0xFF)
    return bytes(result)


def token_names(token: Record) -> tuple[str, str]:
    """``(issuer, name)``: the person's own edits first, as FreeOTP shows them."""
    return (
        _first_text(token, "issuerAlt", "issuerExt", "issuerInt"),
        _first_text(token, "labelAlt", "label"),
    )


def token_label(token: Record) -> str:
    issuer, name = token_names(token)
    return f"{issuer}: {name}" if issuer and name else issuer or name


def token_account(token: Record, secret: bytes | None = None) -> Account:
    """The account of one token; ``secret`` when it is kept apart (FreeOTP 2.x)."""
    kind = token.text("type").strip().upper()
    issuer, name = token_names(token)
    if secret is None:
        secret = signed_bytes(token.get("secret"))
    digits = token.integer("digits", 6)
    if kind == "HOTP":
        return Account(
            issuer=issuer,
            name=name,
            secret=secret,
            type=OtpType.HOTP,
            algorithm=algorithm(token.text("algo")),
            digits=digits,
            counter=token.integer("counter", 0),
        )
    if kind != "TOTP":
        raise unsupported_kind(kind) if kind else BadData("no type")
    period = token.integer("period", DEFAULT_PERIOD)
    if issuer == _STEAM_ISSUER:
        return Account(
            issuer=issuer,
            name=name,
            secret=secret,
            type=OtpType.STEAM,
            algorithm=Algorithm.SHA1,
            digits=STEAM_DIGITS,
            period=period,
        )
    return Account(
        issuer=issuer,
        name=name,
        secret=secret,
        algorithm=algorithm(token.text("algo")),
        digits=digits,
        period=period,
    )


def read_token_prefs(data: bytes, format_title: str, found: Collector) -> None:
    """Every token of a ``tokens.xml``, in the app's list order."""
    prefs = read_prefs(data, format_title)
    order = _token_order(prefs.get(ORDER_KEY, "[]"))
    names = [name for name in order if name in prefs]
    names += [name for name in prefs if name != ORDER_KEY and name not in order]
    for key in names:
        token = Record.maybe(json_in_text(prefs[key]))
        if token is None:
            found.skip(key, damaged_entry())
            continue
        found.add(token_label(token) or key, partial(token_account, token))


def _token_order(text: str) -> list[str]:
    order = json_in_text(text)
    if not isinstance(order, list):
        return []  # the order is a nicety: the tokens are read without it
    return list(dict.fromkeys(item for item in order if isinstance(item, str)))


def _first_text(token: Record, *keys: str) -> str:
    for key in keys:
        value = token.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""

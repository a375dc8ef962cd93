"""Reading a foreign file's fields defensively: JSON that may be anything, objects whose
fields may have any type, numbers, algorithm names, base64 and hex. A value of the wrong
shape raises :class:`BadData`, which never leaves the importers: an entry turns it into
:func:`~desktop.importers._problems.damaged_entry`, a file into ``DamagedFile``."""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Final

from desktop.importers._problems import showable, unknown_algorithm
from desktop.importers.base import DamagedFile
from desktop.otp.model import Algorithm, algorithm_named


class BadData(Exception):
    """Internal: a value of the wrong type or shape. Never leaves the importers: an entry
    turns it into :func:`damaged_entry`, a file into :class:`DamagedFile`."""


_NOT_JSON: Final = object()


def parse_json(data: bytes) -> object:
    """The JSON value in ``data`` (UTF-8, with or without a byte order mark), or
    :data:`_NOT_JSON`. Not cached, so that no secret outlives the import."""
    if data.lstrip()[:1] not in (b"{", b"[", b"\xef"):
        return _NOT_JSON
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: bad JSON, or an integer with more digits than Python converts
        return _NOT_JSON


def json_value(data: bytes) -> object | None:
    """The parsed JSON, or ``None`` when ``data`` is not JSON (for ``sniff``)."""
    value = parse_json(data)
    return None if value is _NOT_JSON else value


def load_json(data: bytes, format_title: str) -> object:
    """The parsed JSON, or :class:`DamagedFile`."""
    value = parse_json(data)
    if value is _NOT_JSON:
        raise DamagedFile(format_title, "not JSON")
    return value


def load_json_text(text: bytes, format_title: str) -> object:
    """Decrypted JSON (never cached: it holds secrets)."""
    try:
        return json.loads(text.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedFile(format_title, "decrypted data is not JSON") from None


class Record:
    """A JSON object read defensively: a field of the wrong type raises :class:`BadData`."""

    __slots__ = ("raw",)

    def __init__(self, value: object) -> None:
        if not isinstance(value, dict):
            raise BadData("not an object")
        self.raw: dict[object, object] = value

    @classmethod
    def maybe(cls, value: object) -> Record | None:
        return cls(value) if isinstance(value, dict) else None

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def get(self, key: str) -> object:
        return self.raw.get(key)

    def text(self, key: str, default: str = "") -> str:
        """A string field (lone surrogates replaced: see :func:`showable`)."""
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise BadData(key)
        return showable(value)

    def integer(self, key: str, default: int | None = None) -> int:
        value = self.raw.get(key)
        if value is None:
            if default is None:
                raise BadData(key)
            return default
        return as_integer(value)

    def record(self, key: str) -> Record:
        return Record(self.raw.get(key))

    def items(self, key: str) -> list[object]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise BadData(key)
        return value


def as_integer(value: object) -> int:
    """A JSON number that is a whole number (``3`` or ``3.0``; never ``true``)."""
    if isinstance(value, bool):
        raise BadData("boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise BadData("not a whole number")


def algorithm(name: str) -> Algorithm:
    """``SHA1`` when empty; any case, ``SHA-256`` spelt with a dash."""
    raw = name.strip()
    found = algorithm_named(raw)
    if found is None:
        raise unknown_algorithm(raw)
    return found


def base64_bytes(text: str) -> bytes:
    """Standard base64 (padding optional); :class:`BadData` otherwise."""
    cleaned = "".join(text.split())
    if not cleaned.isascii():
        raise BadData("base64")
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise BadData("base64") from None


def hex_bytes(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise BadData("hex") from None


def json_in_text(text: str) -> object | None:
    """The JSON value written in ``text``, or ``None``. A lone surrogate (JSON's
    ``"\\ud800"`` decodes to one) makes it no JSON rather than an encoding error."""
    return json_value(text.encode("utf-8", "surrogatepass"))

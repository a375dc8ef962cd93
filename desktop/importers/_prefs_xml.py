"""Android ``shared_prefs`` files: ``<map>`` of ``<string name="…">value</string>`` and kin.

Several apps keep their accounts in such a file; Aegis reads it on rooted phones and
people copy it off theirs. Read with expat directly, refusing any document type
declaration (the files never have one, and entities are how XML bombs work).
"""

from __future__ import annotations

from xml.parsers import expat

from desktop.importers.base import DamagedFile

_VALUE_ATTRIBUTE_TAGS = frozenset({"int", "long", "boolean", "float"})
_HEAD = 256  # bytes in which a shared_prefs file shows what it is


class _Refused(Exception):
    """A construct shared_prefs never contain (DTD, entity declaration, another root)."""


def looks_like_prefs(data: bytes, marker: bytes) -> bool:
    """An XML ``<map>`` (cheap check of its start) that mentions ``marker``."""
    head = data[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not (head.startswith(b"<?xml") or head.startswith(b"<map")):
        return False
    return b"<map" in head and marker in data


def read_prefs(data: bytes, format_title: str) -> dict[str, str]:
    """``name -> value`` of every preference: a ``<string>``'s text, or the ``value``
    attribute of ``<int>``, ``<long>``, ``<boolean>`` and ``<float>``; sets are left out.

    Raises :class:`DamagedFile` for anything that is not a well-formed ``<map>``.
    """
    values: dict[str, str] = {}
    depth = 0
    current: str | None = None  # name of the <string> being read
    text: list[str] = []

    def refuse(*_: object) -> None:
        raise _Refused()

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth, current
        depth += 1
        if depth == 1 and tag != "map":
            raise _Refused()
        if depth != 2:
            return
        name = attributes.get("name")
        if name is None:
            return
        if tag == "string":
            current = name
            text.clear()
        elif tag in _VALUE_ATTRIBUTE_TAGS and "value" in attributes:
            values[name] = attributes["value"]

    def end(tag: str) -> None:
        nonlocal depth, current
        if depth == 2 and current is not None:
            values[current] = "".join(text)
            current = None
        depth -= 1

    def characters(chunk: str) -> None:
        if depth == 2 and current is not None:
            text.append(chunk)

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, _Refused, ValueError, LookupError) as error:
        raise DamagedFile(format_title, f"not a shared_prefs map: {error!r}") from error
    return values

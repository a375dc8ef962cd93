"""A ``java.util.HashMap<String, String>`` written by ``ObjectOutputStream``, and nothing else.

FreeOTP 2.x backups are exactly that. Rather than a general deserialiser (which would
accept, and build, far more than these files hold), this reads the one shape the Java
Object Serialization Stream Protocol gives such a map:

``AC ED 00 05``, ``TC_OBJECT``, a ``TC_CLASSDESC`` for ``java.util.HashMap`` with
primitive fields only (``loadFactor``, and ``threshold`` on older Java), ``TC_ENDBLOCKDATA``,
``TC_NULL`` (no superclass), the field values, then the ``writeObject`` data: a block
with the capacity and the size, the keys and values as ``TC_STRING``/``TC_LONGSTRING``
(or ``TC_REFERENCE`` to an earlier string), and ``TC_ENDBLOCKDATA``.
"""

from __future__ import annotations

import struct

MAGIC = b"\xac\xed\x00\x05"
_HASHMAP = "java.util.HashMap"
_HASHMAP_UID = 362498820763181265

_TC_NULL = 0x70
_TC_REFERENCE = 0x71
_TC_CLASSDESC = 0x72
_TC_OBJECT = 0x73
_TC_STRING = 0x74
_TC_BLOCKDATA = 0x77
_TC_ENDBLOCKDATA = 0x78
_TC_BLOCKDATALONG = 0x7A
_TC_LONGSTRING = 0x7C
_BASE_HANDLE = 0x7E0000
_SC_WRITE_METHOD = 0x01
_SC_SERIALIZABLE = 0x02
_PRIMITIVE_SIZES = {"B": 1, "C": 2, "D": 8, "F": 4, "I": 4, "J": 8, "S": 2, "Z": 1}
_SMALLEST_STRING = 3  # TC_STRING and a two-byte length


class NotAHashMap(ValueError):
    """The bytes are not a serialized ``HashMap`` of strings (or are cut short)."""


def looks_like_hashmap(data: bytes) -> bool:
    return data.startswith(MAGIC) and _HASHMAP.encode() in data[:64]


def read_string_map(data: bytes) -> dict[str, str]:
    return _Reader(data).string_map()


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0
        self.handles: list[object] = []

    def take(self, count: int) -> bytes:
        end = self.offset + count
        if count < 0 or end > len(self.data):
            raise NotAHashMap("cut short")
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def expect(self, code: int, what: str) -> None:
        found = self.byte()
        if found != code:
            raise NotAHashMap(f"expected {what}, found 0x{found:02x}")

    def unsigned(self, size: int) -> int:
        return int.from_bytes(self.take(size), "big")

    def utf(self, length_size: int = 2) -> str:
        return _modified_utf8(self.take(self.unsigned(length_size)))

    def string_map(self) -> dict[str, str]:
        if self.take(4) != MAGIC:
            raise NotAHashMap("not a Java serialization stream")
        self.expect(_TC_OBJECT, "an object")
        self.expect(_TC_CLASSDESC, "a class description")
        value_sizes = self.class_description()
        self.handles.append(_HASHMAP)  # the map object itself
        self.take(sum(value_sizes))  # loadFactor and threshold: not needed
        block = self.block()
        if len(block) < 8:
            raise NotAHashMap("no capacity and size")
        _capacity, size = struct.unpack(">ii", block[:8])
        if size < 0 or size * 2 * _SMALLEST_STRING > len(self.data) - self.offset:
            raise NotAHashMap(f"impossible size {size}")
        result: dict[str, str] = {}
        for _ in range(size):
            key = self.string()
            value = self.string()
            if key is not None and value is not None:
                result[key] = value
        self.expect(_TC_ENDBLOCKDATA, "the end of the map")
        return result

    def class_description(self) -> list[int]:
        """Reads the HashMap class description; returns the sizes of its field values."""
        if self.utf() != _HASHMAP:
            raise NotAHashMap("not a HashMap")
        if int.from_bytes(self.take(8), "big", signed=True) != _HASHMAP_UID:
            raise NotAHashMap("unknown HashMap version")
        self.handles.append("class description")
        flags = self.byte()
        if flags != _SC_SERIALIZABLE | _SC_WRITE_METHOD:
            raise NotAHashMap(f"unexpected class flags 0x{flags:02x}")
        sizes = []
        for _ in range(self.unsigned(2)):
            code = chr(self.byte())
            self.utf()  # the field's name
            if code not in _PRIMITIVE_SIZES:
                raise NotAHashMap(f"unexpected field type {code!r}")
            sizes.append(_PRIMITIVE_SIZES[code])
        self.expect(_TC_ENDBLOCKDATA, "the end of the class annotation")
        self.expect(_TC_NULL, "no superclass")
        return sizes

    def block(self) -> bytes:
        code = self.byte()
        if code == _TC_BLOCKDATA:
            return self.take(self.byte())
        if code == _TC_BLOCKDATALONG:
            return self.take(self.unsigned(4))
        raise NotAHashMap(f"expected block data, found 0x{code:02x}")

    def string(self) -> str | None:
        code = self.byte()
        if code == _TC_STRING:
            text = self.utf(2)
        elif code == _TC_LONGSTRING:
            text = self.utf(8)
        elif code == _TC_REFERENCE:
            index = self.unsigned(4) - _BASE_HANDLE
            if not 0 <= index < len(self.handles):
                raise NotAHashMap("reference to nothing")
            earlier = self.handles[index]
            if not isinstance(earlier, _StringHandle):
                raise NotAHashMap("reference to something other than a string")
            return earlier.text
        elif code == _TC_NULL:
            return None
        else:
            raise NotAHashMap(f"expected a string, found 0x{code:02x}")
        self.handles.append(_StringHandle(text))
        return text


class _StringHandle:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _modified_utf8(raw: bytes) -> str:
    """Java's "modified UTF-8": NUL as ``C0 80``, characters beyond the BMP as two
    separately encoded surrogates."""
    try:
        text = raw.replace(b"\xc0\x80", b"\x00").decode("utf-8", "surrogatepass")
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeError as error:
        raise NotAHashMap("text that is not modified UTF-8") from error

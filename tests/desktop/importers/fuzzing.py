"""Mutations of the corpus samples for the importers' fuzz tests.

An importer may refuse any bytes, but only with an :class:`ImportProblem` whose sentence
renders; ``sniff`` and ``is_encrypted`` never raise at all; every skipped entry carries a
sentence too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from desktop.importers import Importer, ImportProblem, ImportResult, read_bytes
from tests.paths import INTEROP

IMPORTS = json.loads((INTEROP / "imports" / "manifest.json").read_text("utf-8"))
MIGRATION = json.loads((INTEROP / "google-migration" / "manifest.json").read_text("utf-8"))

# TWEESTAP_FUZZ_SCALE=20 runs twenty times as many examples (a deeper run by hand or nightly).
_SCALE = max(1, int(os.environ.get("TWEESTAP_FUZZ_SCALE", "1")))

FUZZ = settings(
    max_examples=150 * _SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""For parsers that cost microseconds per example."""
FUZZ_SLOW = settings(
    max_examples=100 * _SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""For examples that run a password KDF (scrypt, Argon2id, PBKDF2) or decode a picture."""


@dataclass(frozen=True)
class Sample:
    name: str
    data: bytes
    password: str | None


def samples(format_key: str, *, encrypted: bool | None = None) -> list[Sample]:
    """The corpus files of ``format_key`` (``encrypted`` picks plain or encrypted ones)."""
    found = [
        Sample(Path(s["file"]).name, (INTEROP / s["file"]).read_bytes(), s["password"])
        for s in IMPORTS["samples"]
        if s["format"] == format_key and (encrypted is None or s["encrypted"] == encrypted)
    ]
    assert found, format_key
    return found


def migration_samples(*, pictures: bool) -> list[Sample]:
    """Every google-migration file (negative cases too), text or pictures."""
    found = [
        Sample(Path(s["file"]).name, (INTEROP / s["file"]).read_bytes(), None)
        for s in MIGRATION["samples"]
        if s["file"].endswith(".png") == pictures
    ]
    assert found
    return found


def _flip(data: bytes, bits: list[int]) -> bytes:
    changed = bytearray(data)
    for bit in bits:
        changed[bit // 8] ^= 1 << (bit % 8)
    return bytes(changed)


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(
        ["", "totp", "HOTP", "STEAM", "yandex", "SHA512", "MD5", "AA", "==", "\ud800", "a\udfffb"]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_replaced(v, rest, new) if k == head else v) for k, v in value.items()}
    return [(_replaced(v, rest, new) if i == head else v) for i, v in enumerate(value)]


@st.composite
def _json_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    document = json.loads(data.decode("utf-8-sig"))
    path = draw(st.sampled_from(_paths(document)))
    mutated = _replaced(document, path, draw(JSON_VALUES))
    return json.dumps(mutated).encode()


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def mutations(data: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, truncations, bit flips and (for JSON) a value replaced anywhere."""
    choices = [
        st.binary(max_size=2048),
        st.integers(min_value=0, max_value=len(data)).map(lambda n: data[:n]),
    ]
    if data:
        bits = st.lists(
            st.integers(min_value=0, max_value=len(data) * 8 - 1), min_size=1, max_size=8
        )
        choices.append(bits.map(lambda b: _flip(data, b)))
    if _is_json(data):
        choices += [_json_mutation(data), _json_mutation(data)]  # twice: the richest source
    return st.one_of(choices)


def check(importer: Importer, name: str, data: bytes, password: str | None) -> None:
    """Everything an importer may do with ``data``: answer, import, or refuse in words."""
    assert isinstance(importer.sniff(name, data), bool)
    assert isinstance(importer.is_encrypted(data), bool)
    attempts: list[Callable[[], ImportResult]] = [lambda: importer.read(data, password)]
    if password is None:  # the way the app calls it (the KDF is not run twice)
        attempts.append(lambda: read_bytes(name, data, format_key=importer.key))
    for attempt in attempts:
        refusal: ImportProblem | None = None
        try:
            result = attempt()
        except ImportProblem as problem:
            refusal = problem
        if refusal is not None:
            assert refusal.render().strip().encode("utf-8")
            continue
        assert isinstance(result, ImportResult)
        assert result.format_key == importer.key
        # Everything shown can be written as UTF-8 (no lone surrogates from JSON escapes).
        for skipped in result.skipped:
            assert skipped.label.encode("utf-8")
            assert skipped.reason.render().strip().encode("utf-8")
        for account in result.accounts:
            (account.issuer + account.name).encode("utf-8")
        ids = {account.id for account in result.accounts}
        assert len(ids) == len(result.accounts)
        for group, members in result.groups.items():
            assert group.encode("utf-8")
            assert set(members) <= ids


def check_mutated(
    importer: Importer, pool: list[Sample], data: st.DataObject, *, with_password: bool = False
) -> None:
    """:func:`check` on a mutation of a sample drawn from ``pool``, read without a password
    or (``with_password``) with the sample's own."""
    sample = data.draw(st.sampled_from(pool))
    mutated = data.draw(mutations(sample.data))
    check(importer, sample.name, mutated, sample.password if with_password else None)

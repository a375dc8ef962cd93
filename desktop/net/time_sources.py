"""How far is this computer's clock off, asked of the network: an NTP server and/or the
``Date`` header of the organisation's two-factor server. No Qt, and the clock is passed in.

Each answer becomes a :class:`~desktop.clock.Measurement`, an interval that surely holds the
true offset: the round trip, the 1-second resolution of an HTTP ``Date`` and the NTP server's
own error are all inside it. What a measurement means (warn, correct, keep a correction) is
decided in :mod:`desktop.clock`. No answer (no network, a timeout, a garbled reply) raises
:class:`MeasurementFailed`: no measurement, never a guess.

The SNTP client is our own (RFC 4330, about forty lines) rather than ``ntplib``: ntplib
reads ``time.time()`` itself, so it cannot use the clock seam that the tests shift and the
correction must bypass; it is not a dependency today; and we want the server's root delay
and dispersion in the error bound, which it would leave to us anyway.
"""

from __future__ import annotations

import email.utils
import os
import socket
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.clock import Clock, ClockSources, Measurement, combine

if TYPE_CHECKING:
    import httpx

HTTP_DATE_SLACK = 1.5
"""A server may send a ``Date`` a little older than the moment of the response (uvicorn
refreshes its value once a second); on top of the header's 1-second resolution."""
NTP_PORT = 123
HEALTH_PATH = "/api/health"

_NTP_TO_UNIX = 2_208_988_800  # seconds from 1900-01-01 to 1970-01-01
_NTP_PACKET = struct.Struct(">BBbbiI4s8s8s8s8s")
_CLIENT_MODE, _SERVER_MODE, _VERSION = 3, 4, 4
_UNSYNCHRONISED = 3


class MeasurementFailed(Exception):
    """No usable answer; the message is technical English for the log, never shown."""


# -- SNTP (RFC 4330) -----------------------------------------------------------------------


def sntp_query(
    host: str, clock: Clock, *, port: int = NTP_PORT, timeout: float = 2.0
) -> Measurement:
    """Ask the NTP server ``host`` once. Offset and bound as in RFC 4330 section 5:
    ``((t1 - t0) + (t2 - t3)) / 2``, error at most half the round trip ``(t3 - t0) -
    (t2 - t1)`` plus the server's own root delay / 2 and root dispersion."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_DGRAM
        )[0]
    except (OSError, UnicodeError) as error:
        raise MeasurementFailed(f"{host}: {error}") from None
    nonce = os.urandom(8)  # sent as our transmit time: a reply must echo it (and no leak)
    request = bytes([_VERSION << 3 | _CLIENT_MODE]) + bytes(39) + nonce
    try:
        with socket.socket(family, kind, proto) as sock:
            sock.settimeout(timeout)
            sock.connect(address)  # replies from anywhere else are dropped by the kernel
            t0 = clock.now()
            sock.send(request)
            for _ in range(8):  # a stray or stale packet: wait for the next (or time out)
                reply = sock.recv(1024)
                if len(reply) >= _NTP_PACKET.size and reply[24:32] == nonce:
                    break
            else:
                raise MeasurementFailed(f"{host}: no reply to our request")
            t3 = clock.now()
    except OSError as error:  # timeout, refused (ICMP), unreachable network
        raise MeasurementFailed(f"{host}: {error}") from None
    fields = _NTP_PACKET.unpack_from(reply)
    flags, stratum, root_delay, root_dispersion = fields[0], fields[1], fields[4], fields[5]
    receive, transmit = fields[9], fields[10]
    if flags & 0x7 != _SERVER_MODE or flags >> 6 == _UNSYNCHRONISED:
        raise MeasurementFailed(f"{host}: not a synchronised server reply")
    if not 1 <= stratum <= 15 or transmit == bytes(8):
        raise MeasurementFailed(f"{host}: kiss-of-death or empty reply (stratum {stratum})")
    t1, t2 = _ntp_time(receive), _ntp_time(transmit)
    offset = ((t1 - t0) + (t2 - t3)) / 2
    delay = max(0.0, (t3 - t0) - (t2 - t1))
    bound = delay / 2 + max(0, root_delay) / 65536 / 2 + root_dispersion / 65536
    return Measurement(offset - bound, offset + bound, "ntp", t3)


def _ntp_time(stamp: bytes) -> float:
    seconds, fraction = (int(part) for part in struct.unpack(">II", stamp))
    if seconds < 0x80000000:  # RFC 4330 section 3: era 1, from 2036-02-07 on
        seconds += 2**32
    return seconds - _NTP_TO_UNIX + fraction / 2**32


# -- HTTP Date (RFC 9110 section 6.6.1) -------------------------------------------------------


def http_date_query(
    server_url: str,
    clock: Clock,
    *,
    timeout: float = 3.0,
    transport: httpx.BaseTransport | None = None,
) -> Measurement:
    """Read the ``Date`` of the server's ``/api/health`` twice over one connection (the
    first request also opens it) and keep what both answers allow.

    A ``Date`` of second D was stamped at a true time in [D, D + 1 + slack) somewhere
    between sending (t0) and receiving (t3), so the offset lies in
    (D - t3, D + 1 + slack - t0).
    """
    import httpx  # only when measuring: keeps it out of the window's start-up

    url = server_url.rstrip("/") + HEALTH_PATH
    intervals: list[Measurement] = []
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport) as client:
            for _ in range(2):
                t0 = clock.now()
                response = client.get(url, headers={"Cache-Control": "no-cache"})
                t3 = clock.now()
                date = _parse_date(response.headers.get("date"))
                intervals.append(
                    Measurement(date - t3, date + 1 + HTTP_DATE_SLACK - t0, "server", t3)
                )
    except httpx.HTTPError as error:
        raise MeasurementFailed(f"{url}: {type(error).__name__}: {error}") from None
    combined = combine(intervals)
    if combined is None:
        raise MeasurementFailed(f"{url}: two Date headers that contradict each other")
    return combined


def _parse_date(value: str | None) -> float:
    if not value:
        raise MeasurementFailed("no Date header")
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        raise MeasurementFailed(f"unreadable Date header {value!r}") from None
    if moment.tzinfo is None:
        raise MeasurementFailed(f"Date header without a time zone {value!r}")
    return moment.timestamp()


# -- every configured source -------------------------------------------------------------


def measure(
    sources: ClockSources,
    clock: Clock,
    *,
    ntp: Callable[[str, Clock], Measurement] = sntp_query,
    http: Callable[[str, Clock], Measurement] = http_date_query,
    failures: list[str] | None = None,
) -> Measurement | None:
    """Measure with every configured source; ``None`` when none answered (or they
    disagree). ``failures`` collects why a source gave nothing (technical, for the log)."""
    found: list[Measurement] = []
    queries: list[tuple[Callable[[str, Clock], Measurement], str]] = []
    if sources.use_ntp:
        queries.append((ntp, sources.ntp_server))
    if sources.use_server:
        queries.append((http, sources.server_url))
    for query, where in queries:
        try:
            found.append(query(where, clock))
        except MeasurementFailed as failure:
            if failures is not None:
                failures.append(str(failure))
    combined = combine(found)
    if combined is None and len(found) > 1 and failures is not None:
        failures.append("the sources disagree: " + ", ".join(map(repr, found)))
    return combined

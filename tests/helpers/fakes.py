"""Every stand-in the tests (and the screenshot scripts) use where the real thing is the
edge of the machine: a keyring in memory, timers that fire when told to, a clock that is
off, an NTP server on loopback. Real objects everywhere else (a vault in a temporary
folder, a real server on a free port)."""

from __future__ import annotations

import socket
import struct
import threading
import time

from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QObject

from desktop.ui.common.timer import Timer
from desktop.vault import PasswordRequest

NTP_TO_UNIX = 2_208_988_800


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the test (or the scene)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class FakeTimer(Timer):
    """A :class:`Timer` that only fires when a test calls :meth:`fire`."""

    def __init__(self, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        self._active = False
        self._interval = 0
        self.starts = 0

    def start(self, msec: int) -> None:
        self._active = True
        self._interval = max(0, msec)
        self.starts += 1

    def stop(self) -> None:
        self._active = False

    def is_active(self) -> bool:
        return self._active

    def interval(self) -> int:
        return self._interval

    def fire(self) -> None:
        """Time out now (as if the interval had passed); a stopped timer does nothing."""
        if self._active:
            self._active = False
            self.timeout.emit()


class FakeTimers:
    """A timer factory that remembers every timer it made."""

    def __init__(self) -> None:
        self.made: list[FakeTimer] = []

    def __call__(self, parent: QObject) -> Timer:
        timer = FakeTimer(parent)
        self.made.append(timer)
        return timer

    def active(self) -> list[FakeTimer]:
        return [timer for timer in self.made if timer.is_active()]


class ShiftedClock:
    """This computer's clock, ``shift`` seconds off the true time (negative: behind)."""

    def __init__(self, shift: float) -> None:
        self.shift = shift

    def now(self) -> float:
        return time.time() + self.shift


def ntp_stamp(t: float) -> bytes:
    seconds = int(t) + NTP_TO_UNIX
    return struct.pack(">II", seconds % 2**32, int((t % 1) * 2**32))


class FakeNtpServer:
    """Answers SNTP requests on 127.0.0.1 with the true time (``time.time()``).

    ``delay_out``/``delay_back`` put seconds of "network" before and after the server's
    timestamps; the other fields make broken or hostile replies.
    """

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port: int = self.sock.getsockname()[1]
        self.delay_out = 0.0
        self.delay_back = 0.0
        self.stratum = 2
        self.leap = 0
        self.root_delay = 0.0
        self.root_dispersion = 0.0
        self.echo = True
        self.silent = False
        self.requests = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                request, client = self.sock.recvfrom(512)
            except TimeoutError:
                continue
            except OSError:
                return
            self.requests += 1
            if self.silent:
                continue
            time.sleep(self.delay_out)
            stamp = ntp_stamp(time.time())
            originate = request[40:48] if self.echo else b"\x01" * 8
            reply = struct.pack(
                ">BBbbiI4s8s8s8s8s",
                self.leap << 6 | 4 << 3 | 4,
                self.stratum,
                6,
                -20,
                int(self.root_delay * 65536),
                int(self.root_dispersion * 65536),
                b"TEST",
                stamp,
                originate,
                stamp,
                stamp,
            )
            time.sleep(self.delay_back)
            self.sock.sendto(reply, client)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


# -- keyrings that fail, forget or hold nothing -------------------------------------------


class DictKeyring(KeyringBackend):
    """A keyring in a dict. It has no ``priority``, so keyring never picks it by itself, and
    like a real backend it refuses to delete an entry it does not hold."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class FailingKeyring(DictKeyring):
    """A keyring whose every call raises ``error`` (as a broken D-Bus keyring would)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


class ForgetfulKeyring(DictKeyring):
    """Accepts keys and keeps none."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


class EmptyChainer(chainer.ChainerBackend):
    """keyring's chainer on a machine where it found nothing to chain."""

    backends: list[KeyringBackend] = []  # noqa: RUF012 - shadows the discovering property


def fail_keyring() -> KeyringBackend:
    return fail.Keyring()  # type: ignore[no-untyped-call]


def null_keyring() -> KeyringBackend:
    return null.Keyring()  # type: ignore[no-untyped-call]


def empty_chainer() -> KeyringBackend:
    return EmptyChainer()  # type: ignore[no-untyped-call]


class DBusException(Exception):
    """Stands in for a D-Bus error leaking out of a backend."""


class Prompt:
    """A password prompt that records what it was asked and answers from a list."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.requests: list[PasswordRequest] = []

    def __call__(self, request: PasswordRequest) -> str | None:
        self.requests.append(request)
        return self.answers.pop(0)


def never_asked(request: PasswordRequest) -> str | None:
    raise AssertionError(f"the prompt should not be used: {request}")

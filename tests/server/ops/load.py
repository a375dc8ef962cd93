"""Code checks against a running server from a thread, for as long as a test does something
else (a backup, a key rotation): every answer is kept, so the test can say none failed."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import httpx

from tests.server.ops.org import Org, verify


@dataclass
class CodeChecks:
    org: Org
    url: str
    names: list[str]
    pause: float = 0.0  # between two checks: spreads a user's two codes per half minute
    answers: list[tuple[str, int, str]] = field(default_factory=list)  # name, status, body
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> CodeChecks:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        with self.org.services() as services:
            while not self._stop.is_set():
                for name in self.names:
                    if self._stop.is_set():
                        return
                    code = self.org.next_code(name)
                    if code is None:  # this user used both steps it may; the next one
                        continue
                    token = self.org.session(services, name)
                    try:
                        answer = verify(self.url, token, code)
                    except httpx.HTTPError as error:
                        self.answers.append((name, 0, repr(error)))
                    else:
                        self.answers.append((name, answer.status_code, answer.text))
                    self._stop.wait(self.pause)
                self._stop.wait(0.05)

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(60)

    def wait_for(self, count: int, timeout: float = 60) -> None:
        """Until ``count`` checks were answered in all."""
        deadline = time.monotonic() + timeout
        while len(self.answers) < count:
            assert time.monotonic() < deadline, f"only {len(self.answers)} code checks answered"
            time.sleep(0.02)

    @property
    def failures(self) -> list[tuple[str, int, str]]:
        return [answer for answer in self.answers if answer[1] != 200]

"""Mail delivery: the outbox writes one private .eml per message; SMTP speaks to a server."""

from __future__ import annotations

import socketserver
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from server_stub.mail import OutboxMailer, SmtpMailer, build_message, mailer_from_settings
from server_stub.settings import Settings, SmtpSettings


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept one message (no TLS, no auth)."""

    received: list[bytes]

    def handle(self) -> None:
        self.wfile.write(b"220 test ESMTP\r\n")
        in_data, data = False, b""
        for line in self.rfile:
            if in_data:
                if line == b".\r\n":
                    self.received.append(data)
                    in_data = False
                    self.wfile.write(b"250 queued\r\n")
                else:
                    data += line
                continue
            command = line[:4].upper()
            if command == b"EHLO":
                self.wfile.write(b"250-test\r\n250 8BITMIME\r\n")
            elif command == b"DATA":
                in_data = True
                self.wfile.write(b"354 go ahead\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, list[bytes]]]:
    received: list[bytes] = []
    handler = type("Handler", (_SmtpHandler,), {"received": received})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    server.shutdown()
    server.server_close()


def test_smtp_delivery(smtp_server: tuple[int, list[bytes]]) -> None:
    port, received = smtp_server
    mailer = SmtpMailer(SmtpSettings(host="127.0.0.1", port=port, starttls=False))
    mailer.send(build_message(sender="a@example.org", to="b@example.org", subject="Code", body="1"))
    assert len(received) == 1
    assert b"Subject: Code" in received[0]


def test_outbox_writes_one_private_file_per_message(tmp_path: Path) -> None:
    mailer = OutboxMailer(tmp_path / "outbox")
    for number in range(3):
        mailer.send(build_message(sender="a@x.nl", to="b@x.nl", subject=f"n{number}", body="."))
    files = sorted((tmp_path / "outbox").iterdir())
    assert len(files) == 3
    assert all(f.suffix == ".eml" and stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_smtp_is_used_when_configured(tmp_path: Path) -> None:
    plain = Settings.from_env({}, home=tmp_path)
    assert isinstance(mailer_from_settings(plain), OutboxMailer)
    smtp = Settings.from_env({"TWEESTAP_SERVER_SMTP_HOST": "mail.example.org"}, home=tmp_path)
    assert isinstance(mailer_from_settings(smtp), SmtpMailer)

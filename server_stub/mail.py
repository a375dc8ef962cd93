"""Outgoing mail: SMTP when configured, else one ``.eml`` file per message in an outbox folder.

The outbox is how the demo, the tests and a developer without a mail server read e-mail
codes and activation links.
"""

from __future__ import annotations

import os
import smtplib
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Protocol

from server_stub.settings import Settings, SmtpSettings


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None: ...


def build_message(*, sender: str, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message


class OutboxMailer:
    """Writes each message atomically to ``folder`` as ``<utc-time>-<random>.eml`` (0600)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        temporary = self.folder / f".{name}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(message.as_bytes(policy=SMTP))
        os.replace(temporary, self.folder / name)


class SmtpMailer:
    def __init__(self, config: SmtpSettings) -> None:
        self.config = config

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.config.host, self.config.port, timeout=15) as client:
            if self.config.starttls:
                client.starttls()
            if self.config.username:
                client.login(self.config.username, self.config.password or "")
            client.send_message(message)


def mailer_from_settings(settings: Settings) -> Mailer:
    if settings.smtp is not None:
        return SmtpMailer(settings.smtp)
    return OutboxMailer(settings.outbox_dir)

"""A mail that went out: an e-mail code, or an activation link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class MailSent:
    sent_to: str
    """The address, masked (``j***@example.org``): the answer may reach someone else."""
    expires_at: datetime
    """When the code or the link stops working."""

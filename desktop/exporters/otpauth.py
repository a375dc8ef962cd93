"""A plain list of ``otpauth://`` links, one per line: what nearly every app imports.

Not encrypted: anyone who reads the file can make the codes. The CLI and the export
window say so before writing it.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.exporters import require_accounts
from desktop.otp.model import Account
from desktop.otp.uri import format_uri


def write_links(accounts: Sequence[Account]) -> bytes:
    require_accounts(accounts)
    return "".join(format_uri(account) + "\n" for account in accounts).encode("utf-8")

"""The file each export format writes: its bytes, its suffix and the name offered for it.

(The Google Authenticator QR codes are pictures to scan, not a file: :mod:`.google`.)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from desktop.exporters import ExportFormat
from desktop.otp.model import Account

FILE_SUFFIXES: dict[ExportFormat, str] = {
    ExportFormat.TWEESTAP: ".tweestap-backup",
    ExportFormat.AEGIS: ".json",
    ExportFormat.AEGIS_ENCRYPTED: ".json",
    ExportFormat.OTPAUTH: ".txt",
    ExportFormat.GOOGLE_QR: ".png",
}


def export_bytes(
    export_format: ExportFormat,
    accounts: Sequence[Account],
    password: str | None,
    *,
    now: float,
) -> bytes:
    """The file of a file format (everything but :attr:`ExportFormat.GOOGLE_QR`)."""
    from desktop.exporters import aegis, backup, otpauth

    match export_format:
        case ExportFormat.TWEESTAP:
            return backup.write_backup(
                accounts, password or "", created=datetime.fromtimestamp(now, UTC)
            )
        case ExportFormat.AEGIS_ENCRYPTED:
            return aegis.write_encrypted(accounts, password or "")
        case ExportFormat.AEGIS:
            return aegis.write_plain(accounts)
        case ExportFormat.OTPAUTH:
            return otpauth.write_links(accounts)
    raise ValueError(f"{export_format} is not a file format")


def default_file_name(export_format: ExportFormat, now: float) -> str:
    day = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")
    stem = {
        ExportFormat.TWEESTAP: "tweestap-backup",
        ExportFormat.AEGIS: "aegis-export-plain",
        ExportFormat.AEGIS_ENCRYPTED: "aegis-export",
        ExportFormat.OTPAUTH: "otpauth-links",
        ExportFormat.GOOGLE_QR: "google-authenticator",
    }[export_format]
    return f"{stem}-{day}{FILE_SUFFIXES[export_format]}"

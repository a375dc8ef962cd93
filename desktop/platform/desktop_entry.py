"""The Linux desktop entry: Tweestap in the application menu, and the handler of
``otpauth://`` and ``otpauth-migration://`` links (a link opened in the browser or a mail
lands in the add dialog for review; nothing is stored without the person's "Add").

Follows the freedesktop.org specifications: the entry goes to
``$XDG_DATA_HOME/applications``, the icon into the hicolor theme, and ``xdg-mime`` (from
xdg-utils, present on every Linux desktop) records the default handler of each scheme.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.links import SCHEMES, is_link
from desktop.paths import RESOURCES

__all__ = ["SCHEMES", "Installed", "RegistrationFailed", "install", "is_link", "uninstall"]

DESKTOP_FILE = "nl.tweestap.Tweestap.desktop"
ICON_NAME = "tweestap"
ICON_SOURCE = RESOURCES / "icons" / "tweestap.svg"


class RegistrationFailed(UserError):
    pass


@dataclass(frozen=True, slots=True)
class Installed:
    entry: Path
    icon: Path | None
    schemes: tuple[str, ...]


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launcher() -> list[str]:
    """The command that starts this very installation of Tweestap.

    A PyInstaller build is its own executable; a Python installation is started through
    its interpreter, so the entry keeps working whatever ``PATH`` the desktop session has.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    return [str(Path(sys.executable)), "-m", "desktop"]


def entry_text(command: list[str]) -> str:
    exec_line = " ".join(_quote_exec(part) for part in command)
    mime_types = "".join(f"x-scheme-handler/{scheme};" for scheme in SCHEMES)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Tweestap\n"
        "GenericName=Authenticator\n"
        "GenericName[nl]=Authenticator\n"
        "Comment=Two-step verification codes on your computer\n"
        "Comment[nl]=Codes voor tweestapsverificatie op je computer\n"
        f"Exec={exec_line} %u\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "Categories=Utility;Security;Qt;\n"
        "Keywords=2FA;TOTP;OTP;authenticator;tweestapsverificatie;\n"
        f"MimeType={mime_types}\n"
        "StartupWMClass=tweestap\n"
    )


def install(command: list[str] | None = None, *, home: Path | None = None) -> Installed:
    """Write the entry and the icon and make Tweestap the handler of the link schemes."""
    root = home if home is not None else data_home()
    applications = root / "applications"
    entry = applications / DESKTOP_FILE
    icon: Path | None = None
    try:
        applications.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(".tmp")
        temporary.write_text(entry_text(command or launcher()), encoding="utf-8")
        temporary.replace(entry)
        if ICON_SOURCE.is_file():
            icon = root / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
            icon.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ICON_SOURCE, icon)
    except OSError as error:
        raise _cannot_write(error, root) from None
    xdg_mime = shutil.which("xdg-mime")
    if xdg_mime is None:
        raise RegistrationFailed(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Tweestap was added to the application menu, but it cannot become the "
                "handler of otpauth links: the program xdg-mime (package xdg-utils) is missing.",
            )
        )
    for scheme in SCHEMES:
        done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [xdg_mime, "default", DESKTOP_FILE, f"x-scheme-handler/{scheme}"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RegistrationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Registering Tweestap for {scheme} links failed: {reason}"
                ),
                scheme=scheme,
                reason=(done.stderr or done.stdout).strip() or f"exit {done.returncode}",
            )
    return Installed(entry, icon, SCHEMES)


def uninstall(*, home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; returns the files removed."""
    root = home if home is not None else data_home()
    removed = []
    for path in (
        root / "applications" / DESKTOP_FILE,
        root / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg",
    ):
        if path.exists():
            try:
                path.unlink()
            except OSError as error:
                raise _cannot_write(error, root) from None
            removed.append(path)
    return removed


def _cannot_write(error: OSError, root: Path) -> RegistrationFailed:
    return RegistrationFailed(
        QT_TRANSLATE_NOOP(
            "Errors", "The application menu in {folder} cannot be changed ({reason})."
        ),
        folder=str(error.filename or root),
        reason=error.strerror or type(error).__name__,
    )


def _quote_exec(part: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec wants (double quotes, with
    ``"`` ``$`` ``\\`` and backtick escaped; ``%`` doubled)."""
    part = part.replace("%", "%%")
    if part and all(c.isalnum() or c in "/-_.=+:,@" for c in part):
        return part
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in part)
    return f'"{escaped}"'

"""Light, dark or the system's colours (the ``theme`` setting), applied while running.

Qt 6.8+ can ask the platform for a colour scheme (:meth:`QStyleHints.setColorScheme`);
where the platform theme cannot follow (plain X11, offscreen), the Fusion palette is set
by hand so the choice still shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from desktop.settings import Settings

_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply_theme(theme: str) -> None:
    """``system``, ``light`` or ``dark``."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    hints = app.styleHints()
    scheme = _SCHEMES.get(theme)
    if scheme is None:
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # back to the platform's own palette
        return
    hints.setColorScheme(scheme)
    if hints.colorScheme() == scheme:
        app.setPalette(QPalette())
        return
    if scheme == Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    elif isinstance(app, QApplication):
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(QPalette())


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    palette = QPalette()
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e8e8e8",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#2b2b2b",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#e8e8e8",
        role.Text: "#e8e8e8",
        role.PlaceholderText: "#9a9a9a",
        role.Button: "#353535",
        role.ButtonText: "#e8e8e8",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3e3e3e",
        role.Mid: "#5a5a5a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#2f6fb8",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb2ee",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(disabled, colour_role, QColor("#7a7a7a"))
    return palette


def load_settings() -> Settings:
    """The settings file, with its language and colours applied (before any window)."""
    from desktop import i18n
    from desktop import settings as s

    settings = s.Settings.load()
    language = settings.get(s.LANGUAGE)
    i18n.install(None if language == "system" else language)
    if settings.get(s.THEME) != "system":
        apply_theme(settings.get(s.THEME))
    return settings


def clear_after(settings: Settings) -> float:
    from desktop import settings as s

    return float(settings.get(s.CLIPBOARD_CLEAR_SECONDS))

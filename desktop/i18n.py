"""Dutch and English through Qt's translation system, for the CLI and the windows alike.

The English text in the sources is the key; ``resources/translations/tweestap_nl.ts`` holds
the Dutch, compiled to ``.qm`` by ``make translations`` (``pyside6-lrelease``). Dutch is used
on a Dutch system (``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``), English otherwise;
``TWEESTAP_LANG=nl|en`` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.errors import UserError

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("nl", "en")

_installed: list[QTranslator] = []


def system_language() -> str:
    """``nl`` or ``en`` from the environment the way gettext reads it, Qt's guess last."""
    override = os.environ.get("TWEESTAP_LANG", "").strip().lower()
    if override in LANGUAGES:
        return override
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "nl" if value.split(":")[0].lower().startswith("nl") else "en"
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


def install(language: str | None = None) -> str:
    """Load the translation for ``language`` (default: the system's) into the Qt app.

    A QCoreApplication must exist (the CLI creates one on demand). Returns the language used.
    """
    language = language or system_language()
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create a QCoreApplication before installing translations")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "en":
        translator = QTranslator(app)
        if translator.load(f"tweestap_{language}", str(TRANSLATIONS_DIR)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            language = "en"
    return language


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: UserError) -> str:
    """The person-facing sentence of ``error``, in the installed language."""
    return error.render(translate)

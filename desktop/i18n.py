"""Dutch and English through Qt's translation system, for the CLI and the windows alike.

The English text in the sources is the key; ``resources/translations/tweestap_nl.ts`` holds
the Dutch, compiled to ``.qm`` by ``make translations`` (``pyside6-lrelease``). Dutch is used
on a Dutch system (``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG``), English otherwise;
``TWEESTAP_LANG=nl|en`` overrides both.

Qt's own words (a text field's Undo/Cut/Copy/Paste menu, the buttons of Qt's file and
message dialogs) come from Qt's catalogue ``qtbase_LANG.qm``, which PySide6 ships (and the
packaged build carries); it is loaded beside ours.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


def qt_translations_dir(language: str = "nl") -> Path | None:
    """The folder holding Qt's own catalogue for ``language`` (``qtbase_nl.qm``), or ``None``.

    Qt's configured path first; then where the PySide6 wheel (or a PyInstaller build, which
    keeps the wheel's layout) has them, in case a build's ``qt.conf`` points elsewhere.
    """
    candidates = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    import PySide6

    candidates.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "PySide6" / "Qt" / "translations")
    for folder in candidates:
        if (folder / f"qtbase_{language}.qm").is_file():
            return folder
    return None


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
            _install_qt_catalogue(app, language)
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            language = "en"
    return language


def _install_qt_catalogue(app: QCoreApplication, language: str) -> None:
    """Qt's own words in ``language``; a missing catalogue is said once on stderr (a
    packaging fault: the window then mixes languages) and is no reason not to start."""
    folder = qt_translations_dir(language)
    translator = QTranslator(app)
    if folder is not None and translator.load(f"qtbase_{language}", str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
        return
    sys.stderr.write(f"tweestap: Qt's own translation qtbase_{language}.qm is missing\n")


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: UserError) -> str:
    """The person-facing sentence of ``error``, in the installed language."""
    return error.render(translate)

"""What the screenshot scripts share: their options, the languages to render, the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop import i18n  # noqa: E402

LANGUAGES = ("en", "nl")


def options(description: str) -> argparse.ArgumentParser:
    """``--out``, ``--lang`` and ``--translations``; a script adds its own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument(
        "--translations",
        type=Path,
        help="take the compiled tweestap_LANG.qm from this folder (to preview a translation)",
    )
    return parser


def languages(args: argparse.Namespace) -> list[str]:
    """The ``--lang`` choices, else ``TWEESTAP_LANG``'s language, else both."""
    chosen: list[str] | None = args.lang
    env_lang = os.environ.get("TWEESTAP_LANG", "")
    return chosen or ([env_lang] if env_lang in LANGUAGES else list(LANGUAGES))


def start_app(args: argparse.Namespace) -> QApplication:
    """The application (Fusion style), with ``--translations`` in use and ``--out`` made."""
    if args.translations is not None:
        i18n.TRANSLATIONS_DIR = args.translations
    app = QApplication(["tweestap"])
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    return app


def install(language: str) -> bool:
    """Whether ``language``'s compiled translation is installed (warns when it is not)."""
    if i18n.install(language) == language:
        return True
    print(f"warning: no compiled {language} translation; the texts stay English")
    return False

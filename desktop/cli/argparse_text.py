"""argparse's own sentences ("usage:", "options", "the following arguments are required")
in the user's language, from the same Qt catalogue as everything else.

argparse looks its sentences up through a module-level gettext function ``_`` at the
moment it needs them; :func:`install` points that at Qt's translator. The sentences are
listed here so that ``pyside6-lupdate`` extracts them (context "argparse").
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from desktop.errors import QT_TRANSLATE_NOOP

CONTEXT = "argparse"

SENTENCES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def install() -> None:
    """Make argparse ask Qt's translator (installed by :func:`desktop.i18n.install`)."""
    argparse._ = translate  # type: ignore[attr-defined]

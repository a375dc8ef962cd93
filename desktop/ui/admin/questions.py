"""The questions the admin panel asks before it acts (tests replace these functions)."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


def confirm_box(
    parent: QWidget | None, title: str, text: str, action: str
) -> tuple[QMessageBox, QPushButton]:
    """The question box and its button that does ``action`` (Cancel is the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        QCoreApplication.translate("AdminQuestions", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(cancel)
    return box, go


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before a consequential action; ``action`` is the text of the button that does it."""
    box, go = confirm_box(parent, title, text, action)
    box.exec()
    return box.clickedButton() is go


def ask_unsaved(parent: QWidget | None, what: str) -> Unsaved:
    """``what`` names the unsaved changes ("the policy", "the account of jan")."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("AdminQuestions", "Unsaved changes"),
        QCoreApplication.translate(
            "AdminQuestions", "You changed {what} without saving. Save the changes?"
        ).format(what=what),
        parent=parent,
    )
    save = box.addButton(
        QCoreApplication.translate("AdminQuestions", "Save"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("AdminQuestions", "Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    stay = box.addButton(
        QCoreApplication.translate("AdminQuestions", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Unsaved.SAVE
    if clicked is discard:
        return Unsaved.DISCARD
    if clicked is stay:
        return Unsaved.STAY
    return Unsaved.STAY

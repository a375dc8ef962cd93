"""Errors that reach a person, carrying a sentence that can be translated.

Domain code stays free of Qt: it marks its sentences with :func:`QT_TRANSLATE_NOOP`
(a no-op that ``pyside6-lupdate`` recognises) and the presentation layer (CLI or
widgets) translates the English text and then fills in the ``{placeholders}``.
"""

from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]
"""``translate(context, source_text) -> text`` as QCoreApplication.translate."""

ERRORS = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker name
    """Mark ``text`` for extraction into the ``.ts`` files; return it unchanged."""
    return text


def untranslated(context: str, text: str) -> str:
    return text


class UserError(Exception):
    """Base of every error caused by what a person typed, chose or opened.

    ``text`` is the English source sentence (a key into the translations), ``params``
    fill its ``{placeholders}`` after translation.
    """

    context = ERRORS

    def __init__(self, text: str, **params: object) -> None:
        super().__init__(text.format(**params))
        self.text = text
        self.params = params

    def render(self, translate: Translate = untranslated) -> str:
        return translate(self.context, self.text).format(**self.params)


class UnexpectedProblem(UserError):
    """A bug on this side, said rather than hidden; the detail is technical."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Something unexpected went wrong: {detail}"),
            detail=detail,
        )

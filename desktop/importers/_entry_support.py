"""What the app-private formats share beyond :mod:`._kit`: one entry-level refusal, and
JSON kept inside a string (a preference's value, a map entry, a JSON object's key)."""

from __future__ import annotations

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers._kit import EntryProblem, json_value


def not_importable() -> EntryProblem:
    """An entry the app keeps in a form no other app can use: a key it encrypted with the
    phone's own key store, or an account that makes no codes (sign-in approvals)."""
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors", "Tweestap cannot import this kind of account, so it was left out."
        )
    )


def json_in_text(text: str) -> object | None:
    """The JSON value written in ``text``, or ``None``. A lone surrogate (JSON's
    ``"\\ud800"`` decodes to one) makes it no JSON rather than an encoding error."""
    return json_value(text.encode("utf-8", "surrogatepass"))

"""What to do with the QR codes that one scan found (the screen, a screen region, a picture,
the clipboard).

Qt-free, so the add-account window only shows what :func:`choose` decided:

* one account link: fill the key field with it (the window's usual check and review run);
* several account links: let the person pick one, by its service and account name;
* a link that cannot be used (its secret is missing, say): fill the key field too, where
  the usual check says what is wrong with it;
* no account link: explain what the (first) code is instead, or that there was no code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import Account
from desktop.scan.classify import classify
from desktop.scan.errors import ScanError

Source = Literal["screen", "region", "picture"]
Action = Literal["fill", "pick", "explain"]


class NoQrCode(ScanError):
    """The screen or picture holds no QR code that could be read."""


@dataclass(frozen=True, slots=True)
class Option:
    """One account link to pick from: its text and how to show it (unique in a list)."""

    payload: str
    label: str


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """What to do: ``fill`` the key field with ``payload``, ``pick`` one of ``options``
    (then fill the key field with its payload), or ``explain`` with ``message``."""

    action: Action
    payload: str = ""
    options: tuple[Option, ...] = ()
    message: UserError | None = None


def choose(payloads: Iterable[str], *, source: Source = "picture") -> ScanOutcome:
    """The outcome for the texts of the codes found, in the order found (repeats count
    once); ``source`` picks the "no QR code" sentence."""
    scanned = [classify(payload) for payload in dict.fromkeys(payloads)]
    links = [s for s in scanned if s.kind == "account"]
    usable = [s for s in links if s.accounts]
    if len(usable) == 1:
        return ScanOutcome("fill", payload=usable[0].payload.strip())
    if usable:
        labels = unique_labels(label(s.accounts[0]) for s in usable)
        options = tuple(
            Option(s.payload.strip(), text) for s, text in zip(usable, labels, strict=True)
        )
        return ScanOutcome("pick", options=options)
    if links:
        return ScanOutcome("fill", payload=links[0].payload.strip())
    for other in scanned:
        if other.message is not None:
            return ScanOutcome("explain", message=other.message)
    return ScanOutcome("explain", message=no_qr_code(source))


def label(account: Account) -> str:
    """``Service: account`` (as the window shows an added account), or just the name."""
    name = account.name or "?"
    return f"{account.issuer}: {name}" if account.issuer else name


def unique_labels(labels: Iterable[str]) -> list[str]:
    """``labels`` with " (2)", " (3)" appended to repeats, so each can be told apart."""
    seen: dict[str, int] = {}
    result: list[str] = []
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
        result.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return result


def no_qr_code(source: Source) -> NoQrCode:
    if source == "screen":
        return NoQrCode(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No QR code was found on the screen. Make sure the whole QR code is visible "
                "and not covered by this window, then try again.",
            )
        )
    if source == "region":
        return NoQrCode(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No QR code was found in the region you selected. Drag the rectangle around "
                "the whole QR code, with a little space around it.",
            )
        )
    return NoQrCode(
        QT_TRANSLATE_NOOP(
            "Errors",
            "No QR code was found in the picture. Use a sharper or larger picture that "
            "shows the whole QR code.",
        )
    )

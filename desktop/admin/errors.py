"""What the 2FA server (or the way to it) can refuse, each as a sentence a person can act on.

The client maps every HTTP answer that is not a success to one of these; the panel shows
the sentence and keeps whatever was typed. No sentence contains a password, code or token.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from desktop.errors import QT_TRANSLATE_NOOP, UserError


class AdminError(UserError):
    """Base of everything the admin client reports."""

    transient = False
    """Whether the very same request may succeed later (the server could not be reached or
    was busy). Only then does the panel offer "Try again": a refusal stays a refusal."""
    wait_seconds = 0
    """How long the server asked to wait before trying again (its ``Retry-After``)."""


class InvalidServerAddress(AdminError):
    def __init__(self, address: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "\u201c{address}\u201d is not a server address. Type one like "
                "http://127.0.0.1:8765 or https://2fa.example.org.",
            ),
            address=address,
        )


class ServerUnreachable(AdminError):
    """No connection (refused, no route, the server stopped) or no answer in time."""

    transient = True

    def __init__(self, url: str, text: str | None = None) -> None:
        super().__init__(
            text
            or QT_TRANSLATE_NOOP(
                "Errors",
                "Cannot reach the server at {url}. Check the address and that the server is "
                "running, then try again; nothing you typed is lost.",
            ),
            url=url,
        )
        self.url = url


class ServerTimeout(ServerUnreachable):
    def __init__(self, url: str) -> None:
        super().__init__(
            url,
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server at {url} did not answer in time. Try again in a moment; nothing "
                "you typed is lost.",
            ),
        )


class UnexpectedAnswer(AdminError):
    """An answer this client does not understand (not a Tweestap server, or a server bug)."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server at {url} gave an answer Tweestap does not understand (HTTP "
                "{status}). Is this the address of a Tweestap server?",
            ),
            url=url,
            status=status,
        )
        self.status = status


class InvalidCredentials(AdminError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The username or password is wrong."))


class AccountBlocked(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This account is blocked. Another administrator with module P&O can unblock it.",
            )
        )


class AddressNotAllowed(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This account may not log in from this computer: its IP address is not in "
                "the account's IP list.",
            )
        )


class InvalidCode(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "That code is not right. Use the newest code of this account, and check that "
                "the clock of this computer is right.",
            )
        )


class CodeAlreadyUsed(AdminError):
    """A right code that was used already (on the login page, say): not a wrong guess."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This code has already been used. Wait for the next code of this account (a "
                "new one comes every 30 seconds) and type that one.",
            )
        )


class Throttled(AdminError):
    transient = True

    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Too many wrong codes. Wait {seconds} seconds, then try again."
            ),
            seconds=seconds,
        )
        self.seconds = seconds
        self.wait_seconds = seconds


class ResendLimited(AdminError):
    transient = True

    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "A new e-mail code can be sent in {seconds} seconds."),
            seconds=seconds,
        )
        self.seconds = seconds
        self.wait_seconds = seconds


class SessionExpired(AdminError):
    """The server no longer knows the session (it expired, or was ended)."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Your session has ended. Log in again to continue; nothing you typed is lost.",
            )
        )


class LoginOutOfStep(AdminError):
    """The login session is not at the step this request belongs to, or its key expired."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "This login step has expired. Log in again with your password."
            )
        )


class CredentialUnreadable(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server cannot read the key of your authenticator. Ask another "
                "administrator with module P&O to reset your two-step verification.",
            )
        )


class NoEmailForCode(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Your account has no e-mail address, so no code can be sent to you."
            )
        )


class Forbidden(AdminError):
    """403: the account is not an administrator with module P&O."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Only administrators with module P&O may manage two-step verification and "
                "employee accounts. Ask an administrator with module P&O for this right.",
            )
        )


class EmployeesNeedApp(AdminError):
    """422 ``employees_require_app_after_cutoff``."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Since the cut-off date two-step verification stays on for all employees, "
                "with the authenticator app. The policy was not saved.",
            )
        )


class PrivilegedMustBeEmployee(AdminError):
    """422 ``privileged_must_be_employee``: an extranet account with admin or P&O rights."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An administrator or an account with module P&O is always an employee, so that "
                "it always needs a second factor. The account was not saved.",
            )
        )


class EmployeeStaysEmployee(AdminError):
    """422 ``employee_cannot_become_extranet``."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Since the cut-off date employees always log in with the authenticator app, so "
                "an employee cannot become an extranet user. The account was not saved.",
            )
        )


class CutoffPassed(AdminError):
    """422 ``email_cutoff_passed``: a cut-off date that has passed cannot move later."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The cut-off date has passed, so it cannot be moved to a later date: employees "
                "keep two-step verification with the authenticator app. The policy was not "
                "saved.",
            )
        )


RULE_REFUSALS: Mapping[str, Callable[[], AdminError]] = {
    "employees_require_app_after_cutoff": EmployeesNeedApp,
    "privileged_must_be_employee": PrivilegedMustBeEmployee,
    "employee_cannot_become_extranet": EmployeeStaysEmployee,
    "email_cutoff_passed": CutoffPassed,
}
"""The server's 422 codes for a change that would undo a second-factor rule."""


class TooManyPasswords(AdminError):
    """429 ``too_many_attempts``: wrong passwords for this name (or from this address)."""

    transient = True

    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Too many wrong passwords. Wait {seconds} seconds, then try again."
            ),
            seconds=seconds,
        )
        self.seconds = seconds
        self.wait_seconds = seconds


class ServerBusy(AdminError):
    """503: every password slot is taken, or the server's database is locked for a moment."""

    transient = True

    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server is busy just now. Try again in {seconds} seconds; nothing you "
                "typed is lost.",
            ),
            seconds=seconds,
        )
        self.seconds = seconds
        self.wait_seconds = seconds


class ValidationFailed(AdminError):
    """422 with the server's messages per field (``fields``: field name → message)."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        details = "; ".join(f"{name}: {message}" for name, message in fields.items())
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The server did not accept the changes: {details}"),
            details=details,
        )
        self.fields = dict(fields)


class UserNotFound(AdminError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "There is no account named {name} (any more)."),
            name=name,
        )


class UserExists(AdminError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "An account named {name} already exists."), name=name
        )


class CannotBlockSelf(AdminError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "You cannot block your own account."))


class NoEmailAddress(AdminError):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} has no e-mail address. Fill one in and save it first.",
            ),
            name=name,
        )


class InvalidIpList(AdminError):
    def __init__(self, entry: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "\u201c{entry}\u201d is not an IP address or range. Examples: 192.168.1.10, "
                "10.0.0.0/24, 2001:db8::/32.",
            ),
            entry=entry,
        )
        self.entry = entry


class TooManyIpEntries(AdminError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "An IP list can hold at most {limit} entries."),
            limit=limit,
        )


class InvalidUserName(AdminError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A username starts with a letter or digit and holds at most 64 letters, "
                "digits and . _ @ + -",
            )
        )


class InvalidEmail(AdminError):
    def __init__(self, address: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "\u201c{address}\u201d is not an e-mail address."),
            address=address,
        )


class EmbeddedServerFailed(AdminError):
    def __init__(self, reason: str, log: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The server on this computer could not be started: {reason} (details in {log})",
            ),
            reason=reason,
            log=log,
        )


class NoEmbeddedServer(AdminError):
    """A packaged app (PyInstaller build) carries the authenticator, not the server."""

    def __init__(self, url: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No 2FA server answers at {url}, and this installation of Tweestap does not "
                "include one. Type the address of your organisation's 2FA server.",
            ),
            url=url,
        )


class ExportFailed(AdminError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Could not write {path} ({reason})."),
            path=path,
            reason=reason,
        )

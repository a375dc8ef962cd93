"""What the buttons of an account's Account tab do besides saving its changes: create a new
account, block or unblock, reset two-step verification, reset the password, allow codes
again, send the activation mail. Each asks
first where it cannot be undone, then sends one request on the panel's worker
(:meth:`~desktop.ui.admin.session.AdminSession.call`) and shows the account as the server
now has it. The words are the Account tab's (translation context ``AccountForm``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.admin.model import AccountFields, MailSent, NewUser, User
from desktop.errors import UserError
from desktop.ui.admin import questions

if TYPE_CHECKING:
    from desktop.ui.admin.account_form import AccountForm

translate = QCoreApplication.translate


def create(form: AccountForm, fields: AccountFields, then: Callable[[], None] | None) -> None:
    """Create the account typed in (new-account mode); ``then`` runs once it exists."""
    typed = form.typed()
    try:
        name = form.session.client.contract.user_names.check(typed.name)
    except UserError as error:
        form.show_error(form.form_error, error)
        return
    new = NewUser(name=name, kind=typed.kind, fields=fields)

    def created(result: User) -> None:
        form.show_user(result)
        form.created.emit(result)
        form.session.tell(
            translate(
                "AccountForm",
                "Account {name} created. Send an activation mail so {name} can choose a password.",
            ).format(name=name)
        )
        if then is not None:
            then()

    form.session.call(
        lambda client: client.create_user(new),
        created,
        progress=translate("AccountForm", "Creating the account\u2026"),
        failed=form.server_refused,
    )


def _act(form: AccountForm, work: Callable[[str], User], progress: str, done_text: str) -> None:
    if form.user is None:
        return
    name = form.user.name

    def acted(result: User) -> None:
        form.refresh(result)
        form.session.tell(done_text.format(name=name))

    form.session.call(lambda _client: work(name), acted, progress=progress)


def toggle_block(form: AccountForm) -> None:
    user = form.user
    if user is None:
        return
    client = form.session.client
    if user.blocked:
        _act(
            form,
            client.unblock,
            translate("AccountForm", "Unblocking\u2026"),
            translate("AccountForm", "{name} has been unblocked and can log in again."),
        )
        return
    if not questions.confirm(
        form,
        translate("AccountForm", "Block {name}").format(name=user.name),
        translate(
            "AccountForm",
            "Block {name}? {name} can no longer log in: open sessions end at once and "
            "trusted browsers are forgotten. Unblock the account to let {name} in again.",
        ).format(name=user.name),
        translate("AccountForm", "block"),
    ):
        return
    _act(
        form,
        client.block,
        translate("AccountForm", "Blocking\u2026"),
        translate("AccountForm", "{name} has been blocked."),
    )


def reset_2fa(form: AccountForm) -> None:
    user = form.user
    if user is None:
        return
    if not questions.confirm(
        form,
        translate("AccountForm", "Reset two-step verification"),
        translate(
            "AccountForm",
            "Reset the two-step verification of {name}?\n\n"
            "The authenticator app paired with this account is forgotten. At the next "
            "login {name} sees a new QR code and setup key and pairs the app again; codes "
            "from the old entry in the app no longer work, so ask {name} to delete that "
            "entry first. Open sessions end and trusted browsers are forgotten.",
        ).format(name=user.name),
        translate("AccountForm", "reset two-step verification"),
    ):
        return
    _act(
        form,
        form.session.client.reset_2fa,
        translate("AccountForm", "Resetting two-step verification\u2026"),
        translate(
            "AccountForm",
            "The two-step verification of {name} has been reset: the next login shows a "
            "new QR code.",
        ),
    )


def reset_password(form: AccountForm) -> None:
    user = form.user
    if user is None:
        return
    if user.email:
        text = translate(
            "AccountForm",
            "Reset the password of {name}? The current password stops working at once. "
            "{name} gets an activation mail with a link to choose a new one.",
        )
    else:
        text = translate(
            "AccountForm",
            "Reset the password of {name}? The current password stops working at once. "
            "{name} has no e-mail address, so no link to choose a new one can be sent: "
            "fill in an address and send an activation mail.",
        )
    if not questions.confirm(
        form,
        translate("AccountForm", "Reset password"),
        text.format(name=user.name),
        translate("AccountForm", "reset password"),
    ):
        return
    _act(
        form,
        form.session.client.reset_password,
        translate("AccountForm", "Resetting the password\u2026"),
        translate("AccountForm", "The password of {name} has been reset."),
    )


def clear_throttle(form: AccountForm) -> None:
    _act(
        form,
        form.session.client.clear_throttle,
        translate("AccountForm", "Allowing codes again\u2026"),
        translate("AccountForm", "{name} may enter codes again."),
    )


def send_activation_mail(form: AccountForm) -> None:
    user = form.user
    if user is None:
        return
    name = user.name

    def sent(result: MailSent) -> None:
        form.session.tell(
            translate("AccountForm", "Activation mail for {name} sent to {address}.").format(
                name=name, address=result.sent_to
            )
        )

    form.session.call(
        lambda client: client.send_activation_mail(name),
        sent,
        progress=translate("AccountForm", "Sending the activation mail\u2026"),
    )

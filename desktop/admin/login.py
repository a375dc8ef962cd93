"""An administrator's login to the 2FA server, step by step, free of Qt.

The login dialog shows the steps; this class takes them: which client serves the address
typed (a new one when the address changes), the embedded server started when the address
is its own, the password step with what the server needs next (a setup key to pair, an
e-mail code, or nothing), and the code step, which ends by asking whether this account may
administer at all. Every method that sends a request runs on the dialog's worker thread.
"""

from __future__ import annotations

from desktop.admin.model import Enrollment, MailSent, Next, Overview
from desktop.net import embedded_server
from desktop.net.admin_client import AdminClient, normalize_address
from desktop.net.embedded_server import EmbeddedServer

PasswordOutcome = tuple[Next, Enrollment | MailSent | Overview | None]
"""What comes next, and what it needs: the setup key (``enroll``), the e-mail that was sent
(``email``), the overview of an account that may administer (``done``), else nothing."""


class AdminLogin:
    """The login of one administrator; :attr:`client` is the connection it made (or was
    given, when a session that ended is logged in again)."""

    def __init__(
        self, *, client: AdminClient | None = None, embedded: EmbeddedServer | None = None
    ) -> None:
        self.client = client
        self.embedded = embedded

    def connect(self, address: str) -> AdminClient:
        """The client for ``address`` as typed (:class:`InvalidServerAddress` when it is
        none); the same client while the address stays the same."""
        url = normalize_address(address)
        if self.client is None or self.client.url != url:
            if self.client is not None:
                self.client.close()
            self.client = AdminClient(url)
        return self.client

    def is_embedded(self, url: str) -> bool:
        """Whether ``url`` is the embedded server on this computer (started when needed)."""
        return self.embedded is not None and self.embedded.is_address(url)

    def start_embedded(self) -> bool:
        """Start the embedded server unless it answers already; whether it was started."""
        if self.embedded is None:
            return False
        return embedded_server.ensure_running(self.embedded) is not None

    @staticmethod
    def password_step(client: AdminClient, username: str, password: str) -> PasswordOutcome:
        step = client.login(username, password)
        if step == "enroll":
            return step, client.enrollment()
        if step == "email":
            return step, client.send_email_code()
        if step == "done":
            return step, client.check_access()
        return step, None

    @staticmethod
    def code_step(client: AdminClient, code: str) -> Overview:
        """Send the code; the overview when this account may administer (else
        :class:`~desktop.admin.errors.Forbidden`, and the session is ended)."""
        client.verify(code)
        return client.check_access()

    def close(self) -> None:
        """Forget the client (a login that did not finish: nobody else has it)."""
        if self.client is not None:
            self.client.close()
        self.client = None

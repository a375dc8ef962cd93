"""Every control has a name and a role in the accessibility tree a screen reader reads.

Not Qt's own API: a real Tweestap process runs under Xvfb on a private session bus with
the AT-SPI accessibility bus and "screen reader on" (:mod:`tests.helpers.screen_reader`), and the
test walks the tree it publishes there with the D-Bus calls Orca makes, and operates it the
same way (activating buttons and menu items, typing into fields). Every push button, field,
list, menu item... must have a name, and everything that takes the keyboard focus must have
a control's role.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.otp.model import Account, OtpType
from desktop.settings import CLOCK_SOURCE, Settings
from desktop.vault import open_vault
from tests.helpers.screen_reader import (
    AccessibilitySession,
    AtSpi,
    Info,
    Node,
    accessibility_bus,
    problems,
)
from tests.paths import ROOT
from tests.server.harness import ADMIN, PASSWORD, Harness, start_harness, stop_harness

pytestmark = pytest.mark.gui

VAULT_PASSWORD = "screen reader test"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AccessibilitySession]:
    with accessibility_bus(tmp_path) as started:
        yield started


@pytest.fixture
def atspi(session: AccessibilitySession) -> Iterator[AtSpi]:
    reader = AtSpi(session.a11y_address)
    yield reader
    reader.close()


@pytest.fixture
def home(isolated_environment: Path) -> Path:
    """Three accounts behind a password (no keyring on the private bus), and no clock
    check (it would ask a time server on the internet)."""
    vault = open_vault(isolated_environment, password_prompt=lambda _request: VAULT_PASSWORD)
    vault.add(Account(issuer="Zilliz", name="jan.de.vries@zorggroep.nl", secret=b"1" * 20))
    vault.add(Account(issuer="Microsoft", name="j.devries@zorggroep.nl", secret=b"2" * 20))
    vault.add(Account(issuer="VPN", name="jan", secret=b"3" * 20, type=OtpType.HOTP))
    Settings.load(isolated_environment).update({CLOCK_SOURCE.key: "off"})
    return isolated_environment


@pytest.fixture
def tweestap(
    session: AccessibilitySession, home: Path, tmp_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """``tweestap`` as a person starts it, on the desktop with the screen reader."""
    env = {
        **session.env,
        "QT_QPA_PLATFORM": "xcb",
        "TWEESTAP_HOME": str(home),
        "TWEESTAP_LANG": "en",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "TWEESTAP_PASSWORD": VAULT_PASSWORD,
    }
    log = (tmp_path / "tweestap.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    yield process
    process.terminate()
    process.wait(20)
    log.close()


def tree_of(atspi: AtSpi, window: Node) -> list[Info]:
    return atspi.tree(window)


def test_the_main_window_names_every_control(
    atspi: AtSpi, tweestap: subprocess.Popen[bytes]
) -> None:
    app = atspi.application("Tweestap")
    [main] = atspi.windows(app)
    window = main.node
    atspi.find(window, lambda i: i.role == "list item" and "Zilliz" in i.name, "Zilliz's row")
    tree = tree_of(atspi, window)
    assert problems(tree) == [], "\n".join(problems(tree))
    names = {(info.role, info.name) for info in tree}
    assert ("text", "Search accounts") in names
    assert ("push button", "Add account") in names
    assert ("menu item", "What to do if a code does not work?\u2026") in names
    # Searching shows the field's clear button: it must say what it does, too.
    atspi.type_text(field(atspi, window, "Search accounts"), "zil")
    atspi.find(
        window,
        lambda i: i.ident.endswith(".QLineEditIconButton") and "visible" in i.states,
        "the search field's clear button",
    )
    tree = tree_of(atspi, window)
    assert problems(tree) == [], "\n".join(problems(tree))
    assert ("push button", "Clear") in {(info.role, info.name) for info in tree}


def test_the_help_and_the_setup_key_windows_name_every_control(
    atspi: AtSpi, tweestap: subprocess.Popen[bytes]
) -> None:
    app = atspi.application("Tweestap")
    [main] = atspi.windows(app)
    for item in ("What to do if a code does not work?\u2026", "Show setup key\u2026"):
        atspi.press(menu_item(atspi, main.node, item))
        window = atspi.new_window(app, [main])
        shown_problems(atspi, window)
        close = button(atspi, window, "Close")
        atspi.press(close)
        atspi.closed(app, window)


def test_the_add_dialog_names_every_control_also_with_its_settings_open(
    atspi: AtSpi, tweestap: subprocess.Popen[bytes]
) -> None:
    app = atspi.application("Tweestap")
    [main] = atspi.windows(app)
    add = atspi.find(main.node, lambda i: i.ident.endswith(".AddButton"), "the Add account button")
    atspi.press(add)
    dialog = atspi.new_window(app, [main])
    tree = tree_of(atspi, dialog)
    assert problems(tree) == [], "\n".join(problems(tree))
    key_field = next(i for i in tree if i.ident.endswith(".KeyField"))
    assert key_field.role == "text" and key_field.name == "Setup key or account link"
    settings = atspi.find(dialog, lambda i: i.name == "Advanced settings", "the settings toggle")
    atspi.press(settings)
    atspi.find(
        dialog,
        lambda i: i.role == "combo box" and "showing" in i.states and i.labels == ("Type:",),
        "the type of code, shown",
    )
    shown = [i for i in tree_of(atspi, dialog) if "showing" in i.states]
    assert problems(shown) == [], "\n".join(problems(shown))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Harness]:
    harness = start_harness(tmp_path / "server")
    harness.add_admin(ADMIN)
    harness.enroll(ADMIN)  # paired: the login asks the code
    harness.add_user("jan", email="jan@zorg.example")
    harness.add_user("extern", kind="extranet", email="extern@partner.example")
    yield harness
    stop_harness(harness)


def field(atspi: AtSpi, window: Node, name: str) -> Node:
    return atspi.find(
        window,
        lambda i: i.role in ("text", "password text") and i.name == name and "showing" in i.states,
        f"the field {name!r}",
    )


def menu_item(atspi: AtSpi, window: Node, name: str) -> Node:
    return atspi.find(window, lambda i: i.role == "menu item" and i.name == name, name)


def showing(atspi: AtSpi, window: Node, ident: str) -> Node:
    """The widget whose object names contain ``ident``, once it is on screen."""
    return atspi.find(
        window, lambda i: ident in i.ident and "showing" in i.states, f"{ident} on screen"
    )


def button(atspi: AtSpi, window: Node, name: str) -> Node:
    return atspi.find(
        window,
        lambda i: i.role == "push button" and i.name == name and "showing" in i.states,
        f"the button {name!r}",
    )


def test_the_admin_panel_names_every_control_from_its_login_on(
    atspi: AtSpi, tweestap: subprocess.Popen[bytes], server: Harness
) -> None:
    app = atspi.application("Tweestap")
    [main] = atspi.windows(app)
    atspi.press(menu_item(atspi, main.node, "Administration\u2026"))
    login = atspi.new_window(app, [main])
    shown_problems(atspi, login)
    atspi.type_text(field(atspi, login, "Server"), server.url)
    atspi.type_text(field(atspi, login, "Username"), ADMIN)
    atspi.type_text(field(atspi, login, "Password"), PASSWORD)
    atspi.press(button(atspi, login, "Log in"))
    code = field(atspi, login, "Code")
    shown_problems(atspi, login)  # the code step
    atspi.type_text(code, server.code(ADMIN))
    atspi.press(button(atspi, login, "Log in"))

    panel = atspi.new_window(app, [main], role="frame")
    sidebar = atspi.find(panel, lambda i: i.ident.endswith(".Sidebar"), "the page list")
    pages = {atspi.info(item).name: item for item in atspi.children(sidebar)}
    assert list(pages) == ["Overview", "Policy", "Employees", "Audit log"]
    for title, shows in (
        ("Overview", ".OverviewPage"),
        ("Policy", ".PolicyPage"),
        ("Employees", ".UsersPage"),
        ("Audit log", ".AuditPage"),
    ):
        atspi.press(pages[title])  # a screen reader selects the page's item
        showing(atspi, panel, shows)
        shown_problems(atspi, panel)
        if title == "Employees":  # and the account form, as for a new account
            atspi.press(button(atspi, panel, "New account"))
            showing(atspi, panel, ".AccountForm")
            shown_problems(atspi, panel)


def shown_problems(atspi: AtSpi, window: Node) -> None:
    """The controls on screen (hidden ones are checked once they are shown)."""
    tree = tree_of(atspi, window)
    found = problems([info for info in tree if "showing" in info.states])
    assert found == [], "\n".join(found)

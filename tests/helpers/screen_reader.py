"""What a screen reader gets from a running app: the AT-SPI accessibility tree, over D-Bus.

On Linux a screen reader (Orca) does not ask Qt anything: it reads the tree that the app's
AT-SPI bridge publishes on the accessibility bus, a D-Bus of its own that
``at-spi-bus-launcher`` (Debian's ``at-spi2-core``) starts on request of the session bus.
:func:`accessibility_bus` gives a test exactly that, privately: its own session bus whose
only service is the launcher (its sockets, settings and caches in a temporary folder), with
"screen reader on" set the way Orca sets it (``org.a11y.Status.ScreenReaderEnabled``), so
Qt's bridge switches itself on in every app started on that bus under a real X server.
:class:`AtSpi` then reads and drives the tree with the same D-Bus calls a screen reader
makes (``org.a11y.atspi.Accessible``, ``Action``, ``EditableText``), over jeepney.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from jeepney import DBusAddress, HeaderFields, MessageType, Properties, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

T = TypeVar("T")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
A11Y_BUS_PATH = "/org/a11y/bus"
ACCESSIBLE = "org.a11y.atspi.Accessible"
REGISTRY = "org.a11y.atspi.Registry"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
CALL_TIMEOUT = 10.0
LABELLED_BY = 2  # AtspiRelationType

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <servicedir>{services}</servicedir>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""A session bus that can start one service: the accessibility bus launcher."""

# AT-SPI's StateType numbers (at-spi2-core, atspi-constants.h).
STATES = {
    7: "editable",
    8: "enabled",
    11: "focusable",
    12: "focused",
    23: "selected",
    25: "showing",
    30: "visible",
}

CONTROL_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "password text",
        "entry",
        "spin button",
        "spin box",
        "slider",
        "menu item",
        "check menu item",
        "radio menu item",
        "page tab",
        "page tab list",
        "list",
        "list box",
        "list item",
        "table",
        "tree",
        "tree table",
        "link",
        "scroll bar",
    }
)
"""Roles of things a person operates: each needs a name a screen reader can say."""
MENU_ITEM_ROLES = frozenset({"menu item", "check menu item", "radio menu item"})
WINDOW_ROLES = frozenset({"frame", "dialog", "window", "alert", "file chooser"})
TEXT_ROLES = frozenset({"label", "static", "heading", "paragraph"})
"""Text a person may select (and so focus) to read or copy: text, not a control."""
UNNAMED_ALLOWED = frozenset({"table cell", "cell"})
"""An empty table cell is an empty cell; the column header names it."""


class Gone(Exception):
    """The object went away while it was being read (a page that reloads its rows)."""


@dataclass(frozen=True)
class Node:
    """An accessible object: the bus name of its app and its object path."""

    bus: str
    path: str


@dataclass(frozen=True)
class Info:
    node: Node
    role: str
    name: str
    states: frozenset[str]
    ident: str
    """``AccessibleId``: Qt's chain of object names, e.g. ``QApplication.MainWindow...``."""
    trail: tuple[str, ...] = field(default=())
    """The roles and names from the window down to here, for messages."""
    labels: tuple[str, ...] = ()
    """The names of the labels it is labelled by (the ``LABELLED_BY`` relation)."""

    def where(self) -> str:
        return " > ".join(self.trail) or self.ident


@dataclass
class AccessibilitySession:
    session_address: str
    a11y_address: str
    env: dict[str, str]
    """What an app started "on this desktop" gets: the session bus, no desktop's own
    settings, a private runtime folder."""


@contextmanager
def accessibility_bus(root: Path) -> Iterator[AccessibilitySession]:
    """A private session bus, its accessibility bus, and screen reader support on."""
    for tool in ("dbus-daemon", BUS_LAUNCHER):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run scripts/system-deps.sh (dbus, at-spi2-core)")
    if not os.environ.get("DISPLAY"):
        pytest.fail("no X server: Qt publishes its accessibility tree on xcb (pytest-xvfb)")
    folder = Path(tempfile.mkdtemp(prefix="tweestap-a11y-"))  # short: socket paths
    services = folder / "services"
    services.mkdir()
    (services / "org.a11y.Bus.service").write_text(
        f"[D-BUS Service]\nName=org.a11y.Bus\nExec={BUS_LAUNCHER}\n", encoding="utf-8"
    )
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=folder / "bus", services=services))
    runtime, home = folder / "runtime", root / "home"
    runtime.mkdir(mode=0o700)
    home.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "XDG_RUNTIME_DIR": str(runtime),  # the launcher puts the accessibility bus here
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "GSETTINGS_BACKEND": "memory",  # "screen reader on" is kept in memory, nowhere else
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    daemon = subprocess.Popen(
        ["dbus-daemon", "--config-file", str(config), "--nofork", "--nopidfile",
         "--print-address=1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    helpers: list[int] = []
    try:
        assert daemon.stdout is not None
        session_address = daemon.stdout.readline().decode().strip()
        daemon.stdout.close()
        if not session_address:
            pytest.fail("the private session bus did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = session_address
        with open_dbus_connection(bus=session_address) as session:
            launcher = DBusAddress(
                "/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus"
            )
            a11y_address = str(
                session.send_and_get_reply(
                    new_method_call(launcher, "GetAddress"), timeout=20
                ).body[0]
            )
            status = DBusAddress(
                "/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Status"
            )
            session.send_and_get_reply(Properties(status).set("ScreenReaderEnabled", "b", True))
            enabled = session.send_and_get_reply(Properties(status).get("IsEnabled")).body[0][1]
            if not enabled:
                pytest.fail("screen reader support could not be switched on")
            helpers.append(_pid_of(session, "org.a11y.Bus"))
        with open_dbus_connection(bus=a11y_address) as a11y:
            helpers.append(_pid_of(a11y, "org.freedesktop.DBus"))  # the accessibility bus
        yield AccessibilitySession(session_address, a11y_address, env)
    finally:
        # The launcher ends with its session bus; these are only in case it did not.
        daemon.terminate()
        daemon.wait(10)
        for pid in helpers:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        shutil.rmtree(folder, ignore_errors=True)


def _pid_of(connection: DBusConnection, name: str) -> int:
    reply = connection.send_and_get_reply(message_bus.GetConnectionUnixProcessID(name))
    return int(reply.body[0])


class AtSpi:
    """Reads and operates the accessibility tree, as a screen reader does."""

    def __init__(self, address: str) -> None:
        self.connection = open_dbus_connection(bus=address)

    def close(self) -> None:
        self.connection.close()

    # -- asking --------------------------------------------------------------------------

    def _message(
        self, node: Node, interface: str, method: str, signature: str | None,
        body: tuple[object, ...],
    ) -> Any:  # fmt: skip
        return new_method_call(
            DBusAddress(node.path, bus_name=node.bus, interface=interface), method, signature, body
        )

    def call(
        self, node: Node, interface: str, method: str, signature: str | None = None,
        body: tuple[object, ...] = (),
    ) -> tuple[object, ...]:  # fmt: skip
        message = self._message(node, interface, method, signature, body)
        return self._answer(node, self.connection.send_and_get_reply(message, timeout=CALL_TIMEOUT))

    def property(self, node: Node, name: str, interface: str = ACCESSIBLE) -> object:
        address = DBusAddress(node.path, bus_name=node.bus, interface=interface)
        message = Properties(address).get(name)
        answer = self._answer(
            node, self.connection.send_and_get_reply(message, timeout=CALL_TIMEOUT)
        )
        value = answer[0]
        assert isinstance(value, tuple)
        return value[1]

    @staticmethod
    def _answer(node: Node, reply: Any) -> tuple[object, ...]:
        if reply.header.message_type == MessageType.error:
            raise Gone(f"{node}: {reply.header.fields.get(HeaderFields.error_name)} {reply.body}")
        return tuple(reply.body)

    def children(self, node: Node) -> list[Node]:
        found = self.call(node, ACCESSIBLE, "GetChildren")[0]
        assert isinstance(found, list)
        return [Node(str(bus), str(path)) for bus, path in found]

    def info(self, node: Node, trail: tuple[str, ...] = ()) -> Info:
        role = str(self.call(node, ACCESSIBLE, "GetRoleName")[0])
        name = str(self.property(node, "Name"))
        words = self.call(node, ACCESSIBLE, "GetState")[0]
        assert isinstance(words, list)
        bits = {i + 32 * w for w, word in enumerate(words) for i in range(32) if word >> i & 1}
        states = frozenset(STATES[bit] for bit in bits if bit in STATES)
        try:
            ident = str(self.property(node, "AccessibleId"))
        except Exception:  # an older bridge without the property
            ident = ""
        label = f"{role} {name!r}" if name else role
        labels: tuple[str, ...] = ()
        if role in CONTROL_ROLES:
            labels = tuple(str(self.property(t, "Name")) for t in self.related(node, LABELLED_BY))
        return Info(node, role, name, states, ident, (*trail, label), labels)

    def related(self, node: Node, relation: int) -> list[Node]:
        """The targets of ``node``'s relation of that type (``GetRelationSet``)."""
        found = self.call(node, ACCESSIBLE, "GetRelationSet")[0]
        assert isinstance(found, list)
        return [
            Node(str(bus), str(path))
            for kind, targets in found
            if kind == relation
            for bus, path in targets
        ]

    def walk(self, node: Node, trail: tuple[str, ...] = ()) -> Iterator[Info]:
        """``node`` and everything under it, depth first."""
        here = self.info(node, trail)
        yield here
        for child in self.children(node):
            yield from self.walk(child, here.trail)

    def tree(self, node: Node, attempts: int = 5) -> list[Info]:
        """Everything under ``node``, read again if part of it changed while it was read."""
        for _ in range(attempts - 1):
            try:
                return list(self.walk(node))
            except Gone:
                time.sleep(0.3)
        return list(self.walk(node))

    def application(self, name: str, timeout: float = 30.0) -> Node:
        """The app of that name, once its bridge has registered it."""
        root = Node(REGISTRY, ROOT_PATH)

        def find() -> Node | None:
            for app in self.children(root):
                with suppress(Exception):  # an app that is just going away
                    if self.property(app, "Name") == name:
                        return app
            return None

        return wait_for(find, timeout, f"no application {name!r} on the accessibility bus")

    def windows(self, app: Node) -> list[Info]:
        """The app's top-level windows that are on screen."""
        found = []
        for child in self.children(app):
            with suppress(Gone):  # a window that is just closing
                info = self.info(child)
                if "showing" in info.states:
                    found.append(info)
        return found

    def new_window(
        self, app: Node, before: list[Info], role: str = "dialog", timeout: float = 30.0
    ) -> Node:
        """A window of that role that was not on screen in ``before``, once it is there."""
        known = {info.node for info in before}

        def find() -> Node | None:
            return next(
                (w.node for w in self.windows(app) if w.node not in known and w.role == role),
                None,
            )

        return wait_for(find, timeout, f"no new {role} opened")

    def closed(self, app: Node, window: Node, timeout: float = 20.0) -> None:
        """Wait until ``window`` is no longer on screen."""

        def gone() -> bool | None:
            return True if window not in {w.node for w in self.windows(app)} else None

        wait_for(gone, timeout, "the window stayed open")

    def find(
        self, root: Node, test: Callable[[Info], bool], what: str, timeout: float = 20.0
    ) -> Node:
        """The first node under ``root`` that passes ``test`` (waiting for it to appear)."""

        def look() -> Node | None:
            try:
                return next((info.node for info in self.walk(root) if test(info)), None)
            except Gone:
                return None

        return wait_for(look, timeout, f"nothing under the window is {what}")

    # -- operating -------------------------------------------------------------------------

    def press(self, node: Node) -> None:
        """Its first action (press, click, toggle), as a screen reader's "activate" does.
        Sent without waiting for the answer: an action that opens a modal window answers
        only once that window closes."""
        self.connection.send(self._message(node, "org.a11y.atspi.Action", "DoAction", "i", (0,)))

    def type_text(self, node: Node, text: str) -> None:
        done = self.call(node, "org.a11y.atspi.EditableText", "SetTextContents", "s", (text,))
        assert done == (True,), f"could not type into {node}"

    def text(self, node: Node) -> str:
        count = self.property(node, "CharacterCount", "org.a11y.atspi.Text")
        assert isinstance(count, int)
        return str(self.call(node, "org.a11y.atspi.Text", "GetText", "ii", (0, count))[0])


def wait_for(find: Callable[[], T | None], timeout: float, failure: str) -> T:
    deadline = time.monotonic() + timeout
    while True:
        found = find()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            pytest.fail(failure)
        time.sleep(0.1)


# -- what a screen reader needs -------------------------------------------------------------


def problems(tree: list[Info]) -> list[str]:
    """Each control without a name, and each focusable thing without a control's role.

    A name is the control's own or its label's (the "labelled by" relation a screen reader
    reads with it). A combo box needs the label: on Linux Qt gives it its current choice as
    its name, which says what is chosen, not what is being chosen. Hidden controls are
    checked once they are shown (tests show them); menu items always, as a screen reader
    reads a menu bar's menus without opening them.
    """
    found = []
    for info in tree:
        if "visible" not in info.states and info.role not in MENU_ITEM_ROLES:
            continue  # hidden (its text may be set when it is shown); menus are read closed
        labelled = any(label.strip() for label in info.labels)
        if info.role == "combo box" and not labelled:
            found.append(f"no label: combo box at {info.where()} ({info.ident})")
        elif info.role in CONTROL_ROLES and not (info.name.strip() or labelled):
            found.append(f"no name: {info.role} at {info.where()} ({info.ident})")
        elif (
            "focusable" in info.states
            and info.role not in CONTROL_ROLES
            and info.role not in WINDOW_ROLES | TEXT_ROLES | UNNAMED_ALLOWED
        ):
            found.append(f"no control role: {info.role} at {info.where()} ({info.ident})")
    return found

"""A stand-in for xdg-desktop-portal's Screenshot interface, for the portal tests.

Run as ``python -m tests.helpers.fake_portal [--uri URI] [--response N]`` with
``DBUS_SESSION_BUS_ADDRESS`` pointing at a private bus. It owns
``org.freedesktop.portal.Desktop`` and answers every ``Screenshot`` call the way the real
portal does: the request's object path (from the caller's name and its ``handle_token``)
as the reply, then a ``Response`` signal on that path with ``N`` (0 success, 1 cancelled,
2 failed) and, on success, ``{"uri": URI}``. Each call is printed to standard output as
one JSON line. Written with jeepney (keyring's D-Bus library), not with the QtDBus code
under test.
"""

from __future__ import annotations

import argparse
import json
import sys

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", default="")
    parser.add_argument("--response", type=int, default=0)
    args = parser.parse_args()

    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName(SERVICE))
    print(json.dumps({"ready": True}), flush=True)
    while True:
        message = connection.receive()
        header = message.header
        if header.message_type != MessageType.method_call:
            continue
        member = header.fields.get(HeaderFields.member)
        if member != "Screenshot" or header.fields.get(HeaderFields.path) != PATH:
            continue
        parent, options = message.body
        token = options["handle_token"][1]
        sender = str(header.fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{token}"
        print(
            json.dumps(
                {
                    "parent": parent,
                    "options": {k: v[1] for k, v in options.items()},
                    "handle": handle,
                }
            ),
            flush=True,
        )
        connection.send(new_method_return(message, "o", (handle,)))
        results = {"uri": ("s", args.uri)} if args.response == 0 and args.uri else {}
        address = DBusAddress(handle, interface="org.freedesktop.portal.Request")
        connection.send(new_signal(address, "Response", "ua{sv}", (args.response, results)))


if __name__ == "__main__":
    sys.exit(main())

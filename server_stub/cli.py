"""``tweestap-server``: the server's command line.

The serving commands (``serve``, ``user add``, ``demo``) arrive with the server itself; the
entry point exists from the start so that packaging and the README stay true.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from server_stub import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tweestap-server",
        description="Tweestap's two-factor server: enrollment, verification, policy, admin API.",
    )
    parser.add_argument("--version", action="version", version=f"tweestap-server {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    parser.print_help()
    return 0

"""The account commands: add, list, remove, rename, code."""

from __future__ import annotations

import argparse
import math
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.clock import Clock, CorrectedClock
from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.codes import code_at, seconds_remaining
from desktop.otp.model import STEAM_DIGITS, Account, Algorithm, OtpType, check_storable
from desktop.otp.secret import parse_setup_key
from desktop.otp.uri import parse_uri
from desktop.text import clean_line
from desktop.vault import DuplicateAccount, Vault

from . import console

translate = QCoreApplication.translate

OK, REFUSED = 0, 1


class UsageProblem(UserError):
    """Options that do not fit together (exit code 2)."""


class NothingFound(UserError):
    """A query that matched no stored account (exit code 1)."""


_CODE_SETTINGS = ("type", "algorithm", "digits", "period", "counter")


def account_from_args(args: argparse.Namespace) -> Account:
    """The account described by ``add``'s arguments: a link, or a key with its details.

    Every option is checked here, before the vault is opened: an option that would be
    ignored is a usage error rather than a surprise, and the account must be one the vault
    takes in (``check_storable``)."""
    if args.uri and args.key:
        raise UsageProblem(QT_TRANSLATE_NOOP("Errors", "Give either a link or --key, not both."))
    if args.uri:
        if any(getattr(args, option) is not None for option in _CODE_SETTINGS):
            raise UsageProblem(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A link carries its own code settings; --type, --algorithm, --digits, "
                    "--period and --counter go with --key.",
                )
            )
        account = parse_uri(args.uri)
        overrides = {
            field: value
            for field, value in (("issuer", args.issuer), ("name", args.account))
            if value is not None
        }
        account = account.replace(**overrides) if overrides else account
        if not account.name:
            raise UsageProblem(
                QT_TRANSLATE_NOOP(
                    "Errors", "The link gives the account no name; give one with --account."
                )
            )
        check_storable(account)
        return account
    if not args.key:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "Give an otpauth:// link, or a setup key with --key.")
        )
    if not args.account or not args.account.strip():
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "With --key, also give the account name with --account.")
        )
    otp_type = OtpType(args.type or "totp")
    if args.counter is not None and otp_type is not OtpType.HOTP:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "--counter is only for HOTP accounts (--type hotp).")
        )
    if args.period is not None and otp_type is OtpType.HOTP:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "--period is not used by HOTP accounts (--type hotp).")
        )
    account = Account(
        issuer=(args.issuer or "").strip(),
        name=args.account.strip(),
        secret=parse_setup_key(args.key),
        type=otp_type,
        algorithm=Algorithm(args.algorithm or "SHA1"),
        digits=args.digits if args.digits is not None else default_digits(otp_type),
        period=args.period if args.period is not None else 30,
        counter=args.counter if args.counter is not None else 0,
    )
    if not account.name:  # nothing but control characters
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "With --key, also give the account name with --account.")
        )
    check_storable(account)
    return account


def check_rename_args(args: argparse.Namespace) -> None:
    """``rename`` needs a new name that is still a name once cleaned (before the vault is
    opened); the issuer may be empty."""
    if not clean_line(args.account).strip():
        raise UsageProblem(QT_TRANSLATE_NOOP("Errors", "Give the new account name with --account."))


def default_digits(otp_type: OtpType) -> int:
    return STEAM_DIGITS if otp_type is OtpType.STEAM else 6


def add(vault: Vault, account: Account, *, replace: bool, clock: Clock) -> int:
    try:
        stored = vault.add(account, replace_existing=replace)
    except DuplicateAccount as duplicate:
        console.fail(duplicate)
        console.err(translate("Cli", "Use --replace to replace the old entry with this one."))
        return REFUSED
    console.out(
        translate("Cli", "Added {label} (id {id}).").format(label=stored.label, id=stored.id)
    )
    console.out(
        translate(
            "Cli",
            "Current code: {code}. Type it on the login page now to finish pairing.",
        ).format(code=code_at(stored, clock.now()))
    )
    return OK


def describe(account: Account) -> dict[str, Any]:
    """``list --json``'s shape, fixed by DESIGN.md."""
    entry: dict[str, Any] = {
        "id": account.id,
        "issuer": account.issuer,
        "account": account.name,
        "type": account.type.value,
        "algorithm": account.algorithm.value,
        "digits": account.digits,
    }
    if account.type is OtpType.HOTP:
        entry["counter"] = account.counter
    else:
        entry["period"] = account.period
    return entry


def list_accounts(vault: Vault, args: argparse.Namespace) -> int:
    if args.json:
        console.print_json([describe(a) for a in vault.accounts])
        return OK
    if not vault.accounts:
        console.err(translate("Cli", "No accounts yet. Add one with: tweestap add"))
        return OK
    for account in vault.accounts:
        console.out(f"{account.id}  {account.label}  ({account.type.value})")
    return OK


def remove(vault: Vault, args: argparse.Namespace) -> int:
    removed = vault.remove(vault.get(args.id).id)
    console.out(translate("Cli", "Removed {label}.").format(label=removed.label))
    return OK


def rename(vault: Vault, args: argparse.Namespace) -> int:
    renamed = vault.rename(vault.get(args.id).id, issuer=args.issuer, name=args.account)
    console.out(translate("Cli", "Renamed to {label}.").format(label=renamed.label))
    return OK


def _remaining(account: Account, t: float) -> int | None:
    left = seconds_remaining(account, t)
    return None if math.isinf(left) else math.ceil(left)


def code_entry(account: Account, t: float, *, stored: bool = True) -> dict[str, Any]:
    """``code --json``'s shape, fixed by DESIGN.md (the code never has a space)."""
    return {
        "id": account.id if stored else None,
        "issuer": account.issuer,
        "account": account.name,
        "type": account.type.value,
        "code": code_at(account, t),
        "remaining": _remaining(account, t),
    }


def print_codes(entries: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        console.print_json(entries)
    elif len(entries) == 1:
        console.out(entries[0]["code"])
    else:
        for e in entries:
            label = f"{e['issuer']}: {e['account']}" if e["issuer"] else e["account"]
            left = "" if e["remaining"] is None else f"  ({e['remaining']} s)"
            console.out(f"{e['code']}  {label}{left}")


def note_correction(clock: Clock) -> None:
    """Say so (on stderr, beside any JSON) when the codes follow a clock correction."""
    offset = clock.offset if isinstance(clock, CorrectedClock) else 0.0
    if offset:
        console.err(
            translate(
                "Cli",
                "Codes corrected by {offset} s for this computer's clock, as measured by the "
                "window.",
            ).format(offset=f"{offset:+.0f}")
        )


def code_of_uri(args: argparse.Namespace, clock: Clock) -> int:
    t = args.at if args.at is not None else clock.now()
    if args.at is None:
        note_correction(clock)
    print_codes([code_entry(parse_uri(args.uri), t, stored=False)], as_json=args.json)
    return OK


def codes(vault: Vault, args: argparse.Namespace, clock: Clock) -> int:
    t = args.at if args.at is not None else clock.now()
    if args.at is None:
        note_correction(clock)
    accounts = list(vault.find(args.query) if args.query else vault.accounts)
    if not accounts:
        if args.query:
            raise NothingFound(
                QT_TRANSLATE_NOOP("Errors", "No account matches \u201c{query}\u201d."),
                query=args.query,
            )
        console.err(translate("Cli", "No accounts yet. Add one with: tweestap add"))
        return REFUSED
    if args.advance:
        accounts = [vault.advance_counter(a.id) if a.type is OtpType.HOTP else a for a in accounts]
    print_codes([code_entry(a, t) for a in accounts], as_json=args.json)
    return OK

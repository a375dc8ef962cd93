"""Turning a file's entries into accounts: the label of an entry that was skipped, groups,
the code settings of one entry, and the :class:`Collector` of one file's result (accounts,
skipped entries with their reasons, groups), in file order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.errors import UserError
from desktop.importers._problems import damaged_entry, showable
from desktop.importers._reading import BadData, Record, algorithm
from desktop.importers.base import ImportResult, Skipped
from desktop.otp.model import DEFAULT_PERIOD, STEAM_DIGITS, Account, Algorithm, OtpType


def account_label(issuer: str, name: str, position: int) -> str:
    """How a skipped entry is named: ``Issuer: name``, or ``#3`` (its place in the file)."""
    issuer, name = showable(issuer).strip(), showable(name).strip()
    if issuer and name:
        return f"{issuer}: {name}"
    return issuer or name or f"#{position}"


def group_names(raw_groups: list[object], id_key: str) -> dict[str, str]:
    """Group id (the field ``id_key``) -> name, of a file's list of groups; unreadable
    groups and groups without a name are left out."""
    names: dict[str, str] = {}
    for raw in raw_groups:
        group = Record.maybe(raw)
        if group is None:
            continue
        group_id, name = group.get(id_key), group.get("name")
        if isinstance(group_id, str) and isinstance(name, str) and name.strip():
            names[group_id] = name.strip()
    return names


def build_account(
    otp_type: OtpType,
    issuer: str,
    name: str,
    secret: bytes,
    fields: Record,
    *,
    algorithm_key: str = "algorithm",
    algorithm_of: Callable[[Record], Algorithm] | None = None,
    hotp_keeps_period: bool = False,
) -> Account:
    """The account of one entry whose code settings are the fields ``period``, ``digits``,
    ``counter`` and ``algorithm_key`` (or what ``algorithm_of`` reads) of ``fields``.

    Only the fields the type uses are read, so a damaged one that does not matter never
    skips the entry: Steam reads ``period`` alone (its algorithm and digits are fixed),
    HOTP no ``period`` unless ``hotp_keeps_period`` (the format stores one for every
    type), TOTP no ``counter``.
    """
    if otp_type is OtpType.STEAM:
        return Account(
            issuer=issuer,
            name=name,
            secret=secret,
            type=otp_type,
            algorithm=Algorithm.SHA1,
            digits=STEAM_DIGITS,
            period=fields.integer("period", DEFAULT_PERIOD),
        )
    periodic = otp_type is OtpType.TOTP or hotp_keeps_period
    return Account(
        issuer=issuer,
        name=name,
        secret=secret,
        type=otp_type,
        algorithm=(
            algorithm_of(fields)
            if algorithm_of is not None
            else algorithm(fields.text(algorithm_key))
        ),
        digits=fields.integer("digits", 6),
        period=fields.integer("period", DEFAULT_PERIOD) if periodic else DEFAULT_PERIOD,
        counter=fields.integer("counter", 0) if otp_type is OtpType.HOTP else 0,
    )


@dataclass
class Collector:
    """Accounts, skipped entries and groups of one file, in file order."""

    format_key: str
    accounts: list[Account] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, label: str, make: Callable[[], Account]) -> Account | None:
        """The account ``make`` builds, or ``None`` with the entry skipped and why."""
        try:
            account = make()
        except UserError as error:
            self.skip(label, error)
            return None
        except BadData:
            self.skip(label, damaged_entry())
            return None
        self.accounts.append(account)
        return account

    def keep(self, account: Account) -> None:
        """An account another reader has already built and checked."""
        self.accounts.append(account)

    def skip(self, label: str, reason: UserError) -> None:
        self.skipped.append(Skipped(label=label, reason=reason))

    def group(self, name: str, account: Account) -> None:
        members = self.groups.setdefault(showable(name), [])
        if account.id not in members:
            members.append(account.id)

    def result(self) -> ImportResult:
        groups = {name: ids for name, ids in self.groups.items() if ids}
        return ImportResult(
            format_key=self.format_key,
            accounts=list(self.accounts),
            skipped=list(self.skipped),
            groups=groups,
        )

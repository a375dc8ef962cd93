"""What an import adds to the vault: new accounts, and the ones that are already there.

The rule, as a person sees it: **an account is the same account when it makes the same
codes from the same key**. So an incoming account is a duplicate of an account in the vault
when both have the same type (TOTP, HOTP or Steam) and the same secret, and this holds

* under the same issuer and name (compared case-insensitively): the plain "imported twice"
  case; and also
* under another issuer or name: the person renamed the account in Tweestap (or the other
  app named it differently). Adding it would give two rows for one login, which is never
  what anybody wants; the plan reports it with the name it already has here
  (:attr:`Duplicate.same_login` is false) so the summary can say "already in Tweestap as
  ...".

Differences in digits, period or algorithm do not make a second account either: one key is
one enrolment at one site, and the account already in the vault is the one that has been
giving working codes (:attr:`Duplicate.same_settings` tells the summary). The same secret
under another *type* (an HOTP key also stored as TOTP) is a different account: its codes
differ.

Accounts repeated inside the file itself (same type and secret) are folded into the first
one: it is added once, the repeats are listed in :attr:`ImportPlan.repeated`.

Every account in :attr:`ImportPlan.new` has an id that no existing account and no other new
account has. :attr:`ImportPlan.groups` are the file's groups in terms of those ids; a
duplicate is represented there by the id of the account already in the vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.importers.base import ImportResult
from desktop.otp.model import Account, OtpType, new_id


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An incoming account that is already present as ``existing``."""

    incoming: Account
    existing: Account

    @property
    def same_login(self) -> bool:
        """Same issuer and name (case-insensitively): nothing to tell but "already there"."""
        return self.incoming.same_login(self.existing)

    @property
    def same_settings(self) -> bool:
        """Same algorithm, digits and period (the counter of HOTP accounts is not compared:
        the one in the vault has moved on)."""
        a, b = self.incoming, self.existing
        return (a.algorithm, a.digits) == (b.algorithm, b.digits) and (
            a.type is OtpType.HOTP or a.period == b.period
        )


@dataclass(frozen=True, slots=True)
class ImportPlan:
    new: list[Account]
    """Accounts to add, in file order, with ids that clash with nothing."""
    duplicates: list[Duplicate]
    """Incoming accounts already in the vault (``existing`` is the vault's account)."""
    repeated: list[Duplicate] = field(default_factory=list)
    """Accounts that appear more than once in the file (``existing`` is the first one, which
    is in :attr:`new` or in :attr:`duplicates`)."""
    groups: dict[str, list[str]] = field(default_factory=dict)
    """The file's groups: name -> ids of new accounts and of existing duplicates' matches."""


def _key(account: Account) -> tuple[OtpType, bytes]:
    return account.type, account.secret


def plan(existing: Sequence[Account], result: ImportResult) -> ImportPlan:
    """Split ``result`` into accounts to add and accounts already in ``existing``."""
    in_vault: dict[tuple[OtpType, bytes], list[Account]] = {}
    for account in existing:
        in_vault.setdefault(_key(account), []).append(account)
    taken_ids = {account.id for account in existing}

    new: list[Account] = []
    duplicates: list[Duplicate] = []
    repeated: list[Duplicate] = []
    seen: dict[tuple[OtpType, bytes], Account] = {}  # key -> first incoming (as planned)
    resolved: dict[str, str] = {}  # incoming id -> id in the vault after the import

    for incoming in result.accounts:
        key = _key(incoming)
        first = seen.get(key)
        if first is not None:
            repeated.append(Duplicate(incoming=incoming, existing=first))
            resolved.setdefault(incoming.id, resolved.get(first.id, first.id))
            continue
        matches = in_vault.get(key)
        if matches:
            match = next((m for m in matches if m.same_login(incoming)), matches[0])
            duplicates.append(Duplicate(incoming=incoming, existing=match))
            seen[key] = incoming
            resolved.setdefault(incoming.id, match.id)
            continue
        account = incoming
        if account.id in taken_ids:
            account = account.replace(id=_fresh_id(taken_ids))
        taken_ids.add(account.id)
        new.append(account)
        seen[key] = account
        resolved.setdefault(incoming.id, account.id)

    groups: dict[str, list[str]] = {}
    for name, ids in result.groups.items():
        members: list[str] = []
        for account_id in ids:
            target = resolved.get(account_id)
            if target is not None and target not in members:
                members.append(target)
        if members:
            groups[name] = members
    return ImportPlan(new=new, duplicates=duplicates, repeated=repeated, groups=groups)


def _fresh_id(taken: set[str]) -> str:
    while True:
        candidate = new_id()
        if candidate not in taken:
            return candidate

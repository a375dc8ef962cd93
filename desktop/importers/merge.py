"""What a bulk addition stores: every account that is not already there, and a word on
the ones that look like another.

One plan for every way accounts arrive in bulk (an import file, a Google Authenticator
export read in the add-account window, ``tweestap scan --add``), so each of them keeps the
same accounts. The rule is :func:`desktop.otp.model.likeness`:

* only an **exact duplicate** (same key, type, settings, issuer and name) is left out,
  whether the vault holds it already (:attr:`ImportPlan.duplicates`) or the file lists it
  twice (:attr:`ImportPlan.repeated`);
* everything else is stored, also the same key under another issuer or name (renamed in
  one of the apps, or two sites that share a key) and the same issuer and name with another
  key (an older enrolment, or two logins of one name). Dropping either could lose the one
  that works; the summary says what each looks like (:attr:`ImportPlan.alike`) so the
  person can tidy up;
* an account the vault does not take in (a name longer than the limit, an HOTP counter
  other apps cannot hold: :func:`desktop.otp.model.check_storable`) is not stored, with
  the reason (:attr:`ImportPlan.refused`). Nothing is dropped silently.

Every account in :attr:`ImportPlan.new` has an id that no existing account and no other
new account has. :attr:`ImportPlan.groups` are the file's groups in terms of those ids; a
duplicate is represented there by the id of the account it duplicates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.importers.base import ImportResult, Skipped
from desktop.otp.model import Account, Likeness, check_storable, likeness, new_id

if TYPE_CHECKING:
    from desktop.vault import Vault


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An incoming account that is exactly ``existing`` (in the vault, or earlier in the
    same file): not stored again."""

    incoming: Account
    existing: Account


@dataclass(frozen=True, slots=True)
class Resemblance:
    """A stored account (as stored) that looks like ``other``: the same key
    (:attr:`Likeness.SAME_KEY`) or the same issuer and name (:attr:`Likeness.SAME_NAME`).
    ``other`` is in the vault already, or came earlier in the same file (``in_file``)."""

    account: Account
    other: Account
    likeness: Likeness
    in_file: bool = False


@dataclass(frozen=True, slots=True)
class ImportPlan:
    new: list[Account]
    """Accounts to store, in file order, with ids that clash with nothing."""
    duplicates: list[Duplicate]
    """Incoming accounts the vault holds exactly (``existing`` is the vault's account)."""
    repeated: list[Duplicate] = field(default_factory=list)
    """Accounts the file lists more than once (``existing`` is the first one)."""
    alike: list[Resemblance] = field(default_factory=list)
    """Accounts of :attr:`new` that look like another account."""
    refused: list[Skipped] = field(default_factory=list)
    """Accounts the vault does not take in, with the reason."""
    groups: dict[str, list[str]] = field(default_factory=dict)
    """The file's groups: name -> ids of new accounts and of the accounts duplicates match."""


def plan(existing: Sequence[Account], result: ImportResult) -> ImportPlan:
    """Split ``result`` into accounts to store and accounts ``existing`` already holds."""
    taken_ids = {account.id for account in existing}
    new: list[Account] = []
    duplicates: list[Duplicate] = []
    repeated: list[Duplicate] = []
    alike: list[Resemblance] = []
    refused: list[Skipped] = []
    resolved: dict[str, str] = {}  # incoming id -> id in the vault after the import

    for incoming in result.accounts:
        try:
            check_storable(incoming)
        except UserError as error:
            refused.append(Skipped(label=incoming.label, reason=error))
            continue
        match = _exact(incoming, existing)
        if match is not None:
            duplicates.append(Duplicate(incoming=incoming, existing=match))
            resolved.setdefault(incoming.id, match.id)
            continue
        first = _exact(incoming, new)
        if first is not None:
            repeated.append(Duplicate(incoming=incoming, existing=first))
            resolved.setdefault(incoming.id, first.id)
            continue
        account = incoming
        if account.id in taken_ids:
            account = account.replace(id=_fresh_id(taken_ids))
        taken_ids.add(account.id)
        resemblance = _resemblance(account, existing, in_file=False) or _resemblance(
            account, new, in_file=True
        )
        if resemblance is not None:
            alike.append(resemblance)
        new.append(account)
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
    return ImportPlan(
        new=new,
        duplicates=duplicates,
        repeated=repeated,
        alike=alike,
        refused=refused,
        groups=groups,
    )


def import_into(vault: Vault, result: ImportResult) -> ImportPlan:
    """Store the accounts :func:`plan` picks, in one save: all of them or (on an error,
    which is raised) none. The plan is made against the accounts on disk at that moment,
    so an account another Tweestap added meanwhile is not doubled."""
    plans: list[ImportPlan] = []

    def choose(stored: Sequence[Account]) -> list[Account]:
        plans.append(plan(stored, result))
        return plans[-1].new

    vault.add_chosen(choose)  # the plan's ids are free in the list it was made for
    return plans[-1]


def _exact(incoming: Account, candidates: Sequence[Account]) -> Account | None:
    return next((c for c in candidates if likeness(incoming, c) is Likeness.SAME), None)


def _resemblance(
    account: Account, candidates: Sequence[Account], *, in_file: bool
) -> Resemblance | None:
    """The first candidate with the same key, else the first with the same name."""
    found: dict[Likeness, Account] = {}
    for candidate in candidates:
        kind = likeness(account, candidate)
        if kind is not None:
            found.setdefault(kind, candidate)
    for kind in (Likeness.SAME_KEY, Likeness.SAME_NAME):
        if kind in found:
            return Resemblance(account=account, other=found[kind], likeness=kind, in_file=in_file)
    return None


def _fresh_id(taken: set[str]) -> str:
    while True:
        candidate = new_id()
        if candidate not in taken:
            return candidate

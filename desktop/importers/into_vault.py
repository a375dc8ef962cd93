"""The one way accounts arrive in the vault in bulk, and what it did.

Every path that adds many accounts at once (an import file, a Google Authenticator export
scanned or pasted in the add-account window, ``tweestap scan --add``) calls :func:`store`
with an :class:`~desktop.importers.base.ImportResult` and gets one :class:`ImportSummary`.
It stores in one save: all the accounts it picks, or (on an error, which is raised) none.

What it picks (:func:`plan`) follows :func:`desktop.otp.model.likeness`:

* only an **exact duplicate** (same key, type, settings, issuer and name) is left out,
  whether the vault holds it already (:attr:`ImportSummary.duplicates`) or the file lists it
  twice (:attr:`ImportSummary.repeated`);
* everything else is stored, also the same key under another issuer or name (renamed in
  one of the apps, or two sites that share a key) and the same issuer and name with another
  key (an older enrolment, or two logins of one name). Dropping either could lose the one
  that works; the summary says what each looks like (:attr:`ImportSummary.alike`) so the
  person can tidy up;
* an account the vault does not take in (a name longer than the limit, an HOTP counter
  other apps cannot hold: :func:`desktop.otp.model.check_storable`) is not stored, with
  the reason, beside the entries the file itself could not turn into accounts
  (:attr:`ImportSummary.failed`). Nothing is dropped silently.

Every account in :attr:`ImportSummary.imported` has an id that no existing account and no
other new account has. :attr:`ImportSummary.groups` are the file's groups in terms of those
ids; a duplicate is represented there by the id of the account it duplicates.
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
class ImportSummary:
    """What a bulk addition stores (:func:`plan`), and so, after :func:`store`, what it did."""

    imported: list[Account] = field(default_factory=list)
    """Stored (or to store), in file order, with ids that clash with nothing."""
    duplicates: list[Duplicate] = field(default_factory=list)
    """Left out: exactly these accounts are in the vault already (``existing`` is its own)."""
    repeated: list[Duplicate] = field(default_factory=list)
    """Left out: the file lists them more than once (``existing`` is the first one)."""
    alike: list[Resemblance] = field(default_factory=list)
    """Stored, but each looks like another account: the same key, or the same name."""
    failed: list[Skipped] = field(default_factory=list)
    """Not stored, each with the reason: entries the file could not turn into accounts, then
    accounts the vault does not take in."""
    groups: dict[str, list[str]] = field(default_factory=dict)
    """The file's groups: name -> ids of new accounts and of the accounts duplicates match."""

    def resemblance(self, account: Account) -> Resemblance | None:
        """What the stored ``account`` looks like, if anything."""
        return next((r for r in self.alike if r.account.id == account.id), None)


def plan(existing: Sequence[Account], result: ImportResult) -> ImportSummary:
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
    return ImportSummary(
        imported=new,
        duplicates=duplicates,
        repeated=repeated,
        alike=alike,
        failed=[*result.skipped, *refused],
        groups=groups,
    )


def store(vault: Vault, result: ImportResult) -> ImportSummary:
    """Store the accounts :func:`plan` picks, in one save: all of them or (on an error,
    which is raised: the vault's :class:`~desktop.errors.UserError`) none. The plan is made
    against the accounts on disk at that moment, so an account another Tweestap added
    meanwhile is not doubled."""
    plans: list[ImportSummary] = []

    def choose(stored: Sequence[Account]) -> list[Account]:
        plans.append(plan(stored, result))
        return plans[-1].imported

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

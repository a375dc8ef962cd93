"""Changing the accounts in a vault: every change saved, survives a reopen, or is undone.

These vaults are password-protected (keyring's fail backend, a fast scrypt): the account
logic does not depend on where the key lives.
"""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backends import fail

from desktop.otp.model import Account, OtpType
from desktop.otp.secret import format_setup_key
from desktop.vault import (
    AmbiguousAccount,
    DuplicateAccount,
    SaveFailed,
    ScryptParams,
    UnknownAccount,
    Vault,
    VaultChanged,
    VaultCorrupt,
    open_vault,
)
from desktop.vault import format as fmt
from desktop.vault.keys import PasswordKey

FAST = ScryptParams(n=2**4, r=8, p=1)
PASSWORD = "correct horse battery staple"
RFC_SECRET = b"12345678901234567890"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TWEESTAP_PASSWORD", PASSWORD)
    return tmp_path / "home"


def reopen(home: Path) -> Vault:
    no_keyring = fail.Keyring()  # type: ignore[no-untyped-call]
    return open_vault(home, keyring_backend=no_keyring, scrypt_params=FAST)


@pytest.fixture
def vault(home: Path) -> Vault:
    return reopen(home)


def totp(issuer: str, name: str, secret: bytes = RFC_SECRET, **fields: object) -> Account:
    return Account(issuer=issuer, name=name, secret=secret, **fields)  # type: ignore[arg-type]


@pytest.fixture
def filled(vault: Vault) -> Vault:
    vault.add(totp("Zilliz", "anna@zorg.nl", id="aaaa11110001"))
    vault.add(totp("GitHub", "anna", secret=b"github-secret-bytes", id="bbbb22220002"))
    vault.add(
        Account(
            issuer="Bank",
            name="counter",
            secret=b"hotp-secret",
            type=OtpType.HOTP,
            counter=5,
            id="bbbb33330003",
        )
    )
    return vault


def labels(vault: Vault) -> list[str]:
    return [account.label for account in vault.accounts]


def vault_file(home: Path) -> Path:
    return home / "vault.tweestap"


# -- adding ---------------------------------------------------------------------------------


def test_added_accounts_are_kept_in_order_across_reopen(filled: Vault, home: Path) -> None:
    assert labels(filled) == ["Zilliz: anna@zorg.nl", "GitHub: anna", "Bank: counter"]
    again = reopen(home)
    assert again.accounts == filled.accounts
    assert [a.secret for a in again.accounts] == [a.secret for a in filled.accounts]


def test_add_returns_the_stored_account(vault: Vault) -> None:
    account = totp("Zilliz", "anna")
    assert vault.add(account) == account
    assert vault.get(account.id) == account


@pytest.mark.parametrize(
    ("issuer", "name"), [("Zilliz", "anna@zorg.nl"), ("ZILLIZ", "Anna@Zorg.NL")]
)
def test_the_same_login_again_is_a_duplicate_and_nothing_is_saved(
    filled: Vault, home: Path, issuer: str, name: str
) -> None:
    before = vault_file(home).read_bytes()
    with pytest.raises(DuplicateAccount) as raised:
        filled.add(totp(issuer, name, secret=b"new-secret-after-rescan"))
    assert raised.value.existing.id == "aaaa11110001"
    assert "Zilliz: anna@zorg.nl" in raised.value.render()
    assert vault_file(home).read_bytes() == before
    assert len(filled.accounts) == 3


def test_replace_existing_takes_the_old_entrys_place(filled: Vault, home: Path) -> None:
    newer = totp("Zilliz", "anna@zorg.nl", secret=b"new-secret-after-rescan", digits=8)
    stored = filled.add(newer, replace_existing=True)
    assert stored == newer
    for vault in (filled, reopen(home)):
        assert [a.id for a in vault.accounts] == [newer.id, "bbbb22220002", "bbbb33330003"]
        assert vault.accounts[0].secret == b"new-secret-after-rescan"
        assert vault.accounts[0].digits == 8
    with pytest.raises(UnknownAccount):
        filled.get("aaaa11110001")


def test_replace_existing_without_a_duplicate_just_adds(filled: Vault) -> None:
    filled.add(totp("New", "one"), replace_existing=True)
    assert labels(filled)[-1] == "New: one"


def test_an_account_whose_id_is_taken_gets_a_fresh_one(filled: Vault) -> None:
    stored = filled.add(totp("Other", "login", id="aaaa11110001"))
    assert stored.id != "aaaa11110001"
    assert (stored.issuer, stored.name, stored.secret) == ("Other", "login", RFC_SECRET)
    assert len({a.id for a in filled.accounts}) == 4


# -- changing and removing ------------------------------------------------------------------


def test_remove_is_saved(filled: Vault, home: Path) -> None:
    removed = filled.remove("bbbb22220002")
    assert removed.label == "GitHub: anna"
    assert labels(reopen(home)) == ["Zilliz: anna@zorg.nl", "Bank: counter"]


def test_rename_is_saved_and_trimmed(filled: Vault, home: Path) -> None:
    renamed = filled.rename("bbbb22220002", issuer=" GitHub Work ", name=" anna.w ")
    assert (renamed.issuer, renamed.name, renamed.id) == ("GitHub Work", "anna.w", "bbbb22220002")
    assert renamed.secret == b"github-secret-bytes"
    assert labels(reopen(home))[1] == "GitHub Work: anna.w"


def test_rename_onto_another_accounts_login_is_a_duplicate(filled: Vault, home: Path) -> None:
    before = vault_file(home).read_bytes()
    with pytest.raises(DuplicateAccount) as raised:
        filled.rename("bbbb22220002", issuer="zilliz", name="ANNA@zorg.nl")
    assert raised.value.existing.id == "aaaa11110001"
    assert vault_file(home).read_bytes() == before


def test_rename_of_only_the_case_is_allowed(filled: Vault) -> None:
    assert filled.rename("aaaa11110001", issuer="ZILLIZ", name="anna@zorg.nl").issuer == "ZILLIZ"


@pytest.mark.parametrize(
    ("index", "order"),
    [
        (0, ["bbbb33330003", "aaaa11110001", "bbbb22220002"]),
        (1, ["aaaa11110001", "bbbb33330003", "bbbb22220002"]),
        (2, ["aaaa11110001", "bbbb22220002", "bbbb33330003"]),
        (99, ["aaaa11110001", "bbbb22220002", "bbbb33330003"]),
        (-5, ["bbbb33330003", "aaaa11110001", "bbbb22220002"]),
    ],
)
def test_move_is_saved_and_clamps_the_index(
    filled: Vault, home: Path, index: int, order: list[str]
) -> None:
    filled.move("bbbb33330003", index)
    assert [a.id for a in filled.accounts] == order
    assert [a.id for a in reopen(home).accounts] == order


def test_advance_counter_is_saved(filled: Vault, home: Path) -> None:
    assert filled.advance_counter("bbbb33330003").counter == 6
    assert filled.advance_counter("bbbb33330003").counter == 7
    assert reopen(home).get("bbbb33330003").counter == 7


def test_advance_counter_of_a_time_based_account_is_a_programming_error(filled: Vault) -> None:
    with pytest.raises(ValueError, match="HOTP"):
        filled.advance_counter("aaaa11110001")


@pytest.mark.parametrize(
    "change",
    [
        lambda v: v.remove("nonexistent"),
        lambda v: v.rename("nonexistent", issuer="a", name="b"),
        lambda v: v.move("nonexistent", 0),
        lambda v: v.advance_counter("nonexistent"),
        lambda v: v.remove("aaaa"),  # changes need the whole id, not a prefix
    ],
    ids=["remove", "rename", "move", "advance", "prefix"],
)
def test_changes_to_an_unknown_id_are_refused(
    filled: Vault, home: Path, change: Callable[[Vault], object]
) -> None:
    before = vault_file(home).read_bytes()
    with pytest.raises(UnknownAccount):
        change(filled)
    assert vault_file(home).read_bytes() == before


# -- finding --------------------------------------------------------------------------------


def test_get_by_id_or_unique_prefix(filled: Vault) -> None:
    assert filled.get("aaaa11110001").name == "anna@zorg.nl"
    assert filled.get("aaaa").name == "anna@zorg.nl"
    assert filled.get(" AAAA1 ").name == "anna@zorg.nl"
    assert filled.get("bbbb3").name == "counter"


def test_get_with_a_short_prefix_is_unknown(filled: Vault) -> None:
    with pytest.raises(UnknownAccount, match="aaa"):
        filled.get("aaa")


def test_get_with_a_shared_prefix_is_ambiguous(filled: Vault) -> None:
    with pytest.raises(AmbiguousAccount) as raised:
        filled.get("bbbb")
    assert {a.id for a in raised.value.matches} == {"bbbb22220002", "bbbb33330003"}
    assert raised.value.render().startswith("2 accounts have an id starting with bbbb")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("anna", ["Zilliz: anna@zorg.nl", "GitHub: anna"]),
        ("GITHUB", ["GitHub: anna"]),
        ("zorg", ["Zilliz: anna@zorg.nl"]),
        ("zilliz: anna", ["Zilliz: anna@zorg.nl"]),
        ("bbbb", ["GitHub: anna", "Bank: counter"]),
        ("bbb", []),
        ("", ["Zilliz: anna@zorg.nl", "GitHub: anna", "Bank: counter"]),
        ("nothing like it", []),
    ],
)
def test_find(filled: Vault, query: str, found: list[str]) -> None:
    assert [a.label for a in filled.find(query)] == found


# -- a failed save changes nothing ----------------------------------------------------------

CHANGES: dict[str, Callable[[Vault], object]] = {
    "add": lambda v: v.add(totp("New", "one")),
    "replace": lambda v: v.add(
        totp("Zilliz", "anna@zorg.nl", secret=b"x" * 10), replace_existing=True
    ),
    "remove": lambda v: v.remove("aaaa11110001"),
    "rename": lambda v: v.rename("aaaa11110001", issuer="Renamed", name="x"),
    "move": lambda v: v.move("bbbb33330003", 0),
    "advance": lambda v: v.advance_counter("bbbb33330003"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
@pytest.mark.parametrize("failing", ["replace", "fsync", "mkstemp"])
def test_a_failed_save_rolls_back_memory_and_leaves_the_file_intact(
    filled: Vault, home: Path, change: Callable[[Vault], object], failing: str
) -> None:
    before_file = vault_file(home).read_bytes()
    before_accounts = filled.accounts

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("tempfile.mkstemp" if failing == "mkstemp" else f"os.{failing}", broken)
        with pytest.raises(SaveFailed) as raised:
            change(filled)
    assert "No space left on device" in raised.value.render()
    assert str(vault_file(home)) in raised.value.render()
    assert filled.accounts == before_accounts
    assert vault_file(home).read_bytes() == before_file
    assert sorted(p.name for p in home.iterdir()) == ["vault.tweestap"]
    assert reopen(home).accounts == before_accounts
    change(filled)  # and once the disk is fine again, the same change works
    assert filled.accounts != before_accounts


# -- what is on disk ------------------------------------------------------------------------


def test_the_file_and_its_folder_are_private(filled: Vault, home: Path) -> None:
    assert stat.S_IMODE(vault_file(home).stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_no_secret_or_name_is_in_the_file_in_clear(filled: Vault, home: Path) -> None:
    data = vault_file(home).read_bytes()
    for account in filled.accounts:
        assert account.secret not in data
        assert format_setup_key(account.secret).encode() not in data
        assert base64.b64encode(account.secret) not in data
        assert account.name.encode() not in data
    assert PASSWORD.encode() not in data


def test_the_vaults_repr_shows_no_account_details(filled: Vault) -> None:
    text = repr(filled) + repr(filled.accounts) + repr(filled._key)
    assert "anna" not in repr(filled)
    assert format_setup_key(RFC_SECRET) not in text
    assert "hidden" in text


def test_settings_are_kept_through_changes(vault: Vault, home: Path) -> None:
    sealed = fmt.read_header(vault_file(home).read_bytes())
    assert not isinstance(sealed.header.key, fmt.KeyringKeySpec)
    key = PasswordKey.from_password(PASSWORD, sealed.header.key)
    contents = fmt.Contents(settings={"lock_after_minutes": 5}, extra={"later": True})
    vault_file(home).write_bytes(fmt.seal(sealed.header, contents, key.master_key))
    reopened = reopen(home)
    reopened.add(totp("New", "one"))
    _, decoded = fmt.decode(vault_file(home).read_bytes(), key.master_key)
    assert decoded.settings == {"lock_after_minutes": 5}
    assert decoded.extra == {"later": True}
    assert reopened.settings == {"lock_after_minutes": 5}
    with pytest.raises(TypeError):
        reopened.settings["lock_after_minutes"] = 1  # type: ignore[index]


# -- two Tweestaps on one file (the window and the command line) ----------------------------


def test_a_change_is_applied_on_top_of_another_processs_change(filled: Vault, home: Path) -> None:
    other = reopen(home)
    other.add(totp("FromCli", "x"))
    filled.remove("bbbb22220002")  # `filled` has not seen the CLI's account
    final = labels(reopen(home))
    assert final == ["Zilliz: anna@zorg.nl", "Bank: counter", "FromCli: x"]
    assert labels(filled) == final


def test_a_duplicate_added_elsewhere_is_noticed(filled: Vault, home: Path) -> None:
    reopen(home).add(totp("Elsewhere", "x"))
    with pytest.raises(DuplicateAccount):
        filled.add(totp("elsewhere", "X"))


def test_removing_what_another_process_removed_is_unknown(filled: Vault, home: Path) -> None:
    reopen(home).remove("aaaa11110001")
    with pytest.raises(UnknownAccount):
        filled.rename("aaaa11110001", issuer="a", name="b")
    assert "Zilliz: anna@zorg.nl" not in labels(filled)


def test_reload_picks_up_another_processs_change(filled: Vault, home: Path) -> None:
    reopen(home).advance_counter("bbbb33330003")
    assert filled.get("bbbb33330003").counter == 5
    filled.reload()
    assert filled.get("bbbb33330003").counter == 6


def test_a_password_changed_elsewhere_stops_changes_here_without_overwriting(
    filled: Vault, home: Path
) -> None:
    reopen(home).protect_with_password("changed elsewhere", scrypt_params=FAST)
    before = vault_file(home).read_bytes()
    with pytest.raises(VaultChanged):
        filled.add(totp("New", "one"))
    assert vault_file(home).read_bytes() == before


def test_a_file_damaged_while_open_is_not_overwritten(filled: Vault, home: Path) -> None:
    vault_file(home).write_bytes(b"damaged meanwhile")
    with pytest.raises(VaultCorrupt):
        filled.add(totp("New", "one"))
    assert vault_file(home).read_bytes() == b"damaged meanwhile"


def test_a_file_deleted_while_open_is_written_again_in_full(filled: Vault, home: Path) -> None:
    os.unlink(vault_file(home))
    filled.add(totp("New", "one"))
    assert len(reopen(home).accounts) == 4

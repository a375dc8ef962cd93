"""Planning an import: only an exact duplicate is left out; everything else is stored, and
what looks like another account is said."""

from __future__ import annotations

import pytest

from desktop.importers.base import ImportResult
from desktop.importers.into_vault import plan
from desktop.otp.model import (
    MAX_LABEL_LENGTH,
    MAX_STORED_COUNTER,
    Account,
    Algorithm,
    Likeness,
    OtpType,
    likeness,
)

KEY_A, KEY_B, KEY_C = b"a" * 20, b"b" * 20, b"c" * 20


def result(*accounts: Account, groups: dict[str, list[str]] | None = None) -> ImportResult:
    return ImportResult(format_key="test", accounts=list(accounts), groups=groups or {})


def test_exactly_the_same_account_again_is_a_duplicate_not_a_new_row() -> None:
    existing = Account(issuer="GitHub", name="ann", secret=KEY_A)
    incoming = Account(issuer="GitHub", name="ann", secret=KEY_A)
    planned = plan([existing], result(incoming))
    assert planned.imported == [] and planned.alike == []
    (duplicate,) = planned.duplicates
    assert duplicate.existing is existing and duplicate.incoming is incoming


def test_the_same_key_under_another_name_is_imported_and_said_to_look_alike() -> None:
    existing = Account(issuer="Work mail", name="ann", secret=KEY_A)
    incoming = Account(issuer="Google", name="ann@example.com", secret=KEY_A)
    planned = plan([existing], result(incoming))
    assert planned.imported == [incoming] and planned.duplicates == []
    (alike,) = planned.alike
    assert (alike.account, alike.other, alike.likeness) == (incoming, existing, Likeness.SAME_KEY)
    assert not alike.in_file


def test_only_a_different_letter_case_is_not_an_exact_duplicate() -> None:
    existing = Account(issuer="GitHub", name="ann", secret=KEY_A)
    planned = plan([existing], result(Account(issuer="github", name="ANN", secret=KEY_A)))
    assert len(planned.imported) == 1
    assert planned.alike[0].likeness is Likeness.SAME_KEY


@pytest.mark.parametrize(
    "change",
    [{"digits": 8}, {"period": 60}, {"algorithm": Algorithm.SHA256}],
    ids=["other_digits", "other_period", "other_algorithm"],
)
def test_the_same_key_with_other_code_settings_is_imported(change: dict[str, object]) -> None:
    existing = Account(issuer="Site", name="ann", secret=KEY_A)
    incoming = existing.replace(id="incoming", **change)
    planned = plan([existing], result(incoming))
    assert planned.imported == [incoming]
    assert planned.alike[0].likeness is Likeness.SAME_KEY


def test_the_same_name_with_another_key_is_imported_and_said_to_look_alike() -> None:
    existing = Account(issuer="Intranet", name="jan", secret=KEY_A)
    incoming = Account(issuer="Intranet", name="jan", secret=KEY_B)
    planned = plan([existing], result(incoming))
    assert planned.imported == [incoming]
    (alike,) = planned.alike
    assert (alike.other, alike.likeness) == (existing, Likeness.SAME_NAME)


def test_the_same_key_is_named_before_the_same_name() -> None:
    same_name = Account(issuer="Site", name="ann", secret=KEY_B)
    same_key = Account(issuer="Old name", name="ann", secret=KEY_A)
    (alike,) = plan([same_name, same_key], result(Account("Site", "ann", KEY_A))).alike
    assert alike.other is same_key


def test_the_exact_account_is_found_among_several_with_its_key() -> None:
    renamed = Account(issuer="Old name", name="ann", secret=KEY_A)
    exact = Account(issuer="Site", name="ann", secret=KEY_A)
    planned = plan([renamed, exact], result(Account("Site", "ann", KEY_A)))
    (duplicate,) = planned.duplicates
    assert duplicate.existing is exact and planned.imported == []


def test_the_same_key_for_another_kind_of_code_is_a_new_account_that_looks_alike() -> None:
    existing = Account(issuer="Bank", name="me", secret=KEY_A, type=OtpType.TOTP)
    incoming = Account(issuer="Bank", name="me", secret=KEY_A, type=OtpType.HOTP)
    planned = plan([existing], result(incoming))
    assert planned.imported == [incoming] and planned.duplicates == []
    assert planned.alike[0].likeness is Likeness.SAME_KEY


def test_an_hotp_counter_behind_the_stored_one_is_the_same_account() -> None:
    existing = Account("Bank", "me", KEY_A, type=OtpType.HOTP, counter=40)
    planned = plan([existing], result(existing.replace(id="x", counter=3)))
    assert planned.imported == [] and len(planned.duplicates) == 1


def test_an_hotp_counter_ahead_of_the_stored_one_is_kept_too() -> None:
    existing = Account("Bank", "me", KEY_A, type=OtpType.HOTP, counter=3)
    ahead = existing.replace(id="x", counter=40)
    planned = plan([existing], result(ahead))
    assert planned.imported == [ahead]
    assert planned.alike[0].likeness is Likeness.SAME_KEY


def test_exact_repeats_inside_the_file_are_folded_into_the_first() -> None:
    first = Account(issuer="A", name="one", secret=KEY_B)
    again = Account(issuer="A", name="one", secret=KEY_B)
    other = Account(issuer="C", name="three", secret=KEY_C)
    planned = plan([], result(first, again, other))
    assert planned.imported == [first, other]
    (repeat,) = planned.repeated
    assert repeat.incoming is again and repeat.existing is first


def test_look_alikes_inside_the_file_are_all_kept_and_said() -> None:
    first = Account(issuer="A", name="one", secret=KEY_B)
    renamed = Account(issuer="A again", name="one", secret=KEY_B)
    other_key = Account(issuer="A", name="one", secret=KEY_C)
    planned = plan([], result(first, renamed, other_key))
    assert planned.imported == [first, renamed, other_key] and planned.repeated == []
    assert [(r.account, r.other, r.likeness, r.in_file) for r in planned.alike] == [
        (renamed, first, Likeness.SAME_KEY, True),
        (other_key, first, Likeness.SAME_NAME, True),
    ]


def test_accounts_the_vault_does_not_take_in_are_refused_with_the_reason() -> None:
    too_long = Account(issuer="Site", name="x" * (MAX_LABEL_LENGTH + 1), secret=KEY_A)
    far_counter = Account("Bank", "me", KEY_B, type=OtpType.HOTP, counter=MAX_STORED_COUNTER + 1)
    fine = Account("Fine", "me", KEY_C)
    planned = plan([], result(too_long, far_counter, fine))
    assert planned.imported == [fine]
    assert [r.label for r in planned.failed] == [too_long.label, "Bank: me"]
    assert "at most 256" in planned.failed[0].reason.render()
    assert "9223372036854775807" in planned.failed[1].reason.render()


def test_new_ids_never_clash_and_groups_follow_them() -> None:
    existing = Account(issuer="Old", name="x", secret=KEY_A, id="same-id")
    clashing = Account(issuer="New", name="y", secret=KEY_B, id="same-id")
    duplicate = Account(issuer="Old", name="x", secret=KEY_A, id="dup")
    repeat = Account(issuer="New", name="y", secret=KEY_B, id="rep")
    planned = plan(
        [existing],
        result(
            clashing,
            duplicate,
            repeat,
            groups={"Work": ["same-id", "dup", "rep"], "Empty": ["unknown"]},
        ),
    )
    (added,) = planned.imported
    assert added.id != "same-id" and (added.issuer, added.name) == ("New", "y")
    assert planned.groups == {"Work": [added.id, "same-id"]}


def test_nothing_to_import_is_an_empty_plan() -> None:
    planned = plan([Account("A", "b", KEY_A)], result())
    assert (planned.imported, planned.duplicates, planned.repeated, planned.groups) == (
        [],
        [],
        [],
        {},
    )


def test_likeness_is_none_for_accounts_with_nothing_in_common() -> None:
    assert likeness(Account("A", "a", KEY_A), Account("B", "b", KEY_B)) is None

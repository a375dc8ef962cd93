"""Planning an import: what is new, what is already in the vault, what the file repeats."""

from __future__ import annotations

from desktop.importers.base import ImportResult
from desktop.importers.merge import plan
from desktop.otp.model import Account, Algorithm, OtpType

KEY_A, KEY_B, KEY_C = b"a" * 20, b"b" * 20, b"c" * 20


def result(*accounts: Account, groups: dict[str, list[str]] | None = None) -> ImportResult:
    return ImportResult(format_key="test", accounts=list(accounts), groups=groups or {})


def test_the_same_account_again_is_a_duplicate_not_a_new_row() -> None:
    existing = Account(issuer="GitHub", name="ann", secret=KEY_A)
    incoming = Account(issuer="github", name="ANN", secret=KEY_A)
    planned = plan([existing], result(incoming))
    assert planned.new == []
    (duplicate,) = planned.duplicates
    assert duplicate.existing is existing and duplicate.incoming is incoming
    assert duplicate.same_login and duplicate.same_settings


def test_the_same_key_under_another_name_is_a_duplicate_reported_as_renamed() -> None:
    existing = Account(issuer="Work mail", name="ann", secret=KEY_A)
    incoming = Account(issuer="Google", name="ann@example.com", secret=KEY_A, digits=8)
    planned = plan([existing], result(incoming))
    assert planned.new == []
    (duplicate,) = planned.duplicates
    assert not duplicate.same_login and not duplicate.same_settings


def test_the_exact_login_is_preferred_among_several_matches() -> None:
    renamed = Account(issuer="Old name", name="ann", secret=KEY_A)
    exact = Account(issuer="Site", name="ann", secret=KEY_A)
    (duplicate,) = plan([renamed, exact], result(Account("Site", "ann", KEY_A))).duplicates
    assert duplicate.existing is exact


def test_the_same_key_for_another_kind_of_code_is_a_new_account() -> None:
    existing = Account(issuer="Bank", name="me", secret=KEY_A, type=OtpType.TOTP)
    incoming = Account(issuer="Bank", name="me", secret=KEY_A, type=OtpType.HOTP)
    planned = plan([existing], result(incoming))
    assert planned.new == [incoming] and planned.duplicates == []


def test_an_hotp_counter_that_moved_on_does_not_count_as_other_settings() -> None:
    existing = Account("Bank", "me", KEY_A, type=OtpType.HOTP, counter=40)
    (duplicate,) = plan([existing], result(existing.replace(id="x", counter=3))).duplicates
    assert duplicate.same_settings


def test_repeats_inside_the_file_are_folded_into_the_first() -> None:
    first = Account(issuer="A", name="one", secret=KEY_B)
    again = Account(issuer="A again", name="one", secret=KEY_B, algorithm=Algorithm.SHA256)
    other = Account(issuer="C", name="three", secret=KEY_C)
    planned = plan([], result(first, again, other))
    assert planned.new == [first, other]
    (repeat,) = planned.repeated
    assert repeat.incoming is again and repeat.existing is first


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
    (added,) = planned.new
    assert added.id != "same-id" and (added.issuer, added.name) == ("New", "y")
    assert planned.groups == {"Work": [added.id, "same-id"]}


def test_nothing_to_import_is_an_empty_plan() -> None:
    planned = plan([Account("A", "b", KEY_A)], result())
    assert (planned.new, planned.duplicates, planned.repeated, planned.groups) == ([], [], [], {})

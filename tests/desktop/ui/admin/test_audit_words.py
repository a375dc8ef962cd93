"""Every action, result and changed field the server can write to its audit log has words in
the panel, in English and Dutch: nothing shows as a raw code.

What the server can write is read from its own source (``ast``: every ``action=`` given to
the audit service, every error code its services raise, every key of the changes it records,
and the fields of the schemas it records), so an action added on the server without words in
the panel fails here. The desktop itself never imports the server; only this test reads it.
"""

from __future__ import annotations

import ast
import typing
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.admin.model import AUDIT_ACTIONS, AuditEntry
from desktop.ui.admin import labels
from desktop.ui.admin.audit_changes import ADMIN_ACTIONS, field_words, value_words
from desktop.ui.admin.audit_rows import row_of
from server_stub.schemas.policy import PolicyPublic
from server_stub.schemas.session import Next
from server_stub.schemas.users import UserCreate, UserPublic, UserUpdate
from tests.paths import ROOT

pytestmark = pytest.mark.gui

SERVER = ROOT / "server_stub"
AUDIT_CALLS = {"record", "insert", "record_alone", "record_refusal", "refusals"}
"""The audit service's methods that write (or, around an action, will write) an entry."""


def trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SERVER.rglob("*.py")):
        if path.name == "cli.py":
            continue  # argparse's action="store_true" is no audit action
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def strings(node: ast.AST) -> set[str]:
    return {
        found.value
        for found in ast.walk(node)
        if isinstance(found, ast.Constant) and isinstance(found.value, str)
    }


def outcomes(node: ast.AST) -> set[str]:
    """The strings an expression can evaluate to: a literal, or either side of ``a if c
    else b`` (not the strings in the condition)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return outcomes(node.body) | outcomes(node.orelse)
    return set()


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def server_actions() -> set[str]:
    """``action="..."`` to the audit service, ``action = "a" if ... else "b"`` handed to it,
    and the account actions' names (``self._act(name, actor, "block", change)``)."""
    found: set[str] = set()
    for _path, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "action" and call_name(node) in AUDIT_CALLS:
                        found |= outcomes(keyword.value)
                if call_name(node) == "_act" and len(node.args) >= 3:
                    found |= outcomes(node.args[2])
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "action" for target in node.targets
            ):
                found |= outcomes(node.value)
    return found


def server_results() -> set[str]:
    """``ok``; ``result="..."`` given to the audit service; and every error code the services
    can raise (a refused administrator's action is recorded with its error's code)."""
    errors_tree = ast.parse((SERVER / "services" / "errors.py").read_text(encoding="utf-8"))
    error_classes = {node.name for node in errors_tree.body if isinstance(node, ast.ClassDef)}
    found = {"ok"}
    for node in ast.walk(errors_tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "code" for target in node.targets
        ):
            found |= strings(node.value)
    for _path, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                if call_name(node) in error_classes:
                    found |= {
                        arg.value
                        for arg in node.args
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    }
                for keyword in node.keywords:
                    if keyword.arg == "result" and call_name(node) in AUDIT_CALLS:
                        found |= outcomes(keyword.value)
            if (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "CODE" for t in node.targets)
                and isinstance(node.value, ast.Constant)
            ):
                found.add(str(node.value.value))
    return found


def flattened(model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    """A schema's fields as the policy service records them (``employees.method``), each with
    its type."""
    fields: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields |= flattened(annotation, f"{prefix}{name}.")
        else:
            fields[f"{prefix}{name}"] = annotation
    return fields


def server_fields() -> set[str]:
    """The keys of every change the server records: the dictionaries it hands the audit
    service, the account view it records (``_audit_view``), the schemas whose fields it
    records (an account as the API shows it, what a creation or change attempted) and the
    policy's fields, flattened as the policy service records them."""
    found: set[str] = set()
    for _path, tree in trees():
        for node in ast.walk(tree):
            dictionaries: list[ast.AST] = []
            if isinstance(node, ast.Call) and call_name(node) in AUDIT_CALLS:
                dictionaries = [
                    k.value for k in node.keywords if k.arg in ("old", "new", "attempted")
                ]
            if isinstance(node, ast.FunctionDef) and node.name == "_audit_view":
                dictionaries = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
            for dictionary in dictionaries:
                for literal in ast.walk(dictionary):
                    if isinstance(literal, ast.Dict):
                        found |= {
                            key.value
                            for key in literal.keys
                            if isinstance(key, ast.Constant) and isinstance(key.value, str)
                        }
    found |= set(UserPublic.model_fields)
    found |= set(UserCreate.model_fields) - {"name", "password"}  # never recorded
    found |= set(UserUpdate.model_fields)
    found |= set(flattened(PolicyPublic))
    return found


def literal_values(annotation: Any) -> set[str]:
    """The values of a ``Literal`` (also inside ``X | None``)."""
    values: set[str] = set()
    for arg in typing.get_args(annotation) or ():
        if isinstance(arg, str):
            values.add(arg)
        else:
            values |= literal_values(arg)
    return values


def server_field_values() -> dict[str, set[str]]:
    """Each recorded field that holds one of a fixed set of codes, with those codes."""
    typed = {**flattened(UserPublic), **flattened(PolicyPublic), "next": Next, "step": Next}
    coded = {key: literal_values(annotation) for key, annotation in typed.items()}
    return {key: values for key, values in coded.items() if values}


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert i18n.install(request.param) == request.param
    yield request.param
    i18n.install("en")


def entry(action: str, result: str = "ok", **fields: Any) -> AuditEntry:
    return AuditEntry(
        id=1,
        at=datetime(2025, 3, 3, 9, 0, tzinfo=UTC),
        actor=fields.get("actor", "beheerder"),
        target=fields.get("target", "jan"),
        action=action,
        old=fields.get("old"),
        new=fields.get("new"),
        ip="127.0.0.1",
        result=result,
    )


# -- what the server's source can write ----------------------------------------------------


def test_the_source_reader_finds_what_the_server_is_known_to_write() -> None:
    """A reader that finds nothing would make the tests below pass on anything."""
    assert {"login", "verify", "enroll_complete", "block", "audit_retention"} <= server_actions()
    assert {
        "ok",
        "invalid_credentials",
        "privileged_must_be_employee",
        "employee_cannot_become_extranet",
        "email_cutoff_passed",
        "too_many_attempts",
        "user_not_found",
    } <= server_results()
    assert {"next", "failures", "step", "to", "days", "blocked", "employees.method"} <= (
        server_fields()
    )
    assert server_field_values()["enrollment"] == {"not_enrolled", "pending", "active"}


def test_every_action_the_server_writes_has_words_and_a_filter_entry(language: str) -> None:
    missing = sorted(server_actions() - labels.known_actions())
    assert missing == []
    assert sorted(server_actions() - set(AUDIT_ACTIONS)) == []  # each can be filtered on
    for action in server_actions():
        assert labels.action(action) != action
        shown = row_of(entry(action, result="user_not_found"))
        assert "_" not in shown.what, action
        if action in ADMIN_ACTIONS:  # refused: said as what was tried, not as done
            assert labels.action(action, refused=True) != labels.action(action)


def test_every_result_the_server_writes_has_words(language: str) -> None:
    assert sorted(server_results() - labels.known_results()) == []
    for result in server_results():
        shown = row_of(entry("user_update", result=result)).result
        assert "_" not in shown, (result, shown)


def test_every_field_the_server_records_has_a_label(language: str) -> None:
    missing = sorted(key for key in server_fields() if field_words(key) is None)
    assert missing == []


def test_every_coded_value_the_server_records_has_words(language: str) -> None:
    raw = [
        (key, value)
        for key, values in server_field_values().items()
        for value in values
        if value_words(key, value) in (value, f'"{value}"')
    ]
    assert raw == []

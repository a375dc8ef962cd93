"""The .proto in resources/ is the documented schema; the Python descriptor must equal it.

protoc is not run anywhere: the .proto text is parsed here (the small subset it uses) and
compared, message by message and field by field, with the descriptor that
``desktop.scan.migration_schema`` builds.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.scan.migration_schema import MigrationPayload, file_descriptor_proto
from tests.paths import ROOT

PROTO = ROOT / "resources" / "proto" / "google_auth_migration.proto"

_TYPE_NAMES = {12: "bytes", 9: "string", 5: "int32", 3: "int64"}  # FieldDescriptor.TYPE_*
_BLOCK = re.compile(r"^(message|enum)\s+(\w+)\s*\{$")
_FIELD = re.compile(r"^(repeated\s+)?(\w+)\s+(\w+)\s*=\s*(\d+);$")
_VALUE = re.compile(r"^(\w+)\s*=\s*(\d+);$")

Schema = dict[str, dict[str, tuple[int, str, bool] | int]]


def parse_proto(text: str) -> tuple[str, str, Schema]:
    """``(syntax, package, {qualified block name: {member: spec}})`` of a .proto file:
    fields as ``(number, type, repeated)``, enum values as their number."""
    syntax = package = ""
    blocks: Schema = {}
    stack: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.split("//")[0].strip()
        if not line:
            continue
        if m := re.fullmatch(r'syntax\s*=\s*"(\w+)";', line):
            syntax = m.group(1)
        elif m := re.fullmatch(r"package\s+([\w.]+);", line):
            package = m.group(1)
        elif m := _BLOCK.match(line):
            stack.append((m.group(1), m.group(2)))
            blocks[".".join(name for _, name in stack)] = {}
        elif line == "}":
            stack.pop()
        else:
            scope = blocks[".".join(name for _, name in stack)]
            if stack[-1][0] == "enum":
                value = _VALUE.match(line)
                assert value, line
                scope[value.group(1)] = int(value.group(2))
            else:
                field = _FIELD.match(line)
                assert field, line
                repeated, kind, name, number = field.groups()
                scope[name] = (int(number), kind, bool(repeated))
    assert not stack, "unbalanced braces"
    return syntax, package, blocks


def descriptor_schema(message: Any, prefix: str = "") -> Schema:
    name = prefix + message.name
    fields: dict[str, tuple[int, str, bool] | int] = {}
    for field in message.fields:
        if field.enum_type is not None:
            kind = field.enum_type.name
        elif field.message_type is not None:
            kind = field.message_type.name
        else:
            kind = _TYPE_NAMES[field.type]
        repeated = (
            field.is_repeated
            if hasattr(field, "is_repeated")
            else field.label == field.LABEL_REPEATED
        )
        fields[field.name] = (field.number, kind, bool(repeated))
    schema: Schema = {name: fields}
    for enum in message.enum_types:
        schema[f"{name}.{enum.name}"] = {v.name: v.number for v in enum.values}
    for nested in message.nested_types:
        schema.update(descriptor_schema(nested, name + "."))
    return schema


def test_every_message_field_number_type_and_enum_value_of_the_proto_is_in_python() -> None:
    syntax, package, from_proto = parse_proto(PROTO.read_text(encoding="utf-8"))
    descriptor = MigrationPayload.DESCRIPTOR
    assert (syntax, package) == ("proto3", descriptor.file.package)
    assert descriptor_schema(descriptor) == from_proto


def test_the_parser_of_this_test_sees_every_block_of_the_proto() -> None:
    _, _, from_proto = parse_proto(PROTO.read_text(encoding="utf-8"))
    assert sorted(from_proto) == [
        "MigrationPayload",
        "MigrationPayload.Algorithm",
        "MigrationPayload.DigitCount",
        "MigrationPayload.OtpParameters",
        "MigrationPayload.OtpType",
    ]
    assert from_proto["MigrationPayload.OtpParameters"]["counter"] == (7, "int64", False)
    assert from_proto["MigrationPayload"]["otp_parameters"] == (1, "OtpParameters", True)


def test_the_python_file_descriptor_names_the_proto_file_and_proto3() -> None:
    proto = file_descriptor_proto()
    assert (proto.name, proto.syntax) == (PROTO.name, "proto3")

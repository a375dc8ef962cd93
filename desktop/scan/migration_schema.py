"""The message layout of Google Authenticator exports, as ``resources/proto/
google_auth_migration.proto`` declares it, built in Python at import time (protoc is not
needed at run time and the code works with every protobuf 4.25+ runtime);
``tests/desktop/scan/test_migration_schema.py`` checks that the two agree field by field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from google.protobuf import (  # type: ignore[import-untyped, unused-ignore]
    descriptor_pb2,
    descriptor_pool,
    message_factory,
)

PROTO_FILE: Final = "google_auth_migration.proto"
PROTO_PACKAGE: Final = "googleauth"
PAYLOAD_MESSAGE: Final = "MigrationPayload"
PARAMETERS_MESSAGE: Final = "OtpParameters"

ENUMS: Final[dict[str, tuple[str, ...]]] = {
    # name -> value names; each value's number is its position
    "Algorithm": (
        "ALGORITHM_UNSPECIFIED",
        "ALGORITHM_SHA1",
        "ALGORITHM_SHA256",
        "ALGORITHM_SHA512",
        "ALGORITHM_MD5",
    ),
    "DigitCount": ("DIGIT_COUNT_UNSPECIFIED", "DIGIT_COUNT_SIX", "DIGIT_COUNT_EIGHT"),
    "OtpType": ("OTP_TYPE_UNSPECIFIED", "OTP_TYPE_HOTP", "OTP_TYPE_TOTP"),
}

FieldSpec = tuple[int, str, str, bool]
"""``(number, name, type, repeated)``; ``type`` is a scalar type name as in the .proto, or
the name of an enum or message nested in ``MigrationPayload``."""

PARAMETERS_FIELDS: Final[tuple[FieldSpec, ...]] = (
    (1, "secret", "bytes", False),
    (2, "name", "string", False),
    (3, "issuer", "string", False),
    (4, "algorithm", "Algorithm", False),
    (5, "digits", "DigitCount", False),
    (6, "type", "OtpType", False),
    (7, "counter", "int64", False),
    (8, "unique_id", "string", False),
)
PAYLOAD_FIELDS: Final[tuple[FieldSpec, ...]] = (
    (1, "otp_parameters", PARAMETERS_MESSAGE, True),
    (2, "version", "int32", False),
    (3, "batch_size", "int32", False),
    (4, "batch_index", "int32", False),
    (5, "batch_id", "int32", False),
)


def file_descriptor_proto() -> Any:
    """The ``FileDescriptorProto`` of the .proto file, built from the tables above."""
    field_type = descriptor_pb2.FieldDescriptorProto
    scalars = {
        "bytes": field_type.TYPE_BYTES,
        "string": field_type.TYPE_STRING,
        "int32": field_type.TYPE_INT32,
        "int64": field_type.TYPE_INT64,
    }
    scope = f".{PROTO_PACKAGE}.{PAYLOAD_MESSAGE}"

    def add_fields(message: Any, fields: Iterable[FieldSpec]) -> None:
        for number, name, type_name, repeated in fields:
            field = message.field.add(
                name=name,
                number=number,
                json_name=_json_name(name),
                label=field_type.LABEL_REPEATED if repeated else field_type.LABEL_OPTIONAL,
            )
            if type_name in scalars:
                field.type = scalars[type_name]
            elif type_name in ENUMS:
                field.type = field_type.TYPE_ENUM
                field.type_name = f"{scope}.{type_name}"
            else:
                field.type = field_type.TYPE_MESSAGE
                field.type_name = f"{scope}.{type_name}"

    proto = descriptor_pb2.FileDescriptorProto(
        name=PROTO_FILE, package=PROTO_PACKAGE, syntax="proto3"
    )
    payload = proto.message_type.add(name=PAYLOAD_MESSAGE)
    for enum_name, values in ENUMS.items():
        enum = payload.enum_type.add(name=enum_name)
        for number, value_name in enumerate(values):
            enum.value.add(name=value_name, number=number)
    add_fields(payload.nested_type.add(name=PARAMETERS_MESSAGE), PARAMETERS_FIELDS)
    add_fields(payload, PAYLOAD_FIELDS)
    return proto


def _json_name(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _build_payload_class() -> Any:
    pool = descriptor_pool.DescriptorPool()  # private: never clashes with another copy
    pool.AddSerializedFile(file_descriptor_proto().SerializeToString())
    descriptor = pool.FindMessageTypeByName(f"{PROTO_PACKAGE}.{PAYLOAD_MESSAGE}")
    return message_factory.GetMessageClass(descriptor)


MigrationPayload: Final[Any] = _build_payload_class()
"""The generated message class (``MigrationPayload.OtpParameters`` is nested in it)."""

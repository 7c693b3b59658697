"""The base of the published language: integration events and commands with versioned type names.

A message's type is a stable name such as ``orders.OrderPlaced.v1``, never a Python path, so a
context can move or rename its modules (or leave the monolith) without breaking its consumers.
Payload fields are primitives only (str, int, bool, UUID, datetime, Decimal-as-str, tuples and
nested message parts), so they serialise to JSON without loss.
"""

import re
from dataclasses import dataclass
from typing import ClassVar

# \Z, not $: "$" also matches before a trailing newline, which would let "orders.X.v1\n" through.
TYPE_NAME = re.compile(
    r"^(?P<context>[a-z][a-z_]*)\.(?P<name>[A-Z][A-Za-z0-9]*)\.v(?P<version>[1-9][0-9]*)\Z"
)


def parse_type_name(type_name: str) -> tuple[str, str, int]:
    """Split ``orders.OrderPlaced.v1`` into its context, name and version, or raise ValueError."""
    match = TYPE_NAME.match(type_name)
    if match is None:
        raise ValueError(f"{type_name!r} is not a message type name like 'orders.OrderPlaced.v1'")
    return match["context"], match["name"], int(match["version"])


@dataclass(frozen=True, kw_only=True)
class IntegrationMessage:
    """A message that crosses a context boundary. Subclasses set ``message_type``."""

    message_type: ClassVar[str]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("message_type")
        if declared is not None:
            parse_type_name(declared)

    @classmethod
    def context(cls) -> str:
        return parse_type_name(cls.message_type)[0]

    @classmethod
    def version(cls) -> int:
        return parse_type_name(cls.message_type)[2]


@dataclass(frozen=True, kw_only=True)
class IntegrationEvent(IntegrationMessage):
    """A fact a context publishes (``inventory.StockReserved.v1``); anyone may subscribe."""


@dataclass(frozen=True, kw_only=True)
class IntegrationCommand(IntegrationMessage):
    """A request a context accepts (``inventory.ReserveStock.v1``); exactly one handler owns it."""


@dataclass(frozen=True, kw_only=True)
class MoneyPayload:
    """Money on the wire: a decimal string with the currency's places, and the ISO 4217 code."""

    amount: str
    currency: str

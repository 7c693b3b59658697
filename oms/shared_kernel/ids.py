"""Typed identifiers: an OrderId cannot be passed where a PaymentId is expected."""

import uuid
from dataclasses import dataclass
from typing import Self

from oms.shared_kernel.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class Identifier:
    """A UUID with a type. Subclass it per aggregate: ``class OrderId(Identifier): pass``."""

    value: uuid.UUID

    def __post_init__(self) -> None:
        if not isinstance(self.value, uuid.UUID):
            raise InvalidValue(f"{type(self).__name__} needs a UUID, got {type(self.value).__name__}")

    @classmethod
    def new(cls) -> Self:
        return cls(uuid.uuid4())

    @classmethod
    def parse(cls, raw: "str | uuid.UUID | Identifier") -> Self:
        if isinstance(raw, Identifier):
            if type(raw) is not Identifier and not isinstance(raw, cls):
                raise InvalidValue(f"a {type(raw).__name__} is not a {cls.__name__}")
            return cls(raw.value)
        if isinstance(raw, uuid.UUID):
            return cls(raw)
        try:
            return cls(uuid.UUID(str(raw)))
        except ValueError as exc:
            raise InvalidValue(f"{raw!r} is not a valid {cls.__name__}") from exc

    def __str__(self) -> str:
        return str(self.value)


class CustomerId(Identifier):
    """Who placed an order: the identity context's user id, shared by every context that needs it."""

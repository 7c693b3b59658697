"""The stock-keeping unit: the code a product is known by on shelves, in orders and in the ledger."""

import re
from dataclasses import dataclass

from oms.shared_kernel.errors import InvalidValue

_SKU = re.compile(r"[A-Z0-9_-]{1,64}")


@dataclass(frozen=True, slots=True, order=True)
class Sku:
    """Upper-cased on the way in, so "ab-1" and "AB-1" are one product, not two.

    Ordered, so several stock items can always be locked in the same order (no deadlocks).
    """

    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str):
            raise InvalidValue(f"A SKU is text, not {type(self.value).__name__}.")
        normalised = self.value.strip().upper()
        if not _SKU.fullmatch(normalised):
            raise InvalidValue(f"{self.value!r} is not a SKU: use 1 to 64 letters, digits, '-' or '_'.")
        object.__setattr__(self, "value", normalised)

    def __str__(self) -> str:
        return self.value

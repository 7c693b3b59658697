"""What the orders facade raises beyond the shared kernel's errors, with what a client needs to act."""

from dataclasses import dataclass
from typing import Any

from oms.shared_kernel.errors import BusinessRuleViolation, DomainError, InvalidValue


class InvalidOrderRequest(InvalidValue):
    """The request names things that cannot be ordered; ``errors`` is keyed by field, as DRF keys them."""

    def __init__(self, errors: dict[str, Any]) -> None:
        super().__init__("The order request is not valid; see errors.")
        self.errors = errors


@dataclass(frozen=True, kw_only=True)
class ShortStock:
    sku: str
    requested: int
    available: int


class StockShortAtPlacement(BusinessRuleViolation):
    """Placing would already fail for want of stock: nothing is created, the customer can adjust."""

    def __init__(self, shortages: tuple[ShortStock, ...]) -> None:
        listed = ", ".join(f"{s.sku} ({s.requested} wanted, {s.available} available)" for s in shortages)
        super().__init__(f"Not enough stock for this order: {listed}.", rule="stock_available_at_placement")
        self.shortages = shortages


class CatalogUnavailable(DomainError):
    """The catalog could not be asked for prices or stock; placing can be retried later."""


class ActionNotPermitted(DomainError):
    """The caller may see the order, but none of their roles allows this action on it."""

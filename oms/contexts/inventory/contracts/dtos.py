"""What the inventory facade takes and returns."""

from dataclasses import dataclass

from oms.shared_kernel.messages import MoneyPayload


@dataclass(frozen=True, kw_only=True)
class ProductQuote:
    """A product's current price and availability, as the orders context snapshots it at placement."""

    sku: str
    name: str
    price: MoneyPayload
    active: bool
    available: int

"""What an order asks to hold, and what is missing when it cannot be held."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.validation import require_quantity


@dataclass(frozen=True, slots=True)
class ReservationLine:
    sku: Sku
    quantity: int

    def __post_init__(self) -> None:
        require_quantity(self.quantity, what=f"The quantity of {self.sku}")


@dataclass(frozen=True, slots=True)
class Shortage:
    """One SKU an order could not get: a support agent can tell the customer exactly what is short."""

    sku: Sku
    requested: int
    available: int

    @property
    def missing(self) -> int:
        return self.requested - self.available

    def __str__(self) -> str:
        return f"{self.sku}: {self.requested} requested, {self.available} available"


def sum_lines(lines: Iterable[ReservationLine]) -> tuple[ReservationLine, ...]:
    """One line per SKU, in SKU order: two lines of 3 against 5 in stock must be checked as 6."""
    totals: defaultdict[Sku, int] = defaultdict(int)
    for line in lines:
        totals[line.sku] += line.quantity
    return tuple(ReservationLine(sku, quantity) for sku, quantity in sorted(totals.items()))

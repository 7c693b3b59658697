"""A hold: units of one SKU set aside for one order."""

from dataclasses import dataclass
from datetime import datetime

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.validation import require_quantity


@dataclass(frozen=True, slots=True)
class Hold:
    """Units set aside for one order until ``expires_at``; None once paid (held until shipped)."""

    order_id: OrderId
    quantity: int
    expires_at: datetime | None

    def __post_init__(self) -> None:
        require_quantity(self.quantity, what="A held quantity")

    def is_live(self, now: datetime) -> bool:
        """A hold past its deadline counts for nothing at once: availability never waits for a sweeper."""
        return self.expires_at is None or now < self.expires_at

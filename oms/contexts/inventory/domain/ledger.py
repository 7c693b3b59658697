"""The stock ledger: every change of on-hand stock, so any level can be explained line by line."""

from dataclasses import dataclass
from datetime import datetime

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.validation import require_delta, require_text

SHIPMENT_REASON = "shipment"


@dataclass(frozen=True, slots=True, kw_only=True)
class StockMovement:
    """One ledger entry. Append-only: a mistake is corrected by another movement, never an edit.

    ``on_hand_after`` lets an auditor check the running balance without replaying the whole ledger;
    ``order_id`` is set when the movement shipped an order's reservation.
    """

    sku: Sku
    delta: int
    on_hand_after: int
    reason: str
    actor: str
    correlation_id: str
    occurred_at: datetime
    order_id: OrderId | None = None

    def __post_init__(self) -> None:
        require_delta(self.delta)
        object.__setattr__(self, "reason", require_text(self.reason, what="The reason", max_length=255))
        object.__setattr__(self, "actor", require_text(self.actor, what="The actor", max_length=255))
        correlation_id = require_text(self.correlation_id, what="The correlation id", max_length=128)
        object.__setattr__(self, "correlation_id", correlation_id)

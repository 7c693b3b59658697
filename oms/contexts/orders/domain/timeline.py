"""The order's history: every change of either status, with who made it, when, and why."""

from dataclasses import dataclass
from datetime import datetime

from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus

SYSTEM_ACTOR = "system"
"""The actor of changes the saga makes on another context's reply, not on a person's request."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """``from_status`` is None only for the entry that places the order.

    A payment-only change (a capture, a partial refund) keeps ``from_status == to_status``.
    """

    from_status: OrderStatus | None
    to_status: OrderStatus
    payment_status: PaymentStatus
    reason: str
    actor: str
    at: datetime

    @property
    def changes_status(self) -> bool:
        return self.from_status != self.to_status

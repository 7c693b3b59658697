"""The order's two status machines and its timeline, moved together so they can never disagree.

``change`` checks both transition tables before touching anything, so a refused command leaves the
order exactly as it was, and an accepted one always leaves a timeline entry behind.
"""

from collections.abc import Iterable
from datetime import datetime

from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.contexts.orders.domain.timeline import TimelineEntry
from oms.shared_kernel.errors import IllegalTransition


class Lifecycle:
    def __init__(
        self,
        status: OrderStatus = OrderStatus.PENDING,
        payment_status: PaymentStatus = PaymentStatus.NONE,
        timeline: Iterable[TimelineEntry] = (),
    ) -> None:
        self.status = status
        self.payment_status = payment_status
        self._timeline = list(timeline)

    @classmethod
    def begin(cls, *, actor: str, at: datetime) -> "Lifecycle":
        placed = TimelineEntry(None, OrderStatus.PENDING, PaymentStatus.NONE, "Order placed", actor, at)
        return cls(timeline=[placed])

    @property
    def timeline(self) -> tuple[TimelineEntry, ...]:
        return tuple(self._timeline)

    @property
    def status_reason(self) -> str:
        """Why the order has its current status: the reason of the last change of status."""
        return next((entry.reason for entry in reversed(self._timeline) if entry.changes_status), "")

    def require(self, allowed: frozenset[OrderStatus], *, action: str) -> None:
        """For moves narrower than the table (a capture happens only once the parcel has left)."""
        if self.status not in allowed:
            raise IllegalTransition(f"A {self.status.label} order cannot be {action}.")

    def change(
        self,
        to: OrderStatus | None = None,
        payment: PaymentStatus | None = None,
        *,
        action: str,
        reason: str,
        actor: str,
        at: datetime,
    ) -> None:
        """``None`` keeps that status as it is; ``action`` completes "A shipped order cannot be ..."."""
        if to is not None and not self.status.can_become(to):
            raise IllegalTransition(f"A {self.status.label} order cannot be {action}.")
        if payment is not None and not self.payment_status.can_become(payment):
            raise IllegalTransition(
                f"This order's payment is {self.payment_status.label}, so the order cannot be {action}."
            )
        status, payment_status = to or self.status, payment or self.payment_status
        self._timeline.append(TimelineEntry(self.status, status, payment_status, reason, actor, at))
        self.status, self.payment_status = status, payment_status

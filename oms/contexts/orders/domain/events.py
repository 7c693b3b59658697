"""What happens to an order, in the past tense.

Every event carries the customer so a listener (notifications) can tell them without loading the
order. ``occurred_at`` is the ``at`` the aggregate was handed: the domain reads no clock.
"""

from dataclasses import dataclass

from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.lines import OrderLine
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.ids import CustomerId
from oms.shared_kernel.money import Money


@dataclass(frozen=True, kw_only=True)
class OrderEvent(DomainEvent):
    order_id: OrderId
    customer_id: CustomerId


@dataclass(frozen=True, kw_only=True)
class OrderPlaced(OrderEvent):
    lines: tuple[OrderLine, ...]
    total: Money


@dataclass(frozen=True, kw_only=True)
class OrderAwaitingPayment(OrderEvent):
    """Its stock is reserved; the payment is being authorized."""


@dataclass(frozen=True, kw_only=True)
class OrderConfirmed(OrderEvent):
    total: Money


@dataclass(frozen=True, kw_only=True)
class OrderRejected(OrderEvent):
    reason: str


@dataclass(frozen=True, kw_only=True)
class OrderCancelled(OrderEvent):
    reason: str


@dataclass(frozen=True, kw_only=True)
class OrderShipped(OrderEvent):
    carrier: str
    tracking_number: str


@dataclass(frozen=True, kw_only=True)
class OrderDelivered(OrderEvent):
    pass


@dataclass(frozen=True, kw_only=True)
class OrderPaymentCaptured(OrderEvent):
    amount: Money


@dataclass(frozen=True, kw_only=True)
class OrderPaymentVoided(OrderEvent):
    """An authorization that came after the order was closed was released, charging nothing."""


@dataclass(frozen=True, kw_only=True)
class OrderRefunded(OrderEvent):
    """``refunded_total`` is the running sum; ``fully`` says the order is now refunded in full."""

    amount: Money
    refunded_total: Money
    fully: bool

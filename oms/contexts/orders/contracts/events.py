"""Facts the orders context publishes, for anyone who listens (notifications tells the customer).

Every event names the order three ways a listener needs without asking back: its id, its customer
and the human-readable number the customer sees. Money travels as a decimal string with its currency.
"""

import uuid
from dataclasses import dataclass

from oms.shared_kernel.messages import IntegrationEvent, MoneyPayload


@dataclass(frozen=True, kw_only=True)
class OrderEventHeader(IntegrationEvent):
    order_id: uuid.UUID
    customer_id: uuid.UUID
    number: str


@dataclass(frozen=True, kw_only=True)
class PlacedLine:
    sku: str
    quantity: int
    unit_price: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class OrderPlaced(OrderEventHeader):
    message_type = "orders.OrderPlaced.v1"
    lines: tuple[PlacedLine, ...]
    total: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class OrderConfirmed(OrderEventHeader):
    """Stock is held and the payment authorized: the order will be shipped."""

    message_type = "orders.OrderConfirmed.v1"
    total: MoneyPayload


@dataclass(frozen=True, kw_only=True)
class OrderRejected(OrderEventHeader):
    """The order could not be completed (stock short, payment declined, reservation lapsed)."""

    message_type = "orders.OrderRejected.v1"
    reason: str


@dataclass(frozen=True, kw_only=True)
class OrderCancelled(OrderEventHeader):
    message_type = "orders.OrderCancelled.v1"
    reason: str


@dataclass(frozen=True, kw_only=True)
class OrderShipped(OrderEventHeader):
    message_type = "orders.OrderShipped.v1"
    carrier: str
    tracking_number: str


@dataclass(frozen=True, kw_only=True)
class OrderDelivered(OrderEventHeader):
    message_type = "orders.OrderDelivered.v1"


@dataclass(frozen=True, kw_only=True)
class OrderRefunded(OrderEventHeader):
    """``refunded_total`` is the running sum of refunds; ``fully`` says nothing is left to refund."""

    message_type = "orders.OrderRefunded.v1"
    amount: MoneyPayload
    refunded_total: MoneyPayload
    fully: bool

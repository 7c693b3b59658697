"""The order events a customer is told about, translated once from the orders' published language.

A topic is also the event type webhook integrators subscribe to (``order.shipped``), so it is a
public name: renaming one breaks their subscriptions.
"""

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from oms.contexts.orders.contracts import events
from oms.shared_kernel.messages import IntegrationMessage

Fact = str | bool | dict[str, str]


class Topic(StrEnum):
    ORDER_CONFIRMED = "order.confirmed"
    ORDER_REJECTED = "order.rejected"
    ORDER_CANCELLED = "order.cancelled"
    ORDER_SHIPPED = "order.shipped"
    ORDER_DELIVERED = "order.delivered"
    ORDER_REFUNDED = "order.refunded"

    @property
    def template_name(self) -> str:
        return self.value.replace(".", "_")


TOPICS: Mapping[type[events.OrderEventHeader], Topic] = {
    events.OrderConfirmed: Topic.ORDER_CONFIRMED,
    events.OrderRejected: Topic.ORDER_REJECTED,
    events.OrderCancelled: Topic.ORDER_CANCELLED,
    events.OrderShipped: Topic.ORDER_SHIPPED,
    events.OrderDelivered: Topic.ORDER_DELIVERED,
    events.OrderRefunded: Topic.ORDER_REFUNDED,
}
_HEADER = frozenset(field.name for field in dataclasses.fields(events.OrderEventHeader))


@dataclasses.dataclass(frozen=True, kw_only=True)
class OrderNews:
    """What happened to whose order; ``facts`` are the event's own fields (reason, carrier, amount...)."""

    message_id: uuid.UUID
    topic: Topic
    order_id: uuid.UUID
    customer_id: uuid.UUID
    number: str
    occurred_at: datetime
    facts: Mapping[str, Fact]


def news_of(event: IntegrationMessage, *, message_id: uuid.UUID, occurred_at: datetime) -> OrderNews:
    if not isinstance(event, events.OrderEventHeader) or type(event) not in TOPICS:
        raise TypeError(f"{event.message_type} is not an order event customers are told about")
    facts = {name: value for name, value in dataclasses.asdict(event).items() if name not in _HEADER}
    return OrderNews(
        message_id=message_id,
        topic=TOPICS[type(event)],
        order_id=event.order_id,
        customer_id=event.customer_id,
        number=event.number,
        occurred_at=occurred_at,
        facts=facts,
    )

"""Helpers of the orders' integration tests: stock through the inventory's facade, orders through ours."""

import uuid
from typing import Any

import pytest
from django.utils import timezone

from oms.contexts.inventory import facade as inventory
from oms.contexts.orders import facade
from oms.contexts.orders.contracts.dtos import AddressData, ItemRequest, OrderView, PlaceOrderRequest
from oms.contexts.orders.infrastructure.models import OrdersOutbox
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload

CUSTOMER = frozenset({"customer"})
ADDRESS = AddressData(
    name="Ada Lovelace", line1="12 St James's Square", city="London", postal_code="SW1Y 4JH", country="GB"
)


def stock_up(price: str = "12.50", **on_hand: int) -> None:
    """A product per keyword (``MUG=5``), listed and stocked through the inventory's facade."""
    for sku, units in on_hand.items():
        inventory.create_product(
            sku=sku, name=f"A {sku.lower()}", price=MoneyPayload(amount=price, currency="EUR")
        )
        if units:
            inventory.adjust_stock(
                sku=sku, delta=units, reason="opening", actor="user:wh", correlation_id="c-open"
            )


def place(customer_id: uuid.UUID | None = None, token: str = "tok_visa", **items: int) -> OrderView:
    request = PlaceOrderRequest(
        items=tuple(ItemRequest(sku=sku, quantity=q) for sku, q in (items or {"MUG": 2}).items()),
        shipping_address=ADDRESS,
        currency="EUR",
        payment_token=token,
    )
    return facade.place_order(customer_id=customer_id or uuid.uuid4(), roles=CUSTOMER, request=request)


def outbox(
    message_type: str | None = None, order_id: uuid.UUID | None = None
) -> list[tuple[str, dict[str, Any]]]:
    rows = OrdersOutbox.objects.order_by("created_at")
    if message_type:
        rows = rows.filter(type=message_type)
    if order_id:
        rows = rows.filter(aggregate_id=str(order_id))
    return [(row.type, row.payload) for row in rows]


def deliver(message: IntegrationMessage, handler: str, *, message_id: uuid.UUID | None = None) -> Outcome:
    envelope = Envelope(
        id=message_id or uuid.uuid4(),
        type=message.message_type,
        occurred_at=timezone.now(),
        aggregate_id=str(getattr(message, "order_id", "")),
        correlation_id="req-test",
        causation_id=None,
        payload=registry.serialize(message),
    )
    return consume(envelope.to_dict(), handler)


@pytest.fixture
def shelves(db: None) -> None:
    stock_up(MUG=10, CUP=5)

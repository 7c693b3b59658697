"""Helpers of the inventory's integration tests: products through the facade, envelopes, outbox rows."""

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from oms.contexts.inventory import facade
from oms.contexts.inventory.application import reservations
from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.inventory.infrastructure.models import InventoryOutbox
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload

TTL = timedelta(minutes=15)


class ClockAt:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def stock_up(**on_hand: int) -> None:
    """A product per keyword (``MUG=5``), listed and stocked through the facade."""
    for sku, units in on_hand.items():
        price = MoneyPayload(amount="9.90", currency="EUR")
        facade.create_product(sku=sku, name=f"A {sku.lower()}", price=price)
        if units:
            facade.adjust_stock(
                sku=sku, delta=units, reason="opening", actor="user:wh", correlation_id="c-open"
            )


def envelope(message: IntegrationMessage, *, message_id: uuid.UUID | None = None) -> dict[str, Any]:
    return Envelope(
        id=message_id or uuid.uuid4(),
        type=message.message_type,
        occurred_at=timezone.now(),
        aggregate_id=str(getattr(message, "order_id", "")),
        correlation_id="req-test",
        causation_id=None,
        payload=registry.serialize(message),
    ).to_dict()


def deliver(message: IntegrationMessage, handler: str, *, message_id: uuid.UUID | None = None) -> Outcome:
    return consume(envelope(message, message_id=message_id), handler)


def reserve_command(order_id: uuid.UUID, **lines: int) -> ReserveStock:
    return ReserveStock(
        order_id=order_id, lines=tuple(StockLine(sku=sku, quantity=q) for sku, q in lines.items())
    )


def reserve_in_the_past(order_id: uuid.UUID, *, ago: timedelta, **lines: int) -> None:
    """A reservation made ``ago``: with a 15-minute TTL, more than that ago means it has lapsed."""
    clock = ClockAt(timezone.now() - ago)
    reservations.reserve_stock(
        reserve_command(order_id, **lines), uow=DjangoInventoryUnitOfWork(), clock=clock, ttl=TTL
    )


def outbox(message_type: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    rows = InventoryOutbox.objects.order_by("created_at")
    if message_type:
        rows = rows.filter(type=message_type)
    return [(row.type, row.aggregate_id, row.payload) for row in rows]


@pytest.fixture
def shelves(db: None) -> None:
    stock_up(MUG=5, CUP=2)
    InventoryOutbox.objects.all().delete()

"""The inventory answering a saga over the real bus, embedded mode: another context's outbox in,
the relay, the inventory's inbox and handler, its outbox out. Nothing is called directly."""

import uuid

import pytest

from oms.contexts.inventory import facade
from oms.contexts.inventory.contracts.commands import CommitReservation, ConfirmReservation
from oms.contexts.inventory.infrastructure.models import InventoryInbox
from oms.contexts.orders.infrastructure.models import OrdersOutbox
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork
from oms.shared_kernel.messages import IntegrationMessage
from tests.contexts.inventory.integration.conftest import outbox, reserve_command, stock_up

pytestmark = pytest.mark.django_db(transaction=True)


class OrdersSide(DjangoUnitOfWork):
    """Stands in for the orders context: its commands leave through its own outbox."""

    outbox_model = OrdersOutbox


def send(message: IntegrationMessage, order_id: uuid.UUID) -> None:
    with OrdersSide() as uow:
        uow.publish(message, aggregate_id=str(order_id))
        uow.commit()


def test_a_placed_order_is_reserved_confirmed_and_shipped_through_the_bus():
    stock_up(MUG=5)
    order = uuid.uuid4()

    send(reserve_command(order, MUG=2), order)
    send(ConfirmReservation(order_id=order), order)
    send(CommitReservation(order_id=order), order)

    assert [kind for kind, aggregate, _ in outbox() if aggregate == str(order)] == [
        "inventory.StockReserved.v1",
        "inventory.ReservationConfirmed.v1",
        "inventory.ReservationCommitted.v1",
    ]
    level = facade.stock_level(sku="MUG")
    assert (level.on_hand, level.reserved) == (3, 0)
    assert InventoryInbox.objects.filter(status="processed").count() == 3
    assert not OrdersOutbox.objects.filter(published_at__isnull=True).exists()

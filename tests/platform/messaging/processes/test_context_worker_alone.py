"""The seam of a split (docs/split.md): one context's worker, alone on its own queue, does its work.

An inventory worker started with ``-Q inventory`` and nothing else handles a ReserveStock command and
writes its reply to the inventory outbox; the relay's queue and every other context's queue are left
untouched, as they would be if inventory ran as a service of its own.
"""

import sys
import uuid

import pytest

from oms.contexts.inventory import facade as inventory
from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.inventory.infrastructure.models import InventoryInbox, InventoryOutbox
from oms.contexts.orders.infrastructure.models import OrdersOutbox
from oms.platform.messaging.relay import relay_batch
from oms.platform.messaging.tasks import send_delivery
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork
from oms.shared_kernel.messages import MoneyPayload
from tests.platform.messaging.processes.support import child_env, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


class SagaSide(DjangoUnitOfWork):
    outbox_model = OrdersOutbox


def inventory_worker() -> list[str]:
    return [
        sys.executable, "-m", "celery", "-A", "oms.config.celery", "worker", "-Q", "inventory",
        "--pool", "solo", "--loglevel", "INFO", "--without-heartbeat", "--without-gossip", "--without-mingle",
    ]  # fmt: skip


def test_an_inventory_worker_alone_on_its_queue_answers_the_saga_and_touches_nothing_else(
    processes, own_broker
):
    inventory.create_product(sku="MUG", name="Mug", price=MoneyPayload(amount="12.50", currency="EUR"))
    inventory.adjust_stock(sku="MUG", delta=5, reason="restock", actor="test", correlation_id="seam")
    order_id = uuid.uuid4()
    with SagaSide() as uow:
        uow.publish(
            ReserveStock(order_id=order_id, lines=(StockLine(sku="MUG", quantity=2),)),
            aggregate_id=str(order_id),
        )
        uow.commit()
    assert relay_batch(OrdersOutbox, send=send_delivery) == 1
    broker = own_broker.client()
    platform_backlog = broker.llen("platform")

    processes.start("inventory", inventory_worker(), child_env(broker_url=own_broker.url))

    wait_until(lambda: InventoryOutbox.objects.filter(type="inventory.StockReserved.v1").exists(), timeout=30)
    reply = InventoryOutbox.objects.get(type="inventory.StockReserved.v1")
    assert reply.payload["order_id"] == str(order_id)
    assert InventoryInbox.objects.get().handler == "inventory.reserve_stock"
    assert inventory.stock_level(sku="MUG").reserved == 2
    assert broker.llen("inventory") == 0
    assert broker.llen("platform") >= platform_backlog  # the relay's nudges wait for a relay worker
    assert all(broker.llen(queue) == 0 for queue in ("orders", "payments", "notifications"))

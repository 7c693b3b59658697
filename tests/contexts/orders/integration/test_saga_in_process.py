"""The whole placement saga in eager mode (the embedded run): orders, inventory and payments answer
each other through their outboxes, the relay and their inboxes, in process, right after each commit.

Nothing is called directly but the orders' facade: every other step is a message on the real bus.
"""

import uuid
from collections.abc import Sequence
from dataclasses import replace

import pytest

from oms.contexts.inventory import facade as inventory
from oms.contexts.orders import facade
from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.application.placement import place_order
from oms.contexts.orders.application.ports import ProductPrice
from oms.contexts.orders.contracts.dtos import ItemRequest, PlaceOrderRequest
from oms.contexts.orders.infrastructure.acl import InventoryCatalogAdapter
from oms.contexts.orders.infrastructure.clock import SystemClock, saga_policy
from oms.contexts.orders.infrastructure.models import SagaJournalRecord
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork
from oms.contexts.payments import facade as payments
from oms.platform.messaging.bus import bus
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.orders.integration.conftest import ADDRESS, place, stock_up

pytestmark = pytest.mark.django_db(transaction=True)
STAFF = {"caller_id": uuid.uuid4(), "roles": frozenset({"admin"})}


@pytest.fixture(autouse=True)
def _other_contexts_answer() -> None:
    names = bus.handler_names()
    for handler in ("inventory.reserve_stock", "payments.authorize_payment"):
        if handler not in names:
            pytest.skip(f"{handler} is not subscribed yet: the saga has no one to talk to")
    stock_up(MUG=5)


def now(order_id: uuid.UUID):
    return facade.get_order(order_id=order_id, **STAFF)


def heard(order_id: uuid.UUID) -> list[str]:
    return list(
        SagaJournalRecord.objects.filter(saga_id=order_id, direction="received")
        .order_by("id")
        .values_list("message_type", flat=True)
    )


def stock(sku: str = "MUG") -> tuple[int, int]:
    level = inventory.stock_level(sku=sku)
    return level.on_hand, level.reserved


def confirmed_order():
    order = place(MUG=2)
    assert now(order.id).status == "confirmed"
    return order


def test_a_placed_order_is_reserved_authorized_and_confirmed_before_the_request_ends():
    order = place(MUG=2)

    assert order.status == "pending"  # the order as its own transaction left it
    view = now(order.id)
    assert (view.status, view.payment_status) == ("confirmed", "authorized")
    assert heard(order.id) == [
        "inventory.StockReserved.v1",
        "payments.PaymentAuthorized.v1",
        "inventory.ReservationConfirmed.v1",
    ]
    assert stock() == (5, 2)
    assert payments.payment_for_order(order_id=order.id).status == "authorized"


class SoldOutMeanwhile(InventoryCatalogAdapter):
    """The stock was there when checked and gone when reserved: the race the saga must handle."""

    def prices(self, skus: Sequence[str]) -> dict[str, ProductPrice]:
        return {sku: replace(price, available=999) for sku, price in super().prices(skus).items()}


def test_stock_gone_by_the_time_of_the_reservation_rejects_the_order():
    customer = Caller(uuid.uuid4(), frozenset({"customer"}))
    wanted = PlaceOrderRequest(
        items=(ItemRequest(sku="MUG", quantity=6),),
        shipping_address=ADDRESS,
        currency="EUR",
        payment_token="tok_visa",
    )
    order = place_order(
        wanted,
        customer=customer,
        uow=DjangoOrdersUnitOfWork(),
        catalog=SoldOutMeanwhile(),
        clock=SystemClock(),
        policy=saga_policy(),
    )

    view = now(order.id.value)
    assert (view.status, view.status_reason) == ("rejected", "Out of stock: MUG (6 wanted, 5 available)")
    assert payments.payment_for_order(order_id=order.id.value) is None
    assert stock() == (5, 0)


def test_a_declined_card_rejects_the_order_and_gives_its_stock_back():
    order = place(token="tok_chargeDeclined", MUG=2)

    view = now(order.id)
    assert (view.status, view.payment_status) == ("rejected", "failed")
    assert view.status_reason == "The payment was declined: Your card was declined."
    assert heard(order.id)[-1] == "inventory.ReservationReleased.v1"
    assert stock() == (5, 0)


def test_cancelling_a_confirmed_order_voids_the_payment_and_releases_the_stock():
    order = confirmed_order()

    facade.cancel_order(order_id=order.id, reason="changed my mind", **STAFF)

    assert (now(order.id).status, now(order.id).payment_status) == ("cancelled", "voided")
    assert {"payments.PaymentVoided.v1", "inventory.ReservationReleased.v1"} <= set(heard(order.id))
    assert payments.payment_for_order(order_id=order.id).status == "voided"
    assert stock() == (5, 0)


def test_shipping_commits_the_stock_and_captures_the_payment():
    order = confirmed_order()

    facade.ship_order(order_id=order.id, carrier="DHL", tracking_number="JD014600", **STAFF)

    view = now(order.id)
    assert (view.status, view.payment_status, view.carrier) == ("shipped", "captured", "DHL")
    assert {"inventory.ReservationCommitted.v1", "payments.PaymentCaptured.v1"} <= set(heard(order.id))
    assert stock() == (3, 0)


def test_a_partial_then_a_full_refund_refund_the_order_and_payments_agrees():
    order = confirmed_order()
    facade.ship_order(order_id=order.id, carrier="DHL", tracking_number="JD014600", **STAFF)

    facade.refund_order(order_id=order.id, amount=MoneyPayload(amount="5.00", currency="EUR"), **STAFF)
    assert (now(order.id).status, now(order.id).payment_status) == ("shipped", "partially_refunded")
    facade.refund_order(order_id=order.id, amount=MoneyPayload(amount="20.00", currency="EUR"), **STAFF)

    view = now(order.id)
    assert (view.status, view.payment_status, view.refunded.amount) == ("refunded", "refunded", "25.00")
    assert heard(order.id).count("payments.PaymentRefunded.v1") == 2
    assert payments.payment_for_order(order_id=order.id).refunded.amount == "25.00"

"""Replies delivered through the inbox to the orders' handlers, on PostgreSQL: effects and outbox rows."""

import uuid

import pytest
from django.utils import timezone

from oms.contexts.inventory.contracts.events import Shortage, StockReservationFailed, StockReserved
from oms.contexts.orders.infrastructure.messaging import SUBSCRIPTIONS
from oms.contexts.orders.infrastructure.models import OrderRecord, OrdersInbox, SagaJournalRecord
from oms.contexts.payments.contracts.events import PaymentAuthorized, PaymentFailed
from oms.platform.messaging.bus import bus
from oms.platform.messaging.consumer import Outcome
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.orders.integration.conftest import deliver, outbox, place

pytestmark = pytest.mark.django_db
TOTAL = MoneyPayload(amount="25.00", currency="EUR")


def reserved(order_id: uuid.UUID) -> StockReserved:
    return StockReserved(order_id=order_id, expires_at=timezone.now())


def test_every_reply_of_the_saga_has_a_handler_on_the_orders_queue():
    names = {name for _, _, name in SUBSCRIPTIONS}

    assert len(names) == 12
    assert {bus.subscription(name).queue for name in names} == {"orders"}


def test_reserved_stock_writes_the_authorization_request_to_the_outbox(shelves):
    order = place(MUG=2)

    assert deliver(reserved(order.id), "orders.on_stock_reserved") is Outcome.HANDLED

    assert outbox("payments.AuthorizePayment.v1") == [
        (
            "payments.AuthorizePayment.v1",
            {
                "order_id": str(order.id),
                "amount": {"amount": "25.00", "currency": "EUR"},
                "payment_token": "tok_visa",
            },
        )
    ]
    assert OrderRecord.objects.get(pk=order.id).status == "awaiting_payment"


def test_a_redelivered_reply_is_stopped_by_the_inbox_and_a_repeated_one_by_the_sagas_state(shelves):
    order = place(MUG=2)
    message_id = uuid.uuid4()
    deliver(reserved(order.id), "orders.on_stock_reserved", message_id=message_id)

    assert deliver(reserved(order.id), "orders.on_stock_reserved", message_id=message_id) is Outcome.DUPLICATE
    assert deliver(reserved(order.id), "orders.on_stock_reserved") is Outcome.HANDLED

    assert len(outbox("payments.AuthorizePayment.v1")) == 1
    assert OrdersInbox.objects.filter(handler="orders.on_stock_reserved").count() == 2
    assert OrderRecord.objects.get(pk=order.id).version == 1  # the repeat changed nothing, wrote nothing
    received = SagaJournalRecord.objects.filter(saga_id=order.id, direction="received")
    assert received.count() == 2


def test_a_failed_reservation_rejects_the_order_and_publishes_the_rejection(shelves):
    order = place(MUG=2)
    failed = StockReservationFailed(
        order_id=order.id, shortages=(Shortage(sku="MUG", requested=2, available=1),)
    )

    deliver(failed, "orders.on_stock_reservation_failed")

    record = OrderRecord.objects.get(pk=order.id)
    assert (record.status, record.status_reason) == ("rejected", "Out of stock: MUG (2 wanted, 1 available)")
    [(_, rejected)] = outbox("orders.OrderRejected.v1")
    assert (rejected["number"], rejected["reason"]) == (order.number, record.status_reason)


def test_an_authorization_confirms_the_order_and_a_decline_releases_the_stock(shelves):
    paid, declined = place(MUG=1), place(MUG=1)
    for order in (paid, declined):
        deliver(reserved(order.id), "orders.on_stock_reserved")

    deliver(
        PaymentAuthorized(order_id=paid.id, payment_id=uuid.uuid4(), amount=TOTAL),
        "orders.on_payment_authorized",
    )
    failed = PaymentFailed(
        order_id=declined.id, payment_id=uuid.uuid4(), kind="declined", reason="Your card was declined."
    )
    deliver(failed, "orders.on_payment_failed")

    assert [t for t, _ in outbox(order_id=paid.id)][-2:] == [
        "orders.OrderConfirmed.v1",
        "inventory.ConfirmReservation.v1",
    ]
    assert [t for t, _ in outbox(order_id=declined.id)][-2:] == [
        "orders.OrderRejected.v1",
        "inventory.ReleaseReservation.v1",
    ]
    assert OrderRecord.objects.get(pk=declined.id).payment_status == "failed"


def test_a_reply_about_an_unknown_order_is_handled_as_nothing_to_do(db):
    assert deliver(reserved(uuid.uuid4()), "orders.on_stock_reserved") is Outcome.HANDLED
    assert outbox() == []

import uuid

import pytest

from oms.contexts.inventory.contracts import commands as inventory_commands
from oms.contexts.inventory.contracts import events as inventory
from oms.contexts.orders.application import replies
from oms.contexts.orders.application.commands import ship_order
from oms.contexts.orders.contracts import events as published
from oms.contexts.orders.domain.saga_state import SagaState
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.contexts.payments.contracts import commands as payment_commands
from oms.contexts.payments.contracts import events as payments
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.orders.unit.application_fakes import WAREHOUSE, FakeUnitOfWork, FixedClock, a_placed_order
from tests.contexts.orders.unit.builders import T0

EUR = MoneyPayload(amount="29.00", currency="EUR")
PAYMENT = uuid.uuid4()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def hear(uow, handler, event):
    handler(event, uow=uow, clock=FixedClock(T0))
    return uow.take()


def reserved(order):
    return inventory.StockReserved(order_id=order.id.value, expires_at=T0)


def authorized(order):
    return payments.PaymentAuthorized(order_id=order.id.value, payment_id=PAYMENT, amount=EUR)


def declined(order, kind="declined"):
    return payments.PaymentFailed(
        order_id=order.id.value, payment_id=PAYMENT, kind=kind, reason="card declined"
    )


def awaiting_payment(uow):
    order = a_placed_order(uow)
    hear(uow, replies.on_stock_reserved, reserved(order))
    return order


def confirmed(uow):
    order = awaiting_payment(uow)
    hear(uow, replies.on_payment_authorized, authorized(order))
    return order


def shipped(uow):
    order = confirmed(uow)
    ship_order(
        order.id, caller=WAREHOUSE, carrier="DHL", tracking_number="JD1", uow=uow, clock=FixedClock(T0)
    )
    uow.take()
    return order


def test_reserved_stock_asks_payments_to_authorize_the_total_with_the_customers_token(uow):
    order = a_placed_order(uow)

    sent = hear(uow, replies.on_stock_reserved, reserved(order))

    assert sent == [
        payment_commands.AuthorizePayment(order_id=order.id.value, amount=EUR, payment_token="tok_visa")
    ]
    assert order.status is OrderStatus.AWAITING_PAYMENT
    assert [(e.direction, e.message_type) for e in uow.journal.entries[-2:]] == [
        ("received", "inventory.StockReserved.v1"),
        ("sent", "payments.AuthorizePayment.v1"),
    ]


def test_a_repeated_stock_reserved_sends_nothing_more_but_is_journaled(uow):
    order = awaiting_payment(uow)
    saves = uow.orders.saves

    assert hear(uow, replies.on_stock_reserved, reserved(order)) == []
    assert uow.journal.entries[-1].message_type == "inventory.StockReserved.v1"
    assert order.status is OrderStatus.AWAITING_PAYMENT
    assert uow.orders.saves == saves + 1  # handed to the repository, which writes only what changed


def test_a_failed_reservation_rejects_the_order_naming_the_shortage_and_releases_nothing(uow):
    order = a_placed_order(uow)
    failed = inventory.StockReservationFailed(
        order_id=order.id.value, shortages=(inventory.Shortage(sku="MUG", requested=2, available=0),)
    )

    sent = hear(uow, replies.on_stock_reservation_failed, failed)

    assert order.status is OrderStatus.REJECTED
    assert order.status_reason == "Out of stock: MUG (2 wanted, 0 available)"
    assert [type(m) for m in sent] == [published.OrderRejected]
    assert sent[0].reason == order.status_reason
    assert sent[0].number == order.number


def test_an_authorized_payment_confirms_the_order_and_keeps_its_stock_held(uow):
    order = awaiting_payment(uow)

    sent = hear(uow, replies.on_payment_authorized, authorized(order))

    assert (order.status, order.payment_status) == (OrderStatus.CONFIRMED, PaymentStatus.AUTHORIZED)
    assert sorted(type(m).__name__ for m in sent) == ["ConfirmReservation", "OrderConfirmed"]


def test_a_declined_payment_rejects_the_order_and_releases_its_reservation(uow):
    order = awaiting_payment(uow)

    sent = hear(uow, replies.on_payment_failed, declined(order))

    assert (order.status, order.payment_status) == (OrderStatus.REJECTED, PaymentStatus.FAILED)
    assert order.status_reason == "The payment was declined: card declined"
    release = next(m for m in sent if isinstance(m, inventory_commands.ReleaseReservation))
    assert release.reason == order.status_reason
    assert any(isinstance(m, published.OrderRejected) for m in sent)


def test_a_gateway_failure_says_so_in_the_reason(uow):
    order = awaiting_payment(uow)

    hear(uow, replies.on_payment_failed, declined(order, kind="gateway_unavailable"))

    assert order.status_reason.startswith("The payment could not be authorized (gateway_unavailable)")


def test_an_authorization_arriving_after_the_order_was_rejected_is_voided(uow):
    order = awaiting_payment(uow)
    hear(uow, replies.on_reservation_expired, inventory.ReservationExpired(order_id=order.id.value))

    sent = hear(uow, replies.on_payment_authorized, authorized(order))

    assert [type(m) for m in sent] == [payment_commands.VoidPayment]
    assert (order.status, order.payment_status) == (OrderStatus.REJECTED, PaymentStatus.VOIDED)


def test_an_expired_reservation_rejects_an_unpaid_order_without_releasing_what_inventory_freed(uow):
    order = awaiting_payment(uow)

    sent = hear(uow, replies.on_reservation_expired, inventory.ReservationExpired(order_id=order.id.value))

    assert order.status is OrderStatus.REJECTED
    assert [type(m) for m in sent] == [published.OrderRejected]


def test_a_failed_capture_flags_the_saga_for_a_person(uow):
    order = shipped(uow)
    saga = uow.sagas.rows[order.id]
    failed = payments.PaymentOperationFailed(
        order_id=order.id.value, payment_id=PAYMENT, operation="capture", reason="card expired"
    )

    assert hear(uow, replies.on_payment_operation_failed, failed) == []
    assert saga.needs_attention
    assert "could not be captured: card expired" in (saga.steps.attention_reason or "")


def test_a_refused_void_flags_the_saga_too(uow):
    order = confirmed(uow)
    failed = payments.PaymentOperationFailed(
        order_id=order.id.value, payment_id=PAYMENT, operation="void", reason="provider down"
    )

    hear(uow, replies.on_payment_operation_failed, failed)

    assert uow.sagas.rows[order.id].steps.attention_reason == (
        "The payment provider refused to void the payment: provider down"
    )


def test_a_capture_moves_a_shipped_order_to_captured(uow):
    order = shipped(uow)

    hear(
        uow,
        replies.on_payment_captured,
        payments.PaymentCaptured(order_id=order.id.value, payment_id=PAYMENT, amount=EUR),
    )

    assert order.payment_status is PaymentStatus.CAPTURED
    assert uow.sagas.rows[order.id].state is SagaState.COMPLETED


@pytest.mark.parametrize(
    ("handler", "event"),
    [
        (replies.on_reservation_settled, lambda o: inventory.ReservationConfirmed(order_id=o)),
        (replies.on_reservation_settled, lambda o: inventory.ReservationReleased(order_id=o)),
        (replies.on_reservation_settled, lambda o: inventory.ReservationCommitted(order_id=o)),
        (replies.on_payment_voided, lambda o: payments.PaymentVoided(order_id=o, payment_id=PAYMENT)),
        (
            replies.on_payment_refunded,
            lambda o: payments.PaymentRefunded(
                order_id=o,
                payment_id=PAYMENT,
                refund_id=uuid.uuid4(),
                amount=EUR,
                total_refunded=EUR,
                fully_refunded=True,
            ),
        ),
    ],
)
def test_confirmations_of_what_the_saga_asked_for_are_journaled_and_change_nothing(uow, handler, event):
    order = confirmed(uow)
    message = event(order.id.value)

    assert hear(uow, handler, message) == []
    assert (order.status, uow.sagas.rows[order.id].state) == (OrderStatus.CONFIRMED, SagaState.CONFIRMED)
    assert uow.journal.entries[-1].message_type == message.message_type


def test_a_reply_about_an_order_this_context_does_not_hold_is_ignored(uow):
    stranger = inventory.StockReserved(order_id=uuid.uuid4(), expires_at=T0)

    assert hear(uow, replies.on_stock_reserved, stranger) == []
    assert (uow.commits, uow.journal.entries) == (0, [])

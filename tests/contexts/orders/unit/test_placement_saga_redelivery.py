"""Duplicates, out-of-order and late replies: no commands, no errors, unless something must be undone."""

from datetime import timedelta

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import Authorization, Reservation
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.contexts.orders.domain.timeline import TimelineEntry
from tests.contexts.orders.unit.builders import T0, confirmed_saga, shipped_saga, start_saga

LATER = T0 + timedelta(minutes=20)


def snapshot(order: Order, saga: OrderPlacementSaga) -> tuple[tuple[TimelineEntry, ...], str, int]:
    return order.timeline, saga.state, len(order.pending_events)


def test_stock_reserved_twice_sends_the_authorization_once() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)
    before = snapshot(order, saga)

    assert saga.on_stock_reserved(order, now=LATER) == []
    assert snapshot(order, saga) == before


def test_a_payment_authorized_twice_confirms_once() -> None:
    order, saga = confirmed_saga()
    before = snapshot(order, saga)

    assert saga.on_payment_authorized(order, now=LATER) == []
    assert snapshot(order, saga) == before


def test_a_repeated_failure_after_the_rejection_changes_nothing() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)
    saga.on_payment_failed(order, reason="Declined", now=T0)
    before = snapshot(order, saga)

    assert saga.on_payment_failed(order, reason="Declined", now=LATER) == []
    assert saga.on_stock_reservation_failed(order, reason="late", now=LATER) == []
    assert snapshot(order, saga) == before


def test_a_payment_authorized_before_the_saga_asked_for_it_is_ignored() -> None:
    order, saga = start_saga()

    assert saga.on_payment_authorized(order, now=T0) == []
    assert (order.status, saga.authorization) == (OrderStatus.PENDING, Authorization.NONE)


def test_replies_to_a_shipped_order_about_earlier_steps_are_ignored() -> None:
    order, saga = shipped_saga()
    before = snapshot(order, saga)

    assert saga.on_stock_reserved(order, now=LATER) == []
    assert saga.on_payment_authorized(order, now=LATER) == []
    assert saga.on_payment_failed(order, reason="late", now=LATER) == []
    assert saga.on_reservation_expired(order, now=LATER) == []
    assert snapshot(order, saga) == before


def test_a_capture_reported_twice_completes_once() -> None:
    order, saga = shipped_saga()
    saga.on_payment_captured(order, now=T0)
    before = snapshot(order, saga)

    assert saga.on_payment_captured(order, now=LATER) == []
    assert snapshot(order, saga) == before


def test_an_authorization_arriving_after_the_reservation_expired_is_voided() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)
    saga.on_reservation_expired(order, now=T0)

    assert saga.on_payment_authorized(order, now=LATER) == [cmd.VoidPayment(order.id)]
    assert (order.status, order.payment_status) == (OrderStatus.REJECTED, PaymentStatus.VOIDED)
    assert saga.on_payment_authorized(order, now=LATER) == []


def test_an_authorization_arriving_after_a_cancellation_is_voided() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)
    saga.cancel(order, reason="Changed my mind", actor="customer:1", now=T0)

    assert saga.on_payment_authorized(order, now=LATER) == [cmd.VoidPayment(order.id)]
    assert order.status is OrderStatus.CANCELLED


def test_stock_reserved_after_a_cancellation_is_released() -> None:
    order, saga = start_saga()
    saga.cancel(order, reason="Changed my mind", actor="customer:1", now=T0)

    assert saga.on_stock_reserved(order, now=LATER) == [cmd.ReleaseReservation(order.id)]
    assert saga.reservation is Reservation.RELEASED
    assert saga.on_stock_reserved(order, now=LATER) == []


def test_stock_reserved_after_the_reservation_already_expired_is_not_released_again() -> None:
    order, saga = start_saga()
    saga.on_reservation_expired(order, now=T0)

    assert saga.on_stock_reserved(order, now=LATER) == []
    assert order.status is OrderStatus.REJECTED


def test_a_reservation_expiring_after_a_release_changes_nothing() -> None:
    order, saga = confirmed_saga()
    saga.cancel(order, reason="x", actor="support:1", now=T0)

    assert saga.on_reservation_expired(order, now=LATER) == []
    assert (saga.reservation, saga.needs_attention) == (Reservation.RELEASED, False)

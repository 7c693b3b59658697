"""Rejections and cancellations: each undoes exactly what the saga had obtained, and nothing else."""

from datetime import timedelta

import pytest

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.saga_state import Reservation, SagaState, SagaStep
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.errors import IllegalTransition, InvalidValue
from tests.contexts.orders.unit.builders import T0, an_order, confirmed_saga, shipped_saga, start_saga

LATER = T0 + timedelta(seconds=5)


def test_a_stock_shortage_rejects_the_order_with_its_reason_and_has_nothing_to_undo() -> None:
    order, saga = start_saga()

    commands = saga.on_stock_reservation_failed(order, reason="SKU-1: 0 of 2 available", now=LATER)

    assert commands == []
    assert (order.status, order.status_reason, saga.state) == (
        OrderStatus.REJECTED,
        "SKU-1: 0 of 2 available",
        SagaState.REJECTED,
    )
    assert saga.steps.progress[SagaStep.RESERVE_STOCK].last_error == "SKU-1: 0 of 2 available"
    assert saga.steps.current_step is None


def test_a_failed_payment_releases_the_reservation_and_rejects_the_order() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)

    commands = saga.on_payment_failed(order, reason="Your card was declined", now=LATER)

    assert commands == [cmd.ReleaseReservation(order.id)]
    assert (order.status, order.payment_status) == (OrderStatus.REJECTED, PaymentStatus.FAILED)
    assert (saga.state, saga.reservation) == (SagaState.REJECTED, Reservation.RELEASED)


def test_a_reservation_expiring_before_payment_rejects_the_order_without_releasing_anything() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)

    assert saga.on_reservation_expired(order, now=LATER) == []

    assert (order.status, saga.state, saga.reservation) == (
        OrderStatus.REJECTED,
        SagaState.REJECTED,
        Reservation.EXPIRED,
    )
    assert "expired" in order.status_reason


def test_cancelling_a_confirmed_order_voids_the_payment_and_releases_the_stock() -> None:
    order, saga = confirmed_saga()

    commands = saga.cancel(order, reason="Ordered twice", actor="customer:1", now=LATER)

    assert commands == [cmd.VoidPayment(order.id), cmd.ReleaseReservation(order.id)]
    assert (order.status, order.payment_status, saga.state) == (
        OrderStatus.CANCELLED,
        PaymentStatus.VOIDED,
        SagaState.CANCELLED,
    )


def test_cancelling_while_awaiting_payment_releases_the_stock_but_voids_nothing() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)

    commands = saga.cancel(order, reason="Ordered twice", actor="customer:1", now=LATER)

    assert commands == [cmd.ReleaseReservation(order.id)]
    assert saga.steps.current_step is None


def test_cancelling_before_the_stock_is_reserved_has_nothing_to_undo_yet() -> None:
    order, saga = start_saga()

    assert saga.cancel(order, reason="Oops", actor="customer:1", now=LATER) == []
    assert order.status is OrderStatus.CANCELLED


def test_a_shipped_order_cannot_be_cancelled_and_the_saga_stays_as_it_was() -> None:
    order, saga = shipped_saga()

    with pytest.raises(IllegalTransition):
        saga.cancel(order, reason="Too late", actor="customer:1", now=LATER)

    assert (saga.state, saga.steps.current_step) == (SagaState.SHIPPING, SagaStep.CAPTURE_PAYMENT)


def test_a_reservation_expiring_after_payment_flags_the_saga_for_a_person() -> None:
    order, saga = confirmed_saga()

    assert saga.on_reservation_expired(order, now=LATER) == []

    assert saga.needs_attention
    assert "expired after payment" in (saga.steps.attention_reason or "")
    assert order.status is OrderStatus.CONFIRMED


def test_shipping_after_the_reservation_expired_commits_nothing_it_does_not_hold() -> None:
    order, saga = confirmed_saga()
    saga.on_reservation_expired(order, now=T0)

    commands = saga.ship(order, carrier="DHL", tracking_number="JD1", actor="warehouse:1", now=LATER)

    assert [type(c) for c in commands] == [cmd.CapturePayment]


def test_a_failed_capture_flags_the_saga_for_a_person() -> None:
    order, saga = shipped_saga()

    assert saga.on_payment_capture_failed(order, reason="Authorization expired", now=LATER) == []

    assert saga.needs_attention
    assert saga.steps.progress[SagaStep.CAPTURE_PAYMENT].last_error == "Authorization expired"
    assert saga.on_payment_capture_failed(order, reason="Authorization expired", now=LATER) == []


def test_a_saga_refuses_to_act_on_another_order() -> None:
    _, saga = start_saga()

    with pytest.raises(InvalidValue):
        saga.on_stock_reserved(an_order(), now=LATER)

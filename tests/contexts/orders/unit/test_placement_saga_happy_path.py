from datetime import timedelta

from oms.contexts.orders.domain import saga_commands as cmd
from oms.contexts.orders.domain.events import OrderAwaitingPayment, OrderConfirmed, OrderPaymentCaptured
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import Authorization, Reservation, SagaState, SagaStep
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import POLICY, T0, an_order, confirmed_saga, shipped_saga, start_saga

LATER = T0 + timedelta(seconds=5)


def test_starting_the_saga_asks_inventory_to_reserve_every_line() -> None:
    order = an_order()

    saga, commands = OrderPlacementSaga.start(order, payment_token="tok_visa", now=T0, policy=POLICY)

    assert commands == [cmd.ReserveStock(order.id, (cmd.StockLine("SKU-1", 2), cmd.StockLine("SKU-2", 1)))]
    assert (saga.id, saga.state, saga.steps.current_step) == (
        order.id,
        SagaState.AWAITING_RESERVATION,
        "reserve_stock",
    )
    assert (saga.steps.attempts(SagaStep.RESERVE_STOCK), saga.steps.deadline) == (
        1,
        T0 + timedelta(minutes=2),
    )


def test_reserved_stock_moves_the_order_on_and_asks_payments_to_authorize_the_total() -> None:
    order, saga = start_saga()

    commands = saga.on_stock_reserved(order, now=LATER)

    assert commands == [cmd.AuthorizePayment(order.id, order.customer_id, Money("25.50", "EUR"), "tok_visa")]
    assert (order.status, saga.state, saga.reservation) == (
        OrderStatus.AWAITING_PAYMENT,
        SagaState.AWAITING_PAYMENT,
        Reservation.HELD,
    )
    assert (saga.steps.current_step, saga.steps.deadline) == (
        SagaStep.AUTHORIZE_PAYMENT,
        LATER + timedelta(minutes=2),
    )
    assert [type(e) for e in order.pull_events()] == [OrderAwaitingPayment]


def test_an_authorized_payment_confirms_the_order_and_keeps_its_stock_held() -> None:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)

    commands = saga.on_payment_authorized(order, now=LATER)

    assert commands == [cmd.ConfirmReservation(order.id)]
    assert (order.status, order.payment_status) == (OrderStatus.CONFIRMED, PaymentStatus.AUTHORIZED)
    assert (saga.state, saga.authorization, saga.steps.current_step) == (
        SagaState.CONFIRMED,
        Authorization.AUTHORIZED,
        None,
    )
    assert isinstance(order.pull_events()[-1], OrderConfirmed)


def test_the_payment_token_is_forgotten_once_no_authorization_can_be_resent() -> None:
    _, saga = confirmed_saga()

    assert saga.payment_token == ""


def test_shipping_commits_the_reservation_and_asks_for_the_capture_of_the_total() -> None:
    order, saga = confirmed_saga()

    commands = saga.ship(order, carrier="DHL", tracking_number="JD0001", actor="warehouse:1", now=LATER)

    assert commands == [cmd.CommitReservation(order.id), cmd.CapturePayment(order.id, Money("25.50", "EUR"))]
    assert (order.status, saga.state, saga.reservation) == (
        OrderStatus.SHIPPED,
        SagaState.SHIPPING,
        Reservation.COMMITTED,
    )
    assert saga.steps.current_step is SagaStep.CAPTURE_PAYMENT


def test_a_captured_payment_completes_the_saga_and_marks_the_order_paid() -> None:
    order, saga = shipped_saga()

    assert saga.on_payment_captured(order, now=LATER) == []

    assert (order.status, order.payment_status) == (OrderStatus.SHIPPED, PaymentStatus.CAPTURED)
    assert (saga.state, saga.authorization, saga.steps.current_step) == (
        SagaState.COMPLETED,
        Authorization.CAPTURED,
        None,
    )
    assert isinstance(order.pull_events()[-1], OrderPaymentCaptured)


def test_a_refund_is_recorded_on_the_order_and_sent_to_payments() -> None:
    order, saga = shipped_saga()
    saga.on_payment_captured(order, now=T0)

    commands = saga.refund(order, amount=Money("5", "EUR"), reason="Late", actor="support:2", now=LATER)

    assert commands == [cmd.RefundPayment(order.id, Money("5", "EUR"), "Late")]
    assert order.refunded == Money("5", "EUR")


def test_a_delivered_order_can_still_be_captured_and_refunded_in_full() -> None:
    order, saga = shipped_saga()
    order.deliver(at=T0, actor="warehouse:1")
    saga.on_payment_captured(order, now=T0)

    saga.refund(order, amount=order.total, reason="Returned", actor="support:2", now=LATER)

    assert (order.status, order.payment_status) == (OrderStatus.REFUNDED, PaymentStatus.REFUNDED)

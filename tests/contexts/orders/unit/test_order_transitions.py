from collections.abc import Callable
from datetime import timedelta

import pytest

from oms.contexts.orders.domain import events
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.status import ORDER_TRANSITIONS, OrderStatus, PaymentStatus
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from tests.contexts.orders.unit.builders import T0, order_in

S, P = OrderStatus, PaymentStatus
LATER = T0 + timedelta(hours=1)

# Each command, the statuses it is legal from, and where it leads (status, payment, event).
Move = Callable[[Order], None]
Command = tuple[Move, set[OrderStatus], OrderStatus | None, PaymentStatus | None, type[events.OrderEvent]]
COMMANDS: dict[str, Command] = {
    "reserve": (
        lambda o: o.mark_awaiting_payment(at=LATER),
        {S.PENDING},
        S.AWAITING_PAYMENT,
        P.NONE,
        events.OrderAwaitingPayment,
    ),
    "confirm": (
        lambda o: o.confirm(at=LATER),
        {S.AWAITING_PAYMENT},
        S.CONFIRMED,
        P.AUTHORIZED,
        events.OrderConfirmed,
    ),
    "shortage": (
        lambda o: o.reject_for_stock_shortage(reason="SKU-1 is out of stock", at=LATER),
        {S.PENDING},
        S.REJECTED,
        P.NONE,
        events.OrderRejected,
    ),
    "declined": (
        lambda o: o.reject_for_failed_payment(reason="Card declined", at=LATER),
        {S.AWAITING_PAYMENT},
        S.REJECTED,
        P.FAILED,
        events.OrderRejected,
    ),
    "expired": (
        lambda o: o.reject_for_expired_reservation(at=LATER),
        {S.PENDING, S.AWAITING_PAYMENT},
        S.REJECTED,
        P.NONE,
        events.OrderRejected,
    ),
    "cancel": (
        lambda o: o.cancel(reason="Changed my mind", at=LATER, actor="customer:1"),
        {S.PENDING, S.AWAITING_PAYMENT, S.CONFIRMED},
        S.CANCELLED,
        None,
        events.OrderCancelled,
    ),
    "ship": (
        lambda o: o.ship(carrier="DHL", tracking_number="JD1", at=LATER, actor="warehouse:1"),
        {S.CONFIRMED},
        S.SHIPPED,
        P.AUTHORIZED,
        events.OrderShipped,
    ),
    "deliver": (
        lambda o: o.deliver(at=LATER, actor="warehouse:1"),
        {S.SHIPPED},
        S.DELIVERED,
        P.AUTHORIZED,
        events.OrderDelivered,
    ),
    "capture": (
        lambda o: o.mark_payment_captured(at=LATER),
        {S.SHIPPED, S.DELIVERED},
        None,
        P.CAPTURED,
        events.OrderPaymentCaptured,
    ),
    "void_late": (
        lambda o: o.void_late_authorization(at=LATER),
        {S.REJECTED, S.CANCELLED},
        None,
        P.VOIDED,
        events.OrderPaymentVoided,
    ),
}
CASES = [(name, status) for name in COMMANDS for status in OrderStatus]


@pytest.mark.parametrize(("name", "status"), [c for c in CASES if c[1] in COMMANDS[c[0]][1]])
def test_a_legal_move_changes_the_status_and_records_a_timeline_entry_and_an_event(
    name: str, status: OrderStatus
) -> None:
    command, _, to, payment, event_type = COMMANDS[name]
    order = order_in(status)
    before = order.payment_status

    command(order)

    assert order.status == (to or status)
    # Only cancel leaves the payment to the state: it voids an authorization, if there is one.
    assert order.payment_status == (payment or (P.VOIDED if before is P.AUTHORIZED else before))
    entry = order.timeline[-1]
    assert (entry.from_status, entry.to_status, entry.payment_status, entry.at) == (
        status,
        order.status,
        order.payment_status,
        LATER,
    )
    [event] = order.pull_events()
    assert isinstance(event, event_type)
    assert (event.order_id, event.occurred_at) == (order.id, LATER)


@pytest.mark.parametrize(("name", "status"), [c for c in CASES if c[1] not in COMMANDS[c[0]][1]])
def test_an_illegal_move_is_refused_and_changes_nothing(name: str, status: OrderStatus) -> None:
    command = COMMANDS[name][0]
    order = order_in(status)
    before = (order.status, order.payment_status, order.timeline)

    with pytest.raises(IllegalTransition):
        command(order)

    assert (order.status, order.payment_status, order.timeline) == before
    assert order.pull_events() == []


def test_every_status_change_a_command_makes_is_one_the_transition_table_lists() -> None:
    for name, status in CASES:
        _, allowed, to, _, _ = COMMANDS[name]
        if status in allowed and to is not None:
            assert ORDER_TRANSITIONS[status] >= {to}, name


def test_a_refused_move_explains_itself_in_a_sentence() -> None:
    with pytest.raises(IllegalTransition, match=r"A shipped order cannot be cancelled\."):
        order_in(S.SHIPPED).cancel(reason="too late", at=LATER, actor="customer:1")


def test_cancelling_a_confirmed_order_voids_its_authorization() -> None:
    order = order_in(S.CONFIRMED)

    order.cancel(reason="Found it cheaper", at=LATER, actor="support:7")

    assert (order.status, order.payment_status) == (S.CANCELLED, P.VOIDED)
    assert (order.timeline[-1].actor, order.status_reason) == ("support:7", "Found it cheaper")


def test_cancelling_before_payment_leaves_no_payment_to_void() -> None:
    order = order_in(S.AWAITING_PAYMENT)

    order.cancel(reason="Changed my mind", at=LATER, actor="customer:1")

    assert order.payment_status is P.NONE


def test_a_rejected_order_gives_its_reason() -> None:
    order = order_in(S.AWAITING_PAYMENT)

    order.reject_for_failed_payment(reason="Your card was declined", at=LATER)

    assert order.status_reason == "Your card was declined"
    assert order.timeline[-1].actor == "system"


def test_shipping_keeps_the_carrier_and_tracking_number() -> None:
    order = order_in(S.CONFIRMED)

    order.ship(carrier=" DHL ", tracking_number=" JD014600 ", at=LATER, actor="warehouse:1")

    assert order.shipment == ("DHL", "JD014600")
    [event] = order.pull_events()
    assert isinstance(event, events.OrderShipped)
    assert (event.carrier, event.tracking_number) == ("DHL", "JD014600")


@pytest.mark.parametrize(("carrier", "tracking"), [("", "JD1"), ("DHL", "  ")])
def test_a_shipment_without_carrier_or_tracking_number_is_refused(carrier: str, tracking: str) -> None:
    order = order_in(S.CONFIRMED)

    with pytest.raises(BusinessRuleViolation, match="carrier and a tracking number"):
        order.ship(carrier=carrier, tracking_number=tracking, at=LATER, actor="warehouse:1")

    assert order.status is S.CONFIRMED


def test_a_capture_keeps_the_status_and_is_on_the_timeline() -> None:
    order = order_in(S.SHIPPED)

    order.mark_payment_captured(at=LATER)

    entry = order.timeline[-1]
    assert (entry.from_status, entry.to_status, entry.payment_status) == (S.SHIPPED, S.SHIPPED, P.CAPTURED)
    assert order.status_reason.startswith("Shipped with DHL")


def test_a_second_capture_is_refused() -> None:
    order = order_in(S.SHIPPED)
    order.mark_payment_captured(at=LATER)

    with pytest.raises(IllegalTransition, match="payment is captured"):
        order.mark_payment_captured(at=LATER)

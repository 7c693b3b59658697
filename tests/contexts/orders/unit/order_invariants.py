"""What must hold of an order after any sequence of commands, checked by the state-machine tests."""

from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.status import (
    CONSISTENT_PAYMENT,
    ORDER_TRANSITIONS,
    PAYMENT_TRANSITIONS,
    OrderStatus,
    PaymentStatus,
)


def assert_order_is_in_a_legal_state(order: Order) -> None:
    assert order.payment_status in CONSISTENT_PAYMENT[order.status], (order.status, order.payment_status)
    assert order.refunded <= order.total
    assert (order.status is OrderStatus.REFUNDED) == (order.payment_status is PaymentStatus.REFUNDED)
    if order.status is OrderStatus.REFUNDED:
        assert order.refunded == order.total
    assert_timeline_follows_the_tables(order)


def assert_timeline_follows_the_tables(order: Order) -> None:
    first, *rest = order.timeline
    assert (first.from_status, first.to_status, first.payment_status) == (None, "pending", "none")
    status, payment = first.to_status, first.payment_status
    for entry in rest:
        assert entry.from_status == status
        assert entry.to_status == status or entry.to_status in ORDER_TRANSITIONS[status], entry
        assert entry.payment_status == payment or entry.payment_status in PAYMENT_TRANSITIONS[payment], entry
        assert entry.reason, entry
        assert entry.actor, entry
        status, payment = entry.to_status, entry.payment_status
    assert (status, payment) == (order.status, order.payment_status)

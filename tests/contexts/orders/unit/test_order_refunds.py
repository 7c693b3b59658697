import pytest

from oms.contexts.orders.domain.events import OrderRefunded
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import T0, order_in

S, P = OrderStatus, PaymentStatus


def captured(status: OrderStatus = S.SHIPPED) -> Order:
    order = order_in(status)
    order.mark_payment_captured(at=T0)
    order.pull_events()
    return order  # total 25.50 EUR


def refund(order: Order, amount: str) -> None:
    order.refund(amount=Money(amount, "EUR"), reason="Damaged in transit", at=T0, actor="support:3")


def test_a_partial_refund_keeps_the_status_and_marks_the_payment_partially_refunded() -> None:
    order = captured()

    refund(order, "5.50")

    assert (order.status, order.payment_status) == (S.SHIPPED, P.PARTIALLY_REFUNDED)
    assert (order.refunded, order.refundable) == (Money("5.50", "EUR"), Money("20.00", "EUR"))
    [event] = order.pull_events()
    assert isinstance(event, OrderRefunded)
    assert (event.amount, event.refunded_total, event.fully) == (
        Money("5.50", "EUR"),
        Money("5.50", "EUR"),
        False,
    )


def test_refunds_that_add_up_to_the_total_refund_the_order() -> None:
    order = captured(S.DELIVERED)

    refund(order, "20.00")
    refund(order, "5.50")

    assert (order.status, order.payment_status, order.refundable) == (
        S.REFUNDED,
        P.REFUNDED,
        Money("0", "EUR"),
    )
    assert [e.fully for e in order.pull_events() if isinstance(e, OrderRefunded)] == [False, True]
    assert order.timeline[-1].reason == "Refunded 5.50 EUR: Damaged in transit"


def test_a_refund_above_what_is_left_of_the_capture_is_refused_and_changes_nothing() -> None:
    order = captured()
    refund(order, "20.00")

    with pytest.raises(BusinessRuleViolation) as refused:
        refund(order, "5.51")

    assert refused.value.rule == "refund_never_above_captured"
    assert (order.refunded, order.payment_status) == (Money("20.00", "EUR"), P.PARTIALLY_REFUNDED)


def test_nothing_can_be_refunded_before_the_payment_is_captured() -> None:
    with pytest.raises(BusinessRuleViolation, match=r"Only 0\.00 EUR"):
        refund(order_in(S.SHIPPED), "1.00")


@pytest.mark.parametrize("amount", [Money("0", "EUR"), Money("-1", "EUR"), Money("1", "USD")])
def test_a_refund_must_be_positive_and_in_the_orders_currency(amount: Money) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        captured().refund(amount=amount, reason="x", at=T0, actor="support:3")

    assert refused.value.rule == "refund_is_positive"


@pytest.mark.parametrize("status", [S.CONFIRMED, S.CANCELLED, S.REFUNDED])
def test_an_order_that_has_not_shipped_or_is_already_refunded_cannot_be_refunded(status: OrderStatus) -> None:
    with pytest.raises(IllegalTransition, match="cannot be refunded"):
        refund(order_in(status), "1.00")

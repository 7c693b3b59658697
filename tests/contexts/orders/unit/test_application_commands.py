import uuid

import pytest

from oms.contexts.inventory.contracts import commands as inventory
from oms.contexts.orders.application import commands
from oms.contexts.orders.contracts import events as published
from oms.contexts.orders.contracts.errors import ActionNotPermitted
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.contexts.payments.contracts import commands as payments
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition, NotFound
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.orders.unit.application_fakes import (
    ADMIN,
    ANOTHER_CUSTOMER,
    CUSTOMER,
    SUPPORT,
    WAREHOUSE,
    FakeUnitOfWork,
    FixedClock,
    a_confirmed_order,
    a_paid_shipped_order,
    a_placed_order,
)

CLOCK = FixedClock()


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


def eur(amount: str) -> MoneyPayload:
    return MoneyPayload(amount=amount, currency="EUR")


def kinds(uow) -> list[str]:
    return sorted(type(message).__name__ for message in uow.take())


def test_the_owner_cancelling_a_confirmed_order_voids_the_payment_and_releases_the_stock(uow):
    order = a_confirmed_order(uow)

    commands.cancel_order(order.id, caller=CUSTOMER, reason="changed my mind", uow=uow, clock=CLOCK)

    assert (order.status, order.payment_status) == (OrderStatus.CANCELLED, PaymentStatus.VOIDED)
    assert kinds(uow) == ["OrderCancelled", "ReleaseReservation", "VoidPayment"]
    assert order.timeline[-1].actor == f"customer:{CUSTOMER.user_id}"


def test_cancelling_before_the_stock_is_reserved_has_nothing_to_undo_yet(uow):
    order = a_placed_order(uow)

    commands.cancel_order(order.id, caller=SUPPORT, reason="", uow=uow, clock=CLOCK)

    assert kinds(uow) == ["OrderCancelled"]
    assert order.status_reason == "Cancelled by staff"


def test_another_customer_is_told_the_order_does_not_exist(uow):
    order = a_confirmed_order(uow)

    with pytest.raises(NotFound):
        commands.cancel_order(order.id, caller=ANOTHER_CUSTOMER, reason="", uow=uow, clock=CLOCK)
    assert order.status is OrderStatus.CONFIRMED


def test_the_warehouse_may_see_an_order_but_not_cancel_it(uow):
    order = a_confirmed_order(uow)

    with pytest.raises(ActionNotPermitted):
        commands.cancel_order(order.id, caller=WAREHOUSE, reason="", uow=uow, clock=CLOCK)


def test_the_owner_cannot_cancel_once_the_parcel_has_left(uow):
    order = a_paid_shipped_order(uow)

    with pytest.raises(IllegalTransition):
        commands.cancel_order(order.id, caller=CUSTOMER, reason="", uow=uow, clock=CLOCK)
    assert uow.take() == []


def test_shipping_commits_the_stock_and_captures_the_payment(uow):
    order = a_confirmed_order(uow)

    commands.ship_order(
        order.id, caller=WAREHOUSE, carrier="DHL", tracking_number="JD1", uow=uow, clock=CLOCK
    )

    messages = uow.take()
    assert inventory.CommitReservation(order_id=order.id.value) in messages
    assert payments.CapturePayment(order_id=order.id.value) in messages
    shipped = next(m for m in messages if isinstance(m, published.OrderShipped))
    assert (shipped.carrier, shipped.tracking_number) == ("DHL", "JD1")


def test_a_customer_may_not_ship(uow):
    order = a_confirmed_order(uow)

    with pytest.raises(ActionNotPermitted):
        commands.ship_order(
            order.id, caller=CUSTOMER, carrier="DHL", tracking_number="1", uow=uow, clock=CLOCK
        )


def test_a_pending_order_cannot_be_shipped(uow):
    order = a_placed_order(uow)

    with pytest.raises(IllegalTransition):
        commands.ship_order(order.id, caller=ADMIN, carrier="DHL", tracking_number="1", uow=uow, clock=CLOCK)


def test_delivering_a_shipped_order_publishes_the_fact(uow):
    order = a_paid_shipped_order(uow)

    commands.deliver_order(order.id, caller=WAREHOUSE, uow=uow, clock=CLOCK)

    assert order.status is OrderStatus.DELIVERED
    assert kinds(uow) == ["OrderDelivered"]


def test_a_partial_refund_asks_payments_for_that_amount_under_a_refund_id_of_its_own(uow):
    order = a_paid_shipped_order(uow)

    commands.refund_order(
        order.id, caller=SUPPORT, amount=eur("10.00"), reason="scratched", uow=uow, clock=CLOCK
    )
    first = uow.take()
    commands.refund_order(order.id, caller=SUPPORT, amount=eur("5.00"), reason="late", uow=uow, clock=CLOCK)
    second = uow.take()

    [refund_1] = [m for m in first if isinstance(m, payments.RefundPayment)]
    [refund_2] = [m for m in second if isinstance(m, payments.RefundPayment)]
    assert (refund_1.amount, refund_1.reason) == (eur("10.00"), "scratched")
    assert refund_1.refund_id != refund_2.refund_id
    [fact] = [m for m in second if isinstance(m, published.OrderRefunded)]
    assert (fact.refunded_total, fact.fully) == (eur("15.00"), False)
    assert order.payment_status is PaymentStatus.PARTIALLY_REFUNDED


def test_refunding_the_rest_refunds_the_order(uow):
    order = a_paid_shipped_order(uow)

    commands.refund_order(order.id, caller=ADMIN, amount=eur("29.00"), reason="", uow=uow, clock=CLOCK)

    assert (order.status, order.payment_status) == (OrderStatus.REFUNDED, PaymentStatus.REFUNDED)


def test_a_refund_above_what_was_captured_is_refused(uow):
    order = a_paid_shipped_order(uow)

    with pytest.raises(BusinessRuleViolation, match="can still be refunded"):
        commands.refund_order(order.id, caller=SUPPORT, amount=eur("29.01"), reason="", uow=uow, clock=CLOCK)
    assert uow.take() == []


def test_an_unknown_order_is_not_found(uow):
    with pytest.raises(NotFound):
        commands.deliver_order(OrderId(uuid.uuid4()), caller=ADMIN, uow=uow, clock=CLOCK)


def test_support_lowers_a_sagas_flag_and_the_journal_says_who(uow):
    order = a_confirmed_order(uow)
    uow.sagas.rows[order.id].steps.flag("look at me")

    commands.resolve_attention(order.id, caller=SUPPORT, uow=uow, clock=CLOCK)

    assert not uow.sagas.rows[order.id].needs_attention
    assert uow.journal.entries[-1].detail == f"by support:{SUPPORT.user_id}"
    with pytest.raises(ActionNotPermitted):
        commands.resolve_attention(order.id, caller=WAREHOUSE, uow=uow, clock=CLOCK)

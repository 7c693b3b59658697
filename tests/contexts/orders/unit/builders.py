"""Test data builders for the orders domain: a valid order unless a test says otherwise."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from oms.contexts.orders.domain.address import Address
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaPolicy
from oms.contexts.orders.domain.status import OrderStatus
from oms.shared_kernel.ids import CustomerId
from oms.shared_kernel.money import Money

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
CUSTOMER = CustomerId.new()
POLICY = SagaPolicy(
    reserve_stock_timeout=timedelta(minutes=2),
    authorize_payment_timeout=timedelta(minutes=2),
    capture_payment_timeout=timedelta(minutes=30),
    max_attempts=3,
)


def an_address(**changes: str) -> Address:
    fields = {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London"}
    fields |= {"postal_code": "SW1Y 4JH", "country": "GB"}
    return Address(**(fields | changes))


def a_line(sku: str = "SKU-1", quantity: int = 1, price: str = "10.00", currency: str = "EUR") -> OrderLine:
    return OrderLine(sku=sku, quantity=quantity, unit_price=Money(price, currency))


def an_order(lines: Iterable[OrderLine] | None = None, currency: str = "EUR") -> Order:
    basket = list(lines) if lines is not None else [a_line("SKU-1", 2, "10.00"), a_line("SKU-2", 1, "5.50")]
    return Order.place(
        order_id=OrderId.new(),
        customer_id=CUSTOMER,
        lines=basket,
        currency=currency,
        shipping_address=an_address(),
        at=T0,
        actor=f"customer:{CUSTOMER}",
    )


def order_in(status: OrderStatus) -> Order:
    """An order brought to ``status`` by the legal moves only, with its events already pulled."""
    order = an_order()
    for move in _PATHS[status]:
        move(order)
    order.pull_events()
    return order


def start_saga(order: Order | None = None) -> tuple[Order, OrderPlacementSaga]:
    order = order or an_order()
    saga, _ = OrderPlacementSaga.start(order, payment_token="tok_visa", now=T0, policy=POLICY)
    order.pull_events()
    return order, saga


def _reserve(order: Order) -> None:
    order.mark_awaiting_payment(at=T0)


def _authorize(order: Order) -> None:
    order.confirm(at=T0)


def _ship(order: Order) -> None:
    order.ship(carrier="DHL", tracking_number="JD0001", at=T0, actor="warehouse:1")


def _capture(order: Order) -> None:
    order.mark_payment_captured(at=T0)


_S = OrderStatus
_PATHS = {
    _S.PENDING: [],
    _S.AWAITING_PAYMENT: [_reserve],
    _S.CONFIRMED: [_reserve, _authorize],
    _S.SHIPPED: [_reserve, _authorize, _ship],
    _S.DELIVERED: [_reserve, _authorize, _ship, lambda o: o.deliver(at=T0, actor="warehouse:1")],
    _S.REJECTED: [lambda o: o.reject_for_stock_shortage(reason="SKU-1 is out of stock", at=T0)],
    _S.CANCELLED: [lambda o: o.cancel(reason="changed my mind", at=T0, actor="customer:1")],
    _S.REFUNDED: [
        _reserve,
        _authorize,
        _ship,
        _capture,
        lambda o: o.refund(amount=o.total, reason="damaged", at=T0, actor="support:1"),
    ],
}


def confirmed_saga() -> tuple[Order, OrderPlacementSaga]:
    order, saga = start_saga()
    saga.on_stock_reserved(order, now=T0)
    saga.on_payment_authorized(order, now=T0)
    order.pull_events()
    return order, saga


def shipped_saga() -> tuple[Order, OrderPlacementSaga]:
    order, saga = confirmed_saga()
    saga.ship(order, carrier="DHL", tracking_number="JD0001", actor="warehouse:1", now=T0)
    order.pull_events()
    return order, saga

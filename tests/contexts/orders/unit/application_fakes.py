"""In-memory fakes of the orders application's ports, for unit tests of its use cases."""

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from types import TracebackType
from typing import Self

from oms.contexts.orders.application.access import Caller
from oms.contexts.orders.application.ports import JournalEntry, ProductPrice
from oms.contexts.orders.contracts.dtos import (
    AddressData,
    ItemRequest,
    OrderListQuery,
    OrderPage,
    PlaceOrderRequest,
)
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.shared_kernel.messages import IntegrationMessage
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import T0


class FixedClock:
    def __init__(self, now: datetime = T0) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment


class FakeOrders:
    def __init__(self) -> None:
        self.rows: dict[OrderId, Order] = {}
        self.locked: set[OrderId] = set()  # held by "another transaction", for skip_locked
        self.saves = 0

    def add(self, order: Order) -> None:
        self.rows[order.id] = order

    def get_for_update(self, order_id: OrderId, *, skip_locked: bool = False) -> Order | None:
        if skip_locked and order_id in self.locked:
            return None
        return self.rows.get(order_id)

    def save(self, order: Order) -> None:
        self.saves += 1


class FakeSagas:
    def __init__(self) -> None:
        self.rows: dict[OrderId, OrderPlacementSaga] = {}

    def add(self, saga: OrderPlacementSaga) -> None:
        self.rows[saga.id] = saga

    def get_for_update(self, order_id: OrderId) -> OrderPlacementSaga | None:
        return self.rows.get(order_id)

    def save(self, saga: OrderPlacementSaga) -> None:
        pass

    def overdue(self, now: datetime, *, limit: int) -> list[OrderId]:
        due = [s for s in self.rows.values() if s.steps.deadline is not None and s.steps.deadline <= now]
        return [s.id for s in sorted(due, key=lambda s: s.steps.deadline or now)][:limit]


class FakeJournal:
    def __init__(self) -> None:
        self.entries: list[JournalEntry] = []

    def record(self, entry: JournalEntry) -> None:
        self.entries.append(entry)


class FakeNumbers:
    def __init__(self) -> None:
        self.last = 999

    def next_number(self) -> str:
        self.last += 1
        return f"ORD-{self.last:08d}"


class FakeUnitOfWork:
    """Messages count as published only once committed; leaving without commit drops them."""

    def __init__(self) -> None:
        self.orders, self.sagas, self.journal, self.numbers = (
            FakeOrders(),
            FakeSagas(),
            FakeJournal(),
            FakeNumbers(),
        )
        self.published: list[tuple[IntegrationMessage, str]] = []
        self.commits = 0
        self._pending: list[tuple[IntegrationMessage, str]] = []

    def __enter__(self) -> Self:
        self._pending = []
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._pending = []

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        self._pending.append((message, aggregate_id))

    def commit(self) -> None:
        self.published.extend(self._pending)
        self._pending = []
        self.commits += 1

    def types(self) -> list[str]:
        return [message.message_type for message, _ in self.published]

    def take(self) -> list[IntegrationMessage]:
        """What was published since the last take, and forget it."""
        messages, self.published = [m for m, _ in self.published], []
        return messages


class FakeCatalog:
    def __init__(self, **stock: int) -> None:
        self.products: dict[str, ProductPrice] = {}
        self.stock = dict(stock)
        self.asked = 0

    def sells(
        self, sku: str, price: str = "10.00", currency: str = "EUR", *, active: bool = True
    ) -> "FakeCatalog":
        self.products[sku] = ProductPrice(sku, Money(price, currency), active, available=0)
        self.stock.setdefault(sku, 100)
        return self

    def prices(self, skus: Sequence[str]) -> dict[str, ProductPrice]:
        self.asked += 1
        return {
            sku: replace(self.products[sku], available=self.stock.get(sku, 0))
            for sku in skus
            if sku in self.products
        }


class FakeReader:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self.uow = uow
        self.asked: list[OrderListQuery] = []

    def get(self, order_id: OrderId) -> Order | None:
        return self.uow.orders.rows.get(order_id)

    def page(self, query: OrderListQuery) -> OrderPage:
        self.asked.append(query)
        return OrderPage(count=0, results=())

    def saga(self, order_id: OrderId) -> tuple[OrderPlacementSaga, list[JournalEntry]] | None:
        saga = self.uow.sagas.rows.get(order_id)
        entries = [e for e in self.uow.journal.entries if e.order_id == order_id]
        return None if saga is None else (saga, entries)


CUSTOMER = Caller(uuid.uuid4(), frozenset({"customer"}))
ANOTHER_CUSTOMER = Caller(uuid.uuid4(), frozenset({"customer"}))
SUPPORT = Caller(uuid.uuid4(), frozenset({"support"}))
WAREHOUSE = Caller(uuid.uuid4(), frozenset({"warehouse"}))
ADMIN = Caller(uuid.uuid4(), frozenset({"admin"}))


def an_address(**changes: str) -> AddressData:
    fields = {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London"}
    return AddressData(**(fields | {"postal_code": "SW1Y 4JH", "country": "GB"} | changes))


def a_request(
    *items: tuple[str, int], currency: str = "EUR", token: str = "tok_visa", **extra: object
) -> PlaceOrderRequest:
    basket = items or (("MUG", 2), ("CUP", 1))
    return PlaceOrderRequest(
        items=tuple(ItemRequest(sku=sku, quantity=quantity) for sku, quantity in basket),
        shipping_address=extra.pop("shipping_address", an_address()),  # type: ignore[arg-type]
        currency=currency,
        payment_token=token,
        **extra,  # type: ignore[arg-type]
    )


def a_placed_order(uow: FakeUnitOfWork, *, customer: Caller = CUSTOMER, token: str = "tok_visa") -> Order:
    """An order placed through the use case (MUG x2 at 12.50, CUP x1 at 4.00), its messages taken."""
    from oms.contexts.orders.application.placement import place_order
    from tests.contexts.orders.unit.builders import POLICY

    catalog = FakeCatalog().sells("MUG", "12.50").sells("CUP", "4.00")
    order = place_order(
        a_request(token=token), customer=customer, uow=uow, catalog=catalog, clock=FixedClock(), policy=POLICY
    )
    uow.take()
    return order


def a_confirmed_order(uow: FakeUnitOfWork, *, customer: Caller = CUSTOMER) -> Order:
    """Placed, its stock reserved and its payment authorized, through the reply handlers."""
    from oms.contexts.inventory.contracts.events import StockReserved
    from oms.contexts.orders.application import replies
    from oms.contexts.payments.contracts.events import PaymentAuthorized
    from oms.shared_kernel.messages import MoneyPayload

    order = a_placed_order(uow, customer=customer)
    clock = FixedClock()
    replies.on_stock_reserved(StockReserved(order_id=order.id.value, expires_at=T0), uow=uow, clock=clock)
    total = MoneyPayload(amount="29.00", currency="EUR")
    authorized = PaymentAuthorized(order_id=order.id.value, payment_id=uuid.uuid4(), amount=total)
    replies.on_payment_authorized(authorized, uow=uow, clock=clock)
    uow.take()
    return order


def a_paid_shipped_order(uow: FakeUnitOfWork) -> Order:
    """Confirmed, shipped by the warehouse, and its payment captured."""
    from oms.contexts.orders.application import commands, replies
    from oms.contexts.payments.contracts.events import PaymentCaptured
    from oms.shared_kernel.messages import MoneyPayload

    order = a_confirmed_order(uow)
    clock = FixedClock()
    commands.ship_order(
        order.id, caller=WAREHOUSE, carrier="DHL", tracking_number="JD1", uow=uow, clock=clock
    )
    total = MoneyPayload(amount="29.00", currency="EUR")
    captured = PaymentCaptured(order_id=order.id.value, payment_id=uuid.uuid4(), amount=total)
    replies.on_payment_captured(captured, uow=uow, clock=clock)
    uow.take()
    return order

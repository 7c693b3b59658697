"""In-memory fakes of the inventory application's ports: a unit of work, its repositories, a clock.

They behave like the Django adapters where the use cases could tell the difference: reads hand out
copies, a block left without commit() keeps nothing, a stale version is refused, and stock loaded
for update carries only the order's own holds (the others' live holds summed), as in PostgreSQL.
"""

import copy
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Self, TypeVar

from oms.contexts.inventory.application import catalog, stock
from oms.contexts.inventory.application.ports import ProductQuery
from oms.contexts.inventory.domain import rules
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.ledger import StockMovement
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.messages import IntegrationMessage, MoneyPayload

T = TypeVar("T", bound=AggregateRoot[Any])


class StaleVersion(Exception):
    pass


class FixedClock:
    def __init__(self, now: datetime = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class FakeProducts:
    def __init__(self, rows: dict[Sku, Product]) -> None:
        self.rows = rows

    def get(self, sku: Sku) -> Product | None:
        return copy.deepcopy(self.rows.get(sku))

    def get_many(self, skus: Iterable[Sku]) -> dict[Sku, Product]:
        return {sku: copy.deepcopy(self.rows[sku]) for sku in set(skus) if sku in self.rows}

    def add(self, product: Product) -> None:
        rules.sku_names_one_product(product.sku, taken=product.sku in self.rows)
        self.rows[product.sku] = _stored(product)

    def save(self, product: Product) -> None:
        _check_version(self.rows[product.sku], product)
        self.rows[product.sku] = _stored(product)

    def search(self, query: ProductQuery) -> tuple[list[Product], int]:
        found = [p for p in self.rows.values() if _matches(p, query)]
        found.sort(key=lambda p: getattr(p, query.ordering.lstrip("-")), reverse=query.ordering[0] == "-")
        return copy.deepcopy(found[query.offset : query.offset + query.limit]), len(found)


class FakeStock:
    def __init__(self, rows: dict[Sku, StockItem], ledger: list[StockMovement]) -> None:
        self.rows, self.ledger = rows, ledger
        self.locked: list[list[Sku]] = []
        self._scope: dict[Sku, OrderId | None] = {}

    def get_many(self, skus: Iterable[Sku], *, now: datetime) -> dict[Sku, StockItem]:
        return {sku: self._partial(sku, now, None) for sku in set(skus) if sku in self.rows}

    def get_many_for_update(
        self, skus: Iterable[Sku], *, now: datetime, order_id: OrderId | None = None
    ) -> dict[Sku, StockItem]:
        wanted = sorted(sku for sku in set(skus) if sku in self.rows)
        self.locked.append(wanted)
        self._scope.update(dict.fromkeys(wanted, order_id))
        return {sku: self._partial(sku, now, order_id) for sku in wanted}

    def add(self, item: StockItem) -> None:
        assert item.sku not in self.rows
        self.ledger.extend(item.pull_movements())
        self.rows[item.sku] = _stored(item)
        self._scope[item.sku] = None

    def save(self, item: StockItem) -> None:
        """Like the adapter: the holds of orders that were not loaded stay as they are."""
        scope, stored = self._scope[item.sku], self.rows[item.sku]
        _check_version(stored, item)
        others = [hold for hold in stored.holds if hold.order_id != scope]
        assert not {h.order_id for h in others} & {h.order_id for h in item.holds}, "a hold written twice"
        self.ledger.extend(item.pull_movements())
        self.rows[item.sku] = StockItem(
            item.sku, on_hand=item.on_hand, holds=[*others, *item.holds], version=item.version
        )

    def _partial(self, sku: Sku, now: datetime, order_id: OrderId | None) -> StockItem:
        stored = self.rows[sku]
        own = [hold for hold in stored.holds if hold.order_id == order_id]
        others = sum(h.quantity for h in stored.holds if h.order_id != order_id and h.is_live(now))
        return StockItem(
            sku, on_hand=stored.on_hand, holds=own, reserved_by_others=others, version=stored.version
        )


class FakeReservations:
    def __init__(self, rows: dict[OrderId, Reservation]) -> None:
        self.rows = rows

    def get(self, order_id: OrderId) -> Reservation | None:
        return copy.deepcopy(self.rows.get(order_id))

    get_for_update = get

    def add(self, reservation: Reservation) -> None:
        assert reservation.order_id not in self.rows
        self.rows[reservation.order_id] = _stored(reservation)

    def save(self, reservation: Reservation) -> None:
        _check_version(self.rows[reservation.order_id], reservation)
        self.rows[reservation.order_id] = _stored(reservation)

    def lapsed(self, now: datetime, *, limit: int) -> Sequence[OrderId]:
        due = [r for r in self.rows.values() if r.status_at(now) is ReservationStatus.EXPIRED]
        due = [r for r in due if r.status is ReservationStatus.ACTIVE]
        return [r.order_id for r in sorted(due, key=lambda r: r.expires_at or now)][:limit]


class FakeUnitOfWork:
    def __init__(self) -> None:
        self.ledger: list[StockMovement] = []
        self._products = FakeProducts({})
        self._stock = FakeStock({}, self.ledger)
        self._reservations = FakeReservations({})
        self.published: list[tuple[IntegrationMessage, str]] = []
        self.commits = 0

    @property
    def products(self) -> FakeProducts:
        return self._products

    @property
    def stock(self) -> FakeStock:
        return self._stock

    @property
    def reservations(self) -> FakeReservations:
        return self._reservations

    def __enter__(self) -> Self:
        self._saved = copy.deepcopy(
            (self._products.rows, self._stock.rows, self._reservations.rows, self.ledger)
        )
        self._pending: list[tuple[IntegrationMessage, str]] = []
        self._committed = False
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: TracebackType | None) -> None:
        if not self._committed:
            self._products.rows, self._stock.rows, self._reservations.rows, ledger = self._saved
            self.ledger[:] = ledger

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        self._pending.append((message, aggregate_id))

    def commit(self) -> None:
        self.published.extend(self._pending)
        self._pending, self._committed = [], True
        self.commits += 1

    def messages(self) -> list[IntegrationMessage]:
        return [message for message, _ in self.published]


def _stored(aggregate: T) -> T:
    """What a database keeps of an aggregate: its state, not the events it has yet to hand over."""
    kept = copy.deepcopy(aggregate)
    kept.pull_events()
    return kept


def _check_version(stored: Any, changed: Any) -> None:
    if stored.version != changed.version:
        raise StaleVersion(f"{changed!r} was saved from version {changed.version}, stored {stored.version}")
    changed.version += 1


def _matches(product: Product, query: ProductQuery) -> bool:
    term = (query.search or "").strip().lower()
    return (
        (query.skus is None or product.sku in query.skus)
        and (query.active is None or product.active is query.active)
        and (
            not term
            or any(term in text.lower() for text in (str(product.sku), product.name, product.description))
        )
    )


def stocked(uow: FakeUnitOfWork, clock: FixedClock, **on_hand: int) -> None:
    """List a product per keyword (``MUG=5``) through the use cases, with that much stock."""
    for sku, units in on_hand.items():
        price = MoneyPayload(amount="9.90", currency="EUR")
        catalog.create_product(
            uow=uow, clock=clock, sku=sku, name=f"A {sku.lower()}", description="", price=price
        )
        if units:
            stock.adjust_stock(
                uow=uow,
                clock=clock,
                sku=sku,
                delta=units,
                reason="opening",
                actor="user:wh",
                correlation_id="c-0",
            )
    uow.published.clear()

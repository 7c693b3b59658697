"""Ports of the orders application: the unit of work and its repositories, the catalog, the clock.

Infrastructure implements them over Django and the inventory's facade; the unit tests implement
them in memory. Repositories save only what changed, so a guarded no-op costs no write.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from oms.contexts.orders.contracts.dtos import OrderListQuery, OrderPage
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.shared_kernel.money import Money
from oms.shared_kernel.unit_of_work import UnitOfWork


class Clock(Protocol):
    """Read once per use case; the domain is handed the moment and reads no clock itself."""

    def now(self) -> datetime: ...


@dataclass(frozen=True, slots=True)
class ProductPrice:
    sku: str
    price: Money
    active: bool
    available: int


class InventoryCatalog(Protocol):
    """The inventory's answer at the moment of placing: prices to snapshot and units available."""

    def prices(self, skus: Sequence[str]) -> dict[str, ProductPrice]:
        """By SKU; a SKU that names no product is left out."""
        ...


Direction = Literal["sent", "received", "noted"]


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A message the saga sent or heard, or a person's note on it: for the people who watch it."""

    order_id: OrderId
    at: datetime
    direction: Direction
    message_type: str
    detail: str = ""


class OrderRepository(Protocol):
    def add(self, order: Order) -> None: ...

    def get_for_update(self, order_id: OrderId, *, skip_locked: bool = False) -> Order | None:
        """Locks the order for the transaction; with ``skip_locked``, None if someone else holds it."""
        ...

    def save(self, order: Order) -> None: ...


class SagaRepository(Protocol):
    def add(self, saga: OrderPlacementSaga) -> None: ...

    def get_for_update(self, order_id: OrderId) -> OrderPlacementSaga | None: ...

    def save(self, saga: OrderPlacementSaga) -> None: ...

    def overdue(self, now: datetime, *, limit: int) -> list[OrderId]:
        """Sagas whose awaited reply is past its deadline, the longest overdue first."""
        ...


class SagaJournal(Protocol):
    def record(self, entry: JournalEntry) -> None: ...


class OrderNumbers(Protocol):
    def next_number(self) -> str:
        """Unique and increasing; gaps are allowed (a placement that rolls back spends its number)."""
        ...


class OrdersUnitOfWork(UnitOfWork, Protocol):
    """One transaction over one order and its saga (they live and change together)."""

    @property
    def orders(self) -> OrderRepository: ...

    @property
    def sagas(self) -> SagaRepository: ...

    @property
    def journal(self) -> SagaJournal: ...

    @property
    def numbers(self) -> OrderNumbers: ...


class OrderReader(Protocol):
    """The read side: no locks, no transaction of its own."""

    def get(self, order_id: OrderId) -> Order | None: ...

    def page(self, query: OrderListQuery) -> OrderPage:
        """Summaries without ``available_actions``; the application adds them for the caller."""
        ...

    def saga(self, order_id: OrderId) -> tuple[OrderPlacementSaga, list[JournalEntry]] | None: ...

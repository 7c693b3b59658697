"""Repository ports of the inventory domain; infrastructure implements them over the ORM.

Each ``get`` returns None for an unknown key, so a use case decides what "missing" means. Saving a
StockItem also appends its ``pull_movements()`` to the ledger; saving any aggregate bumps its
``version``, and a stale version is a concurrent change the adapter must refuse.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Protocol

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem


class ProductRepository(Protocol):
    def get(self, sku: Sku) -> Product | None: ...

    def add(self, product: Product) -> None: ...

    def save(self, product: Product) -> None: ...


class StockRepository(Protocol):
    def get(self, sku: Sku) -> StockItem | None:
        """With its holds (every one not yet released, shipped or expired)."""
        ...

    def get_many_for_update(self, skus: Iterable[Sku]) -> dict[Sku, StockItem]:
        """Locks rows in SKU order, so two orders sharing SKUs cannot deadlock; unknown SKUs are absent."""
        ...

    def add(self, item: StockItem) -> None: ...

    def save(self, item: StockItem) -> None: ...


class ReservationRepository(Protocol):
    def get(self, order_id: OrderId) -> Reservation | None: ...

    def add(self, reservation: Reservation) -> None: ...

    def save(self, reservation: Reservation) -> None: ...

    def lapsed(self, now: datetime, *, limit: int) -> Sequence[OrderId]:
        """Active reservations past their deadline, oldest first: the sweeper's work list."""
        ...

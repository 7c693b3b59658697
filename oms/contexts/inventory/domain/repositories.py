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

    def get_many(self, skus: Iterable[Sku]) -> dict[Sku, Product]:
        """Unknown SKUs are absent."""
        ...

    def add(self, product: Product) -> None: ...

    def save(self, product: Product) -> None: ...


class StockRepository(Protocol):
    def get_many(self, skus: Iterable[Sku], *, now: datetime) -> dict[Sku, StockItem]:
        """For reading: no lock, no hold loaded; every hold live at ``now`` is in reserved_by_others."""
        ...

    def get_many_for_update(
        self, skus: Iterable[Sku], *, now: datetime, order_id: OrderId | None = None
    ) -> dict[Sku, StockItem]:
        """Locks rows in SKU order, so two orders sharing SKUs cannot deadlock; unknown SKUs are absent.

        Only ``order_id``'s holds are loaded as Holds; the other orders' holds live at ``now`` come
        summed in reserved_by_others. Read after the locks are granted, so no committed hold is missed.
        """
        ...

    def add(self, item: StockItem) -> None: ...

    def save(self, item: StockItem) -> None: ...


class ReservationRepository(Protocol):
    def get(self, order_id: OrderId) -> Reservation | None: ...

    def get_for_update(self, order_id: OrderId) -> Reservation | None:
        """Locks the reservation's row; a transition locks it before the stock rows of its lines."""
        ...

    def add(self, reservation: Reservation) -> None: ...

    def save(self, reservation: Reservation) -> None: ...

    def lapsed(self, now: datetime, *, limit: int) -> Sequence[OrderId]:
        """Active reservations past their deadline, oldest first: the sweeper's work list."""
        ...

"""Ports of the inventory application: the unit of work with its repositories, and the clock.

Infrastructure implements them over Django; the unit tests implement them in memory (fakes).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from oms.contexts.inventory.domain.product import Product
from oms.contexts.inventory.domain.repositories import (
    ProductRepository,
    ReservationRepository,
    StockRepository,
)
from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.unit_of_work import UnitOfWork

ProductOrdering = Literal["sku", "-sku", "name", "-name", "created_at", "-created_at"]
MAX_PAGE_SIZE = 500


@dataclass(frozen=True, kw_only=True)
class ProductQuery:
    """Which catalog entries to list, in what order, and which slice of them."""

    skus: tuple[Sku, ...] | None = None
    search: str | None = None
    active: bool | None = None
    ordering: ProductOrdering = "sku"
    offset: int = 0
    limit: int = 20

    def __post_init__(self) -> None:
        if self.offset < 0 or not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise InvalidValue(f"A page starts at 0 or later and holds 1 to {MAX_PAGE_SIZE} products.")


class ProductCatalog(ProductRepository, Protocol):
    def search(self, query: ProductQuery) -> tuple[list[Product], int]:
        """The page of products the query selects, and how many match in all."""
        ...


class InventoryUnitOfWork(UnitOfWork, Protocol):
    """One transaction over the inventory's aggregates; re-enterable, one block after another."""

    @property
    def products(self) -> ProductCatalog: ...

    @property
    def stock(self) -> StockRepository: ...

    @property
    def reservations(self) -> ReservationRepository: ...


class Clock(Protocol):
    """The application reads the time once per use case and hands it to the domain."""

    def now(self) -> datetime: ...

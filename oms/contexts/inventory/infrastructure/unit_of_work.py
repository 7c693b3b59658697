"""The inventory's unit of work: its repositories and its outbox, in one database transaction."""

from typing import Self

from oms.contexts.inventory.infrastructure.models import InventoryOutbox
from oms.contexts.inventory.infrastructure.repositories.products import DjangoProductRepository
from oms.contexts.inventory.infrastructure.repositories.reservations import DjangoReservationRepository
from oms.contexts.inventory.infrastructure.repositories.stock import DjangoStockRepository
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork


class DjangoInventoryUnitOfWork(DjangoUnitOfWork):
    outbox_model = InventoryOutbox
    products: DjangoProductRepository
    stock: DjangoStockRepository
    reservations: DjangoReservationRepository

    def __enter__(self) -> Self:
        entered = super().__enter__()
        # Fresh repositories per transaction: what a stock repository remembers of its reads
        # (the moment and the holds) belongs to the transaction that took the locks.
        self.products = DjangoProductRepository()
        self.stock = DjangoStockRepository()
        self.reservations = DjangoReservationRepository()
        return entered

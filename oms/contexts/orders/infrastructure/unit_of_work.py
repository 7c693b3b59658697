"""The orders' unit of work: an order, its saga, the saga's journal and the outbox, in one transaction."""

from typing import Self

from oms.contexts.orders.domain.saga_state import SagaPolicy
from oms.contexts.orders.infrastructure.clock import saga_policy
from oms.contexts.orders.infrastructure.models import OrdersOutbox
from oms.contexts.orders.infrastructure.numbers import OrderNumberSequence
from oms.contexts.orders.infrastructure.repositories import (
    DjangoOrderRepository,
    DjangoSagaJournal,
    DjangoSagaRepository,
)
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork


class DjangoOrdersUnitOfWork(DjangoUnitOfWork):
    outbox_model = OrdersOutbox
    orders: DjangoOrderRepository
    sagas: DjangoSagaRepository
    journal: DjangoSagaJournal
    numbers: OrderNumberSequence

    def __init__(self, policy: SagaPolicy | None = None) -> None:
        super().__init__()
        self._policy = policy or saga_policy()

    def __enter__(self) -> Self:
        entered = super().__enter__()
        # Fresh repositories per transaction: what they remember of their reads belongs to it alone.
        self.orders = DjangoOrderRepository()
        self.sagas = DjangoSagaRepository(self._policy)
        self.journal = DjangoSagaJournal()
        self.numbers = OrderNumberSequence()
        return entered

    def commit(self) -> None:
        self.journal.flush()
        super().commit()

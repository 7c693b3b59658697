"""Business metrics of the orders context: orders placed and by status, stuck sagas, saga step times.

Counts come from the tables at scrape time (like the outbox backlog), so every process reports the
same truth, restarts lose nothing, and queries take ``max`` across targets. Orders are never deleted,
so their count is a true counter. Step durations are observed where a reply is handled: the unit of
work notes which awaited step a reply ended, and the time is observed once the handling commits.
"""

import contextlib
import functools
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Self

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from prometheus_client import REGISTRY, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaPolicy, SagaStep
from oms.contexts.orders.domain.status import OrderStatus
from oms.contexts.orders.infrastructure.models import OrderRecord, SagaRecord
from oms.contexts.orders.infrastructure.repositories import DjangoSagaRepository
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork

SAGA_STEP_DURATION = Histogram(
    "oms_saga_step_duration_seconds",
    "From a saga step's command to the reply that ended it",
    ["step"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800, 3600),
)
for _step in SagaStep:
    SAGA_STEP_DURATION.labels(_step.value)  # every step's series exists from the start, at zero


class OrdersCollector(Collector):
    """Two cheap queries per scrape: a GROUP BY on the indexed status, a count on the indexed flag."""

    def describe(self) -> Iterator[Metric]:
        # What registering asks for; without it the registry would call collect(), querying at start-up.
        return iter(_families())

    def collect(self) -> Iterator[Metric]:
        try:
            rows = OrderRecord.objects.values_list("status").annotate(n=Count("id")).order_by()
            by_status = dict(rows)
            stuck = SagaRecord.objects.filter(needs_attention=True).count()
        except Exception:  # a scrape must not fail because the database is briefly away
            return iter(())
        placed, statuses, attention = _families()
        placed.add_metric([], sum(by_status.values()))
        for status in OrderStatus:
            statuses.add_metric([status.value], by_status.get(status.value, 0))
        attention.add_metric([], stuck)
        return iter((placed, statuses, attention))


def _families() -> tuple[CounterMetricFamily, GaugeMetricFamily, GaugeMetricFamily]:
    return (
        CounterMetricFamily("oms_orders_placed", "Orders placed, whatever became of them"),
        GaugeMetricFamily("oms_orders_by_status", "Orders in each status", labels=["status"]),
        GaugeMetricFamily("oms_sagas_needing_attention", "Order sagas flagged for a person"),
    )


def register_collector() -> None:
    # ready() can run twice under some test runners; the second registration is refused, harmlessly.
    with contextlib.suppress(ValueError):
        REGISTRY.register(OrdersCollector())


def observe_step(step: SagaStep, seconds: float) -> None:
    SAGA_STEP_DURATION.labels(step.value).observe(max(seconds, 0.0))


def _awaited(saga: OrderPlacementSaga, policy: SagaPolicy) -> tuple[SagaStep, datetime] | None:
    """The step the saga waits on and when its command was sent (its deadline less its timeout).

    None once the sweeper gave up on the step (it clears the deadline): that wait is not timed.
    """
    step, deadline = saga.steps.current_step, saga.steps.deadline
    if step is None or deadline is None:
        return None
    return step, deadline - policy.timeout(step)


class StepTimingSagas(DjangoSagaRepository):
    """The saga repository, noting each step that a save shows ended, with how long it took."""

    def __init__(self, policy: SagaPolicy) -> None:
        super().__init__(policy)
        self._timing_policy = policy
        self._awaiting: dict[OrderId, tuple[SagaStep, datetime]] = {}
        self.ended: list[tuple[SagaStep, float]] = []

    def get_for_update(self, order_id: OrderId) -> OrderPlacementSaga | None:
        saga = super().get_for_update(order_id)
        awaited = _awaited(saga, self._timing_policy) if saga is not None else None
        if saga is not None and awaited is not None:
            self._awaiting[saga.id] = awaited
        return saga

    def save(self, saga: OrderPlacementSaga) -> None:
        super().save(saga)
        awaited = self._awaiting.pop(saga.id, None)
        if awaited is not None and saga.steps.current_step is not awaited[0]:
            step, sent_at = awaited
            self.ended.append((step, (timezone.now() - sent_at).total_seconds()))


class StepTimingUnitOfWork(DjangoOrdersUnitOfWork):
    sagas: StepTimingSagas

    def __enter__(self) -> Self:
        entered = super().__enter__()
        self.sagas = StepTimingSagas(self._policy)
        return entered

    def commit(self) -> None:
        super().commit()
        # After the outermost commit (the inbox claim's): a handling rolled back observes nothing.
        for step, seconds in self.sagas.ended:
            transaction.on_commit(functools.partial(observe_step, step, seconds))


UseCase = Callable[..., None]


def timing_steps(use_case: UseCase) -> UseCase:
    """``use_case`` with a unit of work that also times the saga step its reply ends.

    The bus's entry point hands each use case a fresh, unentered DjangoOrdersUnitOfWork; this one is
    the same unit of work with the timing added, so it takes that one's place.
    """

    @functools.wraps(use_case)
    def timed(message: Any, *, uow: Any, clock: Any) -> None:
        use_case(message, uow=StepTimingUnitOfWork(), clock=clock)

    return timed

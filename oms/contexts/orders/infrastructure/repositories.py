"""The orders' repositories over Django: an order with its lines and timeline, its saga, its journal.

Each is made fresh per transaction (by the unit of work) and remembers what it loaded, so ``save``
writes only what changed: a reply the saga ignores costs no UPDATE. Rows are locked FOR UPDATE, the
order before its saga, always in that order; the version column is a second guard behind the locks.
"""

from datetime import datetime
from typing import Any

from oms.contexts.orders.application.ports import JournalEntry
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaPolicy
from oms.contexts.orders.infrastructure import mappers, saga_mappers
from oms.contexts.orders.infrastructure.models import (
    OrderLineRecord,
    OrderRecord,
    SagaJournalRecord,
    SagaRecord,
    TimelineEntryRecord,
)


class ConcurrentUpdate(Exception):
    """Someone saved the row since it was read: the handler fails and the bus retries it afresh."""


def _update(model: Any, key: Any, version: int, columns: dict[str, Any]) -> None:
    updated = model.objects.filter(pk=key, version=version).update(**columns, version=version + 1)
    if updated != 1:
        raise ConcurrentUpdate(f"{model._meta.label} {key} changed since version {version}")


class DjangoOrderRepository:
    def __init__(self) -> None:
        self._loaded: dict[OrderId, tuple[dict[str, Any], int]] = {}

    def add(self, order: Order) -> None:
        mappers.new_order_record(order).save(force_insert=True)
        OrderLineRecord.objects.bulk_create(mappers.line_records(order))
        TimelineEntryRecord.objects.bulk_create(mappers.timeline_records(order, start=0))
        self._remember(order)

    def get_for_update(self, order_id: OrderId, *, skip_locked: bool = False) -> Order | None:
        record = (
            OrderRecord.objects.select_for_update(skip_locked=skip_locked).filter(pk=order_id.value).first()
        )
        if record is None:
            return None
        order = mappers.to_order(record, record.lines.all(), record.timeline.all())
        self._remember(order)
        return order

    def save(self, order: Order) -> None:
        columns, timeline_length = self._loaded[order.id]
        changed = mappers.order_columns(order)
        if changed == columns and len(order.timeline) == timeline_length:
            return
        _update(OrderRecord, order.id.value, order.version, changed)
        TimelineEntryRecord.objects.bulk_create(mappers.timeline_records(order, start=timeline_length))
        order.version += 1
        self._remember(order)

    def _remember(self, order: Order) -> None:
        self._loaded[order.id] = (mappers.order_columns(order), len(order.timeline))


class DjangoSagaRepository:
    def __init__(self, policy: SagaPolicy) -> None:
        self._policy = policy
        self._loaded: dict[OrderId, dict[str, Any]] = {}

    def add(self, saga: OrderPlacementSaga) -> None:
        columns = saga_mappers.saga_columns(saga)
        SagaRecord.objects.create(order_id=saga.id.value, version=saga.version, **columns)
        self._loaded[saga.id] = columns

    def get_for_update(self, order_id: OrderId) -> OrderPlacementSaga | None:
        record = SagaRecord.objects.select_for_update().filter(pk=order_id.value).first()
        if record is None:
            return None
        saga = saga_mappers.to_saga(record, self._policy)
        self._loaded[saga.id] = saga_mappers.saga_columns(saga)
        return saga

    def save(self, saga: OrderPlacementSaga) -> None:
        columns = saga_mappers.saga_columns(saga)
        if columns == self._loaded[saga.id]:
            return
        _update(SagaRecord, saga.id.value, saga.version, columns)
        saga.version += 1
        self._loaded[saga.id] = columns

    def overdue(self, now: datetime, *, limit: int) -> list[OrderId]:
        due = SagaRecord.objects.filter(deadline__lte=now).order_by("deadline")[:limit]
        return [OrderId(order_id) for order_id in due.values_list("order_id", flat=True)]


class DjangoSagaJournal:
    """Buffered, and written with one INSERT when the unit of work commits."""

    def __init__(self) -> None:
        self._pending: list[SagaJournalRecord] = []

    def record(self, entry: JournalEntry) -> None:
        self._pending.append(
            SagaJournalRecord(
                saga_id=entry.order_id.value,
                at=entry.at,
                direction=entry.direction,
                message_type=entry.message_type,
                detail=entry.detail,
            )
        )

    def flush(self) -> None:
        SagaJournalRecord.objects.bulk_create(self._pending)
        self._pending = []

"""The read side over Django: no locks, and a list whose cost does not grow with its page size.

A page of orders is three queries whatever its size: the count, the page, and the lines of all its
orders at once. Summaries are built straight from the columns (the status reason is kept as one),
so a list never rebuilds a timeline it would not show.
"""

from decimal import Decimal
from typing import cast

from django.db.models import Prefetch, QuerySet

from oms.contexts.orders.application.ports import Direction, JournalEntry
from oms.contexts.orders.contracts.dtos import OrderLineView, OrderListQuery, OrderPage, OrderSummary
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga import OrderPlacementSaga
from oms.contexts.orders.domain.saga_state import SagaPolicy
from oms.contexts.orders.infrastructure import mappers, saga_mappers
from oms.contexts.orders.infrastructure.models import OrderLineRecord, OrderRecord, SagaRecord
from oms.shared_kernel.messages import MoneyPayload
from oms.shared_kernel.money import Money


class DjangoOrderReader:
    def __init__(self, policy: SagaPolicy) -> None:
        self._policy = policy

    def get(self, order_id: OrderId) -> Order | None:
        record = OrderRecord.objects.filter(pk=order_id.value).first()
        if record is None:
            return None
        return mappers.to_order(record, record.lines.all(), record.timeline.all())

    def page(self, query: OrderListQuery) -> OrderPage:
        records = _filtered(query)
        count = records.count()
        lines = Prefetch("lines", queryset=OrderLineRecord.objects.order_by("position"))
        page = records.order_by(query.ordering, "id").prefetch_related(lines)
        page = page[query.offset : query.offset + query.limit]
        return OrderPage(count=count, results=tuple(_summary(record) for record in page))

    def saga(self, order_id: OrderId) -> tuple[OrderPlacementSaga, list[JournalEntry]] | None:
        record = SagaRecord.objects.filter(pk=order_id.value).first()
        if record is None:
            return None
        journal = [
            JournalEntry(
                order_id, entry.at, cast(Direction, entry.direction), entry.message_type, entry.detail
            )
            for entry in record.journal.order_by("id")
        ]
        return saga_mappers.to_saga(record, self._policy), journal


def _filtered(query: OrderListQuery) -> "QuerySet[OrderRecord]":
    records = OrderRecord.objects.all()
    if query.customer_id is not None:
        records = records.filter(customer_id=query.customer_id)
    if query.statuses:
        records = records.filter(status__in=query.statuses)
    if query.created_after is not None:
        records = records.filter(created_at__gte=query.created_after)
    if query.created_before is not None:
        records = records.filter(created_at__lt=query.created_before)
    return records


def _money(amount: Decimal, currency: str) -> MoneyPayload:
    value = Money(amount, currency)
    return MoneyPayload(amount=str(value.amount), currency=currency)


def _summary(record: OrderRecord) -> OrderSummary:
    currency = record.currency
    return OrderSummary(
        id=record.id,
        number=record.number,
        customer_id=record.customer_id,
        status=record.status,
        payment_status=record.payment_status,
        status_reason=record.status_reason,
        lines=tuple(
            OrderLineView(
                sku=line.sku,
                quantity=line.quantity,
                unit_price=_money(line.unit_price, currency),
                line_total=_money(line.line_total, currency),
            )
            for line in record.lines.all()
        ),
        total=_money(record.total_amount, currency),
        refunded=_money(record.refunded_amount, currency),
        created_at=record.created_at,
        updated_at=record.updated_at,
    )

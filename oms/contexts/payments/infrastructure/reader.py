"""The read side: payments for the facade's questions, with their ledgers in one extra query."""

from django.db.models import Prefetch, QuerySet

from oms.contexts.payments.application.ports import PaymentSearch
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.infrastructure.mapper import to_payment
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentRecord


def _with_ledgers(query: "QuerySet[PaymentRecord]") -> "QuerySet[PaymentRecord]":
    lines = LedgerEntryRecord.objects.order_by("sequence")
    return query.prefetch_related(Prefetch("entries", queryset=lines))


def _payment(record: PaymentRecord) -> Payment:
    return to_payment(record, record.entries.all())


class DjangoPaymentReader:
    def get(self, payment_id: PaymentId) -> Payment | None:
        record = _with_ledgers(PaymentRecord.objects.filter(id=payment_id.value)).first()
        return None if record is None else _payment(record)

    def for_order(self, order_id: OrderId) -> Payment | None:
        record = _with_ledgers(PaymentRecord.objects.filter(order_id=order_id.value)).first()
        return None if record is None else _payment(record)

    def search(self, search: PaymentSearch) -> tuple[list[Payment], int]:
        query = PaymentRecord.objects.all()
        if search.order_id is not None:
            query = query.filter(order_id=search.order_id.value)
        if search.status is not None:
            query = query.filter(status=search.status.value)
        page = _with_ledgers(query.order_by("-created_at", "id"))[
            search.offset : search.offset + search.limit
        ]
        return [_payment(record) for record in page], query.count()

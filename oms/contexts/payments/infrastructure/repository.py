"""Payments as aggregates: loaded under a row lock, saved only if nobody saved them meanwhile.

The lock (``SELECT ... FOR UPDATE``) serialises the answers to one payment, which arrive from our
own calls and from webhooks at once; the version check is the second line of defence, for a caller
that saved without having locked. Within one unit of work a payment is loaded once.
"""

from django.db.models import F, QuerySet
from django.utils import timezone

from oms.contexts.payments.application.ports import ConcurrentUpdate
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.infrastructure.mapper import new_record, to_payment, to_row
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentRecord


class DjangoPaymentRepository:
    def __init__(self) -> None:
        self._loaded: dict[PaymentId, Payment] = {}
        self._stored_lines: dict[PaymentId, int] = {}

    def get(self, payment_id: PaymentId) -> Payment | None:
        if payment_id in self._loaded:
            return self._loaded[payment_id]
        return self._load(PaymentRecord.objects.filter(id=payment_id.value))

    def for_order(self, order_id: OrderId) -> Payment | None:
        known = next((p for p in self._loaded.values() if p.order_id == order_id), None)
        return known or self._load(PaymentRecord.objects.filter(order_id=order_id.value))

    def add(self, payment: Payment) -> None:
        new_record(payment).save(force_insert=True)
        self._remember(payment, stored_lines=0)
        self._insert_new_lines(payment)

    def save(self, payment: Payment) -> None:
        updated = PaymentRecord.objects.filter(id=payment.id.value, version=payment.version).update(
            version=F("version") + 1,
            status=payment.status.value,
            method=str(payment.method or ""),
            updated_at=timezone.now(),
        )
        if updated != 1:
            raise ConcurrentUpdate(f"payment {payment.id} changed since it was read")
        payment.version += 1
        self._insert_new_lines(payment)

    def _load(self, query: "QuerySet[PaymentRecord]") -> Payment | None:
        record = query.select_for_update().first()
        if record is None:
            return None
        rows = list(LedgerEntryRecord.objects.filter(payment_id=record.id).order_by("sequence"))
        payment = to_payment(record, rows)
        self._remember(payment, stored_lines=len(rows))
        return payment

    def _remember(self, payment: Payment, *, stored_lines: int) -> None:
        self._loaded[payment.id] = payment
        self._stored_lines[payment.id] = stored_lines

    def _insert_new_lines(self, payment: Payment) -> None:
        new_lines = payment.ledger[self._stored_lines[payment.id] :]
        LedgerEntryRecord.objects.bulk_create([to_row(entry, payment.id) for entry in new_lines])
        self._stored_lines[payment.id] = len(payment.ledger)

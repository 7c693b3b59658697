"""Ledger lines to rows and back; a payment rebuilt from rows is checked line by line as it loads."""

from collections.abc import Iterable

from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.ids import OrderId, PaymentId, RefundId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord, PaymentRecord
from oms.shared_kernel.money import Money


def to_payment(record: PaymentRecord, rows: Iterable[LedgerEntryRecord]) -> Payment:
    return Payment(
        PaymentId(record.id),
        order_id=OrderId(record.order_id),
        currency=record.currency,
        method=PaymentMethodToken(record.method) if record.method else None,
        entries=[to_entry(row) for row in rows],
        version=record.version,
    )


def to_entry(row: LedgerEntryRecord) -> LedgerEntry:
    return LedgerEntry(
        sequence=row.sequence,
        idempotency_key=row.idempotency_key,
        operation=Operation(row.operation),
        entry_type=EntryType(row.entry_type),
        amount=Money(row.amount, row.currency),
        actor=row.actor,
        at=row.at,
        provider_reference=row.provider_reference or None,
        failure_kind=FailureKind(row.failure_kind) if row.failure_kind else None,
        reason=row.reason,
        refund_id=RefundId(row.refund_id) if row.refund_id else None,
    )


def to_row(entry: LedgerEntry, payment_id: PaymentId) -> LedgerEntryRecord:
    return LedgerEntryRecord(
        payment_id=payment_id.value,
        sequence=entry.sequence,
        idempotency_key=entry.idempotency_key,
        operation=entry.operation.value,
        entry_type=entry.entry_type.value,
        amount=entry.amount.amount,
        currency=entry.amount.currency,
        provider_reference=entry.provider_reference or "",
        failure_kind=entry.failure_kind.value if entry.failure_kind else "",
        reason=entry.reason,
        refund_id=entry.refund_id.value if entry.refund_id else None,
        actor=entry.actor,
        at=entry.at,
    )


def new_record(payment: Payment) -> PaymentRecord:
    return PaymentRecord(
        id=payment.id.value,
        order_id=payment.order_id.value,
        currency=payment.currency,
        method=str(payment.method or ""),
        status=payment.status.value,
        version=payment.version,
    )

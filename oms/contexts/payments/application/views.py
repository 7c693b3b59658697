"""A payment as the facade shows it: its figures, every ledger line, and its refunds."""

from oms.contexts.payments.application.replies import money
from oms.contexts.payments.contracts.dtos import LedgerEntryView, PaymentView, RefundView
from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.payment import Payment


def payment_view(payment: Payment) -> PaymentView:
    ledger = payment.ledger
    return PaymentView(
        id=payment.id.value,
        order_id=payment.order_id.value,
        status=payment.status.value,
        currency=payment.currency,
        method=str(payment.method) if payment.method else None,
        authorized=money(payment.authorized_amount),
        captured=money(payment.captured_amount),
        refunded=money(payment.refunded_amount),
        created_at=ledger[0].at if ledger else None,
        updated_at=ledger[-1].at if ledger else None,
        attempts=tuple(entry_view(entry) for entry in ledger),
        refunds=tuple(refund_view(payment, entry) for entry in ledger if _is_refund_request(entry)),
    )


def entry_view(entry: LedgerEntry) -> LedgerEntryView:
    return LedgerEntryView(
        sequence=entry.sequence,
        operation=entry.operation.value,
        entry_type=entry.entry_type.value,
        amount=money(entry.amount),
        idempotency_key=entry.idempotency_key,
        actor=entry.actor,
        at=entry.at,
        provider_reference=entry.provider_reference,
        failure_kind=entry.failure_kind.value if entry.failure_kind else None,
        reason=entry.reason,
    )


def refund_view(payment: Payment, request: LedgerEntry) -> RefundView:
    answer = payment.outcome_of(request.idempotency_key)
    return RefundView(
        refund_id=request.refund_id.value if request.refund_id else None,
        idempotency_key=request.idempotency_key,
        amount=money(request.amount),
        reason=request.reason,
        status="pending" if answer is None else "succeeded" if answer.succeeded else "failed",
        requested_at=request.at,
        answered_at=answer.at if answer else None,
        provider_reference=answer.provider_reference if answer else None,
    )


def _is_refund_request(entry: LedgerEntry) -> bool:
    return entry.is_request and entry.operation is Operation.REFUND

"""From the payment's facts to the published language, and the same answer given again.

A domain event becomes the contract event the saga waits for. A command that finds its work
already answered (the saga resent it) gets that answer again, rebuilt from the ledger: the saga's
handlers are guarded by its state, so a repeated answer is harmless and a missing one is not.
"""

import uuid

from oms.contexts.payments.contracts import events as published
from oms.contexts.payments.domain import events as domain
from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.messages import IntegrationEvent, MoneyPayload
from oms.shared_kernel.money import Money
from oms.shared_kernel.unit_of_work import UnitOfWork


def money(amount: Money) -> MoneyPayload:
    return MoneyPayload(amount=str(amount.amount), currency=amount.currency)


def refund_id_of(payment: Payment, idempotency_key: str) -> uuid.UUID:
    """The caller's refund id; a refund asked without one is named after its idempotency key."""
    request = payment.request_of(idempotency_key)
    if request is not None and request.refund_id is not None:
        return request.refund_id.value
    return uuid.uuid5(uuid.NAMESPACE_URL, idempotency_key)


def operation_failed(payment: Payment, operation: Operation, reason: str) -> published.PaymentOperationFailed:
    return published.PaymentOperationFailed(
        order_id=payment.order_id.value, payment_id=payment.id.value, operation=operation.value, reason=reason
    )


def integration_event(payment: Payment, event: DomainEvent) -> IntegrationEvent:
    """The contract event for one of the payment's domain events."""
    order, pay = payment.order_id.value, payment.id.value
    match event:
        case domain.PaymentAuthorized(amount=amount):
            return published.PaymentAuthorized(order_id=order, payment_id=pay, amount=money(amount))
        case domain.PaymentCaptured(amount=amount):
            return published.PaymentCaptured(order_id=order, payment_id=pay, amount=money(amount))
        case domain.PaymentVoided():
            return published.PaymentVoided(order_id=order, payment_id=pay)
        case domain.PaymentRefunded():
            return _refunded(payment, event)
        case domain.PaymentFailed(kind=kind, reason=reason):
            return published.PaymentFailed(order_id=order, payment_id=pay, kind=kind.value, reason=reason)
        case domain.PaymentOperationFailed(idempotency_key=key, kind=kind, reason=reason):
            request = payment.request_of(key)
            operation = request.operation if request is not None else Operation.CAPTURE
            return operation_failed(payment, operation, f"{kind.value}: {reason}")
    raise TypeError(f"no published form for {type(event).__name__}")


def _refunded(payment: Payment, event: domain.PaymentRefunded) -> published.PaymentRefunded:
    return published.PaymentRefunded(
        order_id=payment.order_id.value,
        payment_id=payment.id.value,
        refund_id=refund_id_of(payment, event.idempotency_key),
        amount=money(event.amount),
        total_refunded=money(event.total_refunded),
        fully_refunded=event.fully_refunded,
    )


def publish_events(uow: UnitOfWork, payment: Payment) -> None:
    for event in payment.pull_events():
        uow.publish(integration_event(payment, event), aggregate_id=str(payment.order_id))


def answer_again(payment: Payment, answer: LedgerEntry) -> IntegrationEvent:
    """What the saga was told when ``answer`` was recorded; refund totals are today's."""
    if answer.entry_type is EntryType.SUCCESS:
        return integration_event(payment, _success(payment, answer))
    assert answer.failure_kind is not None  # a failure always says its kind
    kind, reason = answer.failure_kind, answer.reason
    if answer.operation is Operation.AUTHORIZE:
        return published.PaymentFailed(
            order_id=payment.order_id.value, payment_id=payment.id.value, kind=kind.value, reason=reason
        )
    return operation_failed(payment, answer.operation, f"{kind.value}: {reason}")


def _success(payment: Payment, answer: LedgerEntry) -> domain.PaymentSucceeded:
    if answer.operation is Operation.REFUND:
        return domain.PaymentRefunded(
            payment_id=payment.id,
            order_id=payment.order_id,
            idempotency_key=answer.idempotency_key,
            amount=answer.amount,
            provider_reference=answer.provider_reference or "",
            occurred_at=answer.at,
            total_refunded=payment.refunded_amount,
            fully_refunded=payment.status is PaymentStatus.REFUNDED,
        )
    return _SUCCEEDED[answer.operation](
        payment_id=payment.id,
        order_id=payment.order_id,
        idempotency_key=answer.idempotency_key,
        amount=answer.amount,
        provider_reference=answer.provider_reference or "",
        occurred_at=answer.at,
    )


_SUCCEEDED: dict[Operation, type[domain.PaymentSucceeded]] = {
    Operation.AUTHORIZE: domain.PaymentAuthorized,
    Operation.CAPTURE: domain.PaymentCaptured,
    Operation.VOID: domain.PaymentVoided,
}

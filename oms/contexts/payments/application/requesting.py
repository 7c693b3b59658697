"""How a command becomes a request to the provider, or gets the answer it already has.

Every command is state-guarded: a request still awaiting its answer is resent under the same
idempotency key (the provider deduplicates it, so nothing is charged twice); a move the payment
refuses is answered, never raised, because a retry cannot change the payment's mind and a parked
message would only wake a person for nothing.
"""

import logging
import uuid
from collections.abc import Callable

from oms.contexts.payments.application.ports import GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.application.replies import answer_again, operation_failed
from oms.contexts.payments.contracts.events import PaymentFailed
from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.ids import OrderId
from oms.contexts.payments.domain.payment import Payment
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import BusinessRuleViolation, DomainError
from oms.shared_kernel.messages import IntegrationEvent

logger = logging.getLogger(__name__)
SAGA = "saga"


def payment_of_order(uow: PaymentsUnitOfWork, order_id: uuid.UUID, operation: Operation) -> Payment | None:
    payment = uow.payments.for_order(OrderId(order_id))
    if payment is None:
        # Nothing to answer with: a reply names a payment, and this order never asked for one.
        logger.warning("%s for order %s ignored: the order has no payment", operation.value, order_id)
    return payment


def last_answer(
    payment: Payment, operation: Operation, entry_type: EntryType | None = None
) -> LedgerEntry | None:
    answers = [
        entry
        for entry in payment.ledger
        if entry.operation is operation and not entry.is_request and entry_type in (None, entry.entry_type)
    ]
    return answers[-1] if answers else None


def request_or_resend(
    uow: PaymentsUnitOfWork,
    payment: Payment,
    operation: Operation,
    calls: GatewayCalls,
    make_request: Callable[[], LedgerEntry],
) -> None:
    pending = payment.pending_request(operation)
    if pending is not None:
        calls.send_after_commit(payment.id, pending.idempotency_key)
        return
    request_new(uow, payment, operation, calls, make_request)


def request_new(
    uow: PaymentsUnitOfWork,
    payment: Payment,
    operation: Operation,
    calls: GatewayCalls,
    make_request: Callable[[], LedgerEntry],
) -> None:
    try:
        request = make_request()
    except DomainError as refused:
        reply = refusal(payment, operation, refused)
        if reply is not None:
            uow.publish(reply, aggregate_id=str(payment.order_id))
        return
    uow.payments.save(payment)
    calls.send_after_commit(payment.id, request.idempotency_key)


def refusal(payment: Payment, operation: Operation, refused: DomainError) -> IntegrationEvent | None:
    """The reply to a command the payment refused, or None when silence is the right answer."""
    reason = refused.message if isinstance(refused, BusinessRuleViolation) else str(refused)
    logger.info("%s of payment %s refused: %s", operation.value, payment.id, reason)
    done = last_answer(payment, operation, EntryType.SUCCESS)
    if done is not None and operation is not Operation.REFUND:
        return answer_again(payment, done)  # already done: the saga missed our first answer
    if operation is Operation.VOID and payment.status is PaymentStatus.FAILED:
        return None  # the authorization failed, so nothing is held and nothing needs releasing
    if operation is Operation.AUTHORIZE:
        order, kind = payment.order_id.value, FailureKind.DECLINED.value
        return PaymentFailed(order_id=order, payment_id=payment.id.value, kind=kind, reason=reason)
    return operation_failed(payment, operation, reason)

"""Recording the provider's answer, whoever brings it: our own call, or a webhook.

The first answer to a request is final (the aggregate keeps it). When a later answer contradicts
it, the money at the provider and our ledger disagree, and only the provider side can be changed:
an authorization that succeeded after we recorded it as failed is voided there, so the customer's
card holds nothing for an order that will never be paid.
"""

import logging
from datetime import datetime

from oms.contexts.payments.application.ports import GatewayAnswer, GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.application.replies import publish_events
from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.payment import Payment

logger = logging.getLogger(__name__)


def record_answer(
    uow: PaymentsUnitOfWork,
    payment: Payment,
    idempotency_key: str,
    answer: GatewayAnswer,
    *,
    at: datetime,
    actor: str,
    calls: GatewayCalls,
) -> bool:
    """True if this was the first answer to the request; it is then saved and published."""
    if _record(payment, idempotency_key, answer, at=at, actor=actor):
        uow.payments.save(payment)
        publish_events(uow, payment)
        return True
    _compare_with_first(payment, idempotency_key, answer, calls)
    return False


def _record(payment: Payment, key: str, answer: GatewayAnswer, *, at: datetime, actor: str) -> bool:
    if answer.failure is not None:
        return payment.record_failure(key, kind=answer.failure, reason=answer.reason, at=at, actor=actor)
    if answer.reference is None:
        raise ValueError("an approved answer must carry the provider's reference")
    return payment.record_success(key, provider_reference=answer.reference, at=at, actor=actor)


def _compare_with_first(payment: Payment, key: str, answer: GatewayAnswer, calls: GatewayCalls) -> None:
    first = payment.outcome_of(key)
    late_success = answer.failure is None and answer.reference is not None
    if first is None or first.entry_type is not EntryType.FAILURE or not late_success:
        return  # the same answer again, or a late "no" after a "yes": nothing moved at the provider
    assert answer.reference is not None
    if first.operation is Operation.AUTHORIZE:
        logger.warning("payment %s: stray authorization %s will be voided", payment.id, answer.reference)
        calls.void_stray_authorization_after_commit(payment.id, answer.reference)
    else:
        logger.error(
            "payment %s: the provider did %s %s after we recorded a failure; a person must reconcile it",
            payment.id,
            first.operation.value,
            answer.reference,
        )

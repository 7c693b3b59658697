"""The provider's webhooks: answers that arrive on their own, once per provider event.

An asynchronous outcome (a refund settled later, an authorization that went through after our
call timed out) is recorded on the request it answers, exactly as our own call's answer would be.
"""

import logging
from dataclasses import dataclass

from oms.contexts.payments.application.answers import record_answer
from oms.contexts.payments.application.ports import Clock, GatewayAnswer, GatewayCalls, PaymentsUnitOfWork
from oms.contexts.payments.domain.entries import Operation
from oms.contexts.payments.domain.errors import UnknownPaymentRequest
from oms.contexts.payments.domain.ids import PaymentId
from oms.contexts.payments.domain.payment import Payment

logger = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class ProviderNotice:
    """One answer in a provider event; without a key it answers the latest request of ``operation``."""

    payment_id: PaymentId
    operation: Operation
    answer: GatewayAnswer
    idempotency_key: str | None = None


@dataclass(frozen=True, kw_only=True)
class ProviderEvent:
    provider: str
    event_id: str
    notices: tuple[ProviderNotice, ...]


def reconcile(event: ProviderEvent, *, uow: PaymentsUnitOfWork, clock: Clock, calls: GatewayCalls) -> bool:
    """False when this event was handled before: a redelivered webhook changes nothing."""
    with uow:
        if not uow.provider_events.first_time(event.provider, event.event_id):
            return False
        for notice in event.notices:
            _apply(uow, notice, actor=f"webhook:{event.provider}", clock=clock, calls=calls)
        uow.commit()
    return True


def _apply(
    uow: PaymentsUnitOfWork, notice: ProviderNotice, *, actor: str, clock: Clock, calls: GatewayCalls
) -> None:
    payment = uow.payments.get(notice.payment_id)
    key = None if payment is None else notice.idempotency_key or _latest_key(payment, notice.operation)
    if payment is None or key is None:
        logger.warning("webhook %s for payment %s matches no request", notice.operation, notice.payment_id)
        return
    try:
        record_answer(uow, payment, key, notice.answer, at=clock.now(), actor=actor, calls=calls)
    except UnknownPaymentRequest:
        logger.warning("webhook names request %s, which payment %s never made", key, payment.id)


def _latest_key(payment: Payment, operation: Operation) -> str | None:
    requests = [entry for entry in payment.ledger if entry.is_request and entry.operation is operation]
    return requests[-1].idempotency_key if requests else None

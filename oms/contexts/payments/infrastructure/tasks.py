"""Celery tasks of the payments context, on its own queue: ids in, one use case, out.

``call_gateway`` is where the provider is called, after the transaction that recorded the request
has committed; ``resend_pending_requests`` (beat) is the guarantee behind that hand-over, as the
relay sweep is behind the outbox: a request whose task was lost is sent again under its own key.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from celery import shared_task
from celery.app.task import Task
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from oms.contexts.payments.application import compensation, sending
from oms.contexts.payments.application.ports import ConcurrentUpdate
from oms.contexts.payments.domain.ids import PaymentId
from oms.contexts.payments.domain.values import FailureKind
from oms.contexts.payments.infrastructure import gateways
from oms.contexts.payments.infrastructure.clock import SystemClock
from oms.contexts.payments.infrastructure.config import resend_after_seconds
from oms.contexts.payments.infrastructure.gateways.metrics import FAILURES, STRAY_AUTHORIZATIONS
from oms.contexts.payments.infrastructure.models import LedgerEntryRecord
from oms.contexts.payments.infrastructure.unit_of_work import DjangoPaymentsUnitOfWork
from oms.platform.messaging.tasks import backoff_seconds

logger = logging.getLogger(__name__)
QUEUE = "payments"
CLOCK = SystemClock()


class CeleryGatewayCalls:
    def send_after_commit(self, payment_id: PaymentId, idempotency_key: str) -> None:
        transaction.on_commit(partial(_enqueue, call_gateway, str(payment_id), idempotency_key))

    def void_stray_authorization_after_commit(self, payment_id: PaymentId, authorization: str) -> None:
        transaction.on_commit(partial(_enqueue, void_stray_authorization, str(payment_id), authorization))


def _enqueue(task: Any, *args: str) -> None:
    try:
        task.apply_async(args=args, queue=QUEUE)
    except Exception:  # the broker is away: the request stays pending and the sweep resends it
        logger.warning("could not enqueue %s%s; the sweep will resend it", task.name, args, exc_info=True)


@shared_task(name="payments.call_gateway", bind=True, acks_late=True, max_retries=5)
def call_gateway(self: Task[Any, Any], payment_id: str, idempotency_key: str) -> str:
    try:
        answer = sending.send_request(
            PaymentId.parse(payment_id),
            idempotency_key,
            uow=DjangoPaymentsUnitOfWork(),
            gateway=gateways.current(),
            clock=CLOCK,
            calls=CeleryGatewayCalls(),
        )
    except ConcurrentUpdate as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries)) from exc
    if answer is None:
        return "already answered"
    if answer.failure is not None:
        FAILURES.labels(idempotency_key.split(":")[-2], answer.failure.value).inc()
    return "pending" if answer.pending else (answer.failure or "approved")


@shared_task(name="payments.void_stray_authorization", bind=True, acks_late=True, max_retries=10)
def void_stray_authorization(self: Task[Any, Any], payment_id: str, authorization: str) -> str:
    answer = compensation.void_stray_authorization(
        PaymentId.parse(payment_id), authorization, gateway=gateways.current()
    )
    if answer.failure is FailureKind.GATEWAY_UNAVAILABLE and self.request.retries < (self.max_retries or 0):
        raise self.retry(countdown=backoff_seconds(self.request.retries))
    outcome = "voided" if answer.failure is None else answer.failure.value
    STRAY_AUTHORIZATIONS.labels(outcome).inc()
    log: Callable[..., None] = logger.info if answer.failure is None else logger.error
    log("stray authorization %s of payment %s: %s %s", authorization, payment_id, outcome, answer.reason)
    return outcome


@shared_task(name="payments.resend_pending_requests", acks_late=True)
def resend_pending_requests(limit: int = 200) -> int:
    """Requests older than PAYMENT_RESEND_AFTER_SECONDS still without an answer, sent again."""
    pending = pending_requests(older_than=timedelta(seconds=resend_after_seconds()), limit=limit)
    for payment_id, key in pending:
        _enqueue(call_gateway, payment_id, key)
    return len(pending)


def pending_requests(*, older_than: timedelta, limit: int) -> list[tuple[str, str]]:
    answered = LedgerEntryRecord.objects.filter(idempotency_key=OuterRef("idempotency_key")).exclude(
        entry_type="request"
    )
    query = LedgerEntryRecord.objects.filter(entry_type="request", at__lt=timezone.now() - older_than)
    rows = query.filter(~Exists(answered)).order_by("at").values_list("payment_id", "idempotency_key")
    return [(str(payment_id), key) for payment_id, key in rows[:limit]]

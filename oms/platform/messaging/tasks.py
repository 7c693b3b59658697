"""Celery tasks are interfaces: ids and envelopes in, one call, out. The logic lives beside them."""

import random
from typing import Any

from celery import shared_task
from celery.app.task import Task
from django.conf import settings
from django.utils import timezone

from oms.platform.messaging import retention
from oms.platform.messaging.bus import Subscription
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.nudge import clear_nudge_flag
from oms.platform.messaging.relay import relay_pending


def backoff_seconds(retries: int) -> float:
    """Exponential backoff with full jitter: retries of many failing messages spread out in time."""
    cap = min(settings.MESSAGING_RETRY_MAX_DELAY, settings.MESSAGING_RETRY_BASE_DELAY * 2**retries)
    return random.uniform(0, cap)  # noqa: S311  (jitter, not cryptography)


@shared_task(name="platform.deliver", bind=True, acks_late=True, max_retries=None)
def deliver(self: Task[Any, Any], envelope: dict[str, Any], handler: str) -> str:
    retries = self.request.retries
    final = retries >= settings.MESSAGING_MAX_RETRIES
    outcome = consume(envelope, handler, attempt=retries + 1, final=final)
    if outcome is Outcome.RETRY:
        raise self.retry(countdown=backoff_seconds(retries))
    return str(outcome.value)


def send_delivery(envelope: Envelope, subscription: Subscription) -> None:
    # celery-types lacks argsrepr and kwargsrepr, both documented options of apply_async.
    deliver.apply_async(  # type: ignore[call-arg]
        args=(envelope.to_dict(), subscription.name),
        queue=subscription.queue,
        # Monitors show which message for which handler, never the payload (customer data), and
        # Celery skips building a repr of the whole envelope for every message.
        argsrepr=f"({envelope.type} {envelope.id}, {subscription.name})",
        kwargsrepr="{}",
    )


@shared_task(name="platform.relay_outbox", acks_late=True)
def relay_outbox() -> int:
    clear_nudge_flag()
    return relay_pending(send=send_delivery, batch_size=settings.MESSAGING_RELAY_BATCH)


@shared_task(name="platform.purge_processed_messages")
def purge_processed_messages(older_than: str = "7d") -> dict[str, int]:
    report = retention.purge_processed_messages(before=timezone.now() - retention.parse_retention(older_than))
    return {"outbox": report.outbox, "inbox": report.inbox}

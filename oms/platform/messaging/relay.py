"""The relay: claims unpublished outbox rows and enqueues one delivery per subscriber.

Rows are claimed with ``SELECT ... FOR UPDATE SKIP LOCKED``, oldest first, so several relays share the
work without waiting on each other or publishing a row twice. Deliveries are sent before the rows are
marked published, inside the claim's transaction: a crash in between re-sends (at least once, and the
inbox makes that harmless) but never loses a message.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from oms.platform.messaging import metrics
from oms.platform.messaging.bus import Subscription, bus
from oms.platform.messaging.envelope import Envelope
from oms.platform.messaging.models import OutboxMessage

Send = Callable[[Envelope, Subscription], None]


def envelope_of(row: OutboxMessage) -> Envelope:
    return Envelope(
        id=row.id,
        type=row.type,
        occurred_at=row.occurred_at,
        aggregate_id=row.aggregate_id,
        correlation_id=row.correlation_id,
        causation_id=row.causation_id,
        payload=row.payload,
    )


def relay_batch(model: type[OutboxMessage], *, send: Send, batch_size: int = 100) -> int:
    """Publish up to ``batch_size`` of ``model``'s oldest unpublished rows; returns how many."""
    with transaction.atomic():
        rows = list(
            model._default_manager.select_for_update(skip_locked=True)
            .filter(published_at__isnull=True)
            .order_by("created_at")[:batch_size]
        )
        for row in rows:
            envelope = envelope_of(row)
            for subscription in bus.subscribers(row.type):
                send(envelope, subscription)
        now = timezone.now()
        model._default_manager.filter(pk__in=[row.pk for row in rows]).update(published_at=now)
    for row in rows:
        metrics.observe_published(row.type, (now - row.created_at).total_seconds())
    return len(rows)


def relay_pending(*, send: Send, batch_size: int = 100, max_batches: int | None = None) -> int:
    """Drain every context's outbox, batch by batch; ``max_batches`` bounds one run per outbox."""
    published = 0
    for model in bus.outboxes():
        batches = 0
        while max_batches is None or batches < max_batches:
            try:
                count = relay_batch(model, send=send, batch_size=batch_size)
            except Exception:
                metrics.observe_publish_failure(model._meta.label)
                raise
            published += count
            batches += 1
            if count < batch_size:
                break
    return published

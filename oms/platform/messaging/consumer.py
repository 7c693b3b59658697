"""Runs one handler for one delivered message, exactly once in effect, whatever the broker repeats.

The inbox row (message id, handler) is claimed in the handler's own transaction: the business change,
the messages it causes and the proof of handling commit together. A second delivery finds the row and
does nothing. A payload that breaks its contract is parked at once (retrying cannot fix it); a handler
that fails is retried by the caller, and parked as dead after the last try.
"""

import enum
import logging
import time
import uuid
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from oms.platform.correlation import handling
from oms.platform.messaging import metrics
from oms.platform.messaging.bus import Subscription, bus
from oms.platform.messaging.envelope import Envelope, MalformedEnvelope
from oms.platform.messaging.models import InboxStatus
from oms.platform.messaging.registry import InvalidMessage, registry

logger = logging.getLogger(__name__)
MAX_ERROR_LENGTH = 4000


class Outcome(enum.Enum):
    HANDLED = "handled"
    DUPLICATE = "duplicate"
    RETRY = "retry"
    DEAD = "dead"


def consume(raw: dict[str, Any], handler_name: str, *, attempt: int = 1, final: bool = True) -> Outcome:
    subscription = bus.subscription(handler_name)
    try:
        envelope = Envelope.from_dict(raw)
        message = registry.deserialize(envelope.type, envelope.payload)
    except (MalformedEnvelope, InvalidMessage) as exc:
        return park_dead(subscription, raw, exc, attempts=attempt)
    started = time.perf_counter()
    try:
        with transaction.atomic():
            if not _claim(subscription, envelope, raw, attempt):
                return Outcome.DUPLICATE
            with handling(correlation_id=envelope.correlation_id, causation_id=str(envelope.id)):
                subscription.handler(message)
    except Exception as exc:
        logger.warning(
            "handler %s failed on %s (attempt %d)", handler_name, envelope.id, attempt, exc_info=True
        )
        metrics.observe_handler_failure(handler_name)
        return park_dead(subscription, raw, exc, attempts=attempt) if final else Outcome.RETRY
    finally:
        metrics.observe_handler_duration(handler_name, time.perf_counter() - started)
    return Outcome.HANDLED


def _claim(subscription: Subscription, envelope: Envelope, raw: dict[str, Any], attempt: int) -> bool:
    """Record the handling; False when it was already handled (the delivery is a duplicate).

    The common case, a first delivery, is one ``INSERT … ON CONFLICT DO NOTHING``: a concurrent
    delivery of the same message waits on the unique index and then inserts nothing. Only when a row
    exists does the slower path run, to tell a duplicate from a dead message being revived.
    """
    if _insert_if_absent(subscription, envelope, raw, attempt):
        return True
    existing = (
        subscription.inbox._default_manager.select_for_update()
        .filter(message_id=envelope.id, handler=subscription.name)
        .first()
    )
    if existing is None or existing.status == InboxStatus.PROCESSED:
        return False
    existing.status, existing.processed_at, existing.last_error = InboxStatus.PROCESSED, timezone.now(), ""
    existing.attempts += 1
    existing.save(update_fields=["status", "processed_at", "last_error", "attempts"])
    return True


def _insert_if_absent(
    subscription: Subscription, envelope: Envelope, raw: dict[str, Any], attempt: int
) -> bool:
    inbox = subscription.inbox
    values = {
        "message_id": envelope.id,
        "handler": subscription.name,
        "type": envelope.type,
        "status": InboxStatus.PROCESSED,
        "envelope": raw,
        "attempts": attempt,
        "last_error": "",
        "received_at": timezone.now(),
        "processed_at": timezone.now(),
    }
    fields = [field for field in inbox._meta.concrete_fields if field.name in values]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Only quoted identifiers from the model's metadata are interpolated; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(inbox._meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({quote('message_id')}, {quote('handler')}) DO NOTHING RETURNING {quote('id')}"
    )
    params = [field.get_db_prep_save(values[field.name], connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def park_dead(subscription: Subscription, raw: dict[str, Any], exc: Exception, *, attempts: int) -> Outcome:
    """Keep the message and its error where an operator can see it and replay it."""
    try:
        message_id = uuid.UUID(str(raw.get("id")))
    except ValueError:
        message_id = uuid.uuid4()
    error = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
    with transaction.atomic():
        subscription.inbox._default_manager.update_or_create(
            message_id=message_id,
            handler=subscription.name,
            defaults={
                "type": str(raw.get("type", "unknown"))[:200],
                "status": InboxStatus.DEAD,
                "envelope": raw,
                "attempts": attempts,
                "last_error": error,
                "processed_at": None,
            },
        )
    metrics.observe_dead(str(raw.get("type", "unknown")))
    logger.error("message %s parked as dead for %s: %s", message_id, subscription.name, error)
    return Outcome.DEAD

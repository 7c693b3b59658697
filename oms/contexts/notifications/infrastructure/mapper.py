"""Notifications between their records and the domain, both ways."""

from collections.abc import Iterable

from oms.contexts.notifications.domain.channels import AttemptOutcome, Channel, DeliveryStatus
from oms.contexts.notifications.domain.notification import (
    Attempt,
    Cause,
    Content,
    Destination,
    Notification,
    NotificationId,
)
from oms.contexts.notifications.infrastructure.models import DeliveryAttemptRecord, NotificationRecord


def to_notification(record: NotificationRecord, attempts: Iterable[DeliveryAttemptRecord]) -> Notification:
    notification = Notification(
        NotificationId(record.id),
        cause=Cause(
            message_id=record.message_id,
            topic=record.topic,
            order_id=record.order_id,
            order_number=record.order_number,
        ),
        destination=Destination(
            channel=Channel(record.channel),
            target=record.target,
            address=record.address,
            recipient_id=record.recipient_id,
        ),
        content=Content(subject=record.subject, body=record.body, html=record.html),
        created_at=record.created_at,
        resend_of=NotificationId(record.resend_of) if record.resend_of else None,
    )
    notification.status, notification.attempts = DeliveryStatus(record.status), record.attempts
    notification.last_error, notification.sent_at = record.last_error, record.sent_at
    notification.next_attempt_at, notification.lease_until = record.next_attempt_at, record.lease_until
    notification.history = [
        Attempt(
            number=a.number,
            outcome=AttemptOutcome(a.outcome),
            error=a.error,
            started_at=a.started_at,
            finished_at=a.finished_at,
        )
        for a in attempts
    ]
    return notification


def to_record(notification: Notification) -> NotificationRecord:
    cause, destination, content = notification.cause, notification.destination, notification.content
    return NotificationRecord(
        id=notification.id.value,
        message_id=cause.message_id,
        topic=cause.topic,
        order_id=cause.order_id,
        order_number=cause.order_number,
        channel=destination.channel.value,
        target=destination.target,
        address=destination.address,
        recipient_id=destination.recipient_id,
        subject=content.subject,
        body=content.body,
        html=content.html,
        status=notification.status.value,
        attempts=notification.attempts,
        last_error=notification.last_error,
        created_at=notification.created_at,
        sent_at=notification.sent_at,
        next_attempt_at=notification.next_attempt_at,
        lease_until=notification.lease_until,
        resend_of=notification.resend_of.value if notification.resend_of else None,
    )


def attempt_records(notification: Notification) -> list[DeliveryAttemptRecord]:
    return [
        DeliveryAttemptRecord(
            notification_id=notification.id.value,
            number=a.number,
            outcome=a.outcome.value,
            error=a.error,
            started_at=a.started_at,
            finished_at=a.finished_at,
        )
        for a in notification.history
    ]

"""Notifications stored with Django: locked while a try is claimed or recorded."""

import uuid

from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import Notification, NotificationId
from oms.contexts.notifications.infrastructure.mapper import attempt_records, to_notification, to_record
from oms.contexts.notifications.infrastructure.models import DeliveryAttemptRecord, NotificationRecord

STATE_FIELDS = ["status", "attempts", "last_error", "sent_at", "next_attempt_at", "lease_until"]


class DjangoNotificationRepository:
    def get(self, notification_id: NotificationId) -> Notification | None:
        record = NotificationRecord.objects.select_for_update().filter(id=notification_id.value).first()
        if record is None:
            return None
        attempts = DeliveryAttemptRecord.objects.filter(notification_id=record.id).order_by("number")
        return to_notification(record, attempts)

    def exists(self, message_id: uuid.UUID, channel: Channel, target: str) -> bool:
        return NotificationRecord.objects.filter(
            message_id=message_id, channel=channel.value, target=target, resend_of__isnull=True
        ).exists()

    def add(self, notification: Notification) -> None:
        to_record(notification).save(force_insert=True)

    def save(self, notification: Notification) -> None:
        to_record(notification).save(update_fields=STATE_FIELDS)
        # Attempts are only ever appended; the ones already stored are skipped by their unique number.
        DeliveryAttemptRecord.objects.bulk_create(attempt_records(notification), ignore_conflicts=True)

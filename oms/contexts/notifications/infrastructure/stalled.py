"""Notifications whose try is overdue: their task was lost, or their worker stopped mid-try."""

import uuid
from datetime import datetime, timedelta

from django.db.models import Q

from oms.contexts.notifications.infrastructure.models import NotificationRecord, StatusChoice


def stalled_notifications(*, now: datetime, grace: timedelta, limit: int) -> list[uuid.UUID]:
    overdue = Q(status__in=[StatusChoice.PENDING, StatusChoice.FAILED], next_attempt_at__lt=now - grace)
    lost = Q(status=StatusChoice.SENDING, lease_until__lt=now)
    rows = NotificationRecord.objects.filter(overdue | lost).order_by("next_attempt_at", "id")
    return list(rows.values_list("id", flat=True)[:limit])

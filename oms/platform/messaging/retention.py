"""Forgetting handled messages: published outbox rows and processed inbox rows past their retention.

Dead messages are never purged: they wait for an operator. An inbox row is the memory that makes a
redelivery harmless, so retention must outlast any redelivery (hours at most: the visibility timeout
plus the retry window); the command refuses anything under a day.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from oms.platform.messaging.bus import bus
from oms.platform.messaging.models import InboxStatus

MINIMUM_RETENTION = timedelta(days=1)
_DURATION = re.compile(r"^(?P<count>[1-9][0-9]*)(?P<unit>[dhm])$")
_UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_retention(text: str) -> timedelta:
    """``7d``, ``36h`` or ``2880m``; at least a day."""
    match = _DURATION.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a duration like 7d, 36h or 2880m")
    retention = timedelta(**{_UNITS[match["unit"]]: int(match["count"])})
    if retention < MINIMUM_RETENTION:
        raise ValueError("retention under a day could let a late redelivery be handled twice")
    return retention


@dataclass
class PurgeReport:
    outbox: int = 0
    inbox: int = 0


def purge_processed_messages(*, before: datetime, batch_size: int = 1000) -> PurgeReport:
    report = PurgeReport()
    for outbox in bus.outboxes():
        published = outbox._default_manager.filter(published_at__lt=before)
        report.outbox += _delete_in_batches(published, batch_size)
    for inbox in bus.inboxes():
        handled = inbox._default_manager.filter(status=InboxStatus.PROCESSED, processed_at__lt=before)
        report.inbox += _delete_in_batches(handled, batch_size)
    return report


def _delete_in_batches(rows: QuerySet[Any], batch_size: int) -> int:
    """Short transactions, so a large purge never holds locks the relay or handlers wait on."""
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(rows.values_list("pk", flat=True)[:batch_size])
            if not ids:
                return deleted
            deleted += rows.model._default_manager.filter(pk__in=ids).delete()[0]

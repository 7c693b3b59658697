"""What the notifications facade takes and returns."""

import uuid
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, kw_only=True)
class NotificationView:
    """A notification as its recipient sees it. ``status``: pending, sending, failed, sent or dead."""

    id: uuid.UUID
    channel: str
    topic: str
    order_id: uuid.UUID
    order_number: str
    subject: str
    body: str
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True, kw_only=True)
class NotificationPage:
    count: int
    results: tuple[NotificationView, ...]

"""The notifications context's synchronous public surface: keyword-only functions over contracts types.

Its own API calls these; nobody else needs to (notifications sits at the top of the context map and
hears of everything through events). Nothing here holds logic: each function delegates to the
application layer with the Django adapters and returns DTOs from `contracts.dtos`.
"""

import uuid

from oms.contexts.notifications.application import queries
from oms.contexts.notifications.contracts.dtos import NotificationPage
from oms.contexts.notifications.infrastructure.reader import DjangoNotificationReader


def list_notifications(
    *,
    recipient_id: uuid.UUID,
    channel: str | None = None,
    status: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> NotificationPage:
    """The recipient's own notifications, newest first. InvalidValue for an unknown channel or status."""
    return queries.list_notifications(
        reader=DjangoNotificationReader(),
        recipient_id=recipient_id,
        channel=channel,
        status=status,
        offset=offset,
        limit=limit,
    )

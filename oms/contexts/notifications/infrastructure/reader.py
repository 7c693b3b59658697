"""The read side: a recipient's notifications for the API, newest first, without locks."""

from oms.contexts.notifications.application.ports import NotificationSearch
from oms.contexts.notifications.contracts.dtos import NotificationPage, NotificationView
from oms.contexts.notifications.infrastructure.models import NotificationRecord


class DjangoNotificationReader:
    def page(self, search: NotificationSearch) -> NotificationPage:
        query = NotificationRecord.objects.filter(recipient_id=search.recipient_id)
        if search.channel is not None:
            query = query.filter(channel=search.channel.value)
        if search.status is not None:
            query = query.filter(status=search.status.value)
        rows = query.order_by("-created_at", "id")[search.offset : search.offset + search.limit]
        return NotificationPage(count=query.count(), results=tuple(_view(row) for row in rows))


def _view(row: NotificationRecord) -> NotificationView:
    return NotificationView(
        id=row.id,
        channel=row.channel,
        topic=row.topic,
        order_id=row.order_id,
        order_number=row.order_number,
        subject=row.subject,
        body=row.body,
        status=row.status,
        attempts=row.attempts,
        created_at=row.created_at,
        sent_at=row.sent_at,
    )

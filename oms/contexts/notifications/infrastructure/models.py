"""Persistence records of the notifications context; tables are prefixed `notifications_`."""

from oms.platform.messaging.models import InboxMessage, OutboxMessage


class NotificationsOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "notifications_outbox"


class NotificationsInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "notifications_inbox"

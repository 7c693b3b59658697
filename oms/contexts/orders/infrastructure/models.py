"""Persistence records of the orders context; tables are prefixed `orders_`."""

from oms.platform.messaging.models import InboxMessage, OutboxMessage


class OrdersOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "orders_outbox"


class OrdersInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "orders_inbox"

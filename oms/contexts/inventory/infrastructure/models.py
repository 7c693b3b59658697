"""Persistence records of the inventory context; tables are prefixed `inventory_`."""

from oms.platform.messaging.models import InboxMessage, OutboxMessage


class InventoryOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "inventory_outbox"


class InventoryInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "inventory_inbox"

"""Persistence records of the payments context; tables are prefixed `payments_`."""

from oms.platform.messaging.models import InboxMessage, OutboxMessage


class PaymentsOutbox(OutboxMessage):
    class Meta(OutboxMessage.Meta):
        db_table = "payments_outbox"


class PaymentsInbox(InboxMessage):
    class Meta(InboxMessage.Meta):
        db_table = "payments_inbox"

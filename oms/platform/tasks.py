"""Celery discovers tasks per app here; the platform's live with the messaging code."""

from oms.platform.messaging.tasks import deliver, purge_processed_messages, relay_outbox

__all__ = ["deliver", "purge_processed_messages", "relay_outbox"]

"""Celery discovers tasks per app here; the platform's live with the messaging code."""

from oms.platform.messaging.tasks import deliver, relay_outbox

__all__ = ["deliver", "relay_outbox"]

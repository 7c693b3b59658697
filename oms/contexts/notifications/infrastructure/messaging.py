"""How the notifications context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.notifications.contracts import commands, events
from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "notifications"


def wire() -> None:
    bus.add_outbox(NotificationsOutbox)
    registry.register_module(events)
    registry.register_module(commands)

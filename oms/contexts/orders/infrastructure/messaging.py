"""How the orders context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.orders.contracts import commands, events
from oms.contexts.orders.infrastructure.models import OrdersOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "orders"


def wire() -> None:
    bus.add_outbox(OrdersOutbox)
    registry.register_module(events)
    registry.register_module(commands)

"""How the inventory context plugs into the bus: its outbox, its published types and its subscriptions."""

from oms.contexts.inventory.contracts import commands, events
from oms.contexts.inventory.infrastructure.models import InventoryOutbox
from oms.platform.messaging.bus import bus
from oms.platform.messaging.registry import registry

QUEUE = "inventory"


def wire() -> None:
    bus.add_outbox(InventoryOutbox)
    registry.register_module(events)
    registry.register_module(commands)
